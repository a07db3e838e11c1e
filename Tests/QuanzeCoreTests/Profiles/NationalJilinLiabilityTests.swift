import Testing
@testable import QuanzeCore

/// What national (国办发〔2005〕37号 四) and jilin (吉政办发〔2016〕91号) say about pursuing liability, as the
/// liability engine reads it: sanction effects, apportionment triggers, the pursuer's own liability.
@Suite("national and jilin: liability vocabulary")
struct NationalJilinLiabilityTests {
    @Test("37号 四 第一段: the officer and body sanctions carry what they do once final")
    func nationalSanctionEffects() throws {
        let national = try ProfileRegistry.bundled().national
        let expected: [(code: String, effect: SanctionEffect?)] = [
            ("rectify_within_deadline", .agencyRectification), ("circulate_criticism", .agencyCirculation),
            ("revoke_merit_eligibility", .noMeritThisYear),
            ("criticism_education", nil), ("off_duty_training", .offDutyTraining), ("transfer_off_post", .transferOffPost),
            ("revoke_enforcement_qualification", .revokeQualification),
            ("organizational_handling", nil), ("administrative_sanction", nil), ("judicial_referral", nil),
        ]
        for (code, effect) in expected {
            let sanction = try #require(national.sanction(code), "\(code)")
            #expect(sanction.entry.effect == effect, "\(code)")
        }
        #expect(national.provision(LiabilityCodes.hearingBeforeSanction)?.entry.source.article == "四 第四段")
        // every profile inherits the effects: jilin and changchun do not restate the catalog
        #expect(try ProfileRegistry.bundled().effective(id: "changchun")?.sanction("revoke_enforcement_qualification")?.entry.effect == .revokeQualification)
    }

    @Test("jilin 七(一) responsibility by stage and 七(二) 责任倒查 are engine rules")
    func jilinTriggers() throws {
        let jilin = try #require(try ProfileRegistry.bundled().effective(id: "jilin"))
        let stage = try #require(jilin.apportionment.first { $0.entry.code == "stage_responsibility" })
        #expect(stage.entry.when == .stageResponsibility && stage.entry.source.article == "七(一)")
        let backtracking = try #require(jilin.apportionment.first { $0.entry.code == "responsibility_backtracking" })
        #expect(backtracking.entry.when == .complaintDropped && backtracking.entry.source.article == "七(二)")
        #expect(backtracking.entry.liable.contains(.init(party: .supervisingBody, share: .proportionate)))
        // national's state-compensation rule is still inherited
        #expect(jilin.apportionment.first?.entry.code == "state_compensation_recovery")
    }

    @Test("jilin 二(二) 失责必究 and 过惩相当, 四(二) 争议协调, 五(四) 通报曝光, 八(一) 罚缴分离")
    func jilinProvisions() throws {
        let jilin = try #require(try ProfileRegistry.bundled().effective(id: "jilin"))
        let expected: [(code: String, article: String)] = [
            (LiabilityCodes.pursuerLiable, "二(二)"), ("proportionate_sanction", "二(二)"), ("dispute_coordination", "四(二)"),
            ("typical_case_publicity", "五(四)"), ("liability_procedure_system", "七(一)"), ("fine_collection_separation", "八(一)"),
        ]
        for (code, article) in expected {
            let p = try #require(jilin.provision(code), "\(code)")
            #expect(p.origin == "jilin" && p.entry.source.article == article, "\(code)")
        }
        // jilin sets no liability periods: the intake and decision periods stay 未规定
        #expect(jilin.deadline(LiabilityCodes.intake) == nil && jilin.deadline(LiabilityCodes.decision) == nil)
    }
}
