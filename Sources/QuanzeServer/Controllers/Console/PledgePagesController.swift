import Fluent
import Plot
import QuanzeCore
import Vapor

/// 责任书 pages: list and draft (监督员: 政府↔执法主体; 法制员: 执法主体↔执法机构), detail with
/// signing and the attachment (multipart upload, at most 5 MB; download).
struct PledgePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "pledges", use: index)
        routes.post("console", "pledges", use: create)
        routes.get("console", "pledges", ":pledgeID", use: show)
        routes.post("console", "pledges", ":pledgeID", "sign", use: sign)
        routes.on(.POST, "console", "pledges", ":pledgeID", "attachment", body: .collect(maxSize: "6mb"), use: attach)
            .userInfo[CSRFMiddleware.bodyLimitKey] = 6 * 1024 * 1024
        routes.get("console", "pledges", ":pledgeID", "attachment", use: download)
    }

    struct CreateForm: Content { var year: String?; var agencyId: String?; var unitId: String?; var sections: String? }
    struct SignForm: Content { var firstPartySignedOn: String?; var secondPartySignedOn: String? }
    struct AttachForm: Content { var file: File? }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        return try await listPage(p, req).render().response()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        let form = try req.content.decode(CreateForm.self)
        do {
            let sections = try Self.parseSections(form.sections ?? "")
            guard let year = form.year.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw AppError.validation("year", "请填写年度", code: "required")
            }
            let pledge = try await PledgeService.create(.init(year: year, agencyID: form.agencyId.flatMap(UUID.init(uuidString:)),
                                                              unitID: form.unitId.flatMap(UUID.init(uuidString:)), sections: sections), by: p, req: req)
            return req.redirect(to: SiteURL.consolePledge(try pledge.requireID()), redirectType: .normal)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            var page = try await listPage(p, req)
            page.error = e.message
            page.sectionsText = form.sections
            return page.render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (p, pledge) = try await PledgeScope.pledge(req, manage: false)
        return try await detail(p, pledge, req).render().response()
    }

    @Sendable func sign(req: Request) async throws -> Response {
        let (p, pledge) = try await PledgeScope.pledge(req, manage: true)
        return try await perform(p, pledge, req) {
            let f = try req.content.decode(SignForm.self)
            try await PledgeService.sign(pledge, firstParty: f.firstPartySignedOn, secondParty: f.secondPartySignedOn, req: req)
            return "责任书已签订。"
        }
    }

    @Sendable func attach(req: Request) async throws -> Response {
        let (p, pledge) = try await PledgeScope.pledge(req, manage: true)
        return try await perform(p, pledge, req) {
            let form = try? req.content.decode(AttachForm.self)
            guard let file = form?.file, file.data.readableBytes > 0 else { throw AppError.validation("file", "请选择附件文件", code: "required") }
            _ = try await PledgeService.attach(pledge, fileName: file.filename, content: Data(file.data.readableBytesView), req: req)
            return "附件已上传。"
        }
    }

    @Sendable func download(req: Request) async throws -> Response {
        let (_, pledge) = try await PledgeScope.pledge(req, manage: false)
        return try await PledgeService.download(pledge, on: req.db)
    }

    /// One section per line: 标题|目标任务|分值.
    static func parseSections(_ text: String) throws -> [PledgeSection] {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return try lines.enumerated().map { i, line in
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3, let points = Int(parts[2]) else {
                throw AppError.validation("sections", "第 \(i + 1) 行须为“标题|目标任务|分值”，分值为整数")
            }
            return PledgeSection(title: parts[0], target: parts[1], points: points)
        }
    }

    private func perform(_ p: Principal, _ pledge: Pledge, _ req: Request, _ action: () async throws -> String) async throws -> Response {
        do {
            let message = try await action()
            var page = try await detail(p, pledge, req)
            page.message = message
            return page.render().response()
        } catch let e as AppError where [.unprocessableEntity, .conflict, .payloadTooLarge, .unsupportedMediaType].contains(e.status) {
            var page = try await detail(p, pledge, req)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    private func listPage(_ p: Principal, _ req: Request) async throws -> PledgeListPage {
        var views: [PledgeQueries.View] = []
        for pledge in try await PledgeScope.list(p, year: nil, on: req.db) { views.append(try await PledgeQueries.view(pledge, on: req.db)) }
        let agencies = p.has(.supervisor) ? try await Agency.query(on: req.db).filter(\.$jurisdiction.$id == (p.jurisdictionID ?? UUID()))
            .filter(\.$isLegalOffice == false).sort(\.$name).all() : []
        let units = p.has(.legalOfficer) ? try await EnforcementUnit.query(on: req.db).filter(\.$agency.$id == (p.agencyID ?? UUID())).sort(\.$name).all() : []
        return PledgeListPage(principal: p, pledges: views, agencies: agencies, units: units, year: LocalDate(instant: req.now).year)
    }

    private func detail(_ p: Principal, _ pledge: Pledge, _ req: Request) async throws -> PledgeDetailPage {
        PledgeDetailPage(principal: p, view: try await PledgeQueries.view(pledge, on: req.db), canManage: PledgeScope.canManage(pledge, p))
    }
}
