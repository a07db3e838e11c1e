import Foundation
import QuanzeCore

/// Deterministic identifiers for the demo data set, so its URLs are the same on every machine.
enum DemoIDs {
    static func uuid(_ key: String) -> UUID {
        let hex = Array(TokenDigest.sha256Hex("quanze-demo:\(key)").utf8.prefix(32))
        var b = stride(from: 0, to: 32, by: 2).map { UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
        b[6] = (b[6] & 0x0F) | 0x50   // version 5 style
        b[8] = (b[8] & 0x3F) | 0x80   // RFC 4122 variant
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }
}
