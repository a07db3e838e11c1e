import Fluent
import Foundation
import QuanzeCore

/// The time limits of a case: started from the jurisdiction's rule profile (statutory periods such
/// as `penalty_decision`, 行政处罚法 第六十条) or from the power item (承诺时限, a flow step's limit),
/// counted on the official working-day calendar; every change is kept in `CaseDeadlineChange`.
struct CaseDeadlines {
    let calendar: WorkCalendar
    let profile: EffectiveProfile?
    let actor: String
    let db: any Database

    static func load(jurisdictionID: UUID, actor: String, services: AppServices, on db: any Database) async throws -> CaseDeadlines {
        let jurisdiction = try await Jurisdiction.find(jurisdictionID, on: db)
        let calendar = try await services.calendar.calendar(on: db, now: services.clock.now())
        return CaseDeadlines(calendar: calendar, profile: jurisdiction.flatMap { services.profiles.effective(id: $0.profileID) },
                             actor: actor, db: db)
    }

    /// Starts the profile's period `code` from `start`; nothing when the profile has no such rule.
    @discardableResult
    func start(_ code: String, from start: LocalDate, caseID: UUID, reason: String) async throws -> CaseDeadline? {
        guard let rule = profile?.deadline(code)?.entry, let unit = rule.unit.deadlineUnit else { return nil }
        let cap = rule.extension.flatMap { $0.unit.deadlineUnit == unit ? $0.value : nil }
        return try await begin(code: code, name: rule.name, clock: CaseClock(start: start, value: rule.value, unit: unit),
                               source: rule.source, cap: cap, caseID: caseID, reason: reason)
    }

    /// Starts a limit set by the power item (承诺时限 or a flow step's 时限).
    @discardableResult
    func start(code: String, name: String, limit: TimeLimit, source: SourceRef, from start: LocalDate, caseID: UUID,
               reason: String) async throws -> CaseDeadline? {
        guard let unit = DeadlineUnit(rawValue: limit.unit), limit.value > 0 else { return nil }
        return try await begin(code: code, name: name, clock: CaseClock(start: start, value: limit.value, unit: unit),
                               source: source, cap: nil, caseID: caseID, reason: reason)
    }

    private func begin(code: String, name: String, clock: CaseClock, source: SourceRef, cap: Int?, caseID: UUID,
                       reason: String) async throws -> CaseDeadline {
        let due = try clock.due(calendar: calendar)
        let d = CaseDeadline()
        d.$enforcementCase.id = caseID
        d.code = code
        d.name = name
        d.clock = clock
        d.due = due.date.iso
        d.provisional = due.provisional
        d.sourceText = JSONText(source)
        d.extensionCap = cap
        try await d.create(on: db)
        try await change(d, kind: "start", oldDue: nil, reason: reason, rule: "\(clock.unit.label == "日" ? "\(clock.value)日" : "\(clock.value)\(clock.unit.label)")，\(source)")
        return d
    }

    /// The step a limit governs is done.
    func meet(_ codes: [String], caseID: UUID, on day: LocalDate) async throws {
        try await Self.meet(codes, caseID: caseID, on: day, db: db)
    }

    /// Marking limits met needs neither the calendar nor the profile.
    static func meet(_ codes: [String], caseID: UUID, on day: LocalDate, db: any Database) async throws {
        let open = try await CaseDeadline.query(on: db).filter(\.$enforcementCase.$id == caseID)
            .filter(\.$code ~~ codes).filter(\.$metOn == nil).all()
        for d in open {
            d.metOn = day.iso
            try await d.save(on: db)
        }
    }

    /// Every open flow-step limit (`step:*`) is met: the decision ends the steps before it.
    func meetSteps(caseID: UUID, on day: LocalDate) async throws {
        let open = try await CaseDeadline.query(on: db).filter(\.$enforcementCase.$id == caseID).filter(\.$metOn == nil).all()
        for d in open where d.code.hasPrefix("step:") {
            d.metOn = day.iso
            try await d.save(on: db)
        }
    }

    /// The party's window to ask for a hearing (行政处罚法 第六十四条, 行政许可法 第四十七条).
    static let hearingWindowCodes = ["penalty_hearing_request", "license_hearing_request"]

    static func hearingWindow(caseID: UUID, db: any Database) async throws -> CaseDeadline? {
        try await CaseDeadline.query(on: db).filter(\.$enforcementCase.$id == caseID).filter(\.$code ~~ hearingWindowCodes).first()
    }

    /// Recomputes after the clock moved and records who, why and the rule.
    func recompute(_ d: CaseDeadline, kind: String, reason: String, rule: String) async throws {
        let old = d.due
        let due = try d.clock.due(calendar: calendar)
        d.due = due.date.iso
        d.provisional = due.provisional
        try await d.save(on: db)
        try await change(d, kind: kind, oldDue: old, reason: reason, rule: rule)
    }

    private func change(_ d: CaseDeadline, kind: String, oldDue: String?, reason: String, rule: String) async throws {
        let c = CaseDeadlineChange()
        c.$enforcementCase.id = d.$enforcementCase.id
        c.deadlineCode = d.code
        c.kind = kind
        c.oldDue = oldDue
        c.newDue = d.due
        c.reason = reason
        c.rule = rule
        c.actor = actor
        try await c.create(on: db)
    }
}

enum CaseDeadlineChangeKind {
    static func label(_ kind: String) -> String {
        switch kind {
        case "start": "起算"
        case "suspend": "中止"
        case "resume": "恢复计算"
        case "extend": "延长"
        default: kind
        }
    }
}
