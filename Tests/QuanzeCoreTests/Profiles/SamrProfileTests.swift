import Testing
@testable import QuanzeCore

/// samr: 市场监督管理行政执法责任制规定 (国家市场监督管理总局令第41号, 004_* 篇七), inheriting national.
/// The order sets no periods; it is catalogs, 容错 and protections.
@Suite("samr profile")
struct SamrProfileTests {
    static let registry = Result { try ProfileRegistry.bundled() }

    func profile() throws -> EffectiveProfile {
        try #require(try Self.registry.get().effective(id: "samr"))
    }

    @Test func inheritsNationalAndValidates() throws {
        let samr = try profile()
        #expect(samr.lineage == ["samr", "national"])
        let own = try #require(try Self.registry.get().profile(id: "samr"))
        #expect(own.deadlines.isEmpty, "the order sets no period; the national statutory periods apply")
        for (_, entry) in own.allEntries {
            #expect(entry.source.seed == "004_cacaddb37daf54c4.txt" && entry.source.part == "篇七", "\(entry.code)")
            #expect(entry.quote != nil, "\(entry.code) has no quote")
        }
        #expect(samr.deadline("penalty_decision")?.inherited == true)
    }

    /// 第十条: eighteen situations to pursue, in the order of the text.
    @Test func eighteenFaultSituations() throws {
        let own = try profile().catalogs.faultSituations.filter { $0.origin == "samr" }.map(\.entry)
        #expect(own.count == 18)
        #expect(own.allSatisfy { $0.source.article == "第十条" && $0.target == .person })
        #expect(own.first?.name == "超越法定职权作出准予行政许可决定")
        #expect(own.last?.code == "other_fault")
        #expect(own.contains { $0.code == "criminal_case_not_transferred" && $0.text?.contains("以行政处罚代替刑事处罚") == true })
    }

    /// 第十一条 (13 situations that are not a fault), 第十二条 容错, 第十六条 prior 政务处分.
    @Test func exemptCircumstances() throws {
        let exempt = try profile().catalogs.circumstances.exempt.map(\.entry)
        #expect(exempt.count == 15)
        #expect(exempt.filter { $0.source.article == "第十一条" }.count == 13)
        let collective = try #require(exempt.first { $0.code == "objected_in_collective_decision" })
        #expect(collective.text == "在集体决策中对错误决策提出明确反对意见或者保留意见的")
        let superior = try #require(exempt.first { $0.code == "objected_to_superior_order" })
        #expect(superior.text?.hasSuffix("但执行明显违法的决定、命令或者文件的除外") == true)
        let trial = try #require(exempt.first { $0.code == "reform_trial_error" })
        #expect(trial.source.article == "第十二条" && trial.text?.contains("应当依法予以纠正") == true)
        let prior = try #require(exempt.first { $0.detect == .priorGovernmentSanction })
        #expect(prior.code == "prior_government_sanction" && prior.source.article == "第十六条")
    }

    /// 第十五条: light handling for a minor fault with a statutory lenient circumstance, else 组织处理 or 处分.
    @Test func sanctionsAndGravity() throws {
        let samr = try profile()
        // As written (lightest first); the merge keeps overridden national codes at their inherited place.
        let own = try #require(try Self.registry.get().profile(id: "samr")).catalogs.personSanctions.map(\.name)
        #expect(own == ["谈话提醒", "批评教育", "责令检查", "诫勉", "调离行政执法岗位", "取消行政执法资格", "组织处理", "处分", "移送纪检监察机关"])
        #expect(samr.sanction("transfer_off_post")?.entry.effect == .transferOffPost)
        #expect(samr.sanction("revoke_enforcement_qualification")?.entry.effect == .revokeQualification)
        #expect(samr.sanction("talk_reminder")?.entry.effect == nil)
        let gravity = samr.gravity.map(\.entry)
        #expect(gravity.map(\.level) == [1, 2])
        #expect(gravity[0].sanctions == ["talk_reminder", "criticism_education", "ordered_self_examination", "admonition",
                                         "transfer_off_post", "revoke_enforcement_qualification"])
        #expect(gravity[1].sanctions == ["organizational_handling", "administrative_sanction"])
        #expect(gravity.allSatisfy { $0.source.article == "第十五条" })
    }

    @Test func provisions() throws {
        let samr = try profile()
        let noSecond = try #require(samr.provision(LiabilityCodes.noSecondSanction)).entry
        #expect(noSecond.source.article == "第十六条" && noSecond.text.contains("不再给予处分"))
        let principles = try #require(samr.provision("liability_principles")).entry
        #expect(principles.text.contains("失职追责、尽职免责") && principles.source.article == "第三条")
        #expect(samr.provision("fault_definition")?.entry.text.contains("故意或者重大过失") == true)
        #expect(samr.provision("fault_definition")?.entry.source.article == "第九条")
        let falseReports = try #require(samr.provision("false_report_protection")).entry
        #expect(falseReports.source.article == "第二十一条" && falseReports.text.contains("澄清事实"))
        #expect(samr.provision("reform_error_corrected")?.entry.source.article == "第十二条")
        #expect(samr.provision("reward_mechanism")?.overrides == "national")
        #expect(samr.provision(LiabilityCodes.hearingBeforeSanction)?.inherited == true)
    }
}
