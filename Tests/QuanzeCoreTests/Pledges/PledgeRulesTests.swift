import Foundation
import Testing
@testable import QuanzeCore

@Suite("责任书 rules: model sections, attachment types, quotes")
struct PledgeRulesTests {
    @Test("the model pledge has five sections of 200 points")
    func model() {
        #expect(PledgeRules.modelSections.count == 5)
        #expect(PledgeRules.modelSections.allSatisfy { $0.points == 200 })
    }

    @Test("attachments are recognised by their first bytes, not their names")
    func sniff() {
        #expect(AttachmentType.sniff(Array("%PDF-1.7".utf8)) == .pdf)
        #expect(AttachmentType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .png)
        #expect(AttachmentType.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(AttachmentType.sniff(Array("GIF89a".utf8)) == nil)
        #expect(AttachmentType.sniff(Array("%PD".utf8)) == nil)
        #expect(AttachmentType.sniff([]) == nil)
    }

    @Test("the pledge rules quote 003_* 篇2 verbatim", .enabled(if: SeedQuoteTests.seedDirectory != nil))
    func quotes() throws {
        let directory = try #require(SeedQuoteTests.seedDirectory)
        for rule in [PledgeRules.levels, PledgeRules.score] {
            let seed = try #require(rule.source.seed)
            let text = try String(contentsOf: directory.appendingPathComponent(seed), encoding: .utf8)
            let part = SeedParts.text(of: try #require(rule.source.part), in: text)
            #expect(!part.isEmpty)
            #expect(part.contains(rule.quote), "「\(rule.quote)」 not in \(seed) \(rule.source.part ?? "")")
        }
    }
}
