import Fluent
import Foundation
import QuanzeCore

/// Writes one step of a case: the event row the case page lists (and, with the record log, the
/// tamper-evident entry of 全过程记录).
enum CaseJournal {
    static func write(_ c: EnforcementCase, kind: String, stage: CaseStage?, on day: LocalDate, summary: String,
                      actor: String, db: any Database) async throws {
        try await CaseEvent(caseID: try c.requireID(), kind: kind, stage: stage, on: day, summary: summary, actor: actor).create(on: db)
    }
}
