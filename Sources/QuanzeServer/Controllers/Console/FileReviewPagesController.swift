import Fluent
import Plot
import QuanzeCore
import Vapor

/// 案卷评查 pages: the list (and the 监督员's plan and standard forms), the plan page (catalog,
/// resolve, draw, re-draw check), the sheet page (score, sign, advance, 会商, confirm, 申辩, result).
struct FileReviewPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "file-review", use: index)
        routes.post("console", "file-review", use: create)
        routes.post("console", "file-review", "standards", use: createStandard)
        routes.get("console", "file-review", ":reviewPlanID", use: show)
        routes.get("console", "file-review", ":reviewPlanID", "redraw", use: redraw)
        routes.post("console", "file-review", ":reviewPlanID", ":action", use: planAction)
        routes.get("console", "review-sheets", ":sheetID", use: showSheet)
        routes.post("console", "review-sheets", ":sheetID", ":action", use: sheetAction)
    }

    struct PlanForm: Content {
        var name: String?; var kind: String?; var year: String?; var periodFrom: String?; var periodTo: String?
        var sampleSize: String?; var contestUntil: String?; var agencyIds: [String]?; var reviewerIds: [String]?; var stratify: String?
    }
    struct StandardForm: Content { var name: String?; var passMark: String?; var criteria: String? }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer)
        return try await listPage(p, req).render().response()
    }

    private func listPage(_ p: Principal, _ req: Request) async throws -> FileReviewListPage {
        var standard: ReviewStandard?
        var agencies: [(id: UUID, name: String)] = []
        var reviewers: [(id: UUID, label: String)] = []
        if let j = p.jurisdictionID, p.hasAny([.supervisor, .reviewer]) {
            standard = try await ReviewStandard.query(on: req.db).filter(\.$jurisdictionID == j).sort(\.$version, .descending).first()
                ?? ReviewStandard(jurisdictionID: j, name: ReviewStandardCheck.defaultName, version: 1, passMark: ReviewStandardCheck.defaultPassMark,
                                  criteria: ReviewStandardCheck.defaultCriteria, createdBy: "")
        }
        if p.has(.supervisor), let j = p.jurisdictionID {
            agencies = try await Agency.query(on: req.db).filter(\.$jurisdiction.$id == j).filter(\.$isLegalOffice == false).sort(\.$name).all()
                .map { (try $0.requireID(), $0.name) }
            let ids = try await RoleGrant.query(on: req.db).filter(\.$role == Role.reviewer.rawValue).all().map { $0.$user.id }
            let users = try await User.query(on: req.db).filter(\.$id ~~ ids).filter(\.$jurisdiction.$id == j).sort(\.$username).all()
            var names: [UUID: String] = [:]
            for a in try await Agency.query(on: req.db).filter(\.$id ~~ users.compactMap { $0.$agency.id }).all() { names[a.id!] = a.name }
            reviewers = users.map { (try! $0.requireID(), "\($0.displayName)（\($0.$agency.id.flatMap { names[$0] } ?? "")）") }
        }
        return FileReviewListPage(principal: p, plans: try await FileReviewScope.plans(for: p, on: req.db), standard: standard,
                                  agencies: agencies, reviewers: reviewers, year: req.today.year)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let f = try req.content.decode(PlanForm.self)
        do {
            let plan = try await FileReviewPlanService.create(.init(
                name: f.name ?? "", kind: f.kind.flatMap(ReviewPlanKind.init(rawValue:)), year: Int(f.year ?? "") ?? 0,
                periodFrom: f.periodFrom ?? "", periodTo: f.periodTo ?? "", sampleSize: Int(f.sampleSize ?? "") ?? 0,
                agencyIDs: (f.agencyIds ?? []).compactMap(UUID.init(uuidString:)), reviewerIDs: (f.reviewerIds ?? []).compactMap(UUID.init(uuidString:)),
                standardID: nil, contestUntil: (f.contestUntil ?? "").isEmpty ? nil : f.contestUntil, stratified: f.stratify != "0"), req: req)
            return req.redirect(to: SiteURL.consoleReviewPlan(try plan.requireID()), redirectType: .normal)
        } catch let e as AppError where [.badRequest, .unprocessableEntity, .conflict].contains(e.status) {
            var page = try await listPage(p, req)
            page.error = FileReviewPagesController.describe(e)
            return page.render().response(status: e.status)
        }
    }

    @Sendable func createStandard(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let f = try req.content.decode(StandardForm.self)
        do {
            var criteria: [ReviewCriterion] = []
            for (i, line) in (f.criteria ?? "").split(whereSeparator: \.isNewline).enumerated() {
                let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 4, let points = Double(parts[3]) else {
                    throw AppError.validation("criteria", "第 \(i + 1) 行须为“编号|类别|内容|分值”", code: "format")
                }
                criteria.append(ReviewCriterion(code: parts[0], group: parts[1], title: parts[2], points: points))
            }
            guard let pass = Double(f.passMark ?? "") else { throw AppError.validation("passMark", "合格分数须为数字", code: "required") }
            let s = try await FileReviewPlanService.createStandard(name: f.name ?? "", passMark: pass, criteria: criteria, req: req)
            var page = try await listPage(p, req)
            page.message = "已保存评查标准第\(s.version)版。"
            return page.render().response()
        } catch let e as AppError where [.badRequest, .unprocessableEntity, .conflict].contains(e.status) {
            var page = try await listPage(p, req)
            page.error = FileReviewPagesController.describe(e)
            return page.render().response(status: e.status)
        }
    }

    static func describe(_ e: AppError) -> String {
        ([e.message] + (e.details?.problems ?? []).map { "\($0.field)：\($0.message)" }).joined(separator: "；")
    }

    private func planPage(_ p: Principal, _ plan: ReviewPlan, _ req: Request) async throws -> ReviewPlanPage {
        let dto = try await ReviewPlanDTO.make(plan, for: p, req: req)
        var notices = try await SupervisionNotice.query(on: req.db).filter(\.$reviewPlanID == plan.requireID()).sort(\.$issuedOn).all()
        if !p.hasAny([.supervisor, .reviewer]) { notices = notices.filter { $0.agencyID == p.agencyID } }
        return ReviewPlanPage(principal: p, plan: plan, dto: dto, notices: notices)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (p, plan) = try await FileReviewScope.plan(req)
        return try await planPage(p, plan, req).render().response()
    }

    @Sendable func redraw(req: Request) async throws -> Response {
        let (p, plan) = try await FileReviewScope.plan(req)
        var page = try await planPage(p, plan, req)
        do { page.verification = try await FileReviewPlanService.verify(plan, on: req.db) } catch let e as AppError { page.error = e.message }
        return page.render().response()
    }

    struct CatalogForm: Content { var caseNumbers: String?; var count: String?; var explanation: String?; var agencyId: String?; var resolution: String? }

    @Sendable func planAction(req: Request) async throws -> Response {
        let (p, plan) = try await FileReviewScope.plan(req, roles: [.supervisor, .legalOfficer])
        let action = req.parameters.get("action") ?? ""
        guard ["catalog", "resolve", "draw"].contains(action) else { throw AppError.notFound }
        let f = try req.content.decode(CatalogForm.self)
        do {
            let message: String
            switch action {
            case "catalog":
                try req.require(.legalOfficer)
                let numbers = (f.caseNumbers ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let count = (f.count ?? "").isEmpty ? nil : Int(f.count ?? "")
                let b = try await FileReviewPlanService.reportCatalog(plan: plan, numbers: numbers.isEmpty ? nil : numbers, count: count,
                                                                      explanation: f.explanation, req: req)
                message = b.matches ? "已报送，案卷目录与系统相符。" : "已报送，但与系统中的 \(b.systemCount ?? 0) 件不符，须书面说明并经法制办认定。"
            case "resolve":
                try req.require(.supervisor)
                guard let agencyID = f.agencyId.flatMap(UUID.init(uuidString:)) else { throw AppError.validation("agencyId", "请选择单位", code: "required") }
                _ = try await FileReviewPlanService.resolve(plan: plan, agencyID: agencyID, note: f.resolution ?? "", req: req)
                message = "已认定。"
            default:
                try req.require(.supervisor)
                _ = try await FileReviewPlanService.draw(plan: plan, req: req)
                message = "已抽取评查案卷。"
            }
            var page = try await planPage(p, try await ReviewPlan.find(plan.requireID(), on: req.db) ?? plan, req)
            page.message = message
            return page.render().response()
        } catch let e as AppError where [.badRequest, .unprocessableEntity, .conflict].contains(e.status) {
            var page = try await planPage(p, plan, req)
            page.error = Self.describe(e)
            return page.render().response(status: e.status)
        }
    }

    private func sheetPage(_ p: Principal, _ plan: ReviewPlan, _ sheet: ReviewSheet, _ req: Request) async throws -> ReviewSheetPage {
        let dto = try await ReviewSheetDTO.make(sheet, on: req.db)
        let standard = try await FileReviewSheetService.standard(sheet, on: req.db)
        let source = plan.kind == .annual ? FileReviewRules.source("第十条(八)")
            : try await FileReviewDeadlines.rule(FileReviewRules.objectionDeadlineCode, jurisdictionID: plan.jurisdictionID, services: req.services, on: req.db).source
        let notices = try await SupervisionNotice.query(on: req.db).filter(\.$reviewSheetID == sheet.requireID()).sort(\.$issuedOn).all()
        let due = try await FileReviewDeadlines.sheetDue(plan, req: req)
        return ReviewSheetPage(principal: p, plan: plan, sheet: dto, standard: standard,
                               agencyName: try await Agency.find(sheet.agencyID, on: req.db)?.name ?? "", contestSource: source,
                               notices: notices, sheetDue: due, today: req.today)
    }

    @Sendable func showSheet(req: Request) async throws -> Response {
        let (p, plan, sheet) = try await FileReviewScope.sheet(req)
        return try await sheetPage(p, plan, sheet, req).render().response()
    }

    @Sendable func sheetAction(req: Request) async throws -> Response {
        let (p, plan, sheet) = try await FileReviewScope.sheet(req)
        let action = req.parameters.get("action") ?? ""
        guard ["score", "sign", "advance", "deliberation", "confirm", "contest", "outcome"].contains(action) else { throw AppError.notFound }
        let form = try req.content.decode([String: String].self)
        func text(_ k: String) -> String { form[k] ?? "" }
        func number(_ k: String) throws -> Double? {
            let raw = text(k).trimmingCharacters(in: .whitespaces)
            if raw.isEmpty { return nil }
            guard let v = Double(raw) else { throw AppError.validation(k, "须为数字", code: "number") }
            return v
        }
        do {
            let message: String
            switch action {
            case "score":
                let std = try await FileReviewSheetService.standard(sheet, on: req.db)
                var deductions: [ReviewDeduction] = []
                for c in std.criteria {
                    guard let pts = try number("points_\(c.code)"), pts != 0 else { continue }
                    deductions.append(ReviewDeduction(code: c.code, points: pts, problem: text("problem_\(c.code)"), grounds: text("grounds_\(c.code)"),
                                                      advice: text("advice_\(c.code)")))
                }
                let s = try await FileReviewSheetService.score(sheet, plan: plan, deductions: deductions, doubtful: form["doubtful"] != nil, req: req)
                message = "已评分 \(ReviewScore.format(s.score ?? 0)) 分，请两名评查员签字确认。"
            case "sign":
                _ = try await FileReviewSheetService.sign(sheet, plan: plan, req: req)
                message = "已签字。"
            case "advance":
                let s = try await FileReviewSheetService.advance(sheet, plan: plan, req: req)
                message = "已转入\(s.stage.label)。"
            case "deliberation":
                let names = text("participants").split(whereSeparator: { "、,，;；".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                _ = try await FileReviewSheetService.deliberate(sheet, plan: plan, participants: names, conclusion: text("conclusion"), req: req)
                message = "已记录集体会商。"
            case "confirm":
                let s = try await FileReviewSheetService.confirm(sheet, plan: plan, correctedScore: try number("score"), note: text("note"), req: req)
                message = "已确认 \(ReviewScore.format(s.finalScore ?? 0)) 分并反馈单位，申辩期限 \(s.contestDue ?? "")。"
            case "contest":
                _ = try await FileReviewSheetService.contest(sheet, plan: plan, grounds: text("grounds"), req: req)
                message = "已提交申辩。"
            default:
                _ = try await FileReviewSheetService.decideContest(sheet, plan: plan, outcome: ContestOutcome(rawValue: text("outcome")), score: try number("score"),
                                                                   reason: text("reason"), req: req)
                message = "已认定申辩结果。"
            }
            var page = try await sheetPage(p, plan, try await ReviewSheet.find(sheet.requireID(), on: req.db) ?? sheet, req)
            page.message = message
            return page.render().response()
        } catch let e as AppError where [.badRequest, .unprocessableEntity, .conflict, .forbidden].contains(e.status) && e.code != "FORBIDDEN" && e.code != "OUT_OF_SCOPE" {
            var page = try await sheetPage(p, plan, sheet, req)
            page.error = Self.describe(e)
            return page.render().response(status: e.status)
        }
    }
}

/// 监督文书 pages: the board with the issue form, one notice with reply / accept / return.
struct NoticePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "notices", use: index)
        routes.post("console", "notices", use: issue)
        routes.get("console", "notices", ":noticeID", use: show)
        routes.post("console", "notices", ":noticeID", ":action", use: action)
    }

    struct IssueForm: Content {
        var kind: String?; var agencyId: String?; var reviewPlanId: String?; var caseId: String?; var title: String?; var content: String?; var replyDue: String?
        var reviewSheetId: String?
    }

    private func listPage(_ p: Principal, _ req: Request) async throws -> NoticeListPage {
        var dtos: [NoticeDTO] = []
        for n in try await SupervisionNoticeService.list(for: p, on: req.db) { dtos.append(try await NoticeDTO.make(n, today: req.today, on: req.db)) }
        var agencies: [(id: UUID, name: String)] = []
        var plans: [ReviewPlan] = []
        if p.has(.supervisor), let j = p.jurisdictionID {
            agencies = try await Agency.query(on: req.db).filter(\.$jurisdiction.$id == j).filter(\.$isLegalOffice == false).sort(\.$name).all()
                .map { (try $0.requireID(), $0.name) }
            plans = try await FileReviewScope.plans(for: p, on: req.db)
        }
        let selected = (try? req.query.get(String.self, at: "plan")).flatMap(UUID.init(uuidString:))
        var sheet: ReviewSheet?
        if p.has(.supervisor), let sid = (try? req.query.get(String.self, at: "sheet")).flatMap(UUID.init(uuidString:)),
           let s = try await ReviewSheet.find(sid, on: req.db), plans.contains(where: { $0.id == s.planID }) { sheet = s }
        return NoticeListPage(principal: p, notices: dtos, agencies: agencies, plans: plans, selectedPlan: sheet?.planID ?? selected, today: req.today,
                              sheet: sheet)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer)
        return try await listPage(p, req).render().response()
    }

    @Sendable func issue(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let f = try req.content.decode(IssueForm.self)
        do {
            let n = try await SupervisionNoticeService.issue(.init(
                kind: f.kind.flatMap(NoticeKind.init(rawValue:)), agencyID: f.agencyId.flatMap(UUID.init(uuidString:)), title: f.title ?? "",
                content: f.content ?? "", replyDue: f.replyDue ?? "", caseID: f.caseId.flatMap(UUID.init(uuidString:)),
                reviewPlanID: f.reviewPlanId.flatMap(UUID.init(uuidString:)), reviewSheetID: f.reviewSheetId.flatMap(UUID.init(uuidString:))), req: req)
            return req.redirect(to: SiteURL.consoleNotice(try n.requireID()), redirectType: .normal)
        } catch let e as AppError where [.badRequest, .unprocessableEntity, .conflict].contains(e.status) {
            var page = try await listPage(p, req)
            page.error = FileReviewPagesController.describe(e)
            return page.render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (p, n) = try await SupervisionNoticeService.load(req, roles: [.supervisor, .reviewer, .legalOfficer])
        return NoticePage(principal: p, notice: try await NoticeDTO.make(n, today: req.today, on: req.db)).render().response()
    }

    struct ActionForm: Content { var reply: String?; var note: String? }

    @Sendable func action(req: Request) async throws -> Response {
        let (p, n) = try await SupervisionNoticeService.load(req, roles: [.supervisor, .legalOfficer])
        let action = req.parameters.get("action") ?? ""
        guard ["reply", "accept", "return"].contains(action) else { throw AppError.notFound }
        let f = try req.content.decode(ActionForm.self)
        do {
            let updated: SupervisionNotice
            switch action {
            case "reply": updated = try await SupervisionNoticeService.reply(n, text: f.reply ?? "", req: req)
            case "accept": updated = try await SupervisionNoticeService.review(n, accept: true, note: f.note, req: req)
            default: updated = try await SupervisionNoticeService.review(n, accept: false, note: f.note, req: req)
            }
            var page = NoticePage(principal: p, notice: try await NoticeDTO.make(updated, today: req.today, on: req.db))
            page.message = "已保存：\(updated.status.label)。"
            return page.render().response()
        } catch let e as AppError where [.badRequest, .unprocessableEntity, .conflict].contains(e.status) {
            var page = NoticePage(principal: p, notice: try await NoticeDTO.make(n, today: req.today, on: req.db))
            page.error = FileReviewPagesController.describe(e)
            return page.render().response(status: e.status)
        }
    }
}
