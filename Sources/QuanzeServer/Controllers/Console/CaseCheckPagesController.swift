import Fluent
import Plot
import QuanzeCore
import Vapor

/// 结案自动预审 pages (findings per body with counts per rule; re-run) and 重大行政处罚备案审查 pages
/// (the body's list and filing form, the legal office's review form). Refusals are shown on the page.
struct CaseCheckPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "case-checks", use: checks)
        routes.post("console", "case-checks", "run", use: run)
        routes.get("console", "major-filings", use: filings)
        routes.get("console", "major-filings", ":filingID", use: filing)
        routes.post("console", "major-filings", ":filingID", "file", use: file)
        routes.post("console", "major-filings", ":filingID", "review", use: review)
    }

    private static let refusals: [HTTPStatus] = [.badRequest, .unprocessableEntity, .conflict, .notFound]

    @Sendable func checks(req: Request) async throws -> Response {
        let p = try req.requireAny(CaseCheckQueries.readers)
        return try await checksPage(req, p, params: try CaseCheckQueries.params(req, strict: false)).response()
    }

    func checksPage(_ req: Request, _ p: Principal, params: CaseCheckQueries.Params, message: String? = nil, error: String? = nil) async throws -> HTML {
        let list = try await CaseCheckQueries.list(p, params, on: req.db)
        let scope = try await CaseCheckQueries.agencies(p, agencyID: nil, on: req.db)
        let s = list.summary
        func link(rule: String?) -> String {
            var q = ["year=\(params.year)"]
            if let a = params.agencyID { q.append("agencyId=\(a.uuidString)") }
            if let rule { q.append("rule=\(rule)") }
            return "\(SiteURL.consoleCaseChecks)?\(q.joined(separator: "&"))"
        }
        let mayRun = p.hasAny(CaseCheckQueries.runners)
        return Layout.console(title: "结案自动预审", principal: p, active: SiteURL.consoleCaseChecks, content: .div(
            .h1(.text("结案自动预审 \(params.year)年")),
            UI.alert(message, kind: "success"), UI.alert(error),
            .p(.text("每件结案案件在人工评查之前由规则自动预审：承办人员及其证件、法制审核、办案期限、送达期限、决定书要素、裁量幅度、必经环节记录、审批分离。结案时自动运行；下列问题供案卷评查抽样和评议考核使用。事实认定、证据和法律适用是否正确不在自动预审之列（见说明文档）。")),
            .form(.method(.get), .action(SiteURL.consoleCaseChecks),
                  UI.field("年度（结案）", name: "year", type: .number, value: String(params.year)),
                  UI.select("执法主体", name: "agencyId", options: [("", "全部")] + scope.map { ($0.id!.uuidString, $0.name) }, selected: params.agencyID?.uuidString),
                  UI.select("规则", name: "rule", options: [("", "全部")] + CaseCheckRule.all.map { ($0.code, $0.name) }, selected: params.rule),
                  .button(.type(.submit), .text("查询"))),
            .div(.class("stats"),
                 UI.stat("结案", s.closedCases), UI.stat("已预审", s.checkedCases), UI.stat("有问题的案件", s.casesWithFindings),
                 UI.stat("有“不符合”的案件", s.casesWithErrors)),
            .h2(.text("各规则问题数")),
            UI.table(caption: "各规则问题数", headers: ["规则", "代码", "不符合", "待核", "涉及案件", "依据"], rows: s.rules.map { r in
                [.a(.href(link(rule: r.rule)), .text(r.name)), .text(r.rule), .text(String(r.errors)), .text(String(r.warnings)),
                 .text(String(r.cases)), .span(.class("source"), .text(r.source))]
            }),
            .if(mayRun, .form(.method(.post), .action(SiteURL.consoleCaseChecksRun),
                              UI.csrfField(p.csrfToken),
                              .input(.type(.hidden), .name("year"), .value(String(params.year))),
                              .input(.type(.hidden), .name("agencyId"), .value(params.agencyID?.uuidString ?? "")),
                              .button(.type(.submit), .text("重新预审\(params.year)年结案案件")))),
            .h2(.text("问题清单" + (params.rule.flatMap { CaseCheckRule.rule($0)?.name }.map { "：\($0)" } ?? ""))),
            .if(list.total > list.limit, .p(.text("共 \(list.total) 项，列出前 \(list.limit) 项。"))),
            UI.table(caption: "预审问题", headers: ["案件", "执法主体", "规则", "结论", "问题", "依据"], rows: list.findings.map { f in
                [.a(.href(SiteURL.consoleCase(f.caseId)), .text(f.caseNumber)), .text(f.agencyName), .text(f.ruleName),
                 .span(.class(f.severity == .error ? "badge err" : "badge warn"), .text(f.severityLabel)), .text(f.message),
                 .span(.class("source"), .text(f.source))]
            }, empty: "所选范围内没有预审问题。")))
    }

    struct RunForm: Content { var year: String?; var agencyId: String? }

    @Sendable func run(req: Request) async throws -> Response {
        let p = try req.requireAny(CaseCheckQueries.runners)
        let form = try req.content.decode(RunForm.self)
        let year = form.year.flatMap { Int($0) } ?? req.today.year
        let agencyID = form.agencyId.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
        let params = CaseCheckQueries.Params(agencyID: agencyID, year: year, rule: nil)
        do {
            let r = try await APICaseChecksController.run(p, year: year, agencyID: agencyID, req: req)
            return try await checksPage(req, p, params: params, message: "已预审 \(r.cases) 件结案案件，\(r.casesWithFindings) 件有问题，共 \(r.findings) 项。").response()
        } catch let e as AppError where Self.refusals.contains(e.status) {
            return try await checksPage(req, p, params: CaseCheckQueries.Params(agencyID: nil, year: req.today.year), error: e.message).response(status: e.status)
        }
    }

    // MARK: 重大行政处罚备案

    @Sendable func filings(req: Request) async throws -> Response {
        let p = try req.requireAny(MajorFilingQueries.readers)
        let (status, agencyID) = try APICaseChecksController.filingParams(req, strict: false)
        let rows = try await MajorFilingQueries.list(p, status: status, agencyID: agencyID, today: req.today, window: req.services.options.warningDays, on: req.db)
        let scope = try await CaseCheckQueries.agencies(p, agencyID: nil, on: req.db)
        return Layout.console(title: "重大行政处罚备案", principal: p, active: SiteURL.consoleMajorFilings, content: .div(
            .h1(.text("重大行政处罚备案审查")),
            .p(.text("重大执法决定（须经法制审核的决定）作出后，执法部门向本级政府法制部门报送备案；法制部门审查并记录“通过”或“不通过”及理由，不通过的转入责任追究线索。"),
               UI.source(MajorFilingService.obligationSource), .text(" "), UI.source(MajorFilingService.reviewSource)),
            .form(.method(.get), .action(SiteURL.consoleMajorFilings),
                  UI.select("状态", name: "status", options: [("", "全部")] + MajorFilingStatus.allCases.map { ($0.rawValue, $0.label) }, selected: status?.rawValue),
                  UI.select("执法主体", name: "agencyId", options: [("", "全部")] + scope.map { ($0.id!.uuidString, $0.name) }, selected: agencyID?.uuidString),
                  .button(.type(.submit), .text("查询"))),
            UI.table(caption: "重大执法决定备案", headers: ["案件", "执法主体", "决定日期", "备案期限", "状态", "备案日期", "审查"], rows: rows.map { f in
                [.a(.href(SiteURL.consoleMajorFiling(f.id)), .text(f.caseNumber)), .text(f.agencyName), .text(f.decidedOn),
                 .group(.text(f.due ?? "未规定"), .text(" "), f.status == .pending ? CaseBits.level(f.warning, suspended: false) : .text("")),
                 .text(f.statusLabel), .group(.text(f.filedOn ?? "—"), .if(f.filedLate, .span(.class("badge err"), .text(" 逾期备案")))),
                 .text(f.conclusion.map { "\($0.label)（\(f.reviewedOn ?? "")）" } ?? "—")]
            }, empty: "暂无重大执法决定备案。"))).response()
    }

    @Sendable func filing(req: Request) async throws -> Response {
        let p = try req.requireAny(MajorFilingQueries.readers)
        let (f, agency) = try await MajorFilingQueries.readable(try req.uuidParameter("filingID"), by: p, on: req.db)
        return try await filingPage(req, p, f, agency).response()
    }

    struct FilingForm: Content { var report: String?; var documents: String?; var conclusion: String?; var reasons: String? }

    @Sendable func file(req: Request) async throws -> Response {
        let p = try req.requireAny(MajorFilingQueries.filers)
        let (f, agency) = try await APICaseChecksController.filable(try req.uuidParameter("filingID"), by: p, on: req.db)
        let form = try req.content.decode(FilingForm.self)
        do {
            let docs = (form.documents ?? "").split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            try await MajorFilingService.file(f, .init(report: form.report ?? "", documents: docs), req: req)
            return try await filingPage(req, p, try await MajorDecisionFiling.find(f.requireID(), on: req.db) ?? f, agency, message: "已报送备案。").response()
        } catch let e as AppError where Self.refusals.contains(e.status) {
            return try await filingPage(req, p, try await MajorDecisionFiling.find(f.requireID(), on: req.db) ?? f, agency, error: e.message).response(status: e.status)
        }
    }

    @Sendable func review(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let (f, agency) = try await APICaseChecksController.reviewable(try req.uuidParameter("filingID"), by: p, on: req.db)
        let form = try req.content.decode(FilingForm.self)
        do {
            guard let conclusion = form.conclusion.flatMap(MajorFilingConclusion.init(rawValue:)) else {
                throw AppError.validation("conclusion", "请选择审查结论", code: "required")
            }
            try await MajorFilingService.review(f, conclusion: conclusion, reasons: form.reasons.flatMap { $0.isEmpty ? nil : $0 }, req: req)
            return try await filingPage(req, p, try await MajorDecisionFiling.find(f.requireID(), on: req.db) ?? f, agency,
                                        message: "已记录审查结论：\(conclusion.label)。" + (conclusion == .failed ? "已转责任追究线索。" : "")).response()
        } catch let e as AppError where Self.refusals.contains(e.status) {
            return try await filingPage(req, p, try await MajorDecisionFiling.find(f.requireID(), on: req.db) ?? f, agency, error: e.message).response(status: e.status)
        }
    }

    func filingPage(_ req: Request, _ p: Principal, _ f: MajorDecisionFiling, _ agency: Agency, message: String? = nil, error: String? = nil) async throws -> HTML {
        let d = try await MajorFilingQueries.dto(f, agency: agency, req: req)
        let mayFile = p.hasAny(MajorFilingQueries.filers) && p.agencyID == f.agencyID && d.status == .pending
        let mayReview = p.has(.supervisor) && p.jurisdictionID == agency.$jurisdiction.id && d.status == .filed
        return Layout.console(title: "重大执法决定备案 \(d.caseNumber)", principal: p, active: SiteURL.consoleMajorFilings, content: .div(
            .h1(.text("重大执法决定备案：\(d.caseNumber)")),
            UI.alert(message, kind: "success"), UI.alert(error),
            .dl(.class("facts"),
                .dt(.text("案件")), .dd(.a(.href(SiteURL.consoleCase(d.caseId)), .text("\(d.caseNumber) \(d.caseTitle)"))),
                .dt(.text("执法主体")), .dd(.text(d.agencyName)),
                .dt(.text("决定日期")), .dd(.text(d.decidedOn)),
                .dt(.text("重大执法决定情形")), .dd(.ul(.forEach(d.majorReasons) { .li(.text($0)) })),
                .dt(.text("备案期限")), .dd(.text(d.due.map { "\($0) 前" + (d.provisional ? "（暂定：该年度节假日安排未发布）" : "") } ?? "未规定"), .text(" "),
                                          d.status == .pending ? CaseBits.level(d.warning, suspended: false) : .text(""),
                                          .span(.class("source"), .text("依据：\(d.dueSource)"))),
                .dt(.text("状态")), .dd(.text(d.statusLabel), .if(d.filedLate, .span(.class("badge err"), .text(" 逾期备案")))),
                .dt(.text("备案")), .dd(.text(d.filedOn.map { "\($0)，\(d.filedBy ?? "")：\(d.report ?? "")" } ?? "—")),
                .dt(.text("报送材料")), .dd(d.documents.isEmpty ? .text("—") : .ul(.forEach(d.documents) { .li(.text($0)) })),
                .dt(.text("审查结论")), .dd(.text(d.conclusion.map { "\($0.label)（\(d.reviewedOn ?? "")，\(d.reviewedBy ?? "")）" + (d.reasons.map { "：\($0)" } ?? "") } ?? "—")),
                .dt(.text("依据")), .dd(.span(.class("source"), .text(d.source)))),
            .if(mayFile, .form(.method(.post), .action(SiteURL.consoleMajorFilingAction(d.id, "file")),
                               .h2(.text("报送备案")), UI.csrfField(p.csrfToken),
                               .div(.class("field"), .label(.for("report"), .text("备案报告（必填）")),
                                    .textarea(.name("report"), .id("report"), .rows(4))),
                               .div(.class("field"), .label(.for("documents"), .text("报送材料（每行一项，必填）")),
                                    .textarea(.name("documents"), .id("documents"), .rows(4),
                                              .text("行政处罚决定书\n法制审核意见书\n案件调查终结报告"))),
                               .button(.type(.submit), .text("报送备案")))),
            .if(mayReview, .form(.method(.post), .action(SiteURL.consoleMajorFilingAction(d.id, "review")),
                                 .h2(.text("备案审查")), UI.csrfField(p.csrfToken),
                                 UI.select("审查结论", name: "conclusion", options: MajorFilingConclusion.allCases.map { ($0.rawValue, $0.label) }, selected: nil),
                                 .div(.class("field"), .label(.for("reasons"), .text("理由（不通过时必填）")),
                                      .textarea(.name("reasons"), .id("reasons"), .rows(4))),
                                 .button(.type(.submit), .text("记录审查结论"))))))
    }
}

/// The case page's section: the pre-check findings, and the case's 重大行政处罚备案 if any.
enum CaseCheckPages {
    static func section(_ req: Request, _ p: Principal, _ c: EnforcementCase, _ agency: Agency) async throws -> Node<HTML.BodyContext> {
        let checks = try await CaseCheckQueries.ofCase(c, agencyName: agency.name, on: req.db)
        let filing = try await MajorFilingQueries.ofCase(try c.requireID(), on: req.db)
        var filingDTO: MajorFilingDTO?
        if let filing { filingDTO = try await MajorFilingQueries.dto(filing, agency: agency, req: req) }
        return .div(.class("case-checks"),
            .unwrap(filingDTO) { f in
                .group(.h2(.text("重大执法决定备案")),
                       .p(.a(.href(SiteURL.consoleMajorFiling(f.id)), .text(f.statusLabel)), .text("；备案期限：\(f.due ?? "未规定")"),
                          .text(" "), f.status == .pending ? CaseBits.level(f.warning, suspended: false) : .text(""),
                          .if(f.filedLate, .span(.class("badge err"), .text(" 逾期备案"))),
                          .text(" "), .span(.class("source"), .text("依据：\(f.dueSource)"))))
            },
            .h2(.text("结案自动预审")),
            .if(checks.checkedAt == nil, .p(.text(c.stage == .closed ? "本案尚未预审。" : "案件结案时自动预审。"))),
            .if(checks.checkedAt != nil, .group(
                .p(.text("预审时间：\(UI.dateTime(checks.checkedAt))；发现问题 \(checks.findings.count) 项。")),
                UI.table(caption: "预审问题", headers: ["规则", "结论", "问题", "依据"], rows: checks.findings.map { f in
                    [.text(f.ruleName), .span(.class(f.severity == .error ? "badge err" : "badge warn"), .text(f.severityLabel)), .text(f.message),
                     .span(.class("source"), .text(f.source))]
                }, empty: "各项规则均未发现问题。"))))
    }
}
