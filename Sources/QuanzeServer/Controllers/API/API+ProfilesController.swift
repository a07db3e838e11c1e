import Fluent
import QuanzeCore
import Vapor

/// Rule profiles (规则配置) and which one each government uses.
struct APIProfilesController: RouteCollection {
    static let readers: [Role] = Role.allCases.filter { $0 != .auditAdmin }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("profiles", use: index)
        routes.get("profiles", "compare", use: compare)
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

    /// Two profiles side by side: `?left=<id>&right=<id>` (issue 6 item 1).
    @Sendable func compare(req: Request) async throws -> ProfileComparison {
        try req.requireAny(Self.readers)
        let (left, right) = try ProfileCompareQuery.resolve(req)
        return ProfileComparison(left: left, right: right)
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

/// The query of a profile comparison: exactly `left` and `right`, each a bundled profile id.
/// Missing or empty → 400 PROFILE_COMPARE_PARAMETER_REQUIRED; other keys → 400
/// PROFILE_COMPARE_PARAMETER_UNKNOWN; an id that is not bundled → 404 PROFILE_NOT_FOUND.
enum ProfileCompareQuery {
    static let keys = ["left", "right"]

    /// The query's keys in order (also those without `=`), percent-decoded.
    static func queryKeys(_ req: Request) -> [String] {
        (req.url.query ?? "").split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let key = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return key.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? key
        }
    }

    static func resolve(_ req: Request) throws -> (EffectiveProfile, EffectiveProfile) {
        if let unknown = queryKeys(req).first(where: { !keys.contains($0) }) {
            throw AppError.badRequest("PROFILE_COMPARE_PARAMETER_UNKNOWN", "不支持的查询参数：\(unknown)（只接受 left、right）", field: unknown)
        }
        func profile(_ key: String) throws -> EffectiveProfile {
            guard let id = req.query[String.self, at: key], !id.isEmpty else {
                throw AppError.badRequest("PROFILE_COMPARE_PARAMETER_REQUIRED", "须提供要比较的规则配置 \(key)", field: key)
            }
            guard let p = req.services.profiles.effective(id: id) else {
                throw AppError("PROFILE_NOT_FOUND", .notFound, "规则配置不存在：\(id)", details: ErrorDetails(field: key))
            }
            return p
        }
        return (try profile("left"), try profile("right"))
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
