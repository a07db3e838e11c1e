import Fluent
import Plot
import QuanzeCore
import Vapor

/// The case page's 执行 and 复议/诉讼 forms (re-rendering the case page with a message or the
/// refusal), the liability intake list and the quarterly collection report with its CSV.
struct CollectionPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("console", "cases", ":caseID")
        cases.post("payments", use: { req in try await act(req, "payments") })
        cases.post("payments", "reversal", use: { req in try await act(req, "reversal") })
        cases.post("enforcement-steps", use: { req in try await act(req, "enforcement-steps") })
        cases.post("remedies", use: { req in try await act(req, "remedies") })
        cases.post("remedies", ":remedyID", "result", use: { req in try await act(req, "result") })
        cases.post("refunds", use: { req in try await act(req, "refunds") })
        routes.get("console", "liability-intake", use: intake)
        routes.get("console", "fine-collections", use: report)
        routes.get("console", "fine-collections", "csv", use: csv)
    }

    struct Form: Content {
        var amount: String?, paidOn: String?, receiptNumber: String?, channel: String?
        var paymentId: String?, reversalReason: String?
        var stepKind: String?, takenOn: String?, stepNote: String?
        var remedyKind: String?, organ: String?, appliedOn: String?, receivedOn: String?
        var result: String?, decidedOn: String?, documentNumber: String?, newFineAmount: String?
        var remedyId: String?, applicant: String?, refundAmount: String?, refundAppliedOn: String?, refundPaidOn: String?
    }

    private func act(_ req: Request, _ action: String) async throws -> Response {
        let p = try ["payments", "reversal", "enforcement-steps"].contains(action) ? req.require(.officer, .legalOfficer) : req.require(.legalOfficer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let f = try req.content.decode(Form.self)
        do {
            let message: String
            switch action {
            case "payments":
                guard let channel = f.channel.flatMap(PaymentChannel.init(rawValue:)) else { throw AppError.validation("channel", "请选择缴款方式") }
                try await CaseCollection.recordPayment(c, .init(amount: f.amount ?? "", paidOn: f.paidOn ?? "", receiptNumber: f.receiptNumber ?? "",
                                                                channel: channel), req: req)
                message = "已登记缴款。"
            case "reversal":
                guard let id = f.paymentId.flatMap(UUID.init(uuidString:)) else { throw AppError.validation("paymentId", "请选择要冲正的缴款") }
                try await CaseCollection.reversePayment(c, paymentID: id, reason: f.reversalReason ?? "", req: req)
                message = "已冲正。"
            case "enforcement-steps":
                guard let kind = f.stepKind.flatMap(EnforcementStepKind.init(rawValue:)) else { throw AppError.validation("kind", "请选择执行措施") }
                try await CaseCollection.recordStep(c, kind: kind, takenOn: f.takenOn ?? "", note: f.stepNote ?? "", req: req)
                message = "已登记执行措施。"
            case "remedies":
                guard let kind = f.remedyKind.flatMap(RemedyKind.init(rawValue:)) else { throw AppError.validation("kind", "请选择复议或诉讼") }
                let r = try await CaseRemedyService.apply(c, .init(kind: kind, organ: f.organ ?? "", appliedOn: f.appliedOn ?? "", receivedOn: f.receivedOn ?? ""), req: req)
                message = "已登记\(kind.label)。" + (r.late ? "申请已超过法定期限（\(r.windowDue) 届满），已标明逾期。" : "")
            case "result":
                guard let result = f.result.flatMap(RemedyResult.init(rawValue:)) else { throw AppError.validation("result", "请选择结果") }
                var sanction: PenaltySanction?
                if result == .changed, let raw = f.newFineAmount, !raw.isEmpty {
                    guard let v = Int(raw), v >= 0 else { throw AppError.validation("newFineAmount", "须为非负整数（元）") }
                    sanction = v > 0 ? PenaltySanction(kinds: [.fine], fineAmount: v) : PenaltySanction(kinds: [.warning])
                }
                try await CaseRemedyService.recordResult(c, remedyID: try req.uuidParameter("remedyID"),
                                                         .init(result: result, decidedOn: f.decidedOn ?? "", documentNumber: f.documentNumber ?? "",
                                                               newSanction: sanction), req: req)
                message = "已登记结果：\(result.label)。" + (result.isReversal ? "已转责任追究待处理。" : "")
            default:
                guard let remedy = f.remedyId.flatMap(UUID.init(uuidString:)) else { throw AppError.validation("remedyId", "请选择依据的复议或诉讼") }
                try await CaseRemedyService.refund(c, .init(remedyID: remedy, applicant: f.applicant ?? "", amount: f.refundAmount ?? "",
                                                            appliedOn: f.refundAppliedOn ?? "", paidOn: f.refundPaidOn ?? ""), req: req)
                message = "已登记退还罚款。"
            }
            var view = try await CasePagesController().page(req, p, c, agency)
            view.message = message
            return view.render().response()
        } catch let e as AppError where [.badRequest, .unprocessableEntity, .conflict, .notFound].contains(e.status) {
            let fresh = try await EnforcementCase.find(c.requireID(), on: req.db) ?? c
            var view = try await CasePagesController().page(req, p, fresh, agency)
            view.error = e.message
            return view.render().response(status: e.status)
        }
    }

    @Sendable func intake(req: Request) async throws -> Response {
        try await LiabilityPagesController.listPage(req)
    }

    @Sendable func report(req: Request) async throws -> Response {
        let p = try req.requireAny(FineCollectionReport.readers)
        let (year, quarter, agencyID) = try FineCollectionReport.params(req, today: req.today, strict: false)
        let scope = try await FineCollectionReport.agencies(req, agencyID: nil)
        let r = try await FineCollectionReport.load(agencies: try await FineCollectionReport.agencies(req, agencyID: agencyID),
                                                    year: year, quarter: quarter, on: req.db)
        func y(_ fen: Int) -> String { CollectionDTO.yuan(fen) }
        let query = "year=\(year)&quarter=\(quarter)" + (agencyID.map { "&agencyId=\($0.uuidString)" } ?? "")
        return Layout.console(title: "罚没款收缴季报", principal: p, active: SiteURL.consoleFineCollections, content: .div(
            .h1(.text("罚没款收缴季报 \(year)年第\(quarter)季度（\(r.from) 至 \(r.to)）")),
            .form(.method(.get), .action(SiteURL.consoleFineCollections),
                  UI.field("年度", name: "year", type: .number, value: String(year)),
                  UI.select("季度", name: "quarter", options: (1...4).map { (String($0), "第\($0)季度") }, selected: String(quarter)),
                  UI.select("执法主体", name: "agencyId", options: [("", "全部")] + scope.map { ($0.id!.uuidString, $0.name) }, selected: agencyID?.uuidString),
                  .button(.type(.submit), .text("查询"))),
            .p(.a(.href("\(SiteURL.consoleFineCollections)/csv?\(query)"), .text("下载 CSV"))),
            UI.table(caption: "罚没款收缴季报（元）", headers: ["执法主体", "决定罚款件数", "决定罚款", "缴款笔数", "收缴罚款", "收缴加处罚款", "退款笔数", "退还", "期末未缴罚款"],
                     rows: (r.rows + [r.total]).map { row in
                         [.text(row.agencyName), .text(String(row.decidedCount)), .text(y(row.decidedFen)), .text(String(row.paymentCount)),
                          .text(y(row.collectedFineFen)), .text(y(row.collectedLateFeeFen)), .text(String(row.refundCount)), .text(y(row.refundedFen)),
                          .text(y(row.outstandingFen))]
                     }),
            .p(.class("source"), .text("各执法部门每季度第一周将上一季度代收机构缴款明细报同级政府法制部门。依据：\(r.source)")))).response()
    }

    @Sendable func csv(req: Request) async throws -> Response {
        _ = try req.requireAny(FineCollectionReport.readers)
        let (year, quarter, agencyID) = try FineCollectionReport.params(req, today: req.today, strict: false)
        let r = try await FineCollectionReport.load(agencies: try await FineCollectionReport.agencies(req, agencyID: agencyID),
                                                    year: year, quarter: quarter, on: req.db)
        try await req.audit(.dataExport, .success, target: "fine_collections", detail: "导出罚没款收缴季报 \(year)年第\(quarter)季度（CSV）")
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "fine-collections-\(year)-Q\(quarter).csv")
        return Response(status: .ok, headers: headers, body: .init(string: FineCollectionReport.csv(r)))
    }
}
