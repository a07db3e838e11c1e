import Foundation

/// The canonical JSON used for hashing record entries: no whitespace; object keys sorted by
/// Unicode code point (equivalently by their UTF-8 bytes); strings as raw UTF-8 (no Unicode
/// normalization) with only `"` → `\"`, `\` → `\\` and U+0000…U+001F → `\u00xx` (lowercase hex)
/// escaped; integers in decimal without leading zeros; `null` for an absent value.
public enum CanonicalJSON {
    public indirect enum Value: Sendable, Equatable {
        case string(String)
        case int(Int64)
        case null
        case object([String: Value])
    }

    public static func encode(_ value: Value) -> Data {
        var out = [UInt8]()
        write(value, to: &out)
        return Data(out)
    }

    public static func encodeString(_ object: [String: String]) -> String {
        String(decoding: encode(.object(object.mapValues(Value.string))), as: UTF8.self)
    }

    private static func write(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .string(let s): writeString(s, to: &out)
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            // By UTF-8 bytes, compared in place (this runs for every entry `records verify` checks).
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (n, key) in keys.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(members[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
