import Foundation
import QuanzeCore
import Vapor

/// A published plan for everyone (一公开): the pool, the seed, the algorithm, the pool digest, the
/// inspector list, the result and the outcomes — and `draw`, the exact input to re-run the draw
/// (`quanze draw run --input`, or docs/random-draw.md by hand). No personal data beyond the
/// inspectors' names and certificate numbers, which are public anyway.
struct PublicInspectionPlanDTO: Content, Sendable {
    var id: UUID
    var agencyName: String
    var powerItemCode: String
    var powerItemName: String
    var name: String
    var year: Int
    var period: String
    var status: String
    var statusLabel: String
    var algorithm: String
    var seed: String
    var poolDigest: String
    var drawnAt: Date?
    var publishedAt: Date?
    var objects: [PublicObject]
    var inspectors: [InspectorDTO]
    var assignments: [InspectionAssignmentDTO]
    var results: [InspectionResultDTO]
    var draw: DrawInput

    struct PublicObject: Content, Sendable {
        var code: String
        var name: String
        var address: String?
    }

    init(_ v: InspectionQueries.View, draw: DrawInput) throws {
        let p = v.plan
        id = try p.requireID()
        agencyName = v.agency.name
        powerItemCode = v.powerCode
        powerItemName = v.powerName
        name = p.name
        year = p.year
        period = p.period
        status = p.status.rawValue
        statusLabel = p.status.label
        algorithm = p.algorithm
        seed = draw.seed
        poolDigest = p.poolDigest ?? ""
        drawnAt = p.drawnAt
        publishedAt = p.publishedAt
        objects = v.objects.map { PublicObject(code: $0.code, name: $0.name, address: $0.address) }
        inspectors = p.inspectors.map { InspectorDTO(certificateNumber: $0.key, name: $0.name, officerId: nil) }
        assignments = try v.drawn.map { try InspectionAssignmentDTO($0, withIDs: false) }
        results = try v.drawn.compactMap { d in try v.results[d.object.requireID()].map { try InspectionResultDTO($0, object: d.object, full: false) } }
        self.draw = draw
    }
}

struct PublicInspectionPlanSummaryDTO: Content, Sendable {
    var id: UUID
    var agencyName: String
    var name: String
    var year: Int
    var period: String
    var status: String
    var statusLabel: String
    var objectCount: Int
    var publishedAt: Date?
}

/// The re-run of a published draw: what the algorithm gives now, whether it equals the stored result.
struct RedrawDTO: Content, Sendable {
    var planId: UUID
    var algorithm: String
    var seed: String
    var poolDigest: String
    var poolDigestMatches: Bool
    var assignments: [DrawAssignment]
    var matches: Bool
    var error: String?

    init(planID: UUID, poolDigest: String, _ v: InspectionQueries.Verification) {
        planId = planID
        algorithm = v.input.algorithm
        seed = v.input.seed
        self.poolDigest = poolDigest
        poolDigestMatches = v.poolDigestMatches
        assignments = v.recomputed
        matches = v.matches
        error = v.error
    }
}



