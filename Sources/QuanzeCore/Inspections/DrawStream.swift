import Crypto
import Foundation

/// The random stream of `quanze-draw-v1`: a counter-mode SHA-256 generator. Word `k` (k = 0, 1, 2…)
/// is the first 8 bytes, read big-endian, of SHA-256(seed ‖ k as 8 bytes big-endian), where `seed`
/// is the 32 bytes the published 64-hex-digit seed stands for. Anyone holding the seed gets the same
/// words in the same order (see docs/random-draw.md).
public struct DrawStream: Sendable {
    public let seed: [UInt8]
    /// How many words have been taken so far.
    public private(set) var counter: UInt64 = 0

    public init(seed: [UInt8]) {
        self.seed = seed
    }

    /// The next 64-bit word.
    public mutating func next64() -> UInt64 {
        var message = seed
        withUnsafeBytes(of: counter.bigEndian) { message.append(contentsOf: $0) }
        counter += 1
        return SHA256.hash(data: message).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// A uniform integer in 0..<n by rejection sampling (no modulo bias): with r = 2^64 mod n, a word
    /// x ≥ 2^64 − r is thrown away and the next one taken; otherwise the answer is x mod n.
    public mutating func uniform(_ n: Int) -> Int {
        precondition(n > 0, "uniform(n) needs n ≥ 1")
        let n64 = UInt64(n)
        let r = (UInt64.max % n64 &+ 1) % n64
        while true {
            let x = next64()
            if r == 0 || x < 0 &- r { return Int(x % n64) }
        }
    }

    /// The 32 seed bytes of a 64-digit hexadecimal seed (either case), or nil.
    public static func seedBytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for i in stride(from: 0, to: 64, by: 2) {
            guard let hi = nibble(digits[i]), let lo = nibble(digits[i + 1]) else { return nil }
            bytes.append(hi << 4 | lo)
        }
        return bytes
    }

    /// Lowercase hexadecimal of `bytes` (how seeds and digests are published).
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
