import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Officers on posts. An officer may hold a post of their own body only, while serving, and not
/// twice at the same time on the same post. The start date is kept (定期轮岗, `002_*`
/// 永政办〔2015〕98号 五(一)); neither date may lie in the future.
enum PostAssignmentService {
    static func assign(officerID: UUID?, startDate raw: String?, to post: EnforcementPost, agency: Agency, req: Request) async throws -> PostAssignment {
        let today = LocalDate(instant: req.now)
        guard let officerID else { throw AppError.validation("officerId", "请选择执法人员", code: "required") }
        guard let officer = try await Officer.find(officerID, on: req.db) else {
            throw AppError.validation("officerId", "执法人员不存在", code: "not_found")
        }
        guard officer.$agency.id == agency.id else {
            let other = try await Agency.find(officer.$agency.id, on: req.db)
            throw AppError("OFFICER_OTHER_BODY", .unprocessableEntity,
                           "\(officer.name)是\(other?.name ?? "其他执法主体")的人员，只能在本主体（\(agency.name)）的岗位任职",
                           details: ErrorDetails(field: "officerId"))
        }
        guard officer.status == .serving else {
            throw AppError.conflict("OFFICER_NOT_SERVING", "\(officer.name)当前状态为“\(officer.status.label)”，不能安排到岗位")
        }
        let start = try date(raw, field: "startDate", today: today)
        if let hired = LocalDate(iso: officer.hiredOn), start < hired {
            throw AppError.validation("startDate", "不能早于入职日期 \(officer.hiredOn)", code: "before_hired")
        }
        let postID = try post.requireID()
        let a = PostAssignment(postID: postID, officerID: officerID, startDate: start.iso)
        try await req.db.transaction { tx in
            try await RowLock.agency(try agency.requireID(), on: tx)
            if try await PostAssignment.query(on: tx).filter(\.$post.$id == postID).filter(\.$officer.$id == officerID)
                .filter(\.$endDate == nil).first() != nil {
                throw AppError.conflict("ALREADY_ASSIGNED", "\(officer.name)已在岗位“\(post.name)”任职，不能重复安排")
            }
            try await a.create(on: tx)
            try await req.audit(.postAssign, .success, target: agency.name, detail: "\(officer.name) 自 \(start.iso) 起在岗位“\(post.name)”", on: tx)
        }
        return a
    }

    static func end(_ a: PostAssignment, endDate raw: String?, post: EnforcementPost, agency: Agency, req: Request) async throws {
        let today = LocalDate(instant: req.now)
        let end = try raw.map { try date($0, field: "endDate", today: today) } ?? today
        guard let start = LocalDate(iso: a.startDate), end >= start else {
            throw AppError.validation("endDate", "不能早于到岗日期 \(a.startDate)", code: "before_start")
        }
        let officerName = try await Officer.find(a.$officer.id, on: req.db)?.name ?? ""
        try await req.db.transaction { tx in
            try await RowLock.agency(try agency.requireID(), on: tx)
            guard let fresh = try await PostAssignment.find(a.id, on: tx) else { throw AppError.notFound }
            if let ended = fresh.endDate { throw AppError.conflict("ASSIGNMENT_ENDED", "该任职已于 \(ended) 结束") }
            fresh.endDate = end.iso
            try await fresh.save(on: tx)
            a.endDate = end.iso
            try await req.audit(.postAssignmentEnd, .success, target: agency.name,
                                detail: "\(officerName) 于 \(end.iso) 离开岗位“\(post.name)”（自 \(a.startDate)）", on: tx)
        }
    }

    private static func date(_ raw: String?, field: String, today: LocalDate) throws -> LocalDate {
        guard let raw, !raw.isEmpty else { throw AppError.validation(field, "必填", code: "required") }
        guard let d = LocalDate(iso: raw) else { throw AppError.validation(field, "须为有效日期（YYYY-MM-DD）", code: "invalid_date") }
        guard d <= today else { throw AppError.validation(field, "不能晚于今天（\(today.iso)）", code: "future") }
        return d
    }
}
