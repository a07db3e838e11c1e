import Fluent
import Foundation
import QuanzeCore

/// 需调整: when a basis article is amended or repealed, every current version (open or published)
/// citing it is flagged, with a due date from its body's rule profile (`power_list_adjustment`:
/// one month in jilin, 001_* 三(二)) counted from the date the change takes effect. The 裁量基准
/// that depend on the same article are flagged with them.
enum PowerAdjustment {
    static let deadlineCode = "power_list_adjustment"

    static func flag(articles: [UUID], effectiveOn: LocalDate, reason: String, services: AppServices, on tx: any Database) async throws -> Int {
        guard !articles.isEmpty else { return 0 }
        let calendar = try await services.calendar.calendar(on: tx, now: services.clock.now())
        func mark(agencyID: UUID) async throws -> (String?, String) {
            let (due, source) = try await dueDate(agencyID: agencyID, from: effectiveOn, calendar: calendar, services: services, on: tx)
            return (due?.iso, reason + (source.map { "；调整期限依据：\($0)" } ?? "；本辖区规则配置未规定调整期限"))
        }
        for b in try await DiscretionBenchmark.query(on: tx).filter(\.$article.$id ~~ articles).all() {
            b.needsAdjustment = true
            (b.adjustmentDue, b.adjustmentReason) = try await mark(agencyID: b.$agency.id)
            try await b.save(on: tx)
        }
        let versionIDs = try await PowerItemBasis.query(on: tx).filter(\.$article.$id ~~ articles).all(\.$version.$id)
        guard !versionIDs.isEmpty else { return 0 }
        let versions = try await PowerItemVersion.query(on: tx).filter(\.$id ~~ Array(Set(versionIDs)))
            .filter(\.$status ~~ [.draft, .submitted, .approved, .published]).with(\.$item).all()
        for v in versions {
            v.needsAdjustment = true
            (v.adjustmentDue, v.adjustmentReason) = try await mark(agencyID: v.item.$agency.id)
            try await v.save(on: tx)
        }
        return versions.count
    }

    private static func dueDate(agencyID: UUID, from start: LocalDate, calendar: WorkCalendar, services: AppServices,
                                on db: any Database) async throws -> (LocalDate?, String?) {
        guard let agency = try await Agency.find(agencyID, on: db),
              let jurisdiction = try await Jurisdiction.find(agency.$jurisdiction.id, on: db),
              let rule = services.profiles.effective(id: jurisdiction.profileID)?.deadline(deadlineCode)?.entry else { return (nil, nil) }
        return (try rule.due(from: start, calendar: calendar), "\(rule.display)，\(rule.source.description)")
    }
}
