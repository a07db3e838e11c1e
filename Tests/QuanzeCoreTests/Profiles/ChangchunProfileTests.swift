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

    @Test("no seed sets a period for filing major decisions: changchun, jilin and national leave it 未规定")
    func noMajorDecisionFilingPeriod() throws {
        let registry = try ProfileRegistry.bundled()
        for id in ["changchun", "jilin", "national", "hangzhou", "beijing-tongzhou"] {
            #expect(registry.effective(id: id)?.deadline("major_decision_filing") == nil, "\(id)")
        }
    }

    @Test("实施意见 二(一)1, 二(二)4/5/7, 二(三)8/10: the rules of 篇十二 besides the delegation filing")
    func implementationOpinionProvisions() throws {
        let changchun = try #require(try ProfileRegistry.bundled().effective(id: "changchun"))
        let expected: [(code: String, article: String)] = [
            ("one_list_one_table_one_chart", "二(一)1"), ("legal_review_scope", "二(二)4"), ("legal_review_points", "二(二)4"),
            ("audio_visual_recording", "二(二)5"), ("full_audio_visual_recording", "二(二)5"),
            ("fine_no_transit_account", "二(二)7"), ("fine_decision_contents", "二(二)7"), ("fine_refund_after_remedy", "二(二)7"),
            ("fine_collection_quarterly_report", "二(二)7"), ("discretion_reasons", "二(三)8"), ("case_transfer_no_refusal", "二(三)10"),
        ]
        for (code, article) in expected {
            let p = try #require(changchun.provision(code), "\(code)")
            #expect(p.origin == "changchun" && p.entry.source.article == article && p.entry.source.part == "篇十二", "\(code)")
        }
        // jilin's provisions reach 长春 by inheritance
        #expect(changchun.provision(LiabilityCodes.pursuerLiable)?.origin == "jilin")
    }
}
