import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 证件公示查询: by number, or by the holder's name (optionally with the body). Only certificates
/// of announced bodies are found; the answer never contains 身份证号 or phone.
enum CertificateLookup {
    struct Query: Sendable {
        var number: String?
        var name: String?
        var agencyID: UUID?

        /// `strict` (the API) refuses an empty `agencyId`; the portal form sends it empty for “全部”.
        static func from(_ req: Request, strict: Bool = false) throws -> Query {
            var q = Query()
            if strict, try req.query.get(String?.self, at: "agencyId")?.isEmpty == true {
                throw AppError.validation("agencyId", "须为执法主体的 UUID")
            }
            func text(_ key: String, max: Int) throws -> String? {
                guard let raw = try req.query.get(String?.self, at: key)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
                guard raw.unicodeScalars.count <= max else { throw AppError.validation(key, "不超过 \(max) 个字符", code: "length") }
                return raw
            }
            q.number = try text("number", max: 30)?.uppercased()
            q.name = try text("name", max: 30)
            if let raw = try text("agencyId", max: 36) {
                guard let id = UUID(uuidString: raw) else { throw AppError.validation("agencyId", "须为执法主体的 UUID") }
                q.agencyID = id
            }
            return q
        }

        var isEmpty: Bool { number == nil && name == nil }
    }

    /// 持证人员公示 (通州 管理办法 第十四条): the body's certificates that are not 核销/注销.
    static func holders(of agency: Agency, today: LocalDate, on db: any Database) async throws -> [PublicCertificateDTO] {
        let officers = try await Officer.query(on: db).filter(\.$agency.$id == agency.requireID()).all()
        var byID: [UUID: Officer] = [:]
        for o in officers { byID[o.id!] = o }
        let certs = try await Certificate.query(on: db).filter(\.$officer.$id ~~ Array(byID.keys))
            .filter(\.$status ~~ [.valid, .suspended]).sort(\.$number).all()
        return certs.compactMap { c in
            guard let o = byID[c.$officer.id] else { return nil }
            return PublicCertificateDTO(c, holder: o, agency: agency, today: today)
        }
    }

    /// Looks up by number first (an indexed, unique column), else by the holder's exact name;
    /// then keeps only officers of announced bodies (and the chosen body).
    static func find(_ q: Query, today: LocalDate, on db: any Database) async throws -> [PublicCertificateDTO] {
        guard !q.isEmpty else { return [] }
        var certs: [Certificate]
        var officers: [Officer]
        if let number = q.number {
            certs = try await Certificate.query(on: db).filter(\.$number == number).all()
            officers = try await Officer.query(on: db).filter(\.$id ~~ certs.map { $0.$officer.id }).all()
            if let name = q.name { officers = officers.filter { $0.name == name } }
        } else {
            let byName = Officer.query(on: db).filter(\.$name == q.name ?? "")
            if let agencyID = q.agencyID { byName.filter(\.$agency.$id == agencyID) }
            officers = try await byName.all()
            certs = try await Certificate.query(on: db).filter(\.$officer.$id ~~ officers.compactMap(\.id))
                .sort(\.$issuedOn, .descending).limit(20).all()
        }
        let agencyQuery = Agency.query(on: db).filter(\.$id ~~ Array(Set(officers.map { $0.$agency.id }))).filter(\.$status == .announced)
        if let agencyID = q.agencyID { agencyQuery.filter(\.$id == agencyID) }
        var agencies: [UUID: Agency] = [:]
        for a in try await agencyQuery.all() { agencies[a.id!] = a }
        var byID: [UUID: Officer] = [:]
        for o in officers { byID[o.id!] = o }
        return certs.compactMap { c in
            guard let o = byID[c.$officer.id], let a = agencies[o.$agency.id] else { return nil }
            return PublicCertificateDTO(c, holder: o, agency: a, today: today)
        }
    }
}
