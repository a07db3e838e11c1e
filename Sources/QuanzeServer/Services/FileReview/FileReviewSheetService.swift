import Crypto
import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 案卷评查单: scoring, two signatures, 初评 → 复评 → 法制办抽核, 集体会商, 申辩.
///
/// Decisions (docs/case-file-review.md): a signature covers the sheet as scored; re-scoring clears
/// both signatures (the sheet must be signed again). A stage moves on only with two signatures of
/// two different plan reviewers from outside the file's body. The 法制办's confirmation sends the
/// sheet to the body (第十一条(四) 反馈) and opens the 申辩 window.
enum FileReviewSheetService {
    static func lock(_ id: UUID, on tx: any Database) async throws -> ReviewSheet {
        try await RowLock.reviewSheet(id, on: tx)
        guard let s = try await ReviewSheet.find(id, on: tx) else { throw AppError.notFound }
        return s
    }

    static func standard(_ sheet: ReviewSheet, on db: any Database) async throws -> ReviewStandard {
        guard let s = try await ReviewStandard.find(sheet.standardID, on: db) else { throw AppError.notFound }
        return s
    }

    /// Scores the sheet (初评 or 复评) by a plan reviewer from outside the body; clears signatures.
    static func score(_ sheet: ReviewSheet, plan: ReviewPlan, deductions: [ReviewDeduction], doubtful: Bool, req: Request) async throws -> ReviewSheet {
        let p = try req.principal()
        _ = try await FileReviewScope.requireAssigned(p, sheet: sheet, plan: plan, on: req.db)
        var cleaned: [ReviewDeduction] = []
        for (i, d) in deductions.enumerated() {
            cleaned.append(ReviewDeduction(code: d.code, points: d.points,
                                         problem: try CaseText.paragraph(d.problem, field: "deductions[\(i)].problem", max: 1000),
                                         grounds: try CaseText.paragraph(d.grounds, field: "deductions[\(i)].grounds", max: 1000),
                                         advice: try CaseText.paragraph(d.advice, field: "deductions[\(i)].advice", max: 1000)))
        }
        let clean = cleaned
        let std = try await standard(sheet, on: req.db)
        let total: Double
        do { total = try ReviewScore.total(clean, criteria: std.criteria) } catch let e as ReviewScoreError {
            throw AppError(e.code, .unprocessableEntity, e.description)
        }
        let id = try sheet.requireID()
        return try await req.db.transaction { tx in
            let s = try await lock(id, on: tx)
            guard s.stage == .first || s.stage == .second else {
                throw AppError.conflict("SHEET_STAGE", "案卷评查单处于“\(s.stage.label)”环节，评查员不能再修改评分")
            }
            let hadSignatures = s.signatureCount > 0
            s.deductionsText = JSONText(clean)
            s.score = total
            s.doubtful = doubtful
            s.revision += 1
            s.scoredBy = p.displayName
            s.signer1ID = nil; s.signer1Name = nil; s.signer2ID = nil; s.signer2Name = nil
            try await s.save(on: tx)
            let detail = "\(s.stage.label)评分 \(ReviewScore.format(total)) 分\(doubtful ? "（疑难）" : "")\(hadSignatures ? "；原签字失效" : "")"
            try await req.audit(.reviewSheetScore, .success, target: "\(s.caseNumber)", detail: detail, on: tx)
            try await FileReviewPlanService.journal(req, plan: plan.requireID(), "sheet_score", [
                "sheet": id.uuidString.lowercased(), "case": s.caseNumber, "stage": s.stage.rawValue, "revision": "\(s.revision)",
                "score": ReviewScore.format(total), "doubtful": doubtful ? "true" : "false",
                "deductions": clean.map { "\($0.code) -\(ReviewScore.format($0.points))：\($0.problem)｜依据：\($0.grounds)｜建议：\($0.advice)" }.joined(separator: "；"),
            ], on: tx)
            return s
        }
    }

    /// A reviewer signs the sheet as scored now (第十条(五): 两名评查员签字确认). The same reviewer
    /// twice: 409 ALREADY_SIGNED.
    static func sign(_ sheet: ReviewSheet, plan: ReviewPlan, req: Request) async throws -> ReviewSheet {
        let p = try req.principal()
        _ = try await FileReviewScope.requireAssigned(p, sheet: sheet, plan: plan, on: req.db)
        let id = try sheet.requireID()
        return try await req.db.transaction { tx in
            let s = try await lock(id, on: tx)
            guard s.stage == .first || s.stage == .second else { throw AppError.conflict("SHEET_STAGE", "案卷评查单处于“\(s.stage.label)”环节，无需评查员签字") }
            guard s.score != nil else { throw AppError.conflict("SHEET_NOT_SCORED", "案卷评查单尚未评分，不能签字") }
            if s.signer1ID == p.userID || s.signer2ID == p.userID {
                throw AppError.conflict("ALREADY_SIGNED", "您已在本评查单上签字，须由另一名评查员签字（第十条(五)：两名评查员签字确认）")
            }
            if s.signer1ID == nil { s.signer1ID = p.userID; s.signer1Name = p.displayName }
            else if s.signer2ID == nil { s.signer2ID = p.userID; s.signer2Name = p.displayName }
            else { throw AppError.conflict("SHEET_FULLY_SIGNED", "本评查单已有两名评查员签字") }
            if s.stage == .first, s.signatureCount == 2, s.firstSignedOn == nil { s.firstSignedOn = req.today.iso }
            try await s.save(on: tx)
            try await req.audit(.reviewSheetSign, .success, target: s.caseNumber, detail: "\(s.stage.label) 第\(s.revision)稿 \(ReviewScore.format(s.score ?? 0)) 分", on: tx)
            try await FileReviewPlanService.journal(req, plan: plan.requireID(), "sheet_sign", [
                "sheet": id.uuidString.lowercased(), "case": s.caseNumber, "stage": s.stage.rawValue, "revision": "\(s.revision)",
                "score": ReviewScore.format(s.score ?? 0), "signer": p.displayName, "digest": digest(s),
            ], on: tx)
            return s
        }
    }

    /// What a signature covers: SHA-256 of the scored content.
    static func digest(_ s: ReviewSheet) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        let data = (try? e.encode(s.deductions)) ?? Data()
        return DrawStream.hex(SHA256.hash(data: data + Data("|\(s.score ?? 0)|\(s.doubtful)|\(s.revision)".utf8)))
    }

    /// 初评 → 复评 → 法制办抽核 (第十条(七)), by a plan reviewer, with two signatures on the current score.
    static func advance(_ sheet: ReviewSheet, plan: ReviewPlan, req: Request) async throws -> ReviewSheet {
        let p = try req.principal()
        _ = try await FileReviewScope.requireReviewer(p, plan: plan, agencyID: sheet.agencyID, on: req.db)
        let id = try sheet.requireID()
        return try await req.db.transaction { tx in
            let s = try await lock(id, on: tx)
            guard s.stage == .first || s.stage == .second else { throw AppError.conflict("SHEET_STAGE", "案卷评查单处于“\(s.stage.label)”环节") }
            guard s.signatureCount == 2 else {
                throw AppError.conflict("SIGNATURES_REQUIRED", "须由两名评查员签字确认后才能转入下一环节（第十条(五)）")
            }
            let from = s.stage
            if from == .first {
                s.stage = .second
            } else {
                s.stage = .recheck
                s.secondReviewedBy = p.displayName
            }
            try await s.save(on: tx)
            try await req.audit(.reviewSheetAdvance, .success, target: s.caseNumber, detail: "\(from.label) → \(s.stage.label)", on: tx)
            try await FileReviewPlanService.journal(req, plan: plan.requireID(), "sheet_advance", [
                "sheet": id.uuidString.lowercased(), "case": s.caseNumber, "from": from.rawValue, "to": s.stage.rawValue,
                "score": ReviewScore.format(s.score ?? 0),
            ], on: tx)
            return s
        }
    }

    /// 集体会商 (第八条) on a failing or doubtful file, by the 法制办 or a plan reviewer.
    static func deliberate(_ sheet: ReviewSheet, plan: ReviewPlan, participants: [String], conclusion raw: String, req: Request) async throws -> ReviewDeliberation {
        let p = try req.principal()
        if !p.has(.supervisor) { _ = try await FileReviewScope.requireReviewer(p, plan: plan, agencyID: sheet.agencyID, on: req.db) }
        let names = try participants.enumerated().map { try TextInput.name($0.element, field: "participants[\($0.offset)]", max: 30) }
        guard names.count >= 2 else { throw AppError.validation("participants", "集体会商须有至少两名参加人", code: "too_few") }
        let conclusion = try CaseText.paragraph(raw, field: "conclusion", max: 2000)
        let id = try sheet.requireID()
        return try await req.db.transaction { tx in
            let s = try await lock(id, on: tx)
            guard s.stage != .confirmed else { throw AppError.conflict("SHEET_STAGE", "案卷成绩已确认") }
            let d = ReviewDeliberation()
            d.sheetID = id
            d.heldOn = req.today.iso
            d.participantsText = JSONText(names)
            d.conclusion = conclusion
            d.recordedBy = p.displayName
            try await d.create(on: tx)
            try await req.audit(.reviewDeliberation, .success, target: s.caseNumber, detail: "参加人 \(names.joined(separator: "、"))：\(conclusion)", on: tx)
            try await FileReviewPlanService.journal(req, plan: plan.requireID(), "deliberation", [
                "sheet": id.uuidString.lowercased(), "case": s.caseNumber, "participants": names.joined(separator: "、"), "conclusion": conclusion,
            ], on: tx)
            return d
        }
    }

    /// The 申辩 deadline of a sheet sent on `sent`: a 日常抽查 3 日 after receipt (第十一条(四), on the
    /// official calendar); a 年度评查 the plan's window (第十条(八)).
    static func contestDue(plan: ReviewPlan, sent: LocalDate, req: Request, on db: any Database) async throws -> (date: LocalDate, source: SourceRef) {
        if plan.kind == .annual, let until = plan.contestUntil.flatMap(LocalDate.init(iso:)) {
            return (max(until, sent), SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇十一", document: "通州区行政处罚案卷评查工作规范", article: "第十条(八)"))
        }
        let rule = try await FileReviewDeadlines.rule(FileReviewRules.objectionDeadlineCode, jurisdictionID: plan.jurisdictionID, services: req.application.services, on: db)
        let calendar = try await req.application.services.calendar.calendar(on: db, now: req.now)
        return (try calendar.deadline(value: rule.value, unit: rule.unit, from: sent).date, rule.source)
    }

    /// 法制办抽核 (第十条(七)): the supervisor confirms the score or corrects it with a note; failing
    /// and doubtful files need a recorded 集体会商 first (409 DELIBERATION_REQUIRED). Confirming sends
    /// the sheet to the body and opens the 申辩 window.
    static func confirm(_ sheet: ReviewSheet, plan: ReviewPlan, correctedScore: Double?, note rawNote: String?, req: Request) async throws -> ReviewSheet {
        let p = try req.require(.supervisor)
        let note = try rawNote.flatMap { try $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : CaseText.paragraph($0, field: "note", max: 1000) }
        if let c = correctedScore {
            guard (0...100).contains(c), abs(c * 10 - (c * 10).rounded()) < 1e-9 else {
                throw AppError.validation("score", "分数须在 0–100 之间（最多一位小数）", code: "out_of_range")
            }
            if note == nil { throw AppError.validation("note", "修正评查结果须说明理由", code: "required") }
        }
        let id = try sheet.requireID()
        let std = try await standard(sheet, on: req.db)
        return try await req.db.transaction { tx in
            let s = try await lock(id, on: tx)
            guard s.stage == .recheck else { throw AppError.conflict("SHEET_STAGE", "案卷评查单须经初评、复评后才能由法制办抽核确认（现为“\(s.stage.label)”）") }
            let score = s.score ?? 0
            if score < std.passMark || s.doubtful {
                let held = try await ReviewDeliberation.query(on: tx).filter(\.$sheetID == id).count()
                if held == 0 {
                    throw AppError.conflict("DELIBERATION_REQUIRED", "不合格或疑难案卷须先经集体会商（第八条）")
                }
            }
            let final = correctedScore ?? score
            let sent = req.today
            let due = try await contestDue(plan: plan, sent: sent, req: req, on: tx)
            s.stage = .confirmed
            s.confirmedScore = final
            s.finalScore = final
            s.confirmedBy = p.displayName
            s.confirmationNote = note
            s.sentOn = sent.iso
            s.contestDue = due.date.iso
            try await s.save(on: tx)
            try await req.audit(.reviewSheetConfirm, .success, target: s.caseNumber,
                                detail: "确认 \(ReviewScore.format(final)) 分\(correctedScore != nil ? "（修正自 \(ReviewScore.format(score)) 分）" : "")；申辩期限 \(due.date.iso)", on: tx)
            if final < std.passMark {
                try await Self.openLiabilityIntake(s, final: final, passMark: std.passMark, on: req.today, db: tx)
            }
            try await FileReviewPlanService.journal(req, plan: plan.requireID(), "sheet_confirm", [
                "sheet": id.uuidString.lowercased(), "case": s.caseNumber, "score": ReviewScore.format(score), "final": ReviewScore.format(final),
                "note": note ?? "", "sentOn": sent.iso, "contestDue": due.date.iso, "contestSource": due.source.description,
            ], on: tx)
            return s
        }
    }

    /// A file confirmed as failing (below the standard's pass mark, after 集体会商) is a 责任追究线索
    /// (`file_review`, one per sheet; shandong 第三条 lists 案卷评查 among the channels through 执法检查).
    static func openLiabilityIntake(_ s: ReviewSheet, final: Double, passMark: Double, on day: LocalDate, db: any Database) async throws {
        let id = try s.requireID()
        guard try await LiabilityIntake.query(on: db).filter(\.$sourceKind == "file_review").filter(\.$sourceID == id).first() == nil else { return }
        let item = LiabilityIntake()
        item.sourceKind = "file_review"
        item.sourceID = id
        item.caseID = s.caseID
        item.agencyID = s.agencyID
        item.openedOn = day.iso
        item.summary = "案卷评查不合格：\(s.caseNumber) \(s.caseTitle) 确认 \(ReviewScore.format(final)) 分（合格线 \(ReviewScore.format(passMark)) 分）"
        item.status = "pending"
        try await item.create(on: db)
    }

    /// 申辩 (第九条) by the body's 法制员 on a failing file, within the window (409 CONTEST_WINDOW_CLOSED).
    static func contest(_ sheet: ReviewSheet, plan: ReviewPlan, grounds raw: String, req: Request) async throws -> ReviewSheet {
        let p = try req.require(.legalOfficer)
        guard p.agencyID == sheet.agencyID else { throw AppError.outOfScope }
        let grounds = try CaseText.paragraph(raw, field: "grounds", max: 2000)
        let id = try sheet.requireID()
        let std = try await standard(sheet, on: req.db)
        do {
            return try await req.db.transaction { tx in
                let s = try await lock(id, on: tx)
                guard s.stage == .confirmed, let final = s.finalScore, let due = s.contestDue else {
                    throw AppError.conflict("SHEET_NOT_SENT", "案卷成绩尚未确认并反馈，不能申辩")
                }
                guard final < std.passMark else {
                    throw AppError.conflict("SHEET_NOT_FAILING", "只有不合格案卷（低于 \(ReviewScore.format(std.passMark)) 分）可以申辩（第九条）")
                }
                guard s.contestedOn == nil else { throw AppError.conflict("CONTEST_EXISTS", "本案卷已于 \(s.contestedOn ?? "") 申辩") }
                guard req.today.iso <= due else {
                    throw AppError.conflict("CONTEST_WINDOW_CLOSED", "申辩期限已于 \(due) 届满，不能再申辩")
                }
                s.contestGrounds = grounds
                s.contestedOn = req.today.iso
                s.contestedBy = p.displayName
                try await s.save(on: tx)
                try await req.audit(.reviewContest, .success, target: s.caseNumber, detail: grounds, on: tx)
                try await FileReviewPlanService.journal(req, plan: plan.requireID(), "contest", [
                    "sheet": id.uuidString.lowercased(), "case": s.caseNumber, "grounds": grounds, "due": due,
                ], on: tx)
                return s
            }
        } catch let e as AppError where e.code == "CONTEST_WINDOW_CLOSED" {
            try await req.audit(.reviewContest, .failure, target: sheet.caseNumber, detail: e.message)
            throw e
        }
    }

    /// The 法制办 decides the 申辩 (第九条): 维持 (confirmed as failing) or 改分 (the problem corrected).
    static func decideContest(_ sheet: ReviewSheet, plan: ReviewPlan, outcome: ContestOutcome?, score: Double?, reason raw: String, req: Request) async throws -> ReviewSheet {
        let p = try req.require(.supervisor)
        guard let outcome else { throw AppError.validation("outcome", "请选择申辩结果（维持或改分）", code: "required") }
        let reason = try CaseText.paragraph(raw, field: "reason", max: 1000)
        if outcome == .rescored {
            guard let score, (0...100).contains(score), abs(score * 10 - (score * 10).rounded()) < 1e-9 else {
                throw AppError.validation("score", "改分须给出 0–100 之间的分数（最多一位小数）", code: "required")
            }
        }
        let id = try sheet.requireID()
        return try await req.db.transaction { tx in
            let s = try await lock(id, on: tx)
            guard s.contestedOn != nil else { throw AppError.conflict("NO_CONTEST", "本案卷没有申辩") }
            guard s.contestOutcome == nil else { throw AppError.conflict("CONTEST_DECIDED", "申辩已认定：\(s.contestOutcome?.label ?? "")") }
            s.contestOutcome = outcome
            s.outcomeReason = reason
            s.outcomeBy = p.displayName
            if outcome == .rescored, let score { s.finalScore = score }
            try await s.save(on: tx)
            try await req.audit(.reviewContestOutcome, .success, target: s.caseNumber,
                                detail: "\(outcome.label)，最终 \(ReviewScore.format(s.finalScore ?? 0)) 分：\(reason)", on: tx)
            try await FileReviewPlanService.journal(req, plan: plan.requireID(), "contest_outcome", [
                "sheet": id.uuidString.lowercased(), "case": s.caseNumber, "outcome": outcome.rawValue,
                "final": ReviewScore.format(s.finalScore ?? 0), "reason": reason,
            ], on: tx)
            return s
        }
    }
}

/// The periods of 第十一条(四) from the jurisdiction's profile, or from the 通州 rule data when the
/// profile has none (the seed text is the only one that describes 案卷评查).
enum FileReviewDeadlines {
    struct Rule { let value: Int; let unit: DeadlineUnit; let source: SourceRef; let name: String }

    static func rule(_ code: String, jurisdictionID: UUID, services: AppServices, on db: any Database) async throws -> Rule {
        let j = try await Jurisdiction.find(jurisdictionID, on: db)
        for id in [j?.profileID, "beijing-tongzhou"].compactMap({ $0 }) {
            if let r = services.profiles.effective(id: id)?.deadline(code)?.entry, let unit = r.unit.deadlineUnit {
                return Rule(value: r.value, unit: unit, source: r.source, name: r.name)
            }
        }
        return Rule(value: FileReviewRules.spotCheckDays, unit: .calendarDays, source: FileReviewRules.spotCheckTiming, name: code)
    }
}

extension RowLock {
    static func reviewSheet(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(ReviewSheet.schema).set("revision", to: SQLIdentifier("revision")).where("id", .equal, id).run()
    }

    static func supervisionNotice(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(SupervisionNotice.schema).set("status", to: SQLIdentifier("status")).where("id", .equal, id).run()
    }
}

extension FileReviewDeadlines {
    /// 日常抽查: the sheets are due 3 日 after the review (第十一条(四)); the review is taken to end on
    /// the day of the draw (the files are drawn on site, 第十一条(二)). Nil for 年度评查 or before the draw.
    static func sheetDue(_ plan: ReviewPlan, req: Request) async throws -> (date: LocalDate, source: SourceRef)? {
        guard plan.kind == .spot, let drawn = plan.drawnOn.flatMap(LocalDate.init(iso:)) else { return nil }
        let rule = try await rule(FileReviewRules.sheetDeadlineCode, jurisdictionID: plan.jurisdictionID, services: req.application.services, on: req.db)
        let calendar = try await req.application.services.calendar.calendar(on: req.db, now: req.now)
        return (try calendar.deadline(value: rule.value, unit: rule.unit, from: drawn).date, rule.source)
    }
}
