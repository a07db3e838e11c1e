import Crypto
import Foundation

/// The hash of the 全过程记录: SHA-256 by default, SM3 (GB/T 32905-2016) where a deployment needs
/// 国密. Chosen per deployment (`QUANZE_RECORD_HASH`) and stored on every entry and checkpoint so
/// that verification always uses the algorithm an item was written with.
public enum RecordHashAlgorithm: String, Codable, CaseIterable, Sendable {
    case sha256
    case sm3

    /// Both produce 32-byte digests.
    public var digestSize: Int { 32 }

    public func hash<D: DataProtocol>(_ data: D) -> Data {
        switch self {
        case .sha256: Data(SHA256.hash(data: data))
        case .sm3: SM3.hash(data)
        }
    }

    public var label: String {
        switch self {
        case .sha256: "SHA-256"
        case .sm3: "SM3（GB/T 32905-2016）"
        }
    }
}

/// Lowercase hexadecimal, as stored in the database.
public enum Hex {
    public static func encode<D: DataProtocol>(_ data: D) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(data.count * 2)
        for byte in data {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// nil unless `text` is an even number of hexadecimal digits (either case).
    public static func decode(_ text: String) -> Data? {
        let bytes = Array(text.utf8)
        guard bytes.count % 2 == 0 else { return nil }
        var out = Data(capacity: bytes.count / 2)
        var i = 0
        while i < bytes.count {
            guard let hi = value(bytes[i]), let lo = value(bytes[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
