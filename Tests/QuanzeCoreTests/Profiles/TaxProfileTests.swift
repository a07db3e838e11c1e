import Testing
@testable import QuanzeCore

/// tax: 税收执法责任制考核评议办法 (003_* 篇4), inheriting national.
@Suite("tax profile")
struct TaxProfileTests {
    static let registry = Result { try ProfileRegistry.bundled() }

    func profile() throws -> EffectiveProfile {
        try #require(try Self.registry.get().effective(id: "tax"))
    }

    @Test func inheritsNationalAndValidates() throws {
        let tax = try profile()
        #expect(tax.lineage == ["tax", "national"])
        let own = try #require(try Self.registry.get().profile(id: "tax"))
        for (_, entry) in own.allEntries {
            #expect(entry.source.seed == "003_70cd4ff1a2ae84d9.txt" && entry.source.part == "篇4", "\(entry.code)")
            #expect(entry.quote != nil, "\(entry.code) has no quote")
        }
    }

    /// 第十二条: last month's daily assessment is reported by the 10th: counted from the month's last
    /// day, 2026-06-30 + 10 days = Friday 2026-07-10.
    @Test func monthlyReportByTheTenth() throws {
        let rule = try #require(try profile().deadline("daily_assessment_report")).entry
        #expect(rule.value == 10 && rule.unit == .calendarDays && rule.bound == .atMost && rule.extension == nil)
        #expect(rule.source.article == "第十二条")
        let due = try officialWorkCalendar.deadline(value: rule.value, unit: .calendarDays, from: calDay("2026-06-30"))
        #expect(due.date == calDay("2026-07-10"))
    }

    /// 附件 七: a taxpayer listed as 非正常户 for more than three months has its registration declared void.
    @Test func abnormalTaxpayerPeriod() throws {
        let rule = try #require(try profile().deadline("abnormal_taxpayer_invalidation")).entry
        #expect(rule.value == 3 && rule.unit == .months && rule.bound == .atLeast)
        #expect(calDay("2026-01-31").adding(months: rule.value) == calDay("2026-04-30"))
    }

    /// 第十三条: focus assessments at least once a year (province), twice below.
    @Test func focusAssessmentCounts() throws {
        let tax = try profile()
        let provincial = try #require(tax.quantity("focus_assessments_provincial")).entry
        let local = try #require(tax.quantity("focus_assessments_local")).entry
        #expect(provincial.value == 1 && local.value == 2)
        #expect(provincial.bound == .atLeast && local.bound == .atLeast)
        #expect(provincial.source.article == "第十三条" && local.source.article == "第十三条")
    }

    /// 附件: twenty indicators, each with 考核内容, 考核路径 and 涉及岗位 (the last one's posts are missing in the seed).
    @Test func indicators() throws {
        let content = try profile().assessment.content.filter { $0.origin == "tax" }.map(\.entry)
        #expect(content.count == 20)
        #expect(content.map(\.name).prefix(3) == ["逾期申报", "税款催缴", "延期申报"])
        #expect(content.last?.name == "税务行政诉讼")
        for item in content {
            let text = try #require(item.text)
            #expect(text.contains("考核内容：") && text.contains("考核路径：") && text.contains("涉及岗位："), "\(item.code)")
            #expect(item.source.article.hasPrefix("附件 "))
        }
        let overdue = try #require(content.first { $0.code == "indicator_overdue_filing" })
        #expect(overdue.text?.contains("《逾期未申报清册》与《限期改正通知书》") == true)
        #expect(overdue.text?.contains("申报征收岗、税源管理岗、领导岗") == true)
        #expect(content.last?.text?.contains("涉及岗位：（种子文本未载）") == true)
    }

    /// 第十四条 confirmation by the assessed person; 第十八条 the assessor who missed a fault bears more.
    @Test func confirmationAndAssessorLiability() throws {
        let tax = try profile()
        let confirmation = try #require(tax.provision("fault_confirmation")).entry
        #expect(confirmation.source.article == "第十四条" && confirmation.text.contains("被考核人确认"))
        let aggravating = tax.catalogs.circumstances.aggravating.map(\.entry)
        let missed = try #require(aggravating.first { $0.code == "assessor_missed_fault" })
        #expect(missed.source.article == "第十八条" && missed.text?.contains("加重日常考核人的过错责任") == true)
    }

    /// 第十六条 督促纠正, 第十七条 限期整改 (with its effect on the body's assessment).
    @Test func sanctionsAndMethods() throws {
        let tax = try profile()
        let rectify = try #require(tax.sanction("rectify_within_deadline"))
        #expect(rectify.origin == "tax" && rectify.entry.effect == .agencyRectification && rectify.entry.source.article == "第十七条")
        #expect(tax.sanction("supervised_correction")?.entry.source.article == "第十六条")
        let methods = try #require(try Self.registry.get().profile(id: "tax")).assessment.methods.map(\.code)
        #expect(methods == ["internal_assessment", "external_evaluation", "automatic_assessment", "daily_assessment", "focus_assessment", "self_assessment"])
        #expect(tax.assessment.channels.filter { $0.origin == "tax" }.count == 4)
        #expect(tax.provision("assessment_principles")?.overrides == "national")
    }
}
