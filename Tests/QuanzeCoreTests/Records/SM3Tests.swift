import Foundation
import QuanzeCore
import Testing

@Suite("SM3 (GB/T 32905-2016)")
struct SM3Tests {
    // GB/T 32905-2016 附录 A, 示例 1 and 示例 2.
    @Test("the standard's example 1: \"abc\"")
    func example1() {
        #expect(Hex.encode(SM3.hash(Data("abc".utf8))) == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
    }

    @Test("the standard's example 2: \"abcd\" × 16")
    func example2() {
        let message = Data(String(repeating: "abcd", count: 16).utf8)
        #expect(Hex.encode(SM3.hash(message)) == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
    }

    @Test("incremental updates of any split give the one-shot digest")
    func incremental() {
        let message = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let whole = SM3.hash(message)
        for split in [0, 1, 55, 56, 63, 64, 65, 128, 999, 1000] {
            var h = SM3()
            h.update(message.prefix(split))
            h.update(message.dropFirst(split))
            #expect(h.finalize() == whole, "split at \(split)")
        }
        #expect(SM3.hash(Data()) != SM3.hash(Data([0])))
    }

    @Test("RecordHashAlgorithm dispatches to SHA-256 and SM3")
    func algorithms() {
        #expect(Hex.encode(RecordHashAlgorithm.sha256.hash(Data())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(RecordHashAlgorithm.sm3.hash(Data("abc".utf8)) == SM3.hash(Data("abc".utf8)))
    }
}
