import Fluent
import Plot
import QuanzeCore
import Vapor

/// 权责清单 pages: draft (法制员 of the body), approve/return/publish (监督员), read (scope), warnings.
struct PowerItemPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "agencies", ":agencyID", "power-items", "new", use: newForm)
        routes.post("console", "agencies", ":agencyID", "power-items", "new", use: create)
        let items = routes.grouped("console", "power-items")
        items.get("adjustments", use: adjustments)
        items.get(":itemID", use: show)
        items.get(":itemID", "flowchart.svg", use: flowchart)
        items.post(":itemID", "draft", use: updateDraft)
        items.post(":itemID", ":action", use: act)
    }

    struct Form: Content {
        var code: String?, name: String?, category: String?
        var basisArticleIds: [String]?
        var statutoryValue: String?, statutoryUnit: String?, promisedValue: String?, promisedUnit: String?
        var responsibilities: String?, majorCriteria: String?, flow: String?

        func content() throws -> PowerItemService.Content {
            func lines(_ s: String?) -> [String] {
                (s ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            func limit(_ value: String?, _ unit: String?, _ field: String) throws -> TimeLimit? {
                guard let raw = value?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
                guard let v = Int(raw) else { throw AppError.validation(field, "须为整数") }
                return TimeLimit(value: v, unit: unit ?? "日")
            }
            let steps = try lines(flow).enumerated().map { i, line -> FlowStep in
                let p = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard p.count >= 2, p.count <= 6 else { throw AppError.validation("flow", "第 \(i + 1) 行须为“名称|角色|期限|单位|分支|起算”") }
                let l = p.count >= 3 && !p[2].isEmpty ? TimeLimit(value: Int(p[2]) ?? -1, unit: p.count >= 4 && !p[3].isEmpty ? p[3] : "日") : nil
                guard let from = FlowLimitStart.parse(p.count == 6 ? p[5] : "") else {
                    throw AppError.validation("flow", "第 \(i + 1) 行的起算须为“本环节”或“立案”")
                }
                return FlowStep(name: p[0], role: p[1], limit: l, branch: p.count >= 5 && !p[4].isEmpty ? p[4] : nil, limitFrom: from)
            }
            guard let category = category.flatMap(PowerCategory.init(rawValue:)) else { throw AppError.validation("category", "请选择职权类别") }
            return .init(name: name ?? "", category: category, basisArticleIDs: (basisArticleIds ?? []).compactMap(UUID.init(uuidString:)),
                         responsibilities: lines(responsibilities), statutoryLimit: try limit(statutoryValue, statutoryUnit, "statutoryLimit"),
                         promisedLimit: try limit(promisedValue, promisedUnit, "promisedLimit"), majorCriteria: lines(majorCriteria), flow: steps)
        }
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let (p, agency) = try await ownAgency(req)
        return try await NewPowerItemPage(principal: p, agency: agency, citable: citable(req)).render().response()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (p, agency) = try await ownAgency(req)
        let form = try req.content.decode(Form.self)
        do {
            let item = try await PowerItemService.create(agency: agency, code: form.code ?? "", content: try form.content(), req: req)
            return req.redirect(to: SiteURL.consolePowerItem(try item.requireID()), redirectType: .normal)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            var page = NewPowerItemPage(principal: p, agency: agency, citable: try await citable(req))
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req).render().response()
    }

    @Sendable func flowchart(req: Request) async throws -> Response {
        let p = try req.principal()
        let (item, _) = try await PowerItemQueries.readable(try req.uuidParameter("itemID"), by: p, on: req.db)
        let v = try await PowerItemQueries.latest(item, on: req.db)
        return APIPowerItemsController.svg(FlowchartSVG.render(title: v.name, steps: v.flow))
    }

    @Sendable func updateDraft(req: Request) async throws -> Response {
        try await perform(req) { item, _, p in
            guard p.has(.legalOfficer) else { throw AppError.forbidden }
            let form = try req.content.decode(Form.self)
            try await PowerItemService.updateDraft(try await PowerItemQueries.latest(item, on: req.db), content: try form.content(), req: req)
            return "草拟版本已保存。"
        }
    }

    @Sendable func act(req: Request) async throws -> Response {
        let action = req.parameters.get("action") ?? ""
        return try await perform(req) { item, agency, p in
            switch action {
            case "submit", "new-version":
                guard p.has(.legalOfficer), p.agencyID == agency.id else { throw AppError.forbidden }
                if action == "new-version" { _ = try await PowerItemService.newVersion(of: item, req: req); return "已新建草拟版本。" }
                try await PowerItemService.transition(try await PowerItemQueries.latest(item, on: req.db), to: .submitted, agency: agency, req: req)
                return "已送审。"
            case "approve", "return", "publish":
                guard p.has(.supervisor), p.jurisdictionID == agency.$jurisdiction.id else { throw AppError.forbidden }
                let target: PowerVersionStatus = action == "approve" ? .approved : (action == "publish" ? .published : .draft)
                try await PowerItemService.transition(try await PowerItemQueries.latest(item, on: req.db), to: target, agency: agency, req: req)
                return action == "publish" ? "已公布。" : (action == "approve" ? "已审核通过。" : "已退回修改。")
            default:
                throw AppError.notFound
            }
        }
    }

    @Sendable func adjustments(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        var page = AdjustmentsPage(principal: p, rows: try await PowerItemQueries.adjustments(for: p, on: req.db))
        let agencies = try await AgencyQueries.scoped(for: p, on: req.db).all()
        let byID = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0) })
        page.benchmarks = try await DiscretionQueries.rows(agencyIDs: Array(byID.keys), onlyFlagged: true, on: req.db)
            .compactMap { b, basis in byID[b.$agency.id].map { (b, basis, $0) } }
        return page.render().response()
    }

    private func perform(_ req: Request, _ action: (PowerItem, Agency, Principal) async throws -> String) async throws -> Response {
        let p = try req.principal()
        let (item, agency) = try await PowerItemQueries.readable(try req.uuidParameter("itemID"), by: p, on: req.db)
        do {
            let message = try await action(item, agency, p)
            var model = try await page(req)
            model.message = message
            return model.render().response()
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            var model = try await page(req)
            model.error = e.message
            return model.render().response(status: e.status)
        }
    }

    private func page(_ req: Request) async throws -> PowerItemPage {
        let p = try req.principal()
        let (item, agency) = try await PowerItemQueries.readable(try req.uuidParameter("itemID"), by: p, on: req.db)
        let versions = try await PowerItemVersion.query(on: req.db).filter(\.$item.$id == item.requireID()).sort(\.$version, .descending).all()
        let basisIDs = try await PowerItemBasis.query(on: req.db).filter(\.$version.$id == versions[0].requireID()).all(\.$article.$id)
        var bases: [(LegalArticle, LegalNorm)] = []
        for id in basisIDs {
            if let a = try await LegalArticle.find(id, on: req.db), let n = try await LegalNorm.find(a.$norm.id, on: req.db) { bases.append((a, n)) }
        }
        return PowerItemPage(principal: p, item: item, agency: agency, versions: versions, bases: bases, citable: try await citable(req))
    }

    /// Articles that may be cited as enforcement bases.
    private func citable(_ req: Request) async throws -> [(LegalArticle, LegalNorm)] {
        let norms = try await LegalNorm.query(on: req.db).filter(\.$status != .repealed).all().filter { $0.level.mayBeEnforcementBasis }
        let byID = Dictionary(uniqueKeysWithValues: norms.map { ($0.id!, $0) })
        guard !byID.isEmpty else { return [] }
        let articles = try await LegalArticle.query(on: req.db).filter(\.$norm.$id ~~ Array(byID.keys)).filter(\.$status != .repealed)
            .sort(\.$ordinal).all()
        return articles.compactMap { a in byID[a.$norm.id].map { (a, $0) } }.sorted { ($0.1.title, $0.0.ordinal) < ($1.1.title, $1.0.ordinal) }
    }

    private func ownAgency(_ req: Request) async throws -> (Principal, Agency) {
        let p = try req.require(.legalOfficer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard agency.id == p.agencyID else { throw AppError.outOfScope }
        return (p, agency)
    }
}

/// 草拟职权事项.
struct NewPowerItemPage {
    let principal: Principal
    let agency: Agency
    let citable: [(LegalArticle, LegalNorm)]
    var error: String? = nil

    func render() -> HTML {
        Layout.console(title: "草拟职权事项", principal: principal, active: SiteURL.consoleAgencies, content: .div(
            .h1(.text("草拟职权事项：\(agency.name)")),
            UI.alert(error),
            PowerItemForm.node(action: SiteURL.consoleNewPowerItem(agency.id!), version: nil, code: "", bases: [], citable: citable,
                               csrf: principal.csrfToken, submit: "保存草拟")
        ))
    }
}
