import Fluent
import Plot
import QuanzeCore
import Vapor

/// 执法协调 (/console/coordination) and 典型案例 (/console/typical-cases) in the console. Forms POST with CSRF and
/// re-render with a message or the refusal.
struct CoordinationPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "coordination", use: list)
        routes.post("console", "coordination", use: raise)
        routes.get("console", "coordination", ":disputeID", use: show)
        for action in ["opinion", "escalate", "forward", "resolve", "decision", "execution", "close"] {
            routes.post("console", "coordination", ":disputeID", .constant(action), use: { req in try await Self.act(req, action) })
        }
        routes.get("console", "typical-cases", use: typicalCases)
        routes.post("console", "typical-cases", use: compose)
        routes.get("console", "typical-cases", ":typicalCaseID", use: typicalCase)
        for action in ["edit", "publish", "withdraw"] {
            routes.post("console", "typical-cases", ":typicalCaseID", .constant(action), use: { req in try await Self.typicalAct(req, action) })
        }
    }

    static let refusals: [HTTPResponseStatus] = [.unprocessableEntity, .conflict, .badRequest, .forbidden]

    struct ListQuery: Content { var status: String?, kind: String? }

    static func listPage(_ req: Request, error: String? = nil, status: HTTPResponseStatus = .ok, form: [String: String] = [:]) async throws -> Response {
        let p = try req.requireAny(CoordinationAccess.readers)
        let q = (try? req.query.decode(ListQuery.self)) ?? ListQuery()
        let rows = try await CoordinationQueries.list(p, filter: .init(status: q.status, kind: q.kind, agencyID: nil), today: req.today, on: req.db)
        var others: [Agency] = []
        if p.has(.legalOfficer), let own = p.agencyID, let a = try await Agency.find(own, on: req.db) {
            others = try await Agency.query(on: req.db).filter(\.$jurisdiction.$id == a.$jurisdiction.id).filter(\.$id != own).sort(\.$name).all()
        }
        return CoordinationPages.list(p, rows: rows, status: q.status, kind: q.kind, others: others, form: form, error: error).response(status: status)
    }

    @Sendable func list(req: Request) async throws -> Response { try await Self.listPage(req) }

    struct RaiseForm: Content { var kind: String?, subject: String?, description: String?, partyAgencyIds: [String]? }

    @Sendable func raise(req: Request) async throws -> Response {
        _ = try req.require(.legalOfficer)
        let f = try req.content.decode(RaiseForm.self)
        let values = ["kind": f.kind ?? "", "subject": f.subject ?? "", "description": f.description ?? ""]
        do {
            let ids = try (f.partyAgencyIds ?? []).map {
                guard let id = UUID(uuidString: $0) else { throw AppError.validation("partyAgencyIds", "相关部门无效", code: "uuid") }
                return id
            }
            let d = try await CoordinationService.raise(kind: f.kind ?? "", subject: f.subject ?? "", description: f.description ?? "",
                                                        partyAgencyIDs: ids, req: req)
            return req.redirect(to: SiteURL.consoleCoordinationItem(try d.requireID()), redirectType: .normal)
        } catch let e as AppError where Self.refusals.contains(e.status) {
            return try await Self.listPage(req, error: e.message, status: e.status, form: values)
        }
    }

    static func detailPage(_ req: Request, message: String? = nil, error: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let a = try await CoordinationAccess.load(req)
        let dto = try await CoordinationQueries.detail(a, req: req)
        return CoordinationPages.detail(a, dto, message: message, error: error).response(status: status)
    }

    @Sendable func show(req: Request) async throws -> Response { try await Self.detailPage(req) }

    struct ActionForm: Content {
        var endedOn: String?, escalateEndedOn: String?, opinion: String?, executeBy: String?, office: String?, forwardOffice: String?, application: String?, outcome: String?, text: String?, agencyId: String?
    }

    static func act(_ req: Request, _ action: String) async throws -> Response {
        let a = try await CoordinationAccess.load(req)
        let f = try req.content.decode(ActionForm.self)
        do {
            switch action {
            case "opinion":
                try await CoordinationService.fileOpinion(a, endedOn: f.endedOn ?? "", opinion: f.opinion ?? "", executeBy: f.executeBy, req: req)
            case "escalate":
                try await CoordinationService.escalate(a, office: f.office ?? "", endedOn: f.escalateEndedOn, application: f.application ?? "", req: req)
            case "forward":
                try await CoordinationService.forward(a, to: f.forwardOffice ?? "", req: req)
            case "resolve":
                try await CoordinationService.resolve(a, office: f.office ?? "", outcome: f.outcome ?? "", text: f.text ?? "", executeBy: f.executeBy, req: req)
            case "decision":
                try await CoordinationService.governmentDecision(a, text: f.text ?? "", executeBy: f.executeBy, req: req)
            case "execution":
                let agency = try f.agencyId.flatMap { $0.isEmpty ? nil : $0 }.map {
                    guard let id = UUID(uuidString: $0) else { throw AppError.validation("agencyId", "部门无效", code: "uuid") }
                    return id
                }
                try await CoordinationService.reportExecution(a, agencyID: agency, text: f.text ?? "", req: req)
            default:
                try await CoordinationService.close(a, req: req)
            }
            return try await Self.detailPage(req, message: "已办理。")
        } catch let e as AppError where Self.refusals.contains(e.status) {
            return try await Self.detailPage(req, error: "\(e.message)（\(e.code)）", status: e.status)
        }
    }

    // MARK: 典型案例

    static func typicalListPage(_ req: Request, error: String? = nil, status: HTTPResponseStatus = .ok, form: [String: String] = [:]) async throws -> Response {
        let p = try req.require(.supervisor)
        let rows = try await TypicalCase.query(on: req.db).filter(\.$jurisdictionID == (p.jurisdictionID ?? UUID())).sort(\.$createdAt, .descending).all()
        let matters = try await LiabilityMatter.query(on: req.db).filter(\.$jurisdictionID == (p.jurisdictionID ?? UUID()))
            .filter(\.$status != "investigating").sort(\.$filedOn, .descending).all()
        return CoordinationPages.typicalList(p, rows: rows, matters: matters, form: form, error: error).response(status: status)
    }

    @Sendable func typicalCases(req: Request) async throws -> Response { try await Self.typicalListPage(req) }

    struct TypicalForm: Content { var matterId: String?, title: String?, body: String?, ruleCited: String?, handling: String?, personNames: String?, reason: String? }

    static func names(_ raw: String?) -> [String] {
        (raw ?? "").split(whereSeparator: { "、,，;； \n".contains($0) }).map(String.init).filter { !$0.isEmpty }
    }

    @Sendable func compose(req: Request) async throws -> Response {
        _ = try req.require(.supervisor)
        let f = try req.content.decode(TypicalForm.self)
        let values = ["title": f.title ?? "", "body": f.body ?? "", "ruleCited": f.ruleCited ?? "", "handling": f.handling ?? "", "personNames": f.personNames ?? ""]
        do {
            let matter = try f.matterId.flatMap { $0.isEmpty ? nil : $0 }.map {
                guard let id = UUID(uuidString: $0) else { throw AppError.validation("matterId", "责任追究案件无效", code: "uuid") }
                return id
            }
            let t = try await TypicalCaseService.compose(.init(matterID: matter, title: f.title ?? "", body: f.body ?? "", ruleCited: f.ruleCited ?? "",
                                                               handling: f.handling ?? "", personNames: Self.names(f.personNames)), req: req)
            return req.redirect(to: SiteURL.consoleTypicalCase(try t.requireID()), redirectType: .normal)
        } catch let e as AppError where Self.refusals.contains(e.status) {
            return try await Self.typicalListPage(req, error: e.message, status: e.status, form: values)
        }
    }

    static func typicalPage(_ req: Request, message: String? = nil, error: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let (p, t) = try await TypicalCaseService.load(req)
        return CoordinationPages.typical(p, t, message: message, error: error).response(status: status)
    }

    @Sendable func typicalCase(req: Request) async throws -> Response { try await Self.typicalPage(req) }

    static func typicalAct(_ req: Request, _ action: String) async throws -> Response {
        let (_, t) = try await TypicalCaseService.load(req)
        let f = try req.content.decode(TypicalForm.self)
        do {
            switch action {
            case "edit":
                try await TypicalCaseService.edit(t, .init(matterID: t.matterID, title: f.title ?? "", body: f.body ?? "", ruleCited: f.ruleCited ?? "",
                                                           handling: f.handling ?? "", personNames: Self.names(f.personNames)), req: req)
            case "publish": try await TypicalCaseService.publish(t, req: req)
            default: try await TypicalCaseService.withdraw(t, reason: f.reason ?? "", req: req)
            }
            return try await Self.typicalPage(req, message: "已办理。")
        } catch let e as AppError where Self.refusals.contains(e.status) {
            return try await Self.typicalPage(req, error: "\(e.message)（\(e.code)）", status: e.status)
        }
    }
}

/// The portal's 典型案例通报: published cases only, in their anonymized wording.
struct PublicTypicalCasesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("typical-cases", use: page)
        routes.get("typical-cases", ":typicalCaseID", use: detail)
        routes.grouped("api", "v1").get("public", "typical-cases", use: api)
    }

    static func published(on db: any Database) async throws -> [PublicTypicalCaseDTO] {
        try await TypicalCase.query(on: db).filter(\.$status == "published").sort(\.$publishedOn, .descending).all().map(Self.dto)
    }

    static func dto(_ t: TypicalCase) -> PublicTypicalCaseDTO {
        PublicTypicalCaseDTO(id: t.id!, title: t.title, body: t.body, ruleCited: t.ruleCited, handling: t.handling, publishedOn: t.publishedOn ?? "")
    }

    @Sendable func page(req: Request) async throws -> Response {
        CoordinationPages.publicList(try await Self.published(on: req.db)).response()
    }

    @Sendable func detail(req: Request) async throws -> Response {
        guard let id = req.parameters.get("typicalCaseID").flatMap(UUID.init(uuidString:)),
              let t = try await TypicalCase.find(id, on: req.db), t.status == "published" else { throw AppError.notFound }
        return CoordinationPages.publicDetail(Self.dto(t)).response()
    }

    @Sendable func api(req: Request) async throws -> [PublicTypicalCaseDTO] {
        try await Self.published(on: req.db)
    }
}
