import Foundation

/// SM3 cryptographic hash (GB/T 32905-2016 《信息安全技术 SM3密码杂凑算法》), written from the
/// standard: 512-bit blocks, SHA-2 style padding, message expansion to W[0…67] and W′[0…63],
/// 64 rounds of the compression function CF with constants T_j, boolean functions FF_j/GG_j and
/// permutations P0/P1. Output is 256 bits. Incremental: `update` any number of times, then
/// `finalize`. Tests pin the standard's two examples (附录 A).
public struct SM3: Sendable {
    public static let digestSize = 32

    private static let iv: [UInt32] = [
        0x7380_166F, 0x4914_B2B9, 0x1724_42D7, 0xDA8A_0600, 0xA96F_30BC, 0x1631_38AA, 0xE38D_EE4D, 0xB0FB_0E4E,
    ]
    /// T_j rotated left by j mod 32, precomputed for the 64 rounds.
    private static let rotatedT: [UInt32] = (0..<64).map { j in
        rotl(j < 16 ? 0x79CC_4519 : 0x7A87_9D8A, UInt32(j % 32))
    }

    private var state: [UInt32] = SM3.iv
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    public init() { buffer.reserveCapacity(64) }

    public static func hash<D: DataProtocol>(_ data: D) -> Data {
        var h = SM3()
        h.update(data)
        return h.finalize()
    }

    public mutating func update<D: DataProtocol>(_ data: D) {
        length &+= UInt64(data.count)
        for region in data.regions {
            region.withUnsafeBytes { raw in
                var bytes = raw[...]
                if !buffer.isEmpty {
                    let take = min(64 - buffer.count, bytes.count)
                    buffer.append(contentsOf: bytes.prefix(take))
                    bytes = bytes.dropFirst(take)
                    if buffer.count == 64 {
                        let block = buffer
                        block.withUnsafeBytes { compress($0) }
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                while bytes.count >= 64 {
                    compress(UnsafeRawBufferPointer(rebasing: bytes.prefix(64)))
                    bytes = bytes.dropFirst(64)
                }
                buffer.append(contentsOf: bytes)
            }
        }
    }

    public mutating func finalize() -> Data {
        let bitLength = length &* 8
        var tail = buffer
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                compress(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + 64]))
                offset += 64
            }
        }
        buffer.removeAll()
        var out = Data(capacity: 32)
        for word in state { withUnsafeBytes(of: word.bigEndian) { out.append(contentsOf: $0) } }
        return out
    }

    @inline(__always) private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 {
        n == 0 ? x : (x << n) | (x >> (32 - n))
    }

    @inline(__always) private static func p0(_ x: UInt32) -> UInt32 { x ^ rotl(x, 9) ^ rotl(x, 17) }
    @inline(__always) private static func p1(_ x: UInt32) -> UInt32 { x ^ rotl(x, 15) ^ rotl(x, 23) }

    /// CF(V, B): one 64-byte block.
    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 68) { w in
            for i in 0..<16 {
                let b = 4 * i
                w[i] = UInt32(block[b]) << 24 | UInt32(block[b + 1]) << 16 | UInt32(block[b + 2]) << 8 | UInt32(block[b + 3])
            }
            for j in 16..<68 {
                w[j] = Self.p1(w[j - 16] ^ w[j - 9] ^ Self.rotl(w[j - 3], 15)) ^ Self.rotl(w[j - 13], 7) ^ w[j - 6]
            }
            var a = state[0], b = state[1], c = state[2], d = state[3]
            var e = state[4], f = state[5], g = state[6], h = state[7]
            for j in 0..<64 {
                let a12 = Self.rotl(a, 12)
                let ss1 = Self.rotl(a12 &+ e &+ Self.rotatedT[j], 7)
                let ss2 = ss1 ^ a12
                let ff: UInt32 = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c)
                let gg: UInt32 = j < 16 ? e ^ f ^ g : (e & f) | (~e & g)
                let tt1 = ff &+ d &+ ss2 &+ (w[j] ^ w[j + 4])
                let tt2 = gg &+ h &+ ss1 &+ w[j]
                d = c
                c = Self.rotl(b, 9)
                b = a
                a = tt1
                h = g
                g = Self.rotl(f, 19)
                f = e
                e = Self.p0(tt2)
            }
            state[0] ^= a; state[1] ^= b; state[2] ^= c; state[3] ^= d
            state[4] ^= e; state[5] ^= f; state[6] ^= g; state[7] ^= h
        }
    }
}
