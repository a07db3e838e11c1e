import Foundation

/// A due date of the liability procedure with the profile rule it comes from.
public struct LiabilityDue: Codable, Sendable, Hashable {
    /// The profile code (`LiabilityCodes.*`).
    public var code: String
    public var name: String
    /// The day the period starts from (not counted).
    public var start: LocalDate
    /// 期限届满日 (including any granted extension).
    public var date: LocalDate
    /// The period as the rule states it, e.g. `30个工作日（可延长15个工作日）`.
    public var period: String
    /// The extension granted (in the extension's unit), 0 when none.
    public var extended: Int
    /// Computed with a year whose holiday notice is not published (Monday–Friday stand-in).
    public var provisional: Bool
    /// Chinese explanation of the counting (from `WorkCalendar`), or of the month count.
    public var explanation: String
    /// The profile rule's source (shown next to the date).
    public var source: SourceRef
    /// The counting rule applied (行政处罚法 第八十五条 / 民事诉讼法 第八十五条), nil for months.
    public var countingRule: SourceRef?
    /// Id of the profile that defines the rule.
    public var origin: String
}

/// Due dates of the liability procedure (立案, 决定 (+延长), 集体决定, 备案, 申诉/复核 window, 申诉决定
/// (+延长)) on the official working-day calendar, from the profile's `DeadlineRule`s. A rule the
/// profile (and its ancestors) does not have gives nil — 未规定, never a default.
///
/// The server supplies the effective profile of the pursuing body's jurisdiction and the calendar
/// (`services.calendar.calendar(on:now:)`), and the start dates from its records.
public struct LiabilitySchedule: Sendable {
    public var profile: EffectiveProfile
    public var calendar: WorkCalendar

    public init(profile: EffectiveProfile, calendar: WorkCalendar) {
        self.profile = profile
        self.calendar = calendar
    }

    /// 立案 (or the decision whether there is a factual basis) from the day the possible fault was discovered.
    public func intakeDue(discoveredOn: LocalDate) throws(LiabilityRefusal) -> LiabilityDue? {
        try due(LiabilityCodes.intake, from: discoveredOn)
    }

    /// Conclusion / decision from 立案, with `extension` approved days (at most the rule's cap).
    public func decisionDue(filedOn: LocalDate, extension: Int = 0) throws(LiabilityRefusal) -> LiabilityDue? {
        try due(LiabilityCodes.decision, from: filedOn, extension: `extension`)
    }

    /// Collective decision from the conclusion of the investigation (shandong 第十九条).
    public func collectiveDecisionDue(concludedOn: LocalDate) throws(LiabilityRefusal) -> LiabilityDue? {
        try due(LiabilityCodes.collectiveDecision, from: concludedOn)
    }

    /// 备案 with the supervising offices from the decision.
    public func filingDue(decidedOn: LocalDate) throws(LiabilityRefusal) -> LiabilityDue? {
        try due(LiabilityCodes.filing, from: decidedOn)
    }

    /// Last day to appeal (申诉 / 复核) from receipt of the decision.
    public func appealWindowEnd(receivedOn: LocalDate) throws(LiabilityRefusal) -> LiabilityDue? {
        try due(LiabilityCodes.appealWindow, from: receivedOn)
    }

    /// Whether an appeal lodged on `lodgedOn` is in time; nil when the profile sets no window (未规定).
    public func appealInTime(receivedOn: LocalDate, lodgedOn: LocalDate) throws(LiabilityRefusal) -> Bool? {
        try appealWindowEnd(receivedOn: receivedOn).map { lodgedOn <= $0.date }
    }

    /// Appeal decision from the appeal's receipt, with `extension` approved days.
    public func appealDecisionDue(appealedOn: LocalDate, extension: Int = 0) throws(LiabilityRefusal) -> LiabilityDue? {
        try due(LiabilityCodes.appealDecision, from: appealedOn, extension: `extension`)
    }

    /// Any profile period `code` from `start`, with `extension` in the rule's extension unit.
    /// Refusals: `EXTENSION_NOT_ALLOWED` (the rule has no extension), `EXTENSION_EXCEEDS_CAP`
    /// (beyond `extension.value`), `VALIDATION_FAILED` (negative, or a period the calendar refuses).
    public func due(_ code: String, from start: LocalDate, extension: Int = 0) throws(LiabilityRefusal) -> LiabilityDue? {
        guard let inherited = profile.deadline(code) else { return nil }
        let rule = inherited.entry
        guard `extension` >= 0 else {
            throw LiabilityRefusal(LiabilityRefusal.validationFailed, "延长期限不能为负数（\(`extension`)）")
        }
        if `extension` > 0 {
            guard let cap = rule.extension else {
                throw LiabilityRefusal(LiabilityRefusal.extensionNotAllowed, "\(rule.name)依本配置不得延长", source: rule.source)
            }
            guard `extension` <= cap.value else {
                throw LiabilityRefusal(LiabilityRefusal.extensionExceedsCap,
                                       "\(rule.name)延长期限不得超过\(cap.unit.format(cap.value))（申请延长\(cap.unit.format(`extension`))）",
                                       source: rule.source)
            }
        }
        do {
            var provisional = false
            var counting: SourceRef?
            var explanation: String
            var date: LocalDate
            if let ext = rule.extension, `extension` > 0, ext.unit == rule.unit {
                (date, provisional, explanation, counting) = try period(rule.value + `extension`, rule.unit, from: start)
                explanation = "\(rule.unit.format(rule.value))，经批准延长\(rule.unit.format(`extension`))：" + explanation
            } else {
                (date, provisional, explanation, counting) = try period(rule.value, rule.unit, from: start)
                if let ext = rule.extension, `extension` > 0 {
                    let more = try period(`extension`, ext.unit, from: date)
                    date = more.date
                    provisional = provisional || more.provisional
                    explanation += "经批准自原届满日延长\(ext.unit.format(`extension`))：" + more.explanation
                }
            }
            return LiabilityDue(code: code, name: rule.name, start: start, date: date, period: rule.display,
                                extended: `extension`, provisional: provisional, explanation: explanation,
                                source: rule.source, countingRule: counting, origin: inherited.origin)
        } catch {
            throw LiabilityRefusal(LiabilityRefusal.validationFailed, "无法计算\(rule.name)：\(error)", source: rule.source)
        }
    }

    private func period(_ value: Int, _ unit: PeriodUnit, from start: LocalDate) throws
        -> (date: LocalDate, provisional: Bool, explanation: String, rule: SourceRef?) {
        if let dayUnit = unit.deadlineUnit {
            let r = try calendar.deadline(value: value, unit: dayUnit, from: start)
            return (r.date, r.provisional, r.explanation, r.rule)
        }
        let end = unit.end(of: value, from: start)!
        return (end, false, "按\(unit.rawValue)计算：自\(start.iso)起\(unit.format(value))，届满日为\(end.iso)。", nil)
    }
}
