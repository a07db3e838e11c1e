import Fluent
import Foundation
import QuanzeCore

/// 分解职权 coverage of one body:
/// - powers (published items) held by no post — every power must reach a post, 一条不漏
///   (`004_*` 篇一 (一)3);
/// - the same power on parallel posts of different units, with the written reasons (交叉、重复,
///   `000_*` 国办发〔2005〕37号 二(二));
/// - posts with no current officer;
/// - officers on the same post for the rotation period or longer (定期轮岗, `002_*` 永政办〔2015〕98号
///   五(一)); the period is the profile deadline `post_rotation` of the body's jurisdiction, and
///   without it nothing is listed.
struct CoverageReport {
    struct Uncovered {
        let item: PowerItem
        let name: String
    }

    struct Holder {
        let post: EnforcementPost
        let unit: EnforcementUnit
        let reason: String?
    }

    struct Overlap {
        let item: PowerItem
        let name: String
        let shared: [PostDuty]
        let holders: [Holder]
    }

    struct Overdue {
        let assignment: PostAssignment
        let officer: Officer
        let post: EnforcementPost
        let unit: EnforcementUnit
        let due: LocalDate
        let years: Int
    }

    enum Rotation {
        /// The profile sets no rotation period: 本辖区规则配置未规定轮岗期限.
        case unset(profileID: String)
        case period(Inherited<DeadlineRule>, profileID: String, overdue: [Overdue])
    }

    let agency: Agency
    let today: LocalDate
    let publishedCount: Int
    let uncovered: [Uncovered]
    let overlaps: [Overlap]
    let postsWithoutOfficer: [PostQueries.PostRow]
    let rotation: Rotation

    static func build(_ agency: Agency, today: LocalDate, profiles: ProfileRegistry, on db: any Database) async throws -> CoverageReport {
        let overview = try await PostQueries.overview(agency, on: db)
        let published = try await publishedItems(agency, on: db)
        let held = Set(overview.posts.flatMap { $0.powers.map(\.item.id!) })
        let uncovered = published.filter { !held.contains($0.item.id!) }
        guard let jurisdiction = try await Jurisdiction.find(agency.$jurisdiction.id, on: db) else { throw AppError.notFound }
        let rule = profiles.effective(id: jurisdiction.profileID)?.deadline(RotationCheck.deadlineCode)
        let rotation: Rotation = rule.map { Rotation.period($0, profileID: jurisdiction.profileID, overdue: overdue(overview.posts, rule: $0.entry, today: today)) }
            ?? .unset(profileID: jurisdiction.profileID)
        return CoverageReport(agency: agency, today: today, publishedCount: published.count, uncovered: uncovered,
                              overlaps: overlaps(overview.posts), postsWithoutOfficer: overview.posts.filter { $0.current.isEmpty },
                              rotation: rotation)
    }

    /// Items with a published version, named by it.
    private static func publishedItems(_ agency: Agency, on db: any Database) async throws -> [Uncovered] {
        let items = try await PowerItem.query(on: db).filter(\.$agency.$id == agency.requireID()).sort(\.$code).all()
        let ids = items.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let versions = try await PowerItemVersion.query(on: db).filter(\.$item.$id ~~ ids).filter(\.$status == .published).all()
        let byItem = Dictionary(grouping: versions, by: { $0.$item.id })
        return items.compactMap { item in byItem[item.id!]?.max { $0.version < $1.version }.map { Uncovered(item: item, name: $0.name) } }
    }

    /// For each item: the holders on posts of different units that share a duty with another holder.
    static func overlaps(_ posts: [PostQueries.PostRow]) -> [Overlap] {
        var byItem: [UUID: [(PostQueries.PostRow, PostQueries.HeldPower)]] = [:]
        for row in posts { for power in row.powers { byItem[power.item.id!, default: []].append((row, power)) } }
        var out: [Overlap] = []
        for (_, holders) in byItem where holders.count > 1 {
            var involved: [Int] = []
            var shared: Set<PostDuty> = []
            for i in holders.indices {
                for j in holders.indices where j != i && holders[i].0.unit.id != holders[j].0.unit.id {
                    let common = holders[i].0.post.duties.intersection(holders[j].0.post.duties)
                    if !common.isEmpty {
                        involved.append(i)
                        shared.formUnion(common)
                        break
                    }
                }
            }
            guard !involved.isEmpty else { continue }
            let first = holders[involved[0]].1
            out.append(Overlap(item: first.item, name: first.name, shared: shared.sorted(),
                               holders: involved.map { Holder(post: holders[$0].0.post, unit: holders[$0].0.unit, reason: holders[$0].1.holding.overlapReason) }))
        }
        return out.sorted { $0.item.code < $1.item.code }
    }

    static func overdue(_ posts: [PostQueries.PostRow], rule: DeadlineRule, today: LocalDate) -> [Overdue] {
        posts.flatMap { row in
            row.current.compactMap { a, officer -> Overdue? in
                guard let start = LocalDate(iso: a.startDate),
                      RotationCheck.overdue(start: start, today: today, value: rule.value, unit: rule.unit),
                      let due = RotationCheck.dueDate(start: start, value: rule.value, unit: rule.unit) else { return nil }
                return Overdue(assignment: a, officer: officer, post: row.post, unit: row.unit, due: due,
                               years: RotationCheck.fullYears(from: start, to: today))
            }
        }.sorted { $0.assignment.startDate < $1.assignment.startDate }
    }
}
