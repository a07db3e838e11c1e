import Fluent
import Foundation
import QuanzeCore

/// 委托执法备案期限: from the jurisdiction's rule profile (`delegation_filing`; changchun: 15日 from
/// the written decision, 004_* 篇十二 二(一)3), counted on the official working-day calendar as
/// `PowerAdjustment` counts its period. Nil where the profile sets no period.
enum DelegationDeadline {
    static let code = "delegation_filing"

    struct Due: Sendable {
        var date: LocalDate
        /// e.g. “15日，自书面委托决定作出之日起；长春市全面落实行政执法责任制实施意见 二(一)3（004_… 篇十二）”.
        var source: String
    }

    static func filingDue(decidedOn start: LocalDate, jurisdictionID: UUID, services: AppServices,
                          on db: any Database) async throws -> Due? {
        guard let jurisdiction = try await Jurisdiction.find(jurisdictionID, on: db),
              let rule = services.profiles.effective(id: jurisdiction.profileID)?.deadline(code)?.entry else { return nil }
        let calendar = try await services.calendar.calendar(on: db, now: services.clock.now())
        let date = try rule.due(from: start, calendar: calendar)
        let from = rule.start.map { "，自\($0)起" } ?? ""
        return Due(date: date, source: "\(rule.display)\(from)；\(rule.source.description)")
    }
}
