import Fluent
import Plot
import QuanzeCore
import Vapor

/// 执法办案 pages: list and warning board, 立案, and the case page with its actions. Refusals are
/// shown on the page with their reason and source; nothing is saved.
struct CasePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("console", "cases")
        cases.get(use: index)
        cases.get("new", use: newForm)
        cases.post("new", use: create)
        cases.get(":caseID", use: show)
        for action in ["advance", "legal-review", "hearing-request", "decision", "clock"] {
            cases.post(":caseID", .constant(action), use: { req in try await act(req, action) })
        }
        cases.get(":caseID", "documents", ":document", use: document)
        routes.get("console", "case-warnings", use: warnings)
    }

    struct Form: Content {
        var powerItemId: String?, procedure: String?, source: String?, title: String?, facts: String?, filedOn: String?
        var partyKind: String?, partyName: String?, partyIdentifier: String?, partyAddress: String?
        var lead: String?, assist: String?, auxiliary: String?
        var majorCriteria: [String]?
        var to: String?, note: String?, kinds: [String]?, fineAmount: String?, confiscationAmount: String?, hearingOn: String?
        var passed: String?, opinion: String?
        var factsAndEvidence: String?, basis: String?, content: String?, performance: String?, remedies: String?
        var discretionId: String?, circumstance: String?, outsideRangeReason: String?, collectingBank: String?
        /// `<benchmark id>|<level>` from the decision form's one select; `factors` the checked 情节.
        var discretionLevel: String?, factors: [String]?
        var action: String?, reason: String?, deadlineCode: String?, days: String?

        var values: [String: String] {
            ["powerItemId": powerItemId ?? "", "procedure": procedure ?? "", "source": source ?? "", "title": title ?? "",
             "facts": facts ?? "", "filedOn": filedOn ?? "", "partyKind": partyKind ?? "", "partyName": partyName ?? "",
             "partyIdentifier": partyIdentifier ?? "", "partyAddress": partyAddress ?? "", "lead": lead ?? "", "assist": assist ?? "",
             "auxiliary": auxiliary ?? ""]
        }

        func filing() throws -> CaseFiling.Input {
            guard let item = powerItemId.flatMap(UUID.init(uuidString:)) else { throw AppError.validation("powerItemId", "请选择职权事项", code: "required") }
            guard let procedure = procedure.flatMap(CaseProcedure.init(rawValue:)) else { throw AppError.validation("procedure", "请选择程序", code: "required") }
            var team: [CaseFiling.Member] = []
            for (raw, role) in [(lead, CaseOfficerRole.lead), (assist, .assist), (auxiliary, .auxiliary)] {
                if let id = raw.flatMap(UUID.init(uuidString:)) { team.append(.init(officerID: id, role: role)) }
            }
            return .init(powerItemID: item, procedure: procedure, source: source.flatMap(CaseSource.init(rawValue:)) ?? .other,
                         title: title ?? "", facts: facts ?? "", filedOn: filedOn,
                         parties: [.init(kind: partyKind.flatMap(PartyKind.init(rawValue:)) ?? .organization, name: partyName ?? "",
                                         identifier: partyIdentifier ?? "", address: partyAddress)],
                         officers: team, majorCriteria: (majorCriteria ?? []).compactMap(StatutoryMajorCriterion.init(rawValue:)))
        }

        func sanction() throws -> PenaltySanction? {
            let kinds = (kinds ?? []).compactMap(PenaltyKind.init(rawValue:))
            guard !kinds.isEmpty else { return nil }
            func amount(_ raw: String?, _ field: String) throws -> Int {
                guard let raw, !raw.isEmpty else { return 0 }
                guard let v = Int(raw), v >= 0 else { throw AppError.validation(field, "须为非负整数（元）", code: "invalid") }
                return v
            }
            return PenaltySanction(kinds: kinds, fineAmount: try amount(fineAmount, "fineAmount"), confiscationAmount: try amount(confiscationAmount, "confiscationAmount"))
        }

        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.requireAny(CaseQueries.readers)
        let f = try await CaseAccess.filter(req, strict: false)
        let page = try PageRequest.from(req)
        let (rows, total, capped) = try await CaseQueries.list(f, for: p, today: req.today, window: req.application.services.options.warningDays, page: page, on: req.db)
        var query: [String: String] = [:]
        for key in ["stage", "procedure", "warning", "q", "mine"] { query[key] = req.query[String.self, at: key] }
        return CaseListPage(principal: p, rows: rows, total: total, totalCapped: capped, query: query).render().response()
    }

    @Sendable func warnings(req: Request) async throws -> Response {
        let p = try req.requireAny(CaseQueries.readers)
        let mine = req.query[String.self, at: "mine"] == "1" && p.has(.officer)
        let officerID = mine ? try await CaseAccess.ownOfficerID(req) : nil
        let window = req.application.services.options.warningDays
        let rows = try await CaseQueries.warnings(for: p, officerID: officerID, today: req.today, window: window, on: req.db)
        return CaseWarningsPage(principal: p, rows: rows, mine: mine, window: window).render().response()
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let p = try req.require(.officer, .legalOfficer)
        return try await formPage(req, p, form: nil).render().response()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.officer, .legalOfficer)
        let form = try req.content.decode(Form.self)
        do {
            let agency = try await CaseAccess.filingAgency(nil, p, on: req.db)
            let c = try await CaseFiling.file(try form.filing(), agency: agency, req: req)
            return req.redirect(to: SiteURL.consoleCase(try c.requireID()), redirectType: .normal)
        } catch let e as AppError where [.badRequest, .unprocessableEntity, .conflict].contains(e.status) {
            var page = try await formPage(req, p, form: form)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let p = try req.requireAny(CaseQueries.readers)
        let (c, agency) = try await CaseQueries.readable(try req.uuidParameter("caseID"), by: p, on: req.db)
        return try await page(req, p, c, agency).render().response()
    }

    /// A printable document of the case (立案审批表, 告知书, 决定书, 送达回证).
    @Sendable func document(req: Request) async throws -> Response {
        let p = try req.requireAny(CaseQueries.readers)
        guard let kind = req.parameters.get("document").flatMap(CaseDocumentKind.init(rawValue:)) else { throw AppError.notFound }
        let (c, agency) = try await CaseQueries.readable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let detail = try await CaseDetail.load(c, agency: agency, today: req.today, window: req.application.services.options.warningDays, on: req.db)
        return CaseDocumentPage(principal: p, detail: detail, kind: kind).render().response()
    }

    private func act(_ req: Request, _ action: String) async throws -> Response {
        let p = try action == "legal-review" ? req.require(.legalOfficer) : req.require(.officer, .legalOfficer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let form = try req.content.decode(Form.self)
        do {
            let message: String
            switch action {
            case "advance":
                guard let to = form.to.flatMap(CaseStage.init(rawValue:)) else { throw AppError.validation("to", "环节无效") }
                try await CaseProgress.advance(c, .init(to: to, note: form.nonEmpty(form.note), sanction: try form.sanction(),
                                                        partyKind: form.partyKind.flatMap(PartyKind.init(rawValue:)), hearingOn: form.nonEmpty(form.hearingOn)), req: req)
                message = "已进入“\(to.label(in: c.procedure))”环节。"
            case "legal-review":
                _ = try await CaseReviewService.review(c, passed: form.passed == "true", opinion: form.opinion ?? "", req: req)
                message = "已提交法制审核意见。"
            case "hearing-request":
                try await CaseReviewService.requestHearing(c, req: req)
                message = "已登记听证申请；听证后作出决定须经法制审核。"
            case "decision":
                var discretionID = form.discretionId.flatMap(UUID.init(uuidString:)), circumstance = form.nonEmpty(form.circumstance)
                if let pair = form.nonEmpty(form.discretionLevel), let bar = pair.firstIndex(of: "|") {
                    discretionID = UUID(uuidString: String(pair[..<bar]))
                    circumstance = String(pair[pair.index(after: bar)...])
                }
                let d = try await CaseDecisionService.decide(c, .init(
                    factsAndEvidence: form.factsAndEvidence ?? "", basis: form.basis ?? "", content: form.content ?? "",
                    performance: form.performance ?? "", remedies: form.nonEmpty(form.remedies), sanction: try form.sanction(),
                    partyKind: form.partyKind.flatMap(PartyKind.init(rawValue:)), discretionID: discretionID,
                    circumstance: circumstance, outsideRangeReason: form.nonEmpty(form.outsideRangeReason),
                    collectingBank: form.nonEmpty(form.collectingBank), factors: (form.factors ?? []).filter { !$0.isEmpty }), req: req)
                message = "已作出决定，文号 \(d.number)。"
            default:
                guard let a = form.action.flatMap(CaseClockService.Action.init(rawValue:)) else { throw AppError.validation("action", "操作无效") }
                guard form.days.map({ $0.isEmpty || Int($0) != nil }) ?? true else { throw AppError.validation("days", "须为正整数") }
                try await CaseClockService.apply(c, .init(action: a, reason: form.reason ?? "", deadlineCode: form.nonEmpty(form.deadlineCode),
                                                          days: form.days.flatMap { Int($0) }), req: req)
                message = a == .extend ? "已登记延长。" : (a == .suspend ? "案件已中止，期限停止计算。" : "已恢复办理，期限已重新计算。")
            }
            var view = try await page(req, p, c, agency)
            view.message = message
            return view.render().response()
        } catch let e as AppError where [.badRequest, .unprocessableEntity, .conflict, .forbidden].contains(e.status) && e.code != "OUT_OF_SCOPE" && e.code != "FORBIDDEN" {
            let fresh = try await EnforcementCase.find(c.requireID(), on: req.db) ?? c
            var view = try await page(req, p, fresh, agency)
            view.error = e.message
            return view.render().response(status: e.status)
        }
    }

    func page(_ req: Request, _ p: Principal, _ c: EnforcementCase, _ agency: Agency) async throws -> CaseDetailPage {
        let entries = try await RecordLog.entries(stream: CaseJournal.stream(try c.requireID()), on: req.db)
        let integrity = try await RecordVerifier.integrity(of: entries, on: req.db)
        let detail = try await CaseDetail.load(c, agency: agency, today: req.today, window: req.application.services.options.warningDays,
                                               integrity: integrity, on: req.db)
        var page = CaseDetailPage(principal: p, detail: detail)
        if detail.decision != nil {
            page.collection = CollectionDTO(caseID: try c.requireID(), ledger: try await CaseCollection.ledger(caseID: try c.requireID(), on: req.db), today: req.today)
        }
        page.integrity = integrity
        page.entries = entries
        page.transferSection = try await CaseTransferPages.section(req, p, c)
        page.checksSection = try await CaseCheckPages.section(req, p, c, agency)
        page.evaluationSection = try await EvaluationCodeBits.section(p, c, on: req.db)
        page.complaintsSection = CaseComplaints.section(try await CaseComplaints.list(caseID: try c.requireID(), for: p, on: req.db))
        if c.procedure.isPenalty {
            page.benchmarks = try await DiscretionBenchmark.query(on: req.db).filter(\.$agency.$id == c.$agency.id).all()
                .filter { $0.$powerItem.id == nil || $0.$powerItem.id == c.$powerItem.id }
        }
        return page
    }

    private func formPage(_ req: Request, _ p: Principal, form: Form?) async throws -> CaseFormPage {
        var page = CaseFormPage(principal: p)
        page.values = form?.values ?? [:]
        guard let agencyID = p.agencyID else { return page }
        for item in try await PowerItem.query(on: req.db).filter(\.$agency.$id == agencyID).sort(\.$code).all() {
            if let v = try await PowerItemQueries.published(item, on: req.db), ["penalty", "coercion", "licensing", "inspection"].contains(v.category.rawValue) {
                page.items.append((item, v))
            }
        }
        page.officers = try await Officer.query(on: req.db).filter(\.$agency.$id == agencyID).filter(\.$status == .serving).sort(\.$name).all()
        return page
    }
}
