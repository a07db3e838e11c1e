import Testing
@testable import QuanzeCore

/// henan-yongcheng: 永政办〔2015〕98号 (002_*), inheriting henan (省政府令第187号) and through it national.
@Suite("henan-yongcheng profile")
struct HenanYongchengProfileTests {
    static let registry = Result { try ProfileRegistry.bundled() }
    func yongcheng() throws -> EffectiveProfile { try #require(try Self.registry.get().effective(id: "henan-yongcheng")) }

    @Test func chainIsYongchengHenanNational() throws {
        let yc = try yongcheng()
        #expect(try Self.registry.get().profile(id: "henan-yongcheng")?.inherits == "henan")
        #expect(yc.lineage == ["henan-yongcheng", "henan", "national"])
    }

    /// The liability procedure comes from the province (henan 第二十一至二十五条) by inheritance.
    @Test func seesHenansLiabilityDeadlines() throws {
        let yc = try yongcheng()
        let decision = try #require(yc.deadline(LiabilityCodes.decision))
        #expect(decision.inherited && decision.origin == "henan")
        #expect(decision.entry.value == 30 && decision.entry.extension?.value == 20)
        #expect(yc.deadline(LiabilityCodes.appealWindow)?.entry.value == 10)
        #expect(yc.quantity(LiabilityCodes.investigatorsMinimum)?.origin == "henan")
        #expect(yc.apportionment.first { $0.entry.when == .collectiveDecision }?.origin == "henan")
        #expect(yc.deadline("penalty_decision")?.origin == "national")
    }

    /// 六: body 责令改正/限期改正、通报批评、取消评先评优; officer 诫勉谈话 … 取消执法资格; 五(三) 暂扣.
    @Test func sanctionsOfPartSix() throws {
        let yc = try yongcheng()
        let own = yc.catalogs.personSanctions.filter { $0.origin == "henan-yongcheng" }.map(\.entry)
        #expect(Set(own.map(\.name)) == ["诫勉谈话", "批评教育", "责令写出书面检查", "通报批评（人员）", "离岗培训",
                                         "暂扣《河南省行政执法证》", "收回《河南省行政执法证》", "调离执法岗位", "取消执法资格"])
        let suspend = try #require(yc.sanction("suspend_certificate"))
        #expect(suspend.entry.effect == .suspendCertificate && suspend.entry.source.article == "五(三)")
        #expect(yc.sanction("recall_certificate")?.entry.effect == .revokeCertificate)
        #expect(yc.sanction("revoke_enforcement_qualification")?.overrides == "henan")
        let agency = yc.catalogs.agencySanctions.filter { $0.origin == "henan-yongcheng" }.map(\.entry)
        #expect(agency.map(\.name) == ["责令改正或者限期改正", "通报批评", "取消评先评优资格"])
        #expect(agency.allSatisfy { $0.authority == "市政府法制办公室" && $0.source.article == "六" })
        // henan's 约谈负责人 (第九条) still applies in 永城.
        #expect(yc.sanction("agency_head_interview")?.origin == "henan")
    }

    @Test func powersFlowchartsAndSupervision() throws {
        let yc = try yongcheng()
        let categories = try #require(yc.provision("power_categories")).entry
        for kind in ["行政许可", "行政处罚", "行政强制", "行政确认", "行政给付", "行政征收", "行政裁决", "行政检查"] {
            #expect(categories.text.contains(kind), "\(kind)")
        }
        #expect(yc.provision("no_unauthorized_powers")?.entry.text.contains("不得以规范性文件作为执法依据") == true)
        #expect(yc.provision("enforcement_flowcharts")?.entry.text.contains("通用流程图") == true)
        #expect(yc.provision("flowchart_review_before_publication")?.entry.source.article == "四(一)")
        #expect(yc.provision("agency_confirmed_before_enforcement")?.entry.source.article == "四(二)")
        for code in ["major_penalty_filing_review", "legal_review_before_decision", "case_file_review",
                     "enforcement_inspection", "enforcement_statistics", "supervision_results_publication"] {
            #expect(yc.provision(code)?.entry.source.article == "五(二)", "\(code)")
        }
        #expect(yc.provision(LiabilityCodes.hearingBeforeSanction)?.overrides == "national")
    }
}
