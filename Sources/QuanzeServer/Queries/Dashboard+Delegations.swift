import Fluent
import Foundation
import QuanzeCore

extension DashboardQueries {
    /// 逾期未备案: delegations in scope whose written decision was not filed by the profile's due date.
    static func addDelegationTodos(_ d: inout Dashboard, p: Principal, now: Date, on db: any Database) async throws {
        let today = LocalDate(instant: now)
        let overdue = try await DelegationQueries.scoped(for: p, on: db).filter(\.$status == .draft).all()
            .filter { $0.filingOverdue(on: today) }.count
        if overdue > 0 {
            d.todos.append(.init(key: "delegationFiling", text: "有 \(overdue) 项委托执法逾期未备案", href: SiteURL.consoleDelegations))
        }
    }
}
