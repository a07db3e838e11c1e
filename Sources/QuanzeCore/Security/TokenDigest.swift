import Crypto
import Foundation

/// Hashing and generation of bearer secrets (session tokens, API tokens, reset links).
/// The server stores only `sha256Hex(token)`, never the token itself, so a database leak does
/// not leak usable sessions (等级保护 数据保密性: 鉴别数据在存储过程中的保密性).
public enum TokenDigest {
    /// Lowercase hex SHA-256 of the UTF-8 bytes of `s` (64 characters).
    public static func sha256Hex(_ s: String) -> String {
        hex(SHA256.hash(data: Data(s.utf8)))
    }

    /// Lowercase hex SHA-256 of raw bytes.
    public static func sha256Hex(bytes: Data) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// A fresh token of `byteCount` random bytes from the system CSPRNG
    /// (`SystemRandomNumberGenerator`: getrandom(2) on Linux, arc4random on Apple platforms),
    /// encoded as URL-safe base64 without padding (43 characters for 32 bytes).
    public static func randomToken(byteCount: Int = 32) -> String {
        precondition(byteCount > 0, "byteCount must be positive")
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8]()
        bytes.reserveCapacity(byteCount + 7)
        while bytes.count < byteCount {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return base64URL(Data(bytes.prefix(byteCount)))
    }

    /// Whether `token` hashes to `digest`, comparing in constant time.
    public static func matches(_ token: String, digest: String) -> Bool {
        let a = Array(sha256Hex(token).utf8), b = Array(digest.lowercased().utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
