import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 中止 / 恢复 / 延期: a suspension stops every running limit of the case (e.g. awaiting an
/// appraisal, a party unreachable); an approved extension moves one limit within its rule's cap
/// (行政许可法 第四十二条 +10 工作日, 行政强制法 第二十五条 +30 日). Each change is recorded.
enum CaseClockService {
    enum Action: String, Codable, Sendable { case suspend, resume, extend }

    struct Input: Sendable {
        var action: Action
        var reason: String
        var deadlineCode: String?
        var days: Int?
    }

    static func apply(_ c: EnforcementCase, _ input: Input, req: Request) async throws {
        guard c.stage != .closed else { throw AppError.conflict("CASE_CLOSED", "案件已结案") }
        let reason = try CaseText.paragraph(input.reason, field: "reason", max: 500)
        let p = try req.principal()
        let today = req.today
        let caseID = try c.requireID()
        let agency = try await Agency.find(c.$agency.id, on: req.db)!
        let open = try await CaseDeadline.query(on: req.db).filter(\.$enforcementCase.$id == caseID).filter(\.$metOn == nil).all()
        try await req.db.transaction { tx in
            let clocks = try await CaseDeadlines.load(jurisdictionID: agency.$jurisdiction.id, actor: p.displayName, services: req.services, on: tx)
            var summary: String
            switch input.action {
            case .suspend:
                guard !c.suspended else { throw AppError.conflict("CLOCK_ALREADY_SUSPENDED", "案件已中止") }
                for d in open {
                    var clock = d.clock
                    do { try clock.suspend(on: today) } catch { throw CaseRefusal.from(error) }
                    d.clock = clock
                    try await clocks.recompute(d, kind: "suspend", reason: reason, rule: "中止期间不计入期限")
                }
                c.suspended = true
                summary = "案件中止：\(reason)"
            case .resume:
                guard c.suspended else { throw AppError.conflict("CLOCK_NOT_SUSPENDED", "案件未中止") }
                for d in open where d.clock.isSuspended {
                    var clock = d.clock
                    do { try clock.resume(on: today, calendar: clocks.calendar) } catch { throw CaseRefusal.from(error) }
                    d.clock = clock
                    try await clocks.recompute(d, kind: "resume", reason: reason, rule: "中止期间（至 \(today.iso)）不计入期限")
                }
                c.suspended = false
                summary = "恢复办理：\(reason)"
            case .extend:
                guard p.has(.legalOfficer) else {
                    throw AppError("EXTENSION_NEEDS_APPROVAL", .forbidden, "延长期限须经批准，由本机关法制员登记批准")
                }
                guard let code = input.deadlineCode, let d = open.first(where: { $0.code == code }) else {
                    throw AppError.validation("deadlineCode", "须选择本案正在计算的期限", code: "invalid")
                }
                guard let days = input.days else { throw AppError.validation("days", "须填写延长天数", code: "required") }
                var clock = d.clock
                do { try clock.extend(by: days, cap: d.extensionCap, rule: d.source) } catch { throw CaseRefusal.from(error, field: "days") }
                d.clock = clock
                try await clocks.recompute(d, kind: "extend", reason: reason, rule: "经批准延长\(days)\(clock.unit.label)（上限\(d.extensionCap ?? 0)\(clock.unit.label)，\(d.source)）")
                summary = "延长“\(d.name)”\(days)\(clock.unit.label)：\(reason)"
            }
            try await c.save(on: tx)
            try await CaseJournal.write(c, kind: "clock", stage: nil, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            try await req.audit(.caseClock, .success, target: c.number, detail: summary, on: tx)
        }
    }
}
