import Fluent
import Foundation
import QuanzeCore

/// The checks a new delegation must pass; each refusal has a stable code and names the rule.
/// - 委托机关 and 受委托方 differ, lie in the same jurisdiction, and the delegate is a 受委托组织 or
///   another 行政机关 (行政处罚法 第二十条、第二十一条);
/// - only the delegator's own published 职权事项 are delegated, so a delegate never re-delegates
///   what it holds by delegation (行政处罚法 第二十条: 不得再委托);
/// - 行政强制措施权不得委托 (行政强制法 第十七条); a 行政许可 only to another 行政机关 (行政许可法 第二十四条).
enum DelegationRules {
    static func refuse(_ code: String, _ field: String, _ message: String) -> AppError {
        AppError(code, .unprocessableEntity, message, details: ErrorDetails(field: field))
    }

    static func checkParties(delegator: Agency, delegate: Agency) throws {
        if delegator.id == delegate.id {
            throw refuse("SELF_DELEGATION", "delegateAgencyId", "执法主体不能委托给自己")
        }
        guard [.entrustedOrganization, .statutoryOrgan].contains(delegate.kind), !delegate.isLegalOffice else {
            throw refuse("DELEGATE_KIND_INVALID", "delegateAgencyId",
                         "受委托方须为受委托组织或其他行政机关（当前：\(delegate.kind.label)）（行政处罚法 第二十条）")
        }
        guard delegator.$jurisdiction.id == delegate.$jurisdiction.id else {
            throw refuse("OTHER_JURISDICTION", "delegateAgencyId", "委托机关与受委托方须属同一辖区")
        }
        guard delegator.mayEnforce else {
            throw refuse("DELEGATOR_NOT_ANNOUNCED", "delegatingAgencyId", "委托机关须经确认并公告，方可委托执法")
        }
        guard delegate.status != .revoked else {
            throw refuse("AGENCY_REVOKED", "delegateAgencyId", "受委托方的主体资格已撤销")
        }
    }

    /// The delegated items: at least one, each the delegator's own, published, and delegable to this delegate.
    static func checkItems(_ ids: [UUID], delegator: Agency, delegate: Agency, on db: any Database) async throws -> [PowerItem] {
        guard !ids.isEmpty else { throw refuse("POWER_ITEMS_REQUIRED", "powerItemIds", "至少选择一项委托的职权事项") }
        var items: [PowerItem] = []
        for id in Set(ids).sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let item = try await PowerItem.find(id, on: db), item.$agency.id == delegator.id else {
                throw refuse("POWER_NOT_OWNED", "powerItemIds", "只能委托本机关权责清单中的职权事项（受委托方不得再委托）：\(id)")
            }
            guard let v = try await PowerItemQueries.published(item, on: db) else {
                throw refuse("POWER_NOT_PUBLISHED", "powerItemIds", "职权事项 \(item.code) 尚未公布，不能委托")
            }
            if v.category == .coercion {
                throw refuse("POWER_NOT_DELEGABLE", "powerItemIds", "\(item.code) \(v.name)：行政强制措施权不得委托（行政强制法 第十七条）")
            }
            if v.category == .licensing && delegate.kind != .statutoryOrgan {
                throw refuse("POWER_NOT_DELEGABLE", "powerItemIds", "\(item.code) \(v.name)：行政许可只能委托其他行政机关实施（行政许可法 第二十四条）")
            }
            items.append(item)
        }
        return items
    }

    /// 委托依据 articles: each must exist and be citable (in force, not a 规范性文件).
    static func checkArticles(_ ids: [UUID], on db: any Database) async throws {
        for id in ids {
            guard let a = try await LegalArticle.find(id, on: db), let norm = try await LegalNorm.find(a.$norm.id, on: db) else {
                throw refuse("ARTICLE_NOT_FOUND", "basisArticleIds", "条款不存在：\(id)")
            }
            guard a.citable(in: norm) else {
                throw refuse("ARTICLE_NOT_CITABLE", "basisArticleIds", "《\(norm.title)》\(a.number)已废止或不得作为执法依据，不能引用")
            }
        }
    }

    /// Term and decision dates: valid, the term ends after it starts, the decision precedes the term and is not in the future.
    static func checkDates(start: String, end: String, decision: String, today: LocalDate) throws -> (LocalDate, LocalDate, LocalDate) {
        func date(_ raw: String, _ field: String) throws -> LocalDate {
            guard let d = LocalDate(iso: raw) else { throw AppError.validation(field, "须为有效日期（YYYY-MM-DD）", code: "date") }
            return d
        }
        let (s, e, d) = (try date(start, "termStart"), try date(end, "termEnd"), try date(decision, "decisionOn"))
        guard e > s else { throw refuse("TERM_INVALID", "termEnd", "委托期限的结束日须晚于开始日") }
        guard d <= s else { throw refuse("DECISION_AFTER_TERM_START", "decisionOn", "书面委托决定须在委托期限开始之日或之前作出") }
        guard d <= today else { throw refuse("DECISION_IN_FUTURE", "decisionOn", "书面委托决定日期不能晚于今天") }
        return (s, e, d)
    }
}
