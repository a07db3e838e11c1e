import Foundation
import Testing
@testable import QuanzeCore

/// Table-driven checks of every bundled rule profile (Resources/profiles) through the liability
/// engine: its deadlines on real 2026 calendar dates (国办发明电〔2025〕7号: 春节 02-15…23, 清明
/// 04-04…06, 劳动节 05-01…05, 端午 06-19…21, 中秋 09-25…27, 国庆 10-01…07; 调休 02-14, 02-28, 05-09,
/// 09-20, 10-10 worked), its apportionment on the situations its articles describe, and its sanction
/// mapping. Each row names the article it comes from; the expected values were worked out from the
/// article text and the calendar, not from the engine.
@Suite("每个规则配置的期限、责任划分与处理对应 Bundled profiles, table-driven")
struct BundledProfileTables {
    static let registry = try! ProfileRegistry.bundled()

    static func profile(_ id: String) throws -> EffectiveProfile {
        try #require(registry.effective(id: id), "profile \(id)")
    }

    // MARK: deadlines

    struct DeadlineRow: Sendable, CustomTestStringConvertible {
        var profile: String
        var article: String
        var code: String
        var start: String
        var ext: Int = 0
        /// nil: the profile is silent (未规定).
        var expected: String?
        var refusal: String? = nil
        var testDescription: String {
            "\(profile) \(article): \(code) from \(start)\(ext > 0 ? " +\(ext)" : "") → \(refusal ?? expected ?? "未规定")"
        }
    }

    static let deadlineRows: [DeadlineRow] = [
        // henan 河南省行政执法过错责任追究办法 (004 篇十)
        DeadlineRow(profile: "henan", article: "第二十一条", code: LiabilityCodes.intake, start: "2026-09-16",
                    expected: "2026-10-08"),  // 15 日 end on 国庆 10-01, moved to the first working day
        DeadlineRow(profile: "henan", article: "第二十三条", code: LiabilityCodes.decision, start: "2026-03-02", expected: "2026-04-01"),
        DeadlineRow(profile: "henan", article: "第二十三条", code: LiabilityCodes.decision, start: "2026-03-02", ext: 20,
                    expected: "2026-04-21"),
        DeadlineRow(profile: "henan", article: "第二十三条", code: LiabilityCodes.decision, start: "2026-03-02", ext: 21,
                    expected: nil, refusal: LiabilityRefusal.extensionExceedsCap),
        DeadlineRow(profile: "henan", article: "第二十五条", code: LiabilityCodes.appealWindow, start: "2026-04-24",
                    expected: "2026-05-06"),  // 10 日 end on 劳动节 05-04
        DeadlineRow(profile: "henan", article: "第二十五条", code: LiabilityCodes.appealDecision, start: "2026-06-01",
                    expected: "2026-06-22"),  // 20 日 end on 端午 06-21
        DeadlineRow(profile: "henan", article: "第二十五条", code: LiabilityCodes.appealDecision, start: "2026-06-01", ext: 10,
                    expected: "2026-07-01"),
        // henan-yongcheng inherits henan's procedure
        DeadlineRow(profile: "henan-yongcheng", article: "第二十三条", code: LiabilityCodes.decision, start: "2026-03-02", ext: 20,
                    expected: "2026-04-21"),
        DeadlineRow(profile: "henan-yongcheng", article: "第二十一条", code: LiabilityCodes.intake, start: "2026-09-16", expected: "2026-10-08"),
        // shandong 错案责任追究办法 (003 篇3)
        DeadlineRow(profile: "shandong-wrongful-case", article: "第十六条", code: LiabilityCodes.intake, start: "2026-02-10",
                    expected: "2026-02-24"),  // 10 日 end inside 春节
        DeadlineRow(profile: "shandong-wrongful-case", article: "第十七条", code: LiabilityCodes.decision, start: "2026-01-05",
                    expected: "2026-02-04"),
        DeadlineRow(profile: "shandong-wrongful-case", article: "第十七条", code: LiabilityCodes.decision, start: "2026-01-05",
                    ext: 20, expected: "2026-02-24"),  // 50 日: 02-24, the first working day after 春节
        DeadlineRow(profile: "shandong-wrongful-case", article: "第十九条", code: LiabilityCodes.collectiveDecision, start: "2026-09-12",
                    expected: "2026-09-28"),  // 15 日 end on 中秋 09-27
        DeadlineRow(profile: "shandong-wrongful-case", article: "第二十五条", code: LiabilityCodes.appealWindow, start: "2026-03-20",
                    expected: "2026-04-07"),  // 15 日 end on 清明 04-04
        DeadlineRow(profile: "shandong-wrongful-case", article: "第二十五条", code: LiabilityCodes.appealDecision, start: "2026-03-02",
                    expected: "2026-04-01"),
        DeadlineRow(profile: "shandong-wrongful-case", article: "第二十五条", code: LiabilityCodes.appealDecision, start: "2026-03-02",
                    ext: 5, expected: nil, refusal: LiabilityRefusal.extensionNotAllowed),
        // heilongjiang 黑龙江省行政执法责任制规定 (004)
        DeadlineRow(profile: "heilongjiang", article: "第三十九条", code: LiabilityCodes.appealWindow, start: "2026-04-01",
                    expected: "2026-05-06"),  // 30 日 end on 劳动节 05-01
        DeadlineRow(profile: "heilongjiang", article: "第三十九条", code: LiabilityCodes.appealDecision, start: "2026-11-02",
                    expected: "2026-12-02"),
        // guizhou-education 贵州省教育厅行政执法过错责任追究制度 (004 篇三)
        DeadlineRow(profile: "guizhou-education", article: "第十五条", code: LiabilityCodes.decision, start: "2026-08-03",
                    expected: "2026-10-08"),  // 60 日 end on 国庆 10-02
        DeadlineRow(profile: "guizhou-education", article: "第十五条", code: LiabilityCodes.decision, start: "2026-08-03", ext: 1,
                    expected: nil, refusal: LiabilityRefusal.extensionNotAllowed),
        // hangzhou 杭州市行政执法责任制规定 (004 篇六): 工作日
        DeadlineRow(profile: "hangzhou", article: "第四十六条", code: LiabilityCodes.intake, start: "2026-09-28",
                    expected: "2026-10-13"),  // 09-29, 09-30, 10-08, 10-09, 10-10 (调休), 10-12, 10-13
        DeadlineRow(profile: "hangzhou", article: "第四十八条", code: LiabilityCodes.decision, start: "2026-06-01",
                    expected: "2026-07-14"),  // 30 工作日 over 端午
        DeadlineRow(profile: "hangzhou", article: "第四十八条", code: LiabilityCodes.decision, start: "2026-06-01", ext: 15,
                    expected: "2026-08-04"),
        DeadlineRow(profile: "hangzhou", article: "第四十八条", code: LiabilityCodes.decision, start: "2026-06-01", ext: 16,
                    expected: nil, refusal: LiabilityRefusal.extensionExceedsCap),
        DeadlineRow(profile: "hangzhou", article: "第四十九条", code: LiabilityCodes.filing, start: "2026-12-01", expected: "2026-12-22"),
        // beijing-tongzhou 通州区行政执法责任追究细则 (004 篇十一)
        DeadlineRow(profile: "beijing-tongzhou", article: "第十三条(一)", code: LiabilityCodes.proposalAfterJudgment, start: "2026-09-15",
                    expected: "2026-10-19"),  // 20 工作日 over 中秋/国庆, 09-20 and 10-10 worked
        DeadlineRow(profile: "beijing-tongzhou", article: "第十三条(一)", code: LiabilityCodes.proposalAfterOpinion, start: "2026-09-15",
                    expected: "2026-11-02"),
        // Silent profiles: no default is invented.
        DeadlineRow(profile: "national", article: "—", code: LiabilityCodes.decision, start: "2026-03-02", expected: nil),
        DeadlineRow(profile: "jilin", article: "—", code: LiabilityCodes.intake, start: "2026-03-02", expected: nil),
        DeadlineRow(profile: "changchun", article: "—", code: LiabilityCodes.appealWindow, start: "2026-03-02", expected: nil),
        DeadlineRow(profile: "tax", article: "—", code: LiabilityCodes.decision, start: "2026-03-02", expected: nil),
        DeadlineRow(profile: "samr", article: "—", code: LiabilityCodes.decision, start: "2026-03-02", expected: nil),
        DeadlineRow(profile: "hangzhou", article: "—", code: LiabilityCodes.appealWindow, start: "2026-03-02", expected: nil),
    ]

    @Test("deadlines", arguments: deadlineRows)
    func deadline(_ row: DeadlineRow) throws {
        let schedule = LiabilitySchedule(profile: try Self.profile(row.profile), calendar: officialWorkCalendar)
        let start = try calDay(row.start)
        switch Self.attempt({ () throws(LiabilityRefusal) in try schedule.due(row.code, from: start, extension: row.ext) }) {
        case .success(let due):
            #expect(row.refusal == nil, "expected refusal \(row.refusal ?? "")")
            #expect(due?.date.iso == row.expected)
            if let due {
                #expect(due.source.article == row.article)
                #expect(!due.provisional)
            }
        case .failure(let error):
            #expect(error.code == row.refusal, "\(error)")
            #expect(error.source?.article == row.article)
        }
    }

    static func attempt<T>(_ body: () throws(LiabilityRefusal) -> T) -> Result<T, LiabilityRefusal> {
        do { return .success(try body()) } catch { return .failure(error) }
    }

    // MARK: apportionment

    struct ApportionmentRow: Sendable, CustomTestStringConvertible {
        var profile: String
        var article: String
        var what: String
        var persons: [PersonConcerned]
        var established: [String] = []
        /// person id → share; persons not listed are not checked.
        var expected: [String: LiabilityShare]
        var testDescription: String { "\(profile) \(article): \(what)" }
    }

    static func p(_ id: String, _ roles: [CaseRole], view: CollectiveView? = nil, action: SuperiorAction? = nil,
                  step: Int? = nil) -> PersonConcerned {
        PersonConcerned(id: id, name: id, roles: roles, view: view, superiorAction: action, step: step)
    }

    static let apportionmentRows: [ApportionmentRow] = [
        ApportionmentRow(profile: "henan", article: "第十二条", what: "one handler bears it fully",
                         persons: [p("承办", [.handler])], expected: ["承办": .full]),
        ApportionmentRow(profile: "henan", article: "第十四条", what: "主办 primary, 协办 secondary",
                         persons: [p("主办", [.leadHandler]), p("协办", [.assistingHandler])],
                         expected: ["主办": .primary, "协办": .secondary]),
        ApportionmentRow(profile: "henan", article: "第十五条", what: "the reviewer who changed the handler's correct opinion bears it",
                         persons: [p("承办", [.handler]), p("审核", [.reviewer])], established: ["reviewer_changed_correct"],
                         expected: ["审核": .full]),
        ApportionmentRow(profile: "henan", article: "第十六条", what: "the approver who changed a correct opinion bears it",
                         persons: [p("承办", [.handler]), p("批准", [.approver])], established: ["approver_changed_correct"],
                         expected: ["批准": .full]),
        ApportionmentRow(profile: "henan", article: "第十七条", what: "collective decision: supporters answer, the overruled correct view bears none",
                         persons: [p("甲", [.collectiveMember], view: .supportedWrong), p("乙", [.collectiveMember], view: .heldCorrect)],
                         expected: ["甲": .proportionate, "乙": .none]),
        ApportionmentRow(profile: "henan-yongcheng", article: "第十四条", what: "inherits henan: 主办 primary, 协办 secondary",
                         persons: [p("主办", [.leadHandler]), p("协办", [.assistingHandler])],
                         expected: ["主办": .primary, "协办": .secondary]),
        ApportionmentRow(profile: "shandong-wrongful-case", article: "第八条", what: "one handler bears it fully",
                         persons: [p("承办", [.handler])], expected: ["承办": .full]),
        ApportionmentRow(profile: "shandong-wrongful-case", article: "第九条", what: "a handler who concealed facts bears it",
                         persons: [p("承办", [.handler]), p("审核", [.reviewer]), p("批准", [.approver])],
                         established: ["handler_concealed_facts"], expected: ["承办": .full]),
        ApportionmentRow(profile: "shandong-wrongful-case", article: "第十条", what: "collective decision: the chair primary, supporters 相应",
                         persons: [p("主持", [.collectiveChair, .collectiveMember], view: .heldCorrect),
                                   p("甲", [.collectiveMember], view: .supportedWrong)],
                         expected: ["主持": .primary, "甲": .proportionate]),
        ApportionmentRow(profile: "shandong-wrongful-case", article: "第十一条", what: "the review body that changed a correct decision bears it",
                         persons: [p("承办", [.handler]), p("复议", [.reviewBody])], established: ["review_body_changed_correct"],
                         expected: ["复议": .full]),
        ApportionmentRow(profile: "guizhou-education", article: "第十一条(二)", what: "主办 primary, 协办 secondary",
                         persons: [p("主办", [.leadHandler]), p("协办", [.assistingHandler])],
                         expected: ["主办": .primary, "协办": .secondary]),
        ApportionmentRow(profile: "guizhou-education", article: "第十一条(六)", what: "a superior that changed the decision into a wrong one bears it",
                         persons: [p("承办", [.handler]), p("上级", [.superior], action: .changed)],
                         expected: ["上级": .full]),
        ApportionmentRow(profile: "hangzhou", article: "第三十八条", what: "a superior's order: the one who ordered bears it",
                         persons: [p("承办", [.handler]), p("上级", [.superior], action: .ordered)],
                         expected: ["上级": .full]),
        ApportionmentRow(profile: "beijing-tongzhou", article: "第十一条", what: "an approval chain: the approver primary, reviewer and handler 相应",
                         persons: [p("承办", [.handler]), p("审核", [.reviewer], step: 1), p("批准", [.approver], step: 2)],
                         expected: ["批准": .primary, "审核": .proportionate, "承办": .proportionate]),
        ApportionmentRow(profile: "beijing-tongzhou", article: "第十一条", what: "主办 primary, 协办 相应",
                         persons: [p("主办", [.leadHandler]), p("协办", [.assistingHandler])],
                         expected: ["主办": .primary, "协办": .proportionate]),
        ApportionmentRow(profile: "jilin", article: "七(一)", what: "each stage answers for its own part",
                         persons: [p("承办", [.handler]), p("审核", [.reviewer]), p("批准", [.approver])],
                         established: ["stage_responsibility"],
                         expected: ["承办": .proportionate, "审核": .proportionate, "批准": .proportionate]),
    ]

    @Test("apportionment", arguments: apportionmentRows)
    func apportionment(_ row: ApportionmentRow) throws {
        let established = Set(try row.established.map { try #require(ApportionmentTrigger(rawValue: $0), "trigger \($0)") })
        let proposal = ApportionmentEngine.propose(facts: LiabilityFacts(persons: row.persons, established: established),
                                                   profile: try Self.profile(row.profile))
        for (id, share) in row.expected {
            let line = try #require(proposal.line(for: id), "no line for \(id)")
            #expect(line.share == share, "\(id): \(line.share.rawValue) — \(line.reason)")
            if share != .none { #expect(line.rule?.source.article == row.article, "\(id) cites \(String(describing: line.rule?.source))") }
        }
    }

    // MARK: sanction mapping

    struct SanctionRow: Sendable, CustomTestStringConvertible {
        var profile: String
        var article: String
        var level: Int?
        var target: TargetKind = .person
        /// nil: 未规定 (the human chooses from the catalog).
        var expected: [String]?
        var refusal: String? = nil
        var testDescription: String { "\(profile) \(article): level \(level.map(String.init) ?? "—") → \(refusal ?? expected?.joined(separator: "、") ?? "未规定")" }
    }

    static let sanctionRows: [SanctionRow] = [
        SanctionRow(profile: "hangzhou", article: "第四十条", level: 1, expected: ["admonition_education", "written_warning", "written_self_examination"]),
        SanctionRow(profile: "hangzhou", article: "第四十条", level: 2, expected: ["officer_circulate_criticism"]),
        SanctionRow(profile: "hangzhou", article: "第四十条", level: 3, expected: ["suspend_certificate", "stop_enforcement"]),
        SanctionRow(profile: "hangzhou", article: "第四十条", level: 4, expected: ["revoke_certificate", "officer_transfer_off_post"]),
        SanctionRow(profile: "hangzhou", article: "第四十条", level: nil, expected: nil, refusal: LiabilityRefusal.gravityLevelRequired),
        SanctionRow(profile: "hangzhou", article: "第四十条", level: 5, expected: nil, refusal: LiabilityRefusal.gravityLevelUnknown),
        SanctionRow(profile: "shandong-wrongful-case", article: "第十二条", level: 1, expected: ["criticism_education"]),
        SanctionRow(profile: "shandong-wrongful-case", article: "第十二条", level: 3,
                    expected: ["revoke_certificate", "administrative_sanction", "transfer_off_post"]),
        SanctionRow(profile: "shandong-wrongful-case", article: "第十二条", level: 4, expected: ["judicial_referral"]),
        SanctionRow(profile: "samr", article: "第十五条", level: 2, expected: ["organizational_handling", "administrative_sanction"]),
        // No gravity mapping: 未规定, the catalog is offered.
        SanctionRow(profile: "henan", article: "—", level: nil, expected: nil),
        SanctionRow(profile: "beijing-tongzhou", article: "—", level: nil, target: .agency, expected: nil),
    ]

    @Test("sanction mapping", arguments: sanctionRows)
    func sanctions(_ row: SanctionRow) throws {
        let profile = try Self.profile(row.profile)
        switch Self.attempt({ () throws(LiabilityRefusal) in
            try SanctionProposer.propose(profile: profile, target: row.target, gravityLevel: row.level)
        }) {
        case .success(let proposal):
            #expect(row.refusal == nil)
            if let expected = row.expected {
                // Lightest first, in the profile's own severity order.
                #expect(proposal.allowed.map(\.item.code) == expected)
                if case .gravity(let rule, let level) = proposal.basis {
                    #expect(rule.source.article == row.article && level == row.level)
                } else {
                    Issue.record("basis \(proposal.basis)")
                }
                #expect(proposal.permits(expected) && !proposal.permits(["not_a_sanction"]))
            } else {
                #expect(proposal.basis == .unregulated && proposal.allowed.isEmpty)
                #expect(proposal.catalog.map(\.item.code) == SanctionProposer.options(profile: profile, target: row.target).map(\.item.code))
                #expect(!proposal.catalog.isEmpty)
            }
        case .failure(let error):
            #expect(error.code == row.refusal, "\(error)")
            #expect(error.source?.article == row.article)
        }
    }
}
