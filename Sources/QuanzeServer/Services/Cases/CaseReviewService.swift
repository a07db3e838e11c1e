import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 法制审核 and the party's hearing request.
enum CaseReviewService {
    /// A 法制员 of the body reviews a case in the 法制审核 stage: not on the case, and holding the
    /// 法律职业资格 when reviewing for the first time (行政处罚法 第五十八条).
    static func review(_ c: EnforcementCase, passed: Bool, opinion: String, req: Request) async throws -> LegalReview {
        guard c.stage == .legalReview else {
            throw AppError.conflict("NOT_IN_LEGAL_REVIEW", "案件当前环节为“\(c.stage.label(in: c.procedure))”，不在法制审核环节")
        }
        let p = try req.principal()
        let opinion = try CaseText.paragraph(opinion, field: "opinion", max: 2000)
        let people = try await CasePeople.load(c, on: req.db)
        let reviewerOfficer = try await CasePeople.officer(ofUser: p.userID, on: req.db)
        let onCase = people.includes(userID: p.userID, officer: reviewerOfficer)
        let first = try await LegalReview.query(on: req.db).filter(\.$reviewerUserID == p.userID).filter(\.$passed == true).count() == 0
        do {
            try MajorDecisionRule.checkReviewer(name: p.displayName, isOnCase: onCase, isFirstReview: first,
                                                legalProfessionQualified: reviewerOfficer?.legalProfessionQualified ?? false)
        } catch { throw CaseRefusal.from(error) }
        let today = req.today
        let review = LegalReview()
        review.$enforcementCase.id = try c.requireID()
        review.reviewerUserID = p.userID
        review.reviewerName = p.displayName
        review.passed = passed
        review.opinion = opinion
        review.reviewedOn = today.iso
        try await req.db.transaction { tx in
            try await review.create(on: tx)
            let actor = p.displayName
            if passed { try await CaseDeadlines.meet(["step:legal_review"], caseID: try c.requireID(), on: today, db: tx) }
            let summary = "法制审核\(passed ? "通过" : "未通过")：\(opinion)"
            try await CaseJournal.write(c, kind: "legal_review", stage: .legalReview, on: today, summary: summary, actor: actor, req: req, db: tx)
            try await req.audit(.caseReview, .success, target: c.number, detail: summary, on: tx)
        }
        return review
    }

    /// The party asks for a hearing within the window that the 告知 started (第六十四条: 5 工作日).
    static func requestHearing(_ c: EnforcementCase, req: Request) async throws {
        guard c.stage == .notice, c.hearingRight != nil else {
            throw AppError.conflict("HEARING_NOT_AVAILABLE", "本案未告知听证权利或不在告知环节，不能申请听证")
        }
        guard !c.hearingRequested else { throw AppError.conflict("HEARING_ALREADY_REQUESTED", "当事人已申请听证") }
        let caseID = try c.requireID()
        let today = req.today
        if let window = try await CaseDeadlines.hearingWindow(caseID: caseID, db: req.db),
           let due = LocalDate(iso: window.due), today > due {
            throw AppError.badRequest("HEARING_REQUEST_LATE", "听证申请期限已于 \(due.iso) 届满（\(window.source)）")
        }
        c.hearingRequested = true
        // A decision after a hearing on major rights needs 法制审核 (第五十八条(二)).
        c.majorReasons = MajorDecisionRule.reasons(statutory: c.majorCriteria, powerCriteria: [], hearingHeld: true, outsideDiscretion: false)
        c.legalReviewRequired = true
        let actor = try req.principal().displayName
        try await req.db.transaction { tx in
            try await c.save(on: tx)
            try await CaseDeadlines.meet(CaseDeadlines.hearingWindowCodes, caseID: caseID, on: today, db: tx)
            try await CaseJournal.write(c, kind: "hearing_request", stage: .notice, on: today, summary: "当事人申请听证", actor: actor, req: req, db: tx)
            try await req.audit(.caseAdvance, .success, target: c.number, detail: "当事人申请听证", on: tx)
        }
    }
}

/// Who is on a case: the handlers' officer ids and their console accounts.
struct CasePeople {
    var handlerOfficerIDs: Set<UUID>
    var handlerUserIDs: Set<UUID>

    /// The person is on the case: a handler's account, or the officer record linked to the account.
    func includes(userID: UUID, officer: Officer?) -> Bool {
        handlerUserIDs.contains(userID) || (officer?.id.map(handlerOfficerIDs.contains) ?? false)
    }

    /// The officer record linked to a console account, if any.
    static func officer(ofUser userID: UUID, on db: any Database) async throws -> Officer? {
        try await Officer.query(on: db).filter(\.$user.$id == userID).first()
    }

    static func load(_ c: EnforcementCase, on db: any Database) async throws -> CasePeople {
        let rows = try await CaseOfficer.query(on: db).filter(\.$enforcementCase.$id == c.requireID()).with(\.$officer).all()
        return CasePeople(handlerOfficerIDs: Set(rows.map { $0.$officer.id }),
                          handlerUserIDs: Set(rows.compactMap { $0.officer.$user.id }))
    }
}
