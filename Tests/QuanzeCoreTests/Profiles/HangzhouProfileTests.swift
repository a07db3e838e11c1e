import Testing
@testable import QuanzeCore

/// hangzhou inherits national and sets the 执法依据 adjustment period (杭州市行政执法责任制规定 第八条, 004_* 篇六).
@Suite("hangzhou profile")
struct HangzhouProfileTests {
    @Test func adjustmentPeriodIsThirtyWorkingDays() throws {
        let hangzhou = try #require(try ProfileRegistry.bundled().effective(id: "hangzhou"))
        #expect(hangzhou.lineage == ["hangzhou", "national"])
        let rule = try #require(hangzhou.deadline("power_list_adjustment"))
        #expect(rule.origin == "hangzhou" && !rule.inherited)
        #expect(rule.entry.value == 30 && rule.entry.unit == .workingDays)
        #expect(rule.entry.source.article == "第八条")
        #expect(rule.entry.source.seed == "004_cacaddb37daf54c4.txt" && rule.entry.source.part == "篇六")
        #expect(hangzhou.deadline("penalty_decision")?.inherited == true)
    }
}
