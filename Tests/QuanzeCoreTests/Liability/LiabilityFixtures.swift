import Foundation
@testable import QuanzeCore

/// Synthetic effective profiles for the liability engine's tests, built in code so the tests do not
/// depend on the bundled JSON. Each entry cites the article the test case comes from; the numbers
/// are those of the seed texts (henan 004 篇十, hangzhou 004 篇六, shandong 003 篇3,
/// beijing-tongzhou 004 篇十一, guizhou-education 004 篇三) but the profiles are the tests' own.
enum LiabilityFixtures {
    static func henan(_ article: String) -> SourceRef {
        SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇十", document: "河南省行政执法过错责任追究办法", article: article)
    }
    static func hangzhou(_ article: String) -> SourceRef {
        SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇六", document: "杭州市行政执法责任制规定", article: article)
    }
    static func shandong(_ article: String) -> SourceRef {
        SourceRef(seed: "003_70cd4ff1a2ae84d9.txt", part: "篇3", document: "错案责任追究办法", article: article)
    }
    static func tongzhou(_ article: String) -> SourceRef {
        SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇十一", document: "通州区行政执法责任追究细则", article: article)
    }
    static func guizhou(_ article: String) -> SourceRef {
        SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇三", document: "贵州省教育厅行政执法过错责任追究制度", article: article)
    }

    static func inherited<T>(_ entry: T, _ origin: String) -> Inherited<T> {
        Inherited(entry: entry, origin: origin, inherited: false)
    }

    static func profile(
        id: String, deadlines: [DeadlineRule] = [], quantities: [QuantityRule] = [], provisions: [Provision] = [],
        apportionment: [ApportionmentRule] = [], gravity: [GravityRule] = [], personSanctions: [CatalogItem] = [],
        agencySanctions: [CatalogItem] = [], aggravating: [CatalogItem] = [], lenient: [CatalogItem] = [],
        mitigated: [CatalogItem] = [], exempt: [CatalogItem] = [], faults: [FaultSituation] = []
    ) -> EffectiveProfile {
        func wrap<T>(_ list: [T]) -> [Inherited<T>] { list.map { inherited($0, id) } }
        return EffectiveProfile(
            id: id, name: id, jurisdiction: id, lineage: [id], documents: [], deadlines: wrap(deadlines),
            quantities: wrap(quantities),
            catalogs: EffectiveCatalogs(
                agencySanctions: wrap(agencySanctions), personSanctions: wrap(personSanctions),
                circumstances: EffectiveCircumstances(aggravating: wrap(aggravating), lenient: wrap(lenient),
                                                      mitigated: wrap(mitigated), exempt: wrap(exempt)),
                faultSituations: wrap(faults)),
            apportionment: wrap(apportionment), gravity: wrap(gravity),
            assessment: EffectiveAssessment(scale: nil, grades: [], methods: [], channels: [], content: []),
            provisions: wrap(provisions))
    }

    static func rule(_ code: String, _ when: ApportionmentTrigger?, _ liable: [(LiableParty, LiabilityShare)],
                     _ source: SourceRef, situation: String? = nil) -> ApportionmentRule {
        ApportionmentRule(code: code, name: "责任划分 \(code)", situation: situation ?? "情形 \(code)", when: when,
                          liable: liable.map { LiableShare(party: $0.0, share: $0.1) }, source: source)
    }

    static func item(_ code: String, _ name: String, _ source: SourceRef, effect: SanctionEffect? = nil,
                     detect: CircumstanceDetector? = nil, count: Int? = nil) -> CatalogItem {
        CatalogItem(code: code, name: name, effect: effect, detect: detect, count: count, source: source)
    }

    static func deadline(_ code: String, _ value: Int, _ unit: PeriodUnit, _ source: SourceRef,
                         extension ext: (Int, PeriodUnit)? = nil) -> DeadlineRule {
        DeadlineRule(code: code, name: "期限 \(code)", value: value, unit: unit,
                     extension: ext.map { DeadlineExtension(value: $0.0, unit: $0.1) }, source: source)
    }

    static func provision(_ code: String, _ source: SourceRef) -> Provision {
        Provision(code: code, name: "规定 \(code)", text: "规定 \(code)", source: source)
    }

    /// henan 第九至二十五条 (officer sanctions lightest first, apportionment, exemptions, deadlines).
    static let henanProfile = profile(
        id: "henan",
        deadlines: [
            deadline(LiabilityCodes.intake, 15, .calendarDays, henan("第二十一条")),
            deadline(LiabilityCodes.decision, 30, .calendarDays, henan("第二十三条"), extension: (20, .calendarDays)),
            deadline(LiabilityCodes.appealWindow, 10, .calendarDays, henan("第二十五条")),
            deadline(LiabilityCodes.appealDecision, 20, .calendarDays, henan("第二十五条"), extension: (10, .calendarDays)),
        ],
        quantities: [QuantityRule(code: LiabilityCodes.investigatorsMinimum, name: "调查人员最少人数", value: 2, unit: "人",
                                  source: henan("第二十二条"))],
        provisions: [provision(LiabilityCodes.noHeavierAfterDefence, henan("第二十四条")),
                     provision(RecusalCheck.recusalProvision, henan("第二十二条"))],
        apportionment: [
            rule("agency_alone", .agencyAlone, [(.agency, .full)], henan("第十一条")),
            rule("delegated", .delegated, [(.delegatingAgency, .full)], henan("第十一条")),
            rule("sole_handler", .soleHandler, [(.handler, .full)], henan("第十二条")),
            rule("several_handlers", .multipleHandlers, [(.leadHandler, .primary), (.assistingHandler, .secondary)], henan("第十四条")),
            rule("handler_concealed", .handlerConcealedFacts, [(.handler, .full)], henan("第十四条")),
            rule("reviewer_changed", .reviewerChangedCorrect, [(.reviewer, .full)], henan("第十五条")),
            rule("review_missed", .reviewMissedError, [(.handler, .joint), (.reviewer, .joint), (.approver, .joint)], henan("第十五条")),
            rule("approver_changed", .approverChangedCorrect, [(.approver, .full)], henan("第十六条")),
            rule("collective", .collectiveDecision, [(.collectiveSupporters, .proportionate), (.collectiveDissenters, .none)],
                 henan("第十七条"), situation: "坚持错误意见的负责人承担行政执法过错责任，坚持正确意见而未被采纳的负责人不承担责任"),
            rule("nonfeasance", .nonfeasance, [(.directActor, .proportionate), (.deputyHead, .proportionate), (.agencyHead, .proportionate)],
                 henan("第十八条")),
            rule("stages", nil, [(.handler, .proportionate)], henan("第十三条")),
        ],
        personSanctions: [
            item("criticism", "批评教育或者责令作出书面检查", henan("第十条")),
            item("circulate", "通报批评", henan("第十条")),
            item("off_duty_training", "离岗培训", henan("第十条"), effect: .offDutyTraining),
            item("no_merit", "取消当年评比先进的资格", henan("第十条"), effect: .noMeritThisYear),
            item("revoke_qualification", "取消行政执法资格，吊销《河南省行政执法证》", henan("第十条"), effect: .revokeQualification),
            item("transfer", "调离行政执法岗位", henan("第十条"), effect: .transferOffPost),
        ],
        agencySanctions: [
            item("rectify", "责令改正或者限期整改", henan("第九条"), effect: .agencyRectification),
            item("agency_circulate", "通报批评", henan("第九条"), effect: .agencyCirculation),
        ],
        exempt: [
            item("minor_corrected", "情节轻微并及时纠正，未造成危害后果", henan("第十九条"), detect: .selfCorrected),
            item("force_majeure", "不可抗力或者紧急避险", henan("第十九条")),
        ])

    /// hangzhou 第三十八至四十九条 (gravity mapping, 工作日 deadlines, 3 in a year).
    static let hangzhouProfile = profile(
        id: "hangzhou",
        deadlines: [
            deadline(LiabilityCodes.intake, 7, .workingDays, hangzhou("第四十六条")),
            deadline(LiabilityCodes.decision, 30, .workingDays, hangzhou("第四十八条"), extension: (15, .workingDays)),
            deadline(LiabilityCodes.filing, 15, .workingDays, hangzhou("第四十九条")),
        ],
        quantities: [QuantityRule(code: LiabilityCodes.investigatorsMinimum, name: "调查人员最少人数", value: 2, unit: "人",
                                  source: hangzhou("第四十七条"))],
        apportionment: [
            rule("handler_direct", .soleHandler, [(.handler, .full)], hangzhou("第三十八条")),
            rule("collective", .collectiveDecision, [(.collective, .joint)], hangzhou("第三十八条")),
            rule("superior_order", .superiorOrder, [(.superior, .full)], hangzhou("第三十八条")),
            rule("delegated", .delegated, [(.agencyHead, .proportionate)], hangzhou("第三十八条")),
        ],
        gravity: [
            GravityRule(code: "trivial", name: "显著轻微", level: 1, sanctions: ["admonish", "written_check"], source: hangzhou("第四十条")),
            GravityRule(code: "minor", name: "轻微", level: 2, sanctions: ["circulate"], source: hangzhou("第四十条")),
            GravityRule(code: "bad", name: "恶劣、较重", level: 3, sanctions: ["suspend_certificate", "stop_enforcement"], source: hangzhou("第四十条")),
            GravityRule(code: "severe", name: "恶劣、严重", level: 4, sanctions: ["revoke_certificate", "transfer"], source: hangzhou("第四十条")),
        ],
        personSanctions: [
            item("admonish", "诫勉教育或书面告诫", hangzhou("第三十九条")),
            item("written_check", "责令作出书面检查", hangzhou("第三十九条")),
            item("circulate", "通报批评", hangzhou("第三十九条")),
            item("no_merit", "取消年度评优评先资格", hangzhou("第三十九条"), effect: .noMeritThisYear),
            item("suspend_certificate", "暂扣行政执法证件", hangzhou("第三十九条"), effect: .suspendCertificate),
            item("stop_enforcement", "停止行政执法活动", hangzhou("第三十九条"), effect: .stopEnforcement),
            item("revoke_certificate", "缴销行政执法证件", hangzhou("第三十九条"), effect: .revokeCertificate),
            item("transfer", "调离行政执法岗位", hangzhou("第三十九条"), effect: .transferOffPost),
        ],
        aggravating: [
            item("repeat", "一年内出现3次以上应予追究行政执法责任情形", hangzhou("第四十二条"), detect: .repeatInYear, count: 3),
            item("obstruction", "干扰、妨碍、阻碍、抗拒责任追究", hangzhou("第四十二条")),
        ],
        lenient: [item("self_found", "主动发现并积极补救", hangzhou("第四十一条"), detect: .selfCorrected)],
        exempt: [item("party_fraud", "行政相对人弄虚作假", hangzhou("第四十三条"))])

    /// shandong 第八至十一条, 第十七、十九、二十五条 (appeal does not suspend).
    static let shandongProfile = profile(
        id: "shandong",
        deadlines: [
            deadline(LiabilityCodes.intake, 10, .calendarDays, shandong("第十六条")),
            deadline(LiabilityCodes.decision, 30, .calendarDays, shandong("第十七条"), extension: (20, .calendarDays)),
            deadline(LiabilityCodes.collectiveDecision, 15, .calendarDays, shandong("第十九条")),
            deadline(LiabilityCodes.appealWindow, 15, .calendarDays, shandong("第二十五条")),
            deadline(LiabilityCodes.appealDecision, 30, .calendarDays, shandong("第二十五条")),
        ],
        provisions: [provision(LiabilityCodes.appealDoesNotSuspend, shandong("第二十五条"))],
        apportionment: [
            rule("sole", .soleHandler, [(.handler, .full)], shandong("第八条")),
            rule("several", .multipleHandlers, [(.leadHandler, .primary), (.handler, .joint)], shandong("第八条")),
            rule("missed", .reviewMissedError, [(.handler, .joint), (.reviewer, .joint), (.approver, .joint)], shandong("第九条")),
            rule("concealed", .handlerConcealedFacts, [(.handler, .full)], shandong("第九条")),
            rule("reviewer_changed", .reviewerChangedCorrect, [(.reviewer, .full), (.approver, .full)], shandong("第九条")),
            rule("collective", .collectiveDecision, [(.collectiveChair, .primary), (.collectiveSupporters, .proportionate)], shandong("第十条")),
            rule("upheld", .superiorUpheld, [(.superior, .proportionate), (.reviewBody, .proportionate)], shandong("第十一条")),
        ],
        personSanctions: [
            item("criticism", "批评教育", shandong("第十二条")),
            item("warning", "警告", shandong("第十二条")),
            item("circulate", "通报批评", shandong("第十二条")),
            item("suspend_certificate", "暂扣执法证件", shandong("第十二条"), effect: .suspendCertificate),
            item("revoke_certificate", "吊销执法证件", shandong("第十二条"), effect: .revokeCertificate),
            item("transfer", "调离执法岗位", shandong("第十二条"), effect: .transferOffPost),
        ])

    /// beijing-tongzhou 细则 第八、十一条 (approval chain, abstainers, 2 in a year).
    static let tongzhouProfile = profile(
        id: "tongzhou",
        apportionment: [
            rule("unreviewed", .soleHandler, [(.handler, .full)], tongzhou("第十一条")),
            rule("chain", .approvalChain, [(.approver, .primary), (.reviewer, .proportionate), (.handler, .proportionate)], tongzhou("第十一条")),
            rule("collective", .collectiveDecision, [(.agencyHead, .primary), (.collectiveSupporters, .proportionate), (.collective, .proportionate)],
                 tongzhou("第十一条")),
        ],
        personSanctions: [item("criticism", "批评教育", tongzhou("第七条")), item("circulate", "通报批评", tongzhou("第七条"))],
        aggravating: [item("twice", "一年内被追究两次以上行政执法责任", tongzhou("第八条"), detect: .repeatInYear, count: 2)])

    /// guizhou-education: no gravity mapping; fault situations with their own sanctions (第七、十三条), 第十五条 60 日.
    static let guizhouProfile = profile(
        id: "guizhou",
        deadlines: [deadline(LiabilityCodes.decision, 60, .calendarDays, guizhou("第十五条"))],
        personSanctions: [
            item("self_check", "责令检查", guizhou("第十三条")),
            item("circulate", "通报批评", guizhou("第十三条")),
            item("suspend_enforcement", "暂停执法活动", guizhou("第十三条"), effect: .stopEnforcement),
            item("transfer", "调离岗位", guizhou("第十三条"), effect: .transferOffPost),
        ],
        faults: [
            FaultSituation(code: "no_basis", name: "没有法定的行政处罚依据而实施处罚", target: .person,
                           sanctions: ["circulate", "suspend_enforcement"], source: guizhou("第七条")),
            FaultSituation(code: "other", name: "其他", target: .person, source: guizhou("第七条")),
        ])

    /// A profile silent on everything the engine reads (as national is on the liability procedure).
    static let silentProfile = profile(id: "silent", personSanctions: [item("criticism", "批评教育", henan("第十条"))])

    static func person(_ id: String, _ roles: [CaseRole], unit: String? = nil, view: CollectiveView? = nil,
                       action: SuperiorAction? = nil, step: Int? = nil) -> PersonConcerned {
        PersonConcerned(id: id, name: "人员\(id)", unit: unit, roles: roles, view: view, superiorAction: action, step: step)
    }
}
