import Fluent
import QuanzeCore
import Vapor

/// Rule profiles (规则配置) and which one each government uses.
struct APIProfilesController: RouteCollection {
    static let readers: [Role] = Role.allCases.filter { $0 != .auditAdmin }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("profiles", use: index)
        routes.get("profiles", ":profileID", use: show)
        routes.get("jurisdictions", use: jurisdictions)
        routes.post("jurisdictions", use: createJurisdiction)
        routes.put("jurisdictions", ":jurisdictionID", "profile", use: choose)
    }

    @Sendable func index(req: Request) async throws -> [ProfileSummaryDTO] {
        try req.requireAny(Self.readers)
        return req.services.profiles.all.map {
            ProfileSummaryDTO(id: $0.id, name: $0.name, jurisdiction: $0.jurisdiction, inherits: $0.inherits)
        }
    }

    @Sendable func show(req: Request) async throws -> EffectiveProfile {
        try req.requireAny(Self.readers)
        let id = req.parameters.get("profileID") ?? ""
        guard let profile = req.services.profiles.effective(id: id) else { throw AppError.notFound }
        return profile
    }

    @Sendable func jurisdictions(req: Request) async throws -> [JurisdictionDTO] {
        let p = try req.require(.systemAdmin, .supervisor, .reviewer)
        let q = Jurisdiction.query(on: req.db).sort(\.$name)
        if !p.has(.systemAdmin) {
            guard let j = p.jurisdictionID else { return [] }
            q.filter(\.$id == j)
        }
        return try await q.all().map(JurisdictionDTO.init)
    }

    @Sendable func createJurisdiction(req: Request) async throws -> Response {
        try req.require(.systemAdmin)
        let input = try req.decodeStrict(CreateJurisdictionInput.self)
        let j = try await JurisdictionService.create(input.input, req: req)
        return try await JurisdictionDTO(j).encodeResponse(status: .created, for: req)
    }

    @Sendable func choose(req: Request) async throws -> JurisdictionDTO {
        try req.require(.systemAdmin)
        let input = try req.decodeStrict(ProfileChoiceInput.self)
        guard let j = try await Jurisdiction.find(try req.uuidParameter("jurisdictionID"), on: req.db) else { throw AppError.notFound }
        try await ProfileAssignment.assign(input.profileId, to: j, req: req)
        return try JurisdictionDTO(j)
    }
}

/// A government chooses its rule profile (audited).
enum ProfileAssignment {
    static func assign(_ profileID: String, to j: Jurisdiction, req: Request) async throws {
        guard req.services.profiles.profile(id: profileID) != nil else {
            throw AppError.validation("profileId", "规则配置不存在：\(profileID)", code: "not_found")
        }
        guard profileID != j.profileID else { return }
        let old = j.profileID
        j.profileID = profileID
        try await req.db.transaction { tx in
            try await j.save(on: tx)
            try await req.audit(.profileAssign, .success, target: j.name, detail: "\(old) → \(profileID)", on: tx)
        }
    }
}

extension Request {
    @discardableResult
    func requireAny(_ roles: [Role]) throws -> Principal {
        let p = try principal()
        guard p.hasAny(roles) else { throw AppError.forbidden }
        return p
    }
}
