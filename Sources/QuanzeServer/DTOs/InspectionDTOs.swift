import Foundation
import QuanzeCore
import Vapor

/// A 双随机 plan as the console API speaks it.
struct InspectionPlanDTO: Content, Sendable {
    var id: UUID
    var agencyId: UUID
    var agencyName: String
    var powerItemId: UUID
    var powerItemCode: String
    var powerItemName: String
    var name: String
    var year: Int
    var period: String
    var objectCount: Int
    var inspectorsPerObject: Int
    var status: String
    var statusLabel: String
    var algorithm: String
    var seed: String?
    var poolDigest: String?
    var drawnAt: Date?
    var drawnBy: String?
    var publishedAt: Date?
    var objects: [InspectionObjectDTO]
    var conflicts: [InspectionConflictDTO]
    var inspectors: [InspectorDTO]
    var assignments: [InspectionAssignmentDTO]
    var results: [InspectionResultDTO]

    init(_ v: InspectionQueries.View) throws {
        let p = v.plan
        id = try p.requireID()
        agencyId = p.$agency.id
        agencyName = v.agency.name
        powerItemId = p.$powerItem.id
        powerItemCode = v.powerCode
        powerItemName = v.powerName
        name = p.name
        year = p.year
        period = p.period
        objectCount = p.objectCount
        inspectorsPerObject = p.inspectorsPerObject
        status = p.status.rawValue
        statusLabel = p.status.label
        algorithm = p.algorithm
        seed = p.seed
        poolDigest = p.poolDigest
        drawnAt = p.drawnAt
        drawnBy = p.drawnByName
        publishedAt = p.publishedAt
        objects = try v.objects.map(InspectionObjectDTO.init)
        conflicts = try v.conflicts.map { c in
            InspectionConflictDTO(id: try c.conflict.requireID(), officerId: c.conflict.$officer.id, officerName: c.officerName,
                                  objectId: try c.object.requireID(), objectCode: c.object.code, reason: c.conflict.reason)
        }
        inspectors = p.inspectors.map { InspectorDTO(certificateNumber: $0.key, name: $0.name, officerId: $0.officerId) }
        assignments = try v.drawn.map { try InspectionAssignmentDTO($0) }
        results = try v.drawn.compactMap { d in try v.results[d.object.requireID()].map { try InspectionResultDTO($0, object: d.object) } }
    }
}

struct InspectionObjectDTO: Content, Sendable {
    var id: UUID?
    var code: String
    var name: String
    var address: String?

    init(_ o: InspectionObject) throws {
        id = try o.requireID()
        code = o.code
        name = o.name
        address = o.address
    }
}

struct InspectionConflictDTO: Content, Sendable {
    var id: UUID
    var officerId: UUID
    var officerName: String
    var objectId: UUID
    var objectCode: String
    var reason: String
}

/// An inspector by certificate number and name (both public); `officerId` only in the console API.
struct InspectorDTO: Content, Sendable {
    var certificateNumber: String
    var name: String
    var officerId: UUID?
}

struct InspectionAssignmentDTO: Content, Sendable {
    var order: Int
    var objectId: UUID?
    var objectCode: String
    var objectName: String
    var inspectors: [InspectorDTO]

    init(_ d: InspectionQueries.Drawn, withIDs: Bool = true) throws {
        order = d.position
        objectId = nil
        if withIDs { objectId = try d.object.requireID() }
        objectCode = d.object.code
        objectName = d.object.name
        inspectors = d.seats.map { InspectorDTO(certificateNumber: $0.certificateNumber, name: $0.officerName, officerId: withIDs ? $0.$officer.id : nil) }
    }
}

struct InspectionResultDTO: Content, Sendable {
    var objectId: UUID?
    var objectCode: String
    var kind: String
    var kindLabel: String
    var summary: String
    var inspectedOn: String
    var recordedBy: String?
    var caseId: String?

    init(_ r: InspectionResult, object: InspectionObject, full: Bool = true) throws {
        objectId = nil
        if full { objectId = try object.requireID() }
        objectCode = object.code
        kind = r.kind.rawValue
        kindLabel = r.kind.label
        summary = r.summary
        inspectedOn = r.inspectedOn
        recordedBy = full ? r.recordedByName : nil
        caseId = full ? r.caseID : nil
    }
}

struct InspectionPlanInput: Content, StrictInput {
    var name: String
    var powerItemId: UUID
    var year: Int
    var period: String
    var objectCount: Int
    var inspectorsPerObject: Int?
    enum CodingKeys: String, CodingKey, CaseIterable { case name, powerItemId, year, period, objectCount, inspectorsPerObject }
    typealias Keys = CodingKeys

    var draft: InspectionPlanService.Draft {
        .init(name: name, powerItemID: powerItemId, year: year, period: period, objectCount: objectCount, inspectorsPerObject: inspectorsPerObject ?? 2)
    }
}

struct InspectionObjectInput: Content, StrictInput {
    var code: String
    var name: String
    var address: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case code, name, address }
    typealias Keys = CodingKeys
}

struct InspectionObjectImportInput: Content, StrictInput {
    var csv: String
    enum CodingKeys: String, CodingKey, CaseIterable { case csv }
    typealias Keys = CodingKeys
}

struct InspectionConflictInput: Content, StrictInput {
    var officerId: UUID
    var objectId: UUID
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case officerId, objectId, reason }
    typealias Keys = CodingKeys
}

struct InspectionResultInput: Content, StrictInput {
    var objectId: UUID
    var kind: String
    var summary: String
    var inspectedOn: String
    enum CodingKeys: String, CodingKey, CaseIterable { case objectId, kind, summary, inspectedOn }
    typealias Keys = CodingKeys
}
