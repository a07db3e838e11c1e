import Foundation
import Testing
@testable import QuanzeCore

/// changchun (004_* 篇十二) inherits jilin and national and adds the 委托执法 filing period.
@Suite("长春市规则配置 changchun profile")
struct ChangchunProfileTests {
    @Test func inheritsJilinAndAddsTheDelegationFilingPeriod() throws {
        let registry = try ProfileRegistry.bundled()
        let changchun = try #require(registry.effective(id: "changchun"))
        #expect(changchun.lineage == ["changchun", "jilin", "national"])
        let filing = try #require(changchun.deadline("delegation_filing"))
        #expect(filing.origin == "changchun" && !filing.inherited)
        #expect(filing.entry.value == 15 && filing.entry.unit == .calendarDays)
        #expect(filing.entry.start == "书面委托决定作出之日")
        #expect(filing.entry.source.seed == "004_cacaddb37daf54c4.txt" && filing.entry.source.part == "篇十二")
        #expect(filing.entry.source.article == "二(一)3")
        // jilin's rule still applies in 长春市
        #expect(changchun.deadline("power_list_adjustment")?.origin == "jilin")
        #expect(registry.effective(id: "jilin")?.deadline("delegation_filing") == nil)
        #expect(changchun.provision("penalty_delegation")?.entry.source.article == "第二十条")
    }
}
