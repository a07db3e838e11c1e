/// 结案案件自动预审: before any human review (案卷评查), every closed case is checked by rules over
/// what the platform holds of it. Each rule has a stable code, a Chinese name and its source; a
/// finding names the rule, a severity and what was found. The rules read a plain snapshot of the case
/// (`ClosedCaseSnapshot`), built by the server from its tables, so each rule is testable alone.
///
/// What is NOT checked (the platform does not hold it): whether the facts are clear and the evidence
/// sufficient, whether the law applied is the right one, the content and signatures of the paper
/// documents (only the steps and the decision's text are stored), audio-visual records, the seal, and
/// the hearing's notice period (the hearing day is kept only in the step's text). See docs/case-checks.md.
public enum CheckSeverity: String, Codable, CaseIterable, Sendable, Comparable {
    /// 不符合: the data shows a rule was not followed.
    case error
    /// 待核: the data cannot show the rule was followed (e.g. no benchmark to measure a fine against).
    case warning

    public var label: String { self == .error ? "不符合" : "待核" }
    public static func < (a: Self, b: Self) -> Bool { a == .error && b == .warning }
}

/// One rule of the pre-check.
public struct CaseCheckRule: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var source: SourceRef

    public init(code: String, name: String, source: SourceRef) {
        self.code = code
        self.name = name
        self.source = source
    }

    /// 行政处罚法 第四十二条; 黑龙江 规定 第十九条 (辅助人员不得单独执法).
    public static let twoOfficers = CaseCheckRule(code: "TWO_OFFICERS", name: "两名以上具备执法资格的承办人员",
                                                  source: CaseSources.penaltyLaw("第四十二条"))
    /// Each handler (not 辅助) held a certificate valid on the filing day: in its term, not suspended,
    /// not revoked or cancelled, inspected for the year (通州区行政执法人员管理办法 第十六条).
    public static let certificates = CaseCheckRule(code: "CERTIFICATES_VALID", name: "承办人员立案时持有效执法证件",
                                                   source: CaseSources.penaltyLaw("第四十二条"))
    /// 重大执法决定: a passed 法制审核 before the decision (行政处罚法 第五十八条; 吉政办发〔2016〕91号 四(一)).
    public static let legalReview = CaseCheckRule(code: "LEGAL_REVIEW", name: "重大执法决定经法制审核通过",
                                                  source: CaseSources.majorDecisionReview)
    /// Every statutory or promised limit of the case was met (the limit's own source is on the finding).
    public static let deadlines = CaseCheckRule(code: "DEADLINES_MET", name: "办案期限内完成",
                                                source: CaseSources.penaltyLaw("第六十条"))
    /// 行政处罚决定书 served within 7 工作日 of the decision (行政处罚法 第六十一条, 第八十五条).
    public static let serviceTerm = CaseCheckRule(code: "SERVICE_TERM", name: "决定书在法定期限内送达",
                                                  source: CaseSources.penaltyLaw("第六十一条"))
    /// Every element of the decision document (黑龙江 规定 第三十一条).
    public static let decisionElements = CaseCheckRule(code: "DECISION_ELEMENTS", name: "决定书要素齐全",
                                                       source: DecisionDocument.source)
    /// A fine inside the level of its 裁量基准, or outside it with a written reason and a passed 法制审核.
    public static let discretion = CaseCheckRule(code: "DISCRETION_RANGE", name: "罚款在裁量基准幅度内",
                                                 source: DiscretionSources.kindsAndRange)
    /// Every stage of the case's path is on record (全过程记录: 启动、调查取证、审查决定、送达执行、归档).
    public static let recordedSteps = CaseCheckRule(code: "RECORDED_STEPS", name: "必经环节均有记录",
                                                    source: SourceRef(seed: "001_0f2d1a5e9a94fac7.txt", document: "吉政办发〔2016〕91号", article: "四(一)"))
    /// Handler, reviewer and approver are three people (黑龙江 规定 第三十一条 审批).
    public static let separation = CaseCheckRule(code: "SEPARATION_OF_DUTIES", name: "承办、审核、批准相分离",
                                                 source: CaseSources.seed004("第三十一条"))

    public static let all: [CaseCheckRule] = [twoOfficers, certificates, legalReview, deadlines, serviceTerm, decisionElements,
                                              discretion, recordedSteps, separation]

    public static func rule(_ code: String) -> CaseCheckRule? { all.first { $0.code == code } }
}

/// A finding of one rule on one case.
public struct CaseFinding: Sendable, Hashable, Codable {
    public var rule: String
    public var severity: CheckSeverity
    public var message: String
    public var source: SourceRef

    public init(_ rule: CaseCheckRule, _ severity: CheckSeverity, _ message: String, source: SourceRef? = nil) {
        self.rule = rule.code
        self.severity = severity
        self.message = message
        self.source = source ?? rule.source
    }
}

/// A certificate as it stood over time: its term, the years it passed 年审, its 暂扣 periods and
/// the day it was 核销 or 注销, if ever (from the certificate's electronic archive).
public struct CertificateHistory: Sendable, Hashable {
    public var number: String
    public var issuedOn: LocalDate
    public var validUntil: LocalDate
    public var inspectedYears: Set<Int>
    /// 暂扣 periods: from the suspension day to the day before restoration (nil: still suspended).
    public var suspensions: [(from: LocalDate, to: LocalDate?)]
    public var endedOn: LocalDate?

    public init(number: String, issuedOn: LocalDate, validUntil: LocalDate, inspectedYears: Set<Int> = [],
                suspensions: [(from: LocalDate, to: LocalDate?)] = [], endedOn: LocalDate? = nil) {
        self.number = number
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.inspectedYears = inspectedYears
        self.suspensions = suspensions
        self.endedOn = endedOn
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.number == b.number && a.issuedOn == b.issuedOn && a.validUntil == b.validUntil && a.inspectedYears == b.inspectedYears
            && a.endedOn == b.endedOn && a.suspensions.map(\.from) == b.suspensions.map(\.from) && a.suspensions.map(\.to) == b.suspensions.map(\.to)
    }

    public func hash(into h: inout Hasher) { h.combine(number) }

    /// Why the certificate did not allow acting on `day`; nil when it did.
    public func problem(on day: LocalDate) -> String? {
        if day < issuedOn { return "证件 \(number) 于 \(issuedOn.iso) 才核发" }
        if let endedOn, endedOn <= day { return "证件 \(number) 已于 \(endedOn.iso) 失效（核销或注销）" }
        if validUntil < day { return "证件 \(number) 已于 \(validUntil.iso) 到期" }
        if suspensions.contains(where: { $0.from <= day && ($0.to.map { day <= $0 } ?? true) }) { return "证件 \(number) 当日处于暂扣期间" }
        if issuedOn.year != day.year && !inspectedYears.contains(day.year) { return "证件 \(number) 未通过 \(day.year) 年度年审" }
        return nil
    }
}

/// What the platform holds of a closed case, as plain values.
public struct ClosedCaseSnapshot: Sendable {
    public struct Handler: Sendable {
        public var name: String
        /// 辅助人员 (by employment or role): never counts (黑龙江 规定 第十九条).
        public var isAuxiliary: Bool
        public var userKey: String?
        public var certificates: [CertificateHistory]
        public init(name: String, isAuxiliary: Bool, userKey: String? = nil, certificates: [CertificateHistory]) {
            self.name = name
            self.isAuxiliary = isAuxiliary
            self.userKey = userKey
            self.certificates = certificates
        }
    }

    public struct Review: Sendable {
        public var passed: Bool
        public var on: LocalDate
        public var reviewerKey: String?
        public init(passed: Bool, on: LocalDate, reviewerKey: String? = nil) {
            self.passed = passed
            self.on = on
            self.reviewerKey = reviewerKey
        }
    }

    public struct Decision: Sendable {
        public var decidedOn: LocalDate
        public var document: DecisionDocument
        public var sanction: PenaltySanction?
        public var level: DiscretionLevel?
        public var outsideLevel: Bool
        public var outsideReason: String?
        public var approverKey: String?
        public init(decidedOn: LocalDate, document: DecisionDocument, sanction: PenaltySanction? = nil, level: DiscretionLevel? = nil,
                    outsideLevel: Bool = false, outsideReason: String? = nil, approverKey: String? = nil) {
            self.decidedOn = decidedOn
            self.document = document
            self.sanction = sanction
            self.level = level
            self.outsideLevel = outsideLevel
            self.outsideReason = outsideReason
            self.approverKey = approverKey
        }
    }

    public struct Limit: Sendable {
        public var code: String
        public var name: String
        public var due: LocalDate
        public var metOn: LocalDate?
        public var source: SourceRef
        public init(code: String, name: String, due: LocalDate, metOn: LocalDate?, source: SourceRef) {
            self.code = code
            self.name = name
            self.due = due
            self.metOn = metOn
            self.source = source
        }
    }

    public var procedure: CaseProcedure
    public var filedOn: LocalDate
    public var closedOn: LocalDate
    public var closingReason: CaseClosingReason
    public var legalReviewRequired: Bool
    public var hearingRequested: Bool
    public var handlers: [Handler]
    public var reviews: [Review]
    public var decision: Decision?
    public var limits: [Limit]
    /// The stages entered, as recorded (立案 and 决定 count from their own steps).
    public var recordedStages: Set<CaseStage>
    /// The day the decision was served (the 送达 step), if recorded.
    public var servedOn: LocalDate?

    public init(procedure: CaseProcedure, filedOn: LocalDate, closedOn: LocalDate, closingReason: CaseClosingReason = .concluded,
                legalReviewRequired: Bool = false, hearingRequested: Bool = false, handlers: [Handler], reviews: [Review] = [],
                decision: Decision? = nil, limits: [Limit] = [], recordedStages: Set<CaseStage> = [], servedOn: LocalDate? = nil) {
        self.procedure = procedure
        self.filedOn = filedOn
        self.closedOn = closedOn
        self.closingReason = closingReason
        self.legalReviewRequired = legalReviewRequired
        self.hearingRequested = hearingRequested
        self.handlers = handlers
        self.reviews = reviews
        self.decision = decision
        self.limits = limits
        self.recordedStages = recordedStages
        self.servedOn = servedOn
    }

    /// The decision imposes something to carry out (as `EnforcementCase.context`).
    var needsExecution: Bool {
        if procedure == .seizure { return true }
        guard let kinds = decision?.sanction?.kinds else { return procedure.isPenalty && decision != nil }
        return !kinds.isEmpty && kinds != [.warning] && kinds != [.criticism]
    }
}

/// The rule set over a snapshot.
public struct CasePrecheck: Sendable {
    /// For the 送达 term when the case has no `penalty_service` limit of its own.
    public var calendar: WorkCalendar?
    public var serviceDays: Int
    public var serviceSource: SourceRef

    /// Limits the party, not the body, has to keep: a late one is no finding on the body.
    public static let partyLimits: Set<String> = ["fine_payment", "penalty_hearing_request", "license_hearing_request"]

    public init(calendar: WorkCalendar?, serviceDays: Int = 7, serviceSource: SourceRef = CaseSources.penaltyLaw("第六十一条")) {
        self.calendar = calendar
        self.serviceDays = serviceDays
        self.serviceSource = serviceSource
    }

    public func check(_ c: ClosedCaseSnapshot) -> [CaseFinding] {
        var out: [CaseFinding] = []
        out += team(c)
        out += legalReview(c)
        out += deadlines(c)
        out += service(c)
        out += decisionElements(c)
        out += discretion(c)
        out += recordedSteps(c)
        out += separation(c)
        return out
    }

    public func team(_ c: ClosedCaseSnapshot) -> [CaseFinding] {
        var out: [CaseFinding] = []
        var qualified = 0
        for h in c.handlers where !h.isAuxiliary {
            let problems = h.certificates.map { $0.problem(on: c.filedOn) }
            if h.certificates.isEmpty {
                out.append(CaseFinding(.certificates, .error, "\(h.name) 立案时（\(c.filedOn.iso)）未持有行政执法证件"))
            } else if problems.contains(where: { $0 == nil }) {
                qualified += 1
            } else {
                out.append(CaseFinding(.certificates, .error, "\(h.name) 立案时（\(c.filedOn.iso)）没有有效的执法证件：\(problems.compactMap { $0 }.joined(separator: "；"))"))
            }
        }
        if qualified < HandlingTeam.minimum {
            let aux = c.handlers.filter(\.isAuxiliary).count
            out.append(CaseFinding(.twoOfficers, .error, "具备执法资格的承办人员只有\(qualified)人" + (aux > 0 ? "（\(aux)名辅助人员不计入）" : "")))
        }
        return out
    }

    public func legalReview(_ c: ClosedCaseSnapshot) -> [CaseFinding] {
        guard c.legalReviewRequired, let decision = c.decision else { return [] }
        let before = c.reviews.filter { $0.on <= decision.decidedOn }
        if before.contains(where: \.passed) { return [] }
        if before.isEmpty {
            return [CaseFinding(.legalReview, .error, "重大执法决定未经法制审核即于 \(decision.decidedOn.iso) 作出决定")]
        }
        return [CaseFinding(.legalReview, .error, "法制审核未通过，仍于 \(decision.decidedOn.iso) 作出决定")]
    }

    public func deadlines(_ c: ClosedCaseSnapshot) -> [CaseFinding] {
        c.limits.filter { !Self.partyLimits.contains($0.code) && $0.code != "penalty_service" }.compactMap { l in
            let done = l.metOn ?? c.closedOn
            guard done > l.due else { return nil }
            let days = done.dayNumber - l.due.dayNumber
            return CaseFinding(.deadlines, .error, "“\(l.name)”应于 \(l.due.iso) 前完成，\(l.metOn == nil ? "结案时仍未完成" : "实际 \(done.iso) 完成")，逾期\(days)日",
                               source: l.source)
        }
    }

    public func service(_ c: ClosedCaseSnapshot) -> [CaseFinding] {
        guard c.procedure.isPenalty, c.closingReason == .concluded, let decision = c.decision else { return [] }
        guard let served = c.servedOn else {
            return [CaseFinding(.serviceTerm, .error, "没有送达决定书的记录")]
        }
        if let limit = c.limits.first(where: { $0.code == "penalty_service" }) {
            let done = limit.metOn ?? served
            guard done > limit.due else { return [] }
            return [CaseFinding(.serviceTerm, .error, "决定书应于 \(limit.due.iso) 前送达，实际 \(done.iso) 送达", source: limit.source)]
        }
        guard let calendar else {
            return [CaseFinding(.serviceTerm, .warning, "无法计算送达期限（缺少工作日历），实际 \(served.iso) 送达")]
        }
        guard let due = try? calendar.deadline(value: serviceDays, unit: .workingDays, from: decision.decidedOn) else {
            return [CaseFinding(.serviceTerm, .warning, "\(decision.decidedOn.year) 年工作日历未覆盖，无法计算送达期限")]
        }
        guard served > due.date else { return [] }
        return [CaseFinding(.serviceTerm, .error, "决定书应于 \(due.date.iso) 前送达（\(serviceDays)个工作日），实际 \(served.iso) 送达", source: serviceSource)]
    }

    public func decisionElements(_ c: ClosedCaseSnapshot) -> [CaseFinding] {
        guard let d = c.decision else { return [] }
        let missing = d.document.missingElements
        return missing.isEmpty ? [] : [CaseFinding(.decisionElements, .error, "决定书缺少应当载明的事项：\(missing.joined(separator: "、"))")]
    }

    public func discretion(_ c: ClosedCaseSnapshot) -> [CaseFinding] {
        guard let d = c.decision, let sanction = d.sanction, sanction.kinds.contains(.fine), sanction.fineAmount > 0 else { return [] }
        guard let level = d.level else {
            return [CaseFinding(.discretion, .warning, "罚款\(sanction.fineAmount)元未关联裁量基准，无法核对幅度")]
        }
        var out: [CaseFinding] = []
        if let kind = sanction.kinds.first(where: { !level.allows($0) }) {
            out.append(CaseFinding(.discretion, .error, "“\(level.circumstance)”情节不得给予\(kind.label)"))
        }
        guard !level.range.contains(sanction.fineAmount) else { return out }
        let blank = d.outsideReason.map { $0.allSatisfy(\.isWhitespace) } ?? true
        if blank {
            out.append(CaseFinding(.discretion, .error, "罚款\(sanction.fineAmount)元超出“\(level.circumstance)”情节的幅度（\(level.range.text)），未书面说明理由"))
        }
        if !c.reviews.contains(where: { $0.passed && $0.on <= d.decidedOn }) {
            out.append(CaseFinding(.discretion, .error, "罚款\(sanction.fineAmount)元超出“\(level.circumstance)”情节的幅度（\(level.range.text)），未经法制审核"))
        }
        return out
    }

    public func recordedSteps(_ c: ClosedCaseSnapshot) -> [CaseFinding] {
        let path: [CaseStage]
        if c.closingReason == .transferred {
            path = [.filed]
        } else {
            let context = CaseStateMachine.Context(hearingRequested: c.hearingRequested, legalReviewRequired: c.legalReviewRequired,
                                                   needsExecution: c.needsExecution)
            // 法制审核 is checked from the reviews themselves (`legalReview`), not from the stage's record.
            path = CaseStateMachine.path(of: c.procedure, context: context).filter { $0 != .closed && $0 != .legalReview }
        }
        let missing = path.filter { !c.recordedStages.contains($0) }
        guard !missing.isEmpty else { return [] }
        return [CaseFinding(.recordedSteps, .error, "缺少以下环节的记录：\(missing.map { $0.label(in: c.procedure) }.joined(separator: "、"))")]
    }

    public func separation(_ c: ClosedCaseSnapshot) -> [CaseFinding] {
        guard let d = c.decision, let approver = d.approverKey else { return [] }
        var out: [CaseFinding] = []
        let handlers = Set(c.handlers.compactMap(\.userKey))
        if handlers.contains(approver) {
            out.append(CaseFinding(.separation, .error, "决定由本案承办人批准"))
        }
        if c.reviews.contains(where: { $0.reviewerKey == approver }) {
            out.append(CaseFinding(.separation, .error, "法制审核人员同时批准了决定"))
        }
        if c.reviews.contains(where: { $0.reviewerKey.map(handlers.contains) ?? false }) {
            out.append(CaseFinding(.separation, .error, "本案承办人审核了本案", source: MajorDecisionRule.source))
        }
        return out
    }
}
