import Fluent
import QuanzeCore
import Vapor

/// 行政执法责任书 API: list, draft, read, sign, attachment upload (JSON, base64) and download.
struct APIPledgesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("pledges", use: index)
        routes.post("pledges", use: create)
        routes.get("pledges", ":pledgeID", use: show)
        routes.post("pledges", ":pledgeID", "sign", use: sign)
        routes.on(.PUT, "pledges", ":pledgeID", "attachment", body: .collect(maxSize: "7mb"), use: attach)
        routes.get("pledges", ":pledgeID", "attachment", use: download)
    }

    @Sendable func index(req: Request) async throws -> [PledgeDTO] {
        let p = try req.require(.supervisor, .legalOfficer)
        var year: Int?
        if let raw = req.query[String.self, at: "year"] {
            guard let y = Int(raw), (2000...2199).contains(y) else { throw AppError.validation("year", "年度须为 2000 至 2199 的整数") }
            year = y
        }
        var out: [PledgeDTO] = []
        for pledge in try await PledgeScope.list(p, year: year, on: req.db) {
            out.append(try PledgeDTO(try await PledgeQueries.view(pledge, on: req.db)))
        }
        return out
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        let input = try req.decodeStrict(PledgeInput.self)
        let pledge = try await PledgeService.create(input.draft, by: p, req: req)
        return try await PledgeDTO(try await PledgeQueries.view(pledge, on: req.db)).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> PledgeDTO {
        let (_, pledge) = try await PledgeScope.pledge(req, manage: false)
        return try PledgeDTO(try await PledgeQueries.view(pledge, on: req.db))
    }

    @Sendable func sign(req: Request) async throws -> PledgeDTO {
        let (_, pledge) = try await PledgeScope.pledge(req, manage: true)
        let input = try req.decodeStrict(PledgeSignInput.self)
        try await PledgeService.sign(pledge, firstParty: input.firstPartySignedOn, secondParty: input.secondPartySignedOn, req: req)
        return try PledgeDTO(try await PledgeQueries.view(pledge, on: req.db))
    }

    @Sendable func attach(req: Request) async throws -> PledgeDTO {
        let (_, pledge) = try await PledgeScope.pledge(req, manage: true)
        let input = try req.decodeStrict(PledgeAttachmentInput.self)
        guard let content = Data(base64Encoded: input.contentBase64) else {
            throw AppError.validation("contentBase64", "不是有效的 base64 编码", code: "invalid")
        }
        _ = try await PledgeService.attach(pledge, fileName: input.fileName, content: content, req: req)
        return try PledgeDTO(try await PledgeQueries.view(pledge, on: req.db))
    }

    @Sendable func download(req: Request) async throws -> Response {
        let (_, pledge) = try await PledgeScope.pledge(req, manage: false)
        return try await PledgeService.download(pledge, on: req.db)
    }
}
