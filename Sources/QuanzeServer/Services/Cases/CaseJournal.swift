import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Writes one step of a case: the event row the case page lists, and the same step as an entry of
/// the case's stream (`case:<uuid>`) in the 全过程记录 — in the caller's transaction, so a step is
/// never saved without its record (004_* 篇十二: 全过程记录, 不能删改).
enum CaseJournal {
    static func stream(_ caseID: UUID) -> String { "case:\(caseID.uuidString.lowercased())" }

    @discardableResult
    static func write(_ c: EnforcementCase, kind: String, stage: CaseStage?, on day: LocalDate, summary: String,
                      actor: String, req: Request, db: any Database) async throws -> RecordEntry {
        let caseID = try c.requireID()
        try await CaseEvent(caseID: caseID, kind: kind, stage: stage, on: day, summary: summary, actor: actor).create(on: db)
        return try await req.record(stream: stream(caseID), kind: "case." + kind, payload: payload(c, stage: stage, day: day, summary: summary, actor: actor), on: db)
    }

    static func payload(_ c: EnforcementCase, stage: CaseStage?, day: LocalDate, summary: String, actor: String) -> [String: String] {
        var p = ["number": c.number, "date": day.iso, "summary": summary, "actor": actor, "procedure": c.procedure.rawValue]
        if let stage { p["stage"] = stage.rawValue }
        return p
    }
}
