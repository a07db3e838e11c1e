import Fluent
import Foundation
import QuanzeCore

/// What the register knows about one officer, gathered for qualification and display.
struct OfficerSummary: Sendable {
    let officer: Officer
    let agency: Agency
    let facts: QualificationFacts
    let qualification: QualificationResult
    let certificate: Certificate?
    let unprocessedFaults: Int
    let rules: OfficerRules
}

enum OfficerQueries {
    /// The officer if the caller may read them (their body is in the caller's scope), with the body.
    static func readable(_ id: UUID, by p: Principal, on db: any Database) async throws -> (Officer, Agency) {
        guard let o = try await Officer.find(id, on: db), let a = try await Agency.find(o.$agency.id, on: db) else { throw AppError.notFound }
        guard AgencyQueries.canRead(a, p) else { throw AppError.outOfScope }
        return (o, a)
    }

    /// The current certificate: the latest one not 核销/注销, else the latest of all.
    static func currentCertificate(of officerID: UUID, on db: any Database) async throws -> Certificate? {
        current(of: try await Certificate.query(on: db).filter(\.$officer.$id == officerID).sort(\.$issuedOn, .descending).all())
    }

    /// Of one officer's certificates, newest first: the one not 核销/注销, else the newest.
    static func current(of newestFirst: [Certificate]) -> Certificate? {
        newestFirst.first { !$0.status.isFinal } ?? newestFirst.first
    }

    /// Everything recorded about one officer, newest first.
    static func records(of officerID: UUID, on db: any Database) async throws
        -> (trainings: [TrainingRecord], exams: [ExamRecord], faults: [FaultRecord], certificates: [Certificate]) {
        (try await TrainingRecord.query(on: db).filter(\.$officer.$id == officerID).sort(\.$heldOn, .descending).all(),
         try await ExamRecord.query(on: db).filter(\.$officer.$id == officerID).sort(\.$takenOn, .descending).all(),
         try await FaultRecord.query(on: db).filter(\.$officer.$id == officerID).sort(\.$occurredOn, .descending).all(),
         try await Certificate.query(on: db).filter(\.$officer.$id == officerID).sort(\.$issuedOn, .descending).all())
    }

    static func summaries(_ officers: [Officer], agencies: [UUID: Agency], year: Int, services: AppServices,
                          on db: any Database) async throws -> [OfficerSummary] {
        let ids = officers.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let trainings = try await TrainingRecord.query(on: db).filter(\.$officer.$id ~~ ids).all()
        let exams = try await ExamRecord.query(on: db).filter(\.$officer.$id ~~ ids).filter(\.$passed == true).all()
        let faults = try await FaultRecord.query(on: db).filter(\.$officer.$id ~~ ids).filter(\.$processedOn == nil).all()
        let certs = try await Certificate.query(on: db).filter(\.$officer.$id ~~ ids).sort(\.$issuedOn, .descending).all()
        // The rules of each jurisdiction once, for the bodies these officers belong to.
        let involved = Set(officers.map { $0.$agency.id }).compactMap { agencies[$0] }
        let jurisdictions = try await Jurisdiction.query(on: db).filter(\.$id ~~ Array(Set(involved.map { $0.$jurisdiction.id }))).all()
        var rulesByJurisdiction: [UUID: OfficerRules] = [:]
        for j in jurisdictions { rulesByJurisdiction[j.id!] = OfficerRules(profile: services.profiles.effective(id: j.profileID)) }
        var rulesByAgency: [UUID: OfficerRules] = [:]
        for a in involved { rulesByAgency[a.id!] = rulesByJurisdiction[a.$jurisdiction.id] ?? OfficerRules() }
        let prefix = String(year) + "-"
        return officers.compactMap { o in
            guard let id = o.id, let agency = agencies[o.$agency.id] else { return nil }
            let mine = trainings.filter { $0.$officer.id == id }
            let held = certs.filter { $0.$officer.id == id }
            let facts = QualificationFacts(
                employment: o.employment, status: o.status, hasHeldCertificate: !held.isEmpty,
                totalTrainingHours: mine.reduce(0) { $0 + $1.hours },
                trainingHoursThisYear: mine.filter { $0.heldOn.hasPrefix(prefix) }.reduce(0) { $0 + $1.hours },
                examPassedThisYear: exams.contains { $0.$officer.id == id && $0.takenOn.hasPrefix(prefix) })
            let rules = rulesByAgency[o.$agency.id] ?? OfficerRules()
            return OfficerSummary(officer: o, agency: agency, facts: facts,
                                  qualification: Qualification.evaluate(facts, rules: rules),
                                  certificate: current(of: held),
                                  unprocessedFaults: faults.filter { $0.$officer.id == id }.count, rules: rules)
        }
    }

    static func summary(_ o: Officer, agency: Agency, year: Int, services: AppServices, on db: any Database) async throws -> OfficerSummary {
        guard let s = try await summaries([o], agencies: [try agency.requireID(): agency], year: year, services: services, on: db).first else {
            throw AppError.notFound
        }
        return s
    }

    struct Filter: Sendable {
        var agencyID: UUID?
        var query: String?
        var employment: EmploymentType?
    }

    /// Officers in the caller's scope, by body and name.
    static func list(_ f: Filter, for p: Principal, page: PageRequest, on db: any Database) async throws -> ([Officer], Int, [UUID: Agency]) {
        let agencies = try await AgencyQueries.scoped(for: p, on: db).all()
        var byID: [UUID: Agency] = [:]
        for a in agencies { if let id = a.id { byID[id] = a } }
        var ids = Array(byID.keys)
        if let a = f.agencyID { ids = ids.filter { $0 == a } }
        let q = Officer.query(on: db).filter(\.$agency.$id ~~ ids)
        if let e = f.employment { q.filter(\.$employment == e) }
        if let text = f.query { q.filter(ContainsFilter.filter(column: "name", contains: text)) }
        let total = try await q.count()
        let rows = try await q.sort(\.$agency.$id).sort(\.$name).range(page.offset..<(page.offset + page.per)).all()
        return (rows, total, byID)
    }
}
