import Fluent
import Plot
import QuanzeCore
import Vapor

/// 执法评议卡: the body's 法制员 or officers issue a one-time evaluation code for a party of a case
/// from the case page (the same service as `POST /api/v1/cases/{caseID}/evaluation-codes`); the code
/// is shown once, only its SHA-256 is stored, and the page lists the codes issued for the case.
struct EvaluationCodePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("console", "cases", ":caseID", "evaluation-codes", use: issue)
    }

    @Sendable func issue(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer, .officer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let (code, _) = try await EvaluationService.issueCode(caseID: try c.requireID(), by: p, req: req)
        var page = try await CasePagesController().page(req, p, c, agency)
        page.evaluationSection = try await EvaluationCodeBits.section(p, c, issued: code, on: req.db)
        page.message = "已发放一次性评议码，请交给当事人（只显示这一次）。"
        return page.render().response(status: .created)
    }
}

enum EvaluationCodeBits {
    /// The case page's section: the issue button for the body's staff and the codes issued for the
    /// case (date, issuer, used or not — never the code). `issued` is shown once after issuing.
    static func section(_ p: Principal, _ c: EnforcementCase, issued: String? = nil, on db: any Database) async throws -> Node<HTML.BodyContext>? {
        guard p.hasAny([.legalOfficer, .officer]), p.agencyID == c.$agency.id else { return nil }
        let id = try c.requireID()
        let codes = try await EvaluationCode.query(on: db).filter(\.$caseID == id).sort(\.$issuedOn).all()
        return Node<HTML.BodyContext>.section(.class("evaluation-codes"), .h2(.text("执法评议码")),
                        .p(.text("一次性评议码交给本案当事人，当事人凭码在门户网站“执法评议卡”评议本案；系统只保存评议码的散列值，使用一次后失效。")),
                        .unwrap(issued) { code in
                            .div(.class("alert success"), .attribute(named: "role", value: "status"),
                                 .p(.text("新发放的评议码（只显示这一次）：")), .p(.strong(.code(.id("issued-evaluation-code"), .text(code)))),
                                 .p(.text("当事人评议地址：\(SiteURL.publicEvaluate)")))
                        },
                        UI.table(caption: "已发放的评议码（共 \(codes.count) 个）", headers: ["序号", "发放日期", "发放人", "状态"],
                                 rows: codes.enumerated().map { i, e in
                                     [.text("\(i + 1)"), .text(e.issuedOn), .text(e.issuedBy), .text(e.usedOn.map { "已于 \($0) 使用" } ?? "未使用")]
                                 }, empty: "尚未发放评议码"),
                        .form(.method(.post), .action(SiteURL.consoleCase(id) + "/evaluation-codes"), UI.csrfField(p.csrfToken),
                              .button(.type(.submit), .text("发放一次性评议码"))))
    }
}
