import Fluent
import Foundation
import QuanzeCore

/// The handling team of a case: each officer of the body, authorised for the power on the day
/// (`OfficerAuthority`) and on a post that holds it (分解职权); at least two who count
/// (`HandlingTeam`, 行政处罚法 第四十二条). An 辅助人员 is always recorded as 辅助.
enum CaseTeam {
    struct Checked: Sendable {
        var officerID: UUID
        var name: String
        var role: CaseOfficerRole
    }

    static func check(_ members: [CaseFiling.Member], agencyID: UUID, powerItemID: UUID, on day: LocalDate,
                      db: any Database) async throws -> [Checked] {
        guard !members.isEmpty else { throw AppError.badRequest("TOO_FEW_OFFICERS", "执法人员不得少于两人（行政处罚法 第四十二条）", field: "officers") }
        guard Set(members.map(\.officerID)).count == members.count else {
            throw AppError.validation("officers", "同一执法人员不能重复列入", code: "duplicate")
        }
        guard members.count <= 10 else { throw AppError.validation("officers", "承办人员不超过 10 人", code: "too_many") }
        let officers = try await Officer.query(on: db).filter(\.$id ~~ members.map(\.officerID)).all()
        let byID = Dictionary(uniqueKeysWithValues: officers.compactMap { o in o.id.map { ($0, o) } })
        let posted = try await onPost(officerIDs: officers.compactMap(\.id), powerItemID: powerItemID, on: day, db: db)
        var team: [TeamMember] = []
        var checked: [Checked] = []
        for m in members {
            guard let o = byID[m.officerID], o.$agency.id == agencyID else {
                throw AppError.badRequest("OFFICER_NOT_IN_AGENCY", "执法人员不存在或不属于本机关", field: "officers")
            }
            let auxiliary = o.employment == .auxiliary || m.role == .auxiliary
            var refusal: CaseRuleViolation?
            if !auxiliary {
                let outcome = try await OfficerAuthority.mayAct(o, powerItemID: powerItemID, on: day, db: db)
                if !outcome.allowed { refusal = CaseRuleViolation(outcome.code, outcome.message) }
            }
            team.append(TeamMember(name: o.name, isAuxiliary: auxiliary, refusal: refusal, onPost: posted.contains(m.officerID)))
            checked.append(Checked(officerID: m.officerID, name: o.name, role: auxiliary ? .auxiliary : m.role))
        }
        if let first = HandlingTeam.problems(team).first { throw CaseRefusal.from(first, field: "officers") }
        return checked
    }

    /// Officers assigned on `day` to a post that holds the power.
    static func onPost(officerIDs: [UUID], powerItemID: UUID, on day: LocalDate, db: any Database) async throws -> Set<UUID> {
        let posts = try await PostPower.query(on: db).filter(\.$item.$id == powerItemID).all(\.$post.$id)
        guard !posts.isEmpty, !officerIDs.isEmpty else { return [] }
        let assignments = try await PostAssignment.query(on: db).filter(\.$post.$id ~~ posts).filter(\.$officer.$id ~~ officerIDs).all()
        return Set(assignments.filter { a in
            a.startDate <= day.iso && (a.endDate.map { $0 >= day.iso } ?? true)
        }.map { $0.$officer.id })
    }
}

/// A domain refusal as an API error (400 with its stable code, the reason and the source).
enum CaseRefusal {
    static func from(_ v: CaseRuleViolation, field: String? = nil) -> AppError {
        v.code == "VALIDATION_FAILED" ? AppError.validation(field ?? "input", v.text) : AppError.badRequest(v.code, v.text, field: field)
    }

    static func from(_ error: any Error, field: String? = nil) -> any Error {
        (error as? CaseRuleViolation).map { from($0, field: field) } ?? error
    }
}

/// Case text fields and dates.
enum CaseText {
    /// Multi-line text: newlines allowed, other control characters not, 1…max code points.
    static func paragraph(_ raw: String, field: String, max: Int) throws -> String {
        guard raw.unicodeScalars.count <= max else { throw AppError.validation(field, "不超过 \(max) 个字符", code: "length") }
        guard !raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t" }) else {
            throw AppError.validation(field, "不能包含控制字符", code: "control_character")
        }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw AppError.validation(field, "不能为空", code: "required") }
        return value
    }

    static func date(_ raw: String?, field: String, default fallback: LocalDate, notAfter today: LocalDate, notBefore: LocalDate? = nil) throws -> LocalDate {
        guard let raw, !raw.isEmpty else { return fallback }
        guard let day = LocalDate(iso: raw) else { throw AppError.validation(field, "须为有效日期（YYYY-MM-DD）", code: "date") }
        guard day <= today else { throw AppError.validation(field, "不能晚于今天", code: "future") }
        if let notBefore, day < notBefore { throw AppError.validation(field, "不能早于 \(notBefore.iso)", code: "too_early") }
        return day
    }
}
