import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 案卷评查: standards, plans, catalogs and the draw. Every step is audited and written to the
/// 全过程记录 stream `review:<plan uuid>` in the same transaction (standards: `review-standard:<uuid>`).
enum FileReviewPlanService {
    static func stream(_ planID: UUID) -> String { "review:\(planID.uuidString.lowercased())" }

    static func journal(_ req: Request, plan: UUID, _ kind: String, _ payload: [String: String], on db: any Database) async throws {
        try await req.record(stream: stream(plan), kind: "review.\(kind)", payload: payload, on: db)
    }

    static func problem(_ e: ReviewStandardError) -> AppError {
        AppError(e.code, .unprocessableEntity, e.description)
    }

    // MARK: standards

    /// The jurisdiction's newest standard; the default one (version 1) is created when there is none.
    static func currentStandard(jurisdictionID: UUID, actor: String, on db: any Database) async throws -> ReviewStandard {
        if let s = try await ReviewStandard.query(on: db).filter(\.$jurisdictionID == jurisdictionID).sort(\.$version, .descending).first() {
            return s
        }
        let s = ReviewStandard(jurisdictionID: jurisdictionID, name: ReviewStandardCheck.defaultName, version: 1,
                               passMark: ReviewStandardCheck.defaultPassMark, criteria: ReviewStandardCheck.defaultCriteria, createdBy: actor)
        try await s.create(on: db)
        return s
    }

    /// A new version of the jurisdiction's standard (criteria summing to 100 or 422 POINTS_NOT_100).
    static func createStandard(name raw: String, passMark: Double, criteria: [ReviewCriterion], req: Request) async throws -> ReviewStandard {
        let p = try req.require(.supervisor)
        guard let j = p.jurisdictionID else { throw AppError.outOfScope }
        let name = try TextInput.name(raw, field: "name", max: 60)
        var clean: [ReviewCriterion] = []
        for (i, c) in criteria.enumerated() {
            clean.append(ReviewCriterion(code: try TextInput.name(c.code, field: "criteria[\(i)].code", max: 10),
                                         group: try TextInput.name(c.group, field: "criteria[\(i)].group", max: 60),
                                         title: try TextInput.name(c.title, field: "criteria[\(i)].title", max: 200), points: c.points))
        }
        do { try ReviewStandardCheck.validate(clean, passMark: passMark) } catch let e as ReviewStandardError { throw problem(e) }
        let criteria = clean
        return try await req.db.transaction { tx in
            let latest = try await ReviewStandard.query(on: tx).filter(\.$jurisdictionID == j).sort(\.$version, .descending).first()
            let s = ReviewStandard(jurisdictionID: j, name: name, version: (latest?.version ?? 0) + 1, passMark: passMark, criteria: criteria,
                                   createdBy: p.displayName)
            try await s.create(on: tx)
            try await req.audit(.reviewStandardCreate, .success, target: "\(name) 第\(s.version)版",
                                detail: "\(criteria.count) 项，合格 \(ReviewScore.format(passMark)) 分", on: tx)
            try await req.record(stream: "review-standard:\(try s.requireID().uuidString.lowercased())", kind: "review.standard_create",
                                 payload: ["name": name, "version": "\(s.version)", "passMark": ReviewScore.format(passMark),
                                           "criteria": criteria.map { "\($0.code) \($0.title) \(ReviewScore.format($0.points))" }.joined(separator: "；")],
                                 on: tx)
            return s
        }
    }

    // MARK: plans

    struct Draft: Sendable {
        var name: String
        var kind: ReviewPlanKind?
        var year: Int
        var periodFrom: String
        var periodTo: String
        var sampleSize: Int
        var agencyIDs: [UUID]
        var reviewerIDs: [UUID]
        var standardID: UUID?
        var contestUntil: String?
        /// Draw from the pre-check strata (platform rule); default on.
        var stratified: Bool = true
    }

    static func create(_ d: Draft, req: Request) async throws -> ReviewPlan {
        let p = try req.require(.supervisor)
        guard let j = p.jurisdictionID else { throw AppError.outOfScope }
        var problems: [FieldProblem] = []
        if let e = TextInput.problem(d.name, field: "name", max: 100) { problems.append(e) }
        if d.kind == nil { problems.append(.init(field: "kind", code: "required", message: "请选择评查方式（年度评查或日常抽查）")) }
        if !(2000...2199).contains(d.year) { problems.append(.init(field: "year", code: "out_of_range", message: "年度须为 2000–2199")) }
        let from = LocalDate(iso: d.periodFrom), to = LocalDate(iso: d.periodTo)
        if from == nil { problems.append(.init(field: "periodFrom", code: "date", message: "须为有效日期（YYYY-MM-DD）")) }
        if to == nil { problems.append(.init(field: "periodTo", code: "date", message: "须为有效日期（YYYY-MM-DD）")) }
        if let from, let to, to < from { problems.append(.init(field: "periodTo", code: "order", message: "结束日期不能早于开始日期")) }
        if !(1...50).contains(d.sampleSize) { problems.append(.init(field: "sampleSize", code: "out_of_range", message: "每个单位抽取的案卷数须为 1–50")) }
        var contestUntil: String?
        if d.kind == .annual {
            if let raw = d.contestUntil, let day = LocalDate(iso: raw) { contestUntil = day.iso }
            else { problems.append(.init(field: "contestUntil", code: "required", message: "年度评查须规定不合格卷申辩的截止日期（第十条(八)）")) }
        }
        let agencyIDs = Array(Set(d.agencyIDs))
        if agencyIDs.isEmpty { problems.append(.init(field: "agencyIds", code: "required", message: "请选择被评查的行政执法部门")) }
        let agencies = try await Agency.query(on: req.db).filter(\.$id ~~ agencyIDs).all()
        if agencies.count != agencyIDs.count { problems.append(.init(field: "agencyIds", code: "not_found", message: "执法主体不存在")) }
        let reviewerIDs = Array(Set(d.reviewerIDs))
        let users = try await User.query(on: req.db).filter(\.$id ~~ reviewerIDs).all()
        let reviewerGrants = Set(try await RoleGrant.query(on: req.db).filter(\.$user.$id ~~ reviewerIDs).filter(\.$role == Role.reviewer.rawValue).all().map { $0.$user.id })
        if reviewerIDs.count < 2 { problems.append(.init(field: "reviewerIds", code: "too_few", message: "至少选定两名评查员（一卷一单由两名评查员签字，第十条(五)）")) }
        if users.count != reviewerIDs.count || users.contains(where: { !reviewerGrants.contains($0.id!) }) {
            problems.append(.init(field: "reviewerIds", code: "not_reviewer", message: "所选账号须持有评查员角色"))
        }
        guard problems.isEmpty, let kind = d.kind else { throw AppError.validation(problems) }
        // Another jurisdiction's body or reviewer: out of scope.
        if agencies.contains(where: { $0.$jurisdiction.id != j }) || users.contains(where: { $0.$jurisdiction.id != j }) {
            throw AppError.outOfScope
        }
        // Each body needs two reviewers from outside it (第十条(五), 第十四条).
        for a in agencies where users.filter({ $0.$agency.id != a.id }).count < 2 {
            throw AppError("NOT_ENOUGH_REVIEWERS", .unprocessableEntity, "\(a.name) 须有至少两名非本单位的评查员")
        }
        let standard: ReviewStandard
        if let sid = d.standardID {
            guard let s = try await ReviewStandard.find(sid, on: req.db), s.jurisdictionID == j else {
                throw AppError.validation("standardId", "评查标准不存在", code: "not_found")
            }
            standard = s
        } else {
            standard = try await currentStandard(jurisdictionID: j, actor: p.displayName, on: req.db)
        }
        let plan = ReviewPlan()
        plan.jurisdictionID = j
        plan.name = try TextInput.name(d.name, field: "name", max: 100)
        plan.kind = kind
        plan.year = d.year
        plan.periodFrom = from!.iso
        plan.periodTo = to!.iso
        plan.sampleSize = d.sampleSize
        plan.standardID = try standard.requireID()
        plan.contestUntil = contestUntil
        plan.stratified = d.stratified
        plan.status = .cataloging
        plan.algorithm = FileReviewDraw.algorithm
        plan.createdBy = p.displayName
        try await req.db.transaction { tx in
            try await plan.create(on: tx)
            let planID = try plan.requireID()
            for a in agencies.sorted(by: { $0.name < $1.name }) {
                let b = ReviewPlanBody()
                b.planID = planID
                b.agencyID = try a.requireID()
                b.agencyName = a.name
                b.matches = false
                try await b.create(on: tx)
            }
            for u in users.sorted(by: { $0.username < $1.username }) {
                let r = ReviewPlanReviewer()
                r.planID = planID
                r.userID = try u.requireID()
                r.name = u.displayName
                r.agencyID = u.$agency.id
                try await r.create(on: tx)
            }
            try await req.audit(.reviewPlanCreate, .success, target: plan.name,
                                detail: "\(kind.label) \(d.year)；\(agencies.count) 个单位，每单位抽取 \(d.sampleSize) 卷；评查员 \(users.map(\.displayName).joined(separator: "、"))", on: tx)
            try await journal(req, plan: planID, "plan_create", [
                "name": plan.name, "kind": kind.rawValue, "year": "\(d.year)", "period": "\(plan.periodFrom)..\(plan.periodTo)",
                "sampleSize": "\(d.sampleSize)", "stratified": d.stratified ? "true" : "false", "standard": "\(standard.name) 第\(standard.version)版",
                "bodies": agencies.map(\.name).sorted().joined(separator: "、"),
                "reviewers": users.map(\.displayName).sorted().joined(separator: "、"),
            ], on: tx)
        }
        return plan
    }

    /// The body's closed 行政处罚 cases of the plan's period (case numbers), as the system holds them.
    static func systemCatalog(agencyID: UUID, plan: ReviewPlan, on db: any Database) async throws -> [(id: UUID, number: String, title: String)] {
        try await EnforcementCase.query(on: db).filter(\.$agency.$id == agencyID).filter(\.$stage == .closed)
            .filter(\.$procedure ~~ [.penaltySimple, .penaltyOrdinary])
            .filter(\.$closedOn >= plan.periodFrom).filter(\.$closedOn <= plan.periodTo)
            .all().map { (try $0.requireID(), $0.number, $0.title) }
    }

    /// 第十二条: the body's 法制员 reports its 案卷目录 — the case numbers, or only a count. The system
    /// compares it with its closed 行政处罚 cases of the period; a mismatch (count, or a number the
    /// system does not hold, or one it holds and the catalog leaves out) blocks the draw until the
    /// 法制办 accepts the body's written explanation (`resolve`).
    static func reportCatalog(plan: ReviewPlan, numbers: [String]?, count: Int?, explanation: String?, req: Request) async throws -> ReviewPlanBody {
        let p = try req.require(.legalOfficer)
        guard let agencyID = p.agencyID else { throw AppError.outOfScope }
        let planID = try plan.requireID()
        let clean: [String]? = try numbers.map { list in
            try list.enumerated().map { try TextInput.name($0.element, field: "caseNumbers[\($0.offset)]", max: 60) }
        }
        if let clean, Set(clean).count != clean.count { throw AppError.validation("caseNumbers", "案卷目录中有重复的案件编号", code: "duplicate") }
        if clean == nil && count == nil { throw AppError.validation("caseNumbers", "请填写案卷目录（案件编号）或案卷数量", code: "required") }
        if let count, count < 0 || count > 100_000 { throw AppError.validation("count", "案卷数量须为 0–100000", code: "out_of_range") }
        let note = try explanation.flatMap { try $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : CaseText.paragraph($0, field: "explanation", max: 1000) }
        return try await req.db.transaction { tx in
            guard let current = try await ReviewPlan.find(planID, on: tx) else { throw AppError.notFound }
            guard current.status == .cataloging else { throw AppError.conflict("PLAN_ALREADY_DRAWN", "已抽取评查案卷，案卷目录不能再改变") }
            guard let body = try await ReviewPlanBody.query(on: tx).filter(\.$planID == planID).filter(\.$agencyID == agencyID).first() else {
                throw AppError.outOfScope
            }
            let system = try await systemCatalog(agencyID: agencyID, plan: current, on: tx)
            let reported = clean?.count ?? count ?? 0
            var matches = reported == system.count
            if let clean { matches = matches && Set(clean) == Set(system.map(\.number)) }
            body.reportedCount = reported
            body.reportedNumbersText = clean.map(JSONText.init)
            body.reportedOn = req.today.iso
            body.reportedBy = p.displayName
            body.systemCount = system.count
            body.matches = matches
            body.explanation = note
            body.resolution = nil
            body.resolvedBy = nil
            try await body.save(on: tx)
            let detail = "报送 \(reported) 卷，系统中 \(system.count) 件\(matches ? "，相符" : "，不符")"
            try await req.audit(.reviewCatalogReport, .success, target: "\(current.name) \(body.agencyName)", detail: detail, on: tx)
            try await journal(req, plan: planID, "catalog_report", [
                "agency": body.agencyName, "reported": "\(reported)", "system": "\(system.count)", "matches": matches ? "true" : "false",
                "numbers": clean?.joined(separator: "、") ?? "", "explanation": note ?? "",
            ], on: tx)
            return body
        }
    }

    /// The 法制办 accepts a mismatching catalog's explanation (第十二条 书面说明); the draw then uses
    /// the system's closed cases of the period.
    static func resolve(plan: ReviewPlan, agencyID: UUID, note raw: String, req: Request) async throws -> ReviewPlanBody {
        let p = try req.require(.supervisor)
        let note = try CaseText.paragraph(raw, field: "resolution", max: 1000)
        let planID = try plan.requireID()
        return try await req.db.transaction { tx in
            guard let current = try await ReviewPlan.find(planID, on: tx) else { throw AppError.notFound }
            guard current.status == .cataloging else { throw AppError.conflict("PLAN_ALREADY_DRAWN", "已抽取评查案卷") }
            guard let body = try await ReviewPlanBody.query(on: tx).filter(\.$planID == planID).filter(\.$agencyID == agencyID).first() else {
                throw AppError.notFound
            }
            guard body.reportedCount != nil else { throw AppError.conflict("CATALOG_NOT_REPORTED", "\(body.agencyName) 尚未报送案卷目录") }
            guard !body.matches else { throw AppError.conflict("CATALOG_MATCHES", "\(body.agencyName) 的案卷目录与系统相符，无需认定") }
            guard body.explanation != nil else {
                throw AppError.conflict("EXPLANATION_REQUIRED", "\(body.agencyName) 尚未书面说明案卷目录与系统不符的原因（第十二条）")
            }
            body.resolution = note
            body.resolvedBy = p.displayName
            try await body.save(on: tx)
            try await req.audit(.reviewCatalogResolve, .success, target: "\(current.name) \(body.agencyName)", detail: note, on: tx)
            try await journal(req, plan: planID, "catalog_resolve", ["agency": body.agencyName, "resolution": note], on: tx)
            return body
        }
    }

    // MARK: draw

    /// Extension point for the lead: the strata of one body's catalog. The default is the whole
    /// catalog with the plan's sample size; a stratified sampler (e.g. pre-check findings first)
    /// returns several strata whose counts add up to the files to draw.
    nonisolated(unsafe) static var stratify: @Sendable (_ plan: ReviewPlan, _ agencyID: UUID, _ catalog: [String], _ db: any Database) async throws
        -> [FileReviewDraw.Stratum] = { plan, agencyID, catalog, db in
            guard plan.stratified else { return FileReviewDraw.singleStratum(catalog, sampleSize: plan.sampleSize) }
            let flagged = try await FileReviewPlanService.flaggedCaseNumbers(agencyID: agencyID, on: db)
            return FileReviewDraw.findingsStrata(catalog, flagged: flagged, sampleSize: plan.sampleSize)
        }

    /// The body's case numbers with at least one 结案自动预审 finding (不符合 or 待核), as the
    /// pre-check last recorded them (`case_check_runs`, docs/case-checks.md).
    static func flaggedCaseNumbers(agencyID: UUID, on db: any Database) async throws -> Set<String> {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.raw("""
            SELECT c.number AS number FROM cases c JOIN case_check_runs r ON r.id = c.id
            WHERE c.agency_id = \(bind: agencyID) AND r.errors + r.warnings > 0
            """).all()
        return Set(try rows.map { try $0.decode(column: "number", as: String.self) })
    }

    /// Draws the files of every body from the system's closed cases of the period with a fresh
    /// seed, once (409 PLAN_ALREADY_DRAWN); refused while a catalog is missing
    /// (409 CATALOG_NOT_REPORTED) or mismatching without an accepted explanation (409 CATALOG_MISMATCH).
    static func draw(plan: ReviewPlan, req: Request) async throws -> ReviewPlan {
        let p = try req.require(.supervisor)
        let planID = try plan.requireID()
        try await req.db.transaction { tx in
            guard let current = try await ReviewPlan.find(planID, on: tx) else { throw AppError.notFound }
            try await perform(current, seed: InspectionDrawService.freshSeed(), day: req.today, actor: p.displayName, on: tx)
            try await req.audit(.reviewDraw, .success, target: current.name, detail: "种子 \(current.seed ?? "")；\(current.algorithm)", on: tx)
            let sheets = try await ReviewSheet.query(on: tx).filter(\.$planID == planID).sort(\.$drawOrder).all()
            try await journal(req, plan: planID, "draw", [
                "algorithm": current.algorithm, "seed": current.seed ?? "",
                "files": sheets.map(\.caseNumber).joined(separator: "、"),
            ], on: tx)
        }
        guard let fresh = try await ReviewPlan.find(planID, on: req.db) else { throw AppError.notFound }
        return fresh
    }

    /// The draw without audit (also used by the demo data).
    static func perform(_ plan: ReviewPlan, seed: String, day: LocalDate, actor: String, sheetID: ((FileReviewDraw.Pick) -> UUID)? = nil,
                        on db: any Database) async throws {
        guard plan.status == .cataloging else { throw AppError.conflict("PLAN_ALREADY_DRAWN", "评查案卷已于 \(plan.drawnOn ?? "") 抽取") }
        let planID = try plan.requireID()
        let bodies = try await ReviewPlanBody.query(on: db).filter(\.$planID == planID).all()
        var inputs: [FileReviewDraw.Body] = []
        var cases: [String: (id: UUID, number: String, title: String)] = [:]
        for b in bodies {
            guard b.reportedCount != nil else {
                throw AppError.conflict("CATALOG_NOT_REPORTED", "\(b.agencyName) 尚未报送案卷目录（第十二条）")
            }
            guard b.matches || b.resolution != nil else {
                throw AppError.conflict("CATALOG_MISMATCH", "\(b.agencyName) 报送的案卷目录与系统中的案件数量不符，须经法制办认定书面说明后才能抽取（第十二条）")
            }
            let system = try await systemCatalog(agencyID: b.agencyID, plan: plan, on: db)
            for c in system { cases["\(b.agencyID.uuidString.lowercased())|\(c.number)"] = c }
            let strata = try await stratify(plan, b.agencyID, system.map(\.number), db)
            inputs.append(.init(key: b.agencyID.uuidString.lowercased(), strata: strata))
        }
        let input = FileReviewDraw.Input(seed: seed, bodies: inputs)
        let picks: [FileReviewDraw.Pick]
        switch Result(catching: { () throws(DrawError) -> [FileReviewDraw.Pick] in try FileReviewDraw.run(input) }) {
        case .success(let r): picks = r
        case .failure(let e): throw AppError.conflict(e.code, "无法抽取：\(e.description)")
        }
        let reviewers = try await ReviewPlanReviewer.query(on: db).filter(\.$planID == planID).all()
            .sorted { ($0.name, $0.userID.uuidString) < ($1.name, $1.userID.uuidString) }
        var fileIndex: [String: Int] = [:]
        for pick in picks {
            guard let agencyID = UUID(uuidString: pick.body), let c = cases["\(pick.body)|\(pick.caseNumber)"] else { continue }
            let i = fileIndex[pick.body, default: 0]
            fileIndex[pick.body] = i + 1
            let assigned = assignReviewers(reviewers, agencyID: agencyID, fileIndex: i)
            let decision = try await CaseDecision.query(on: db).filter(\.$enforcementCase.$id == c.id).first()
            let s = ReviewSheet()
            s.id = sheetID?(pick)
            s.planID = planID
            s.agencyID = agencyID
            s.caseID = c.id
            s.caseNumber = c.number
            s.caseTitle = c.title
            s.decisionNumber = decision?.number
            s.drawOrder = pick.order
            s.stratum = pick.stratum
            s.standardID = plan.standardID
            s.stage = .first
            s.deductionsText = JSONText([])
            s.doubtful = false
            s.revision = 0
            if assigned.count == 2 {
                s.reviewerAID = assigned[0].userID; s.reviewerAName = assigned[0].name
                s.reviewerBID = assigned[1].userID; s.reviewerBName = assigned[1].name
            }
            try await s.create(on: db)
        }
        plan.seed = seed
        plan.drawInputText = JSONText(input)
        plan.drawnOn = day.iso
        plan.drawnBy = actor
        plan.status = .drawn
        try await plan.save(on: db)
    }

    /// The two 评查员 of a drawn file (platform rule, docs/case-file-review.md): the plan's reviewers
    /// from outside the file's body (第十四条), ordered by name, in rotation over the body's files in
    /// draw order — file i gets reviewers i and i+1 (mod n), so the work is spread evenly.
    static func assignReviewers(_ reviewers: [ReviewPlanReviewer], agencyID: UUID, fileIndex i: Int) -> [ReviewPlanReviewer] {
        let eligible = reviewers.filter { $0.agencyID != agencyID }
        guard eligible.count >= 2 else { return [] }
        return [eligible[i % eligible.count], eligible[(i + 1) % eligible.count]]
    }

    struct Verification: Content {
        var algorithm: String
        var seed: String
        var files: [FileReviewDraw.Pick]
        var matches: Bool
    }

    /// Re-runs the stored draw input and compares with the stored sheets.
    static func verify(_ plan: ReviewPlan, on db: any Database) async throws -> Verification {
        guard let input = plan.drawInputText?.value else { throw AppError.conflict("PLAN_NOT_DRAWN", "尚未抽取评查案卷") }
        let picks: [FileReviewDraw.Pick]
        switch Result(catching: { () throws(DrawError) -> [FileReviewDraw.Pick] in try FileReviewDraw.run(input) }) {
        case .success(let r): picks = r
        case .failure(let e): throw AppError.conflict(e.code, "无法重新抽取：\(e.description)")
        }
        let stored = try await ReviewSheet.query(on: db).filter(\.$planID == plan.requireID()).all()
        let a = Set(picks.map { "\($0.body)|\($0.order)|\($0.caseNumber)" })
        let b = Set(stored.map { "\($0.agencyID.uuidString.lowercased())|\($0.drawOrder)|\($0.caseNumber)" })
        return Verification(algorithm: input.algorithm, seed: input.seed, files: picks, matches: a == b)
    }
}
