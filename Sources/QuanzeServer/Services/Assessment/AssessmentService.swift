import Crypto
import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 评议考核 (docs/assessment.md): plans, computation from the data, entered points, confirm/contest
/// (`003_*` 篇4 第十四条), decisions on contests, publication.
enum AssessmentService {
    struct Draft: Sendable {
        var year: Int
        var targetKind: AssessmentTargetKind
        var name: String
        var indicators: [IndicatorNode]
        var excellentMin: Int
        var qualifiedMin: Int
        var contestDays: Int
    }

    // MARK: access

    /// The assessor: the 监督员 of the jurisdiction for a plan of bodies, the body's 法制员 otherwise.
    static func canManage(_ plan: AssessmentPlan, _ p: Principal) -> Bool {
        plan.targetKind == .agency
            ? p.has(.supervisor) && p.jurisdictionID == plan.$jurisdiction.id
            : p.has(.legalOfficer) && p.agencyID != nil && p.agencyID == plan.$agency.id
    }

    static func canRead(_ plan: AssessmentPlan, _ p: Principal) -> Bool {
        if canManage(plan, p) { return true }
        if p.has(.supervisor) && p.jurisdictionID == plan.$jurisdiction.id { return true }
        if plan.targetKind == .agency { return p.hasAny([.legalOfficer, .officer]) && p.jurisdictionID == plan.$jurisdiction.id }
        return p.hasAny([.legalOfficer, .officer]) && p.agencyID != nil && p.agencyID == plan.$agency.id
    }

    /// Whether `p` answers for the assessed party of a finding: the body's 法制员 (bodies and units),
    /// the officer himself (officers).
    static func isAssessedParty(_ plan: AssessmentPlan, targetID: UUID, _ p: Principal, on db: any Database) async throws -> Bool {
        switch plan.targetKind {
        case .agency: return p.has(.legalOfficer) && p.agencyID == targetID
        case .unit: return p.has(.legalOfficer) && p.agencyID == plan.$agency.id
        case .officer:
            guard p.has(.officer), let o = try await Officer.find(targetID, on: db) else { return false }
            return o.$user.id == p.userID
        }
    }

    static func plan(_ req: Request, manage: Bool) async throws -> (Principal, AssessmentPlan) {
        let p = try manage ? req.require(.supervisor, .legalOfficer) : req.require(.supervisor, .legalOfficer, .officer)
        guard let plan = try await AssessmentPlan.find(try req.uuidParameter("assessmentPlanID"), on: req.db) else { throw AppError.notFound }
        guard manage ? canManage(plan, p) : canRead(plan, p) else { throw AppError.outOfScope }
        return (p, plan)
    }

    static func finding(_ req: Request, roles: [Role]) async throws -> (Principal, AssessmentFinding, AssessmentPlan) {
        let p = try req.principal()
        guard p.hasAny(roles) else { throw AppError.forbidden }
        guard let f = try await AssessmentFinding.find(try req.uuidParameter("findingID"), on: req.db),
              let plan = try await AssessmentPlan.find(f.$plan.id, on: req.db) else { throw AppError.notFound }
        guard canRead(plan, p) else { throw AppError.outOfScope }
        return (p, f, plan)
    }

    static func plans(for p: Principal, on db: any Database) async throws -> [AssessmentPlan] {
        guard let j = p.jurisdictionID else { return [] }
        return try await AssessmentPlan.query(on: db).filter(\.$jurisdiction.$id == j)
            .sort(\.$year, .descending).sort(\.$createdAt, .descending).all().filter { canRead($0, p) }
    }

    // MARK: plans

    static func create(_ d: Draft, by p: Principal, req: Request) async throws -> AssessmentPlan {
        var problems: [FieldProblem] = []
        if !(2000...2199).contains(d.year) { problems.append(.init(field: "year", code: "out_of_range", message: "年度须为 2000–2199")) }
        if let pr = TextInput.problem(d.name, field: "name", max: 60) { problems.append(pr) }
        let thresholds = GradeThresholds(excellentMin: d.excellentMin, qualifiedMin: d.qualifiedMin)
        if !thresholds.isValid { problems.append(.init(field: "qualifiedMin", code: "THRESHOLDS_INVALID", message: "须 0 < 合格线 < 优秀线 ≤ 100")) }
        if !(1...60).contains(d.contestDays) { problems.append(.init(field: "contestDays", code: "out_of_range", message: "申辩期限须为 1–60 日")) }
        problems += IndicatorTree.problems(d.indicators, target: d.targetKind).map { FieldProblem(field: $0.path, code: $0.code, message: $0.message) }
        guard problems.isEmpty else {
            // The first tree code names the refusal (WEIGHTS_NOT_100 …), so clients can branch on it.
            let code = problems.first { $0.code.uppercased() == $0.code && $0.code.contains("_") }?.code ?? "VALIDATION_FAILED"
            throw AppError(code, .unprocessableEntity, problems.map(\.message).joined(separator: "；"), details: ErrorDetails(field: problems.first?.field, problems: problems))
        }
        let plan = AssessmentPlan()
        switch d.targetKind {
        case .agency:
            guard p.has(.supervisor), let j = p.jurisdictionID else {
                throw AppError("ASSESSOR_MISMATCH", .forbidden, "对执法部门的考核由本级政府法制部门（监督员）组织")
            }
            plan.$jurisdiction.id = j
        case .unit, .officer:
            guard p.has(.legalOfficer), let a = p.agencyID, let agency = try await Agency.find(a, on: req.db) else {
                throw AppError("ASSESSOR_MISMATCH", .forbidden, "对执法机构和执法人员的考核由本部门法制机构（法制员）组织")
            }
            plan.$jurisdiction.id = agency.$jurisdiction.id
            plan.$agency.id = a
        }
        if d.indicators.flatMap(\.leaves).contains(where: { $0.automatic == AutomaticIndicator.trainingHours.rawValue }),
           try await trainingHours(jurisdictionID: plan.$jurisdiction.id, req: req) == nil {
            throw AppError("INDICATOR_RULE_MISSING", .unprocessableEntity, "本辖区规则配置未规定年度培训学时（training_hours_yearly），不能使用培训学时达标率指标")
        }
        plan.targetKind = d.targetKind
        plan.year = d.year
        plan.name = d.name.trimmingCharacters(in: .whitespaces)
        plan.indicatorsText = JSONText(d.indicators)
        plan.excellentMin = d.excellentMin
        plan.qualifiedMin = d.qualifiedMin
        plan.contestDays = d.contestDays
        plan.status = .draft
        plan.createdBy = p.displayName
        try await req.db.transaction { tx in
            try await plan.create(on: tx)
            try await req.audit(.assessmentPlanCreate, .success, target: plan.name,
                                detail: "\(d.year) 年度，考核\(d.targetKind.label)，\(d.indicators.flatMap(\.leaves).count) 项末级指标", on: tx)
        }
        return plan
    }

    static func trainingHours(jurisdictionID: UUID, req: Request) async throws -> Int? {
        guard let j = try await Jurisdiction.find(jurisdictionID, on: req.db) else { return nil }
        return req.application.services.profiles.effective(id: j.profileID)?.quantity("training_hours_yearly")?.entry.value
    }

    static func targets(_ plan: AssessmentPlan, on db: any Database) async throws -> [(id: UUID, name: String)] {
        switch plan.targetKind {
        case .agency:
            return try await Agency.query(on: db).filter(\.$jurisdiction.$id == plan.$jurisdiction.id).filter(\.$isLegalOffice == false)
                .sort(\.$name).all().map { ($0.id!, $0.name) }
        case .unit:
            return try await EnforcementUnit.query(on: db).filter(\.$agency.$id == (plan.$agency.id ?? UUID())).sort(\.$name).all().map { ($0.id!, $0.name) }
        case .officer:
            return try await Officer.query(on: db).filter(\.$agency.$id == (plan.$agency.id ?? UUID())).filter(\.$status == .serving)
                .sort(\.$name).all().map { ($0.id!, $0.name) }
        }
    }

    /// Computes (or recomputes) every finding from the data. Entered points and evidence are kept.
    /// Refused once the plan is published (PLAN_PUBLISHED) or a party has answered (FINDINGS_ANSWERED).
    static func compute(_ plan: AssessmentPlan, req: Request) async throws {
        guard plan.status != .published else { throw AppError.conflict("PLAN_PUBLISHED", "结果已公布，不能重新计算") }
        let planID = try plan.requireID()
        let answered = try await AssessmentFinding.query(on: req.db).filter(\.$plan.$id == planID).filter(\.$status != .pending).count()
        guard answered == 0 else { throw AppError.conflict("FINDINGS_ANSWERED", "已有 \(answered) 项考核结论被确认或申辩，不能重新计算") }
        let today = LocalDate(instant: req.now)
        let hours = try await trainingHours(jurisdictionID: plan.$jurisdiction.id, req: req)
        let count = try await req.db.transaction { tx in
            let n = try await computeCore(plan, today: today, trainingHours: hours, on: tx)
            try await req.audit(.assessmentCompute, .success, target: plan.name,
                                detail: "\(n) 个被考核对象，确认申辩截止 \(plan.contestDue ?? "")", on: tx)
            return n
        }
        _ = count
    }

    /// The computation itself (also used by the demo): every finding from the data, within `db`'s transaction.
    @discardableResult
    static func computeCore(_ plan: AssessmentPlan, today: LocalDate, trainingHours: Int?, on db: any Database) async throws -> Int {
        let planID = try plan.requireID()
        let targets = try await targets(plan, on: db)
        let ids = targets.map(\.id)
        let scope = IndicatorQueries.Scope(year: plan.year, today: today, targetKind: plan.targetKind, targets: ids, trainingHours: trainingHours)
        let leaves = plan.indicators.flatMap(\.leaves)
        var computed: [String: [UUID: IndicatorQueries.Computed]] = [:]
        for leaf in leaves {
            if let a = leaf.automatic.flatMap(AutomaticIndicator.init(rawValue:)) {
                computed[leaf.code] = try await IndicatorQueries.measure(a, scope: scope, on: db)
            }
        }
        let ratings = leaves.contains { $0.kind == .external } ? try await EvaluationService.ratings(plan, targets: ids, on: db) : [:]
        let liability = try await LiabilityConsequenceQueries.assessmentFlags(kind: plan.targetKind, targets: ids, year: plan.year, on: db)
        let old = try await AssessmentFinding.query(on: db).filter(\.$plan.$id == planID).all()
        let entered = Dictionary(old.filter { $0.kind == .entered }.map { ("\($0.targetID)|\($0.indicatorCode)", $0) }, uniquingKeysWith: { a, _ in a })
        let tx = db
        do {
            try await AssessmentFinding.query(on: tx).filter(\.$plan.$id == planID).delete()
            try await AssessmentResult.query(on: tx).filter(\.$plan.$id == planID).delete()
            for (targetID, name) in targets {
                let result = AssessmentResult()
                result.$plan.id = planID
                result.targetID = targetID
                result.targetName = name
                result.totalCenti = 0
                result.rankCenti = 0
                result.grade = .unqualified
                try await result.create(on: tx)
                var total = 0, rank = 0
                for leaf in leaves {
                    let f = AssessmentFinding()
                    f.$plan.id = planID
                    f.$result.id = try result.requireID()
                    f.targetID = targetID
                    f.indicatorCode = leaf.code
                    f.indicatorName = leaf.name
                    f.kind = leaf.kind ?? .entered
                    f.automatic = leaf.automatic
                    f.weight = leaf.weight
                    f.status = .pending
                    var detail = FindingDetail()
                    switch f.kind {
                    case .automatic:
                        let a = AutomaticIndicator(rawValue: leaf.automatic ?? "")!
                        let c = computed[leaf.code]?[targetID] ?? .init(measure: .init(numerator: 0, denominator: 0), detail: FindingDetail())
                        f.numerator = c.measure.numerator
                        f.denominator = c.measure.denominator
                        f.pointsCenti = AssessmentScoring.centi(weight: leaf.weight, measure: c.measure, higherIsBetter: a.higherIsBetter)
                        let pooled = FairRanking.pooled(Array((computed[leaf.code] ?? [:]).values.map(\.measure)))
                        let shrunk = FairRanking.shrunk(c.measure, pooled: pooled)
                        f.rankCenti = AssessmentScoring.centi(weight: leaf.weight, share: a.higherIsBetter ? shrunk : 1 - shrunk)
                        detail = c.detail
                        if c.measure.denominator == 0 { detail.note = "本年度无适用数据，按满分计" }
                        if a == .trainingHours && trainingHours == nil { detail.note = "规则配置未规定年度培训学时" }
                    case .external:
                        let r = ratings[targetID] ?? []
                        f.numerator = r.reduce(0, +)
                        f.denominator = r.count * 5
                        f.pointsCenti = AssessmentScoring.externalCenti(weight: leaf.weight, ratings: r)
                        f.rankCenti = f.pointsCenti
                        detail.note = r.isEmpty ? "本年度无外部评议，按满分计"
                            : String(format: "%d 份评议，平均 %.2f 分（5 分制）", r.count, Double(r.reduce(0, +)) / Double(r.count))
                    case .entered:
                        let kept = entered["\(targetID)|\(leaf.code)"]
                        f.pointsCenti = kept?.evidence == nil ? 0 : (kept?.pointsCenti ?? 0)
                        f.evidence = kept?.evidence
                        f.rankCenti = f.pointsCenti
                        if f.evidence == nil { detail.note = "待考核方录入得分和依据" }
                    }
                    f.computedCenti = f.pointsCenti
                    f.detailText = JSONText(detail)
                    try await f.create(on: tx)
                    total += f.pointsCenti
                    rank += f.rankCenti
                }
                result.totalCenti = total
                result.rankCenti = rank
                result.grade = LiabilityConsequenceQueries.grade(plan.thresholds.grade(centi: total), flags: liability[targetID] ?? [])
                try await result.save(on: tx)
            }
            plan.status = .computed
            plan.computedOn = today.iso
            plan.contestDue = today.adding(days: plan.contestDays).iso
            try await plan.save(on: tx)
        }
        return targets.count
    }

    /// Sums a result's findings again and regrades it.
    static func refresh(resultID: UUID, plan: AssessmentPlan, on tx: any Database) async throws {
        guard let result = try await AssessmentResult.find(resultID, on: tx) else { return }
        let fs = try await AssessmentFinding.query(on: tx).filter(\.$result.$id == resultID).all()
        result.totalCenti = fs.reduce(0) { $0 + $1.pointsCenti }
        result.rankCenti = fs.reduce(0) { $0 + ($1.kind == .automatic ? $1.rankCenti : $1.pointsCenti) }
        let liability = try await LiabilityConsequenceQueries.assessmentFlags(kind: plan.targetKind, targets: [result.targetID], year: plan.year, on: tx)
        result.grade = LiabilityConsequenceQueries.grade(plan.thresholds.grade(centi: result.totalCenti), flags: liability[result.targetID] ?? [])
        try await result.save(on: tx)
    }

    /// Parses points such as "17" or "17.5" into hundredths, 0…weight.
    static func centi(_ raw: String, weight: Int, field: String) throws -> Int {
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard t.range(of: #"^[0-9]{1,3}(\.[0-9]{1,2})?$"#, options: .regularExpression) != nil, let v = Decimal(string: t) else {
            throw AppError.validation(field, "得分须为数字，最多两位小数", code: "invalid")
        }
        let c = NSDecimalNumber(decimal: v * 100).intValue
        guard (0...weight * 100).contains(c) else { throw AppError.validation(field, "得分须在 0 至 \(weight) 分之间", code: "out_of_range") }
        return c
    }

    // MARK: findings

    /// The assessor enters an entered indicator's points with evidence.
    static func enter(_ f: AssessmentFinding, plan: AssessmentPlan, points: String, evidence: String, req: Request) async throws {
        guard f.kind == .entered else { throw AppError.conflict("FINDING_NOT_ENTERED", "自动计算和外部评议指标由数据计算，不能录入") }
        guard plan.status == .computed else { throw AppError.conflict("PLAN_NOT_OPEN", "方案须已计算且未公布") }
        guard f.status == .pending else { throw AppError.conflict("FINDING_ALREADY_ANSWERED", "被考核方已答复，不能再改") }
        let c = try centi(points, weight: f.weight, field: "points")
        let ev = try CaseText.paragraph(evidence, field: "evidence", max: 2000)
        f.pointsCenti = c
        f.computedCenti = c
        f.rankCenti = c
        f.evidence = ev
        var d = f.detail
        d.note = nil
        f.detailText = JSONText(d)
        try await req.db.transaction { tx in
            try await f.save(on: tx)
            try await refresh(resultID: f.$result.id, plan: plan, on: tx)
            try await req.audit(.assessmentEnter, .success, target: "\(plan.name)：\(f.indicatorName)", detail: "\(AssessmentScoring.format(c)) 分", on: tx)
        }
    }

    /// The assessed party confirms or contests (with grounds) within the window (`003_*` 篇4 第十四条).
    static func respond(_ f: AssessmentFinding, plan: AssessmentPlan, contest: Bool, grounds: String?, by p: Principal, req: Request) async throws {
        guard try await isAssessedParty(plan, targetID: f.targetID, p, on: req.db) else {
            throw AppError("NOT_ASSESSED_PARTY", .forbidden, "只有被考核方（本部门法制员或被考核的执法人员本人）可以确认或申辩")
        }
        guard plan.status == .computed, let due = plan.contestDue else { throw AppError.conflict("PLAN_NOT_OPEN", "方案未计算或已公布") }
        let today = LocalDate(instant: req.now)
        guard today.iso <= due else { throw AppError.conflict("CONTEST_WINDOW_CLOSED", "确认、申辩期限已于 \(due) 届满") }
        guard f.status == .pending else { throw AppError.conflict("FINDING_ALREADY_ANSWERED", "该项考核结论已\(f.status.label)") }
        if contest {
            f.responseGrounds = try CaseText.paragraph(grounds ?? "", field: "grounds", max: 2000)
            f.status = .contested
        } else {
            f.responseGrounds = grounds.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : try? CaseText.paragraph($0, field: "grounds", max: 2000) }
            f.status = .confirmed
        }
        f.respondedBy = p.displayName
        f.respondedOn = today.iso
        try await req.db.transaction { tx in
            try await f.save(on: tx)
            try await req.audit(.assessmentRespond, .success, target: "\(plan.name)：\(f.indicatorName)",
                                detail: contest ? "申辩：\(f.responseGrounds ?? "")" : "确认", on: tx)
        }
    }

    /// The assessor decides a contest: upheld (points stay) or revised (new points, with reasons).
    static func decide(_ f: AssessmentFinding, plan: AssessmentPlan, revise: Bool, points: String?, reason: String, by p: Principal, req: Request) async throws {
        guard f.status == .contested else { throw AppError.conflict("FINDING_NOT_CONTESTED", "该项考核结论未被申辩") }
        let why = try CaseText.paragraph(reason, field: "reason", max: 2000)
        let old = f.pointsCenti
        if revise {
            f.pointsCenti = try centi(points ?? "", weight: f.weight, field: "points")
            f.rankCenti = f.pointsCenti
            f.status = .revised
        } else {
            f.status = .upheld
        }
        f.decisionReason = why
        f.decidedBy = p.displayName
        f.decidedOn = LocalDate(instant: req.now).iso
        try await req.db.transaction { tx in
            try await f.save(on: tx)
            try await refresh(resultID: f.$result.id, plan: plan, on: tx)
            try await req.audit(.assessmentDecide, .success, target: "\(plan.name)：\(f.indicatorName)",
                                detail: revise ? "申辩成立：\(AssessmentScoring.format(old)) → \(AssessmentScoring.format(f.pointsCenti)) 分" : "申辩不成立，维持", on: tx)
        }
    }

    static func publish(_ plan: AssessmentPlan, req: Request) async throws {
        guard plan.status == .computed else { throw AppError.conflict("PLAN_NOT_COMPUTED", plan.status == .published ? "结果已公布" : "方案尚未计算") }
        let pending = try await AssessmentFinding.query(on: req.db).filter(\.$plan.$id == plan.requireID()).filter(\.$status == .contested).count()
        guard pending == 0 else { throw AppError.conflict("CONTESTS_PENDING", "尚有 \(pending) 项申辩未处理") }
        plan.status = .published
        plan.publishedOn = LocalDate(instant: req.now).iso
        try await req.db.transaction { tx in
            try await plan.save(on: tx)
            try await req.audit(.assessmentPublish, .success, target: plan.name, detail: plan.targetKind == .agency ? "在门户网站公布" : "在本部门公布", on: tx)
        }
    }

    // MARK: 零执法 reasons

    static func stateReason(year: Int, powerItemID: UUID, reason: String, by p: Principal, req: Request) async throws -> ZeroEnforcementReason {
        guard let agencyID = p.agencyID, p.has(.legalOfficer) else { throw AppError.forbidden }
        guard (2000...2199).contains(year) else { throw AppError.validation("year", "年度须为 2000–2199", code: "out_of_range") }
        guard let item = try await PowerItem.find(powerItemID, on: req.db) else { throw AppError.validation("powerItemId", "权责事项不存在", code: "not_found") }
        guard item.$agency.id == agencyID else { throw AppError.outOfScope }
        let text = try CaseText.paragraph(reason, field: "reason", max: 500)
        let row = try await ZeroEnforcementReason.query(on: req.db).filter(\.$agencyID == agencyID).filter(\.$year == year)
            .filter(\.$powerItemID == powerItemID).first() ?? ZeroEnforcementReason()
        row.agencyID = agencyID
        row.year = year
        row.powerItemID = powerItemID
        row.reason = text
        row.statedBy = p.displayName
        row.statedOn = LocalDate(instant: req.now).iso
        try await req.db.transaction { tx in
            try await row.save(on: tx)
            try await req.audit(.zeroEnforcementReason, .success, target: item.code, detail: "\(year) 年度：\(text)", on: tx)
        }
        return row
    }

    // MARK: history and consequences

    /// Earlier grades of the same kind of party (by id) from other plans of the jurisdiction, by year.
    static func history(_ plan: AssessmentPlan, on db: any Database) async throws -> [UUID: [Int: AssessmentGradeCode]] {
        let others = try await AssessmentPlan.query(on: db).filter(\.$jurisdiction.$id == plan.$jurisdiction.id)
            .filter(\.$targetKind == plan.targetKind).filter(\.$year < plan.year).filter(\.$status != .draft).all()
        guard !others.isEmpty else { return [:] }
        let byID = Dictionary(uniqueKeysWithValues: others.map { ($0.id!, $0.year) })
        var out: [UUID: [Int: AssessmentGradeCode]] = [:]
        for r in try await AssessmentResult.query(on: db).filter(\.$plan.$id ~~ Array(byID.keys)).all() {
            if let y = byID[r.$plan.id] { out[r.targetID, default: [:]][y] = r.grade }
        }
        return out
    }
}
