import Fluent
import QuanzeCore
import Vapor

/// Who may change an officer's record: the body's own 法制员, or the legal office (监督员) of its jurisdiction.
enum OfficerAccess {
    static func canManage(_ agency: Agency, _ p: Principal) -> Bool {
        if p.has(.legalOfficer), agency.id == p.agencyID { return true }
        if p.has(.supervisor), agency.$jurisdiction.id == p.jurisdictionID { return true }
        return false
    }

    /// The officer named in the path, if the caller may manage them.
    static func managed(_ req: Request) async throws -> (Officer, Agency) {
        let p = try req.require(.supervisor, .legalOfficer)
        let (officer, agency) = try await OfficerQueries.readable(try req.uuidParameter("officerID"), by: p, on: req.db)
        guard canManage(agency, p) else { throw AppError.outOfScope }
        return (officer, agency)
    }

    /// The list filter from the query. `strict` (the API) refuses an empty `agencyId` or
    /// `employment`; the console form sends them empty for “全部”.
    static func filter(_ req: Request, strict: Bool = true) throws -> OfficerQueries.Filter {
        var f = OfficerQueries.Filter()
        if let raw = try req.query.get(String?.self, at: "agencyId"), strict || !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw AppError.validation("agencyId", "须为执法主体的 UUID") }
            f.agencyID = id
        }
        if let q = try req.query.get(String?.self, at: "q"), !q.isEmpty {
            guard q.unicodeScalars.count <= 30 else { throw AppError.validation("q", "不超过 30 个字符", code: "length") }
            f.query = q
        }
        if let raw = try req.query.get(String?.self, at: "employment"), strict || !raw.isEmpty {
            guard let e = EmploymentType(rawValue: raw) else { throw AppError.validation("employment", "须为 在编、聘用 或 辅助人员") }
            f.employment = e
        }
        return f
    }
}

/// Who may do what with a certificate (通州 管理办法 第十一、十三、十七、十八、二十一条):
/// the legal office issues, inspects and revokes (核销); the body's 法制机构 suspends and decides
/// (恢复); a hand-back (注销) is filed by the body or the legal office.
enum CertificateAccess {
    static let actions: [String: CertificateEventKind] = [
        "inspect": .inspect, "suspend": .suspend, "restore": .restore, "revoke": .revoke, "cancel": .cancel,
    ]

    static func may(_ kind: CertificateEventKind, _ p: Principal, _ agency: Agency) -> Bool {
        let office = p.has(.supervisor) && agency.$jurisdiction.id == p.jurisdictionID
        let body = p.has(.legalOfficer) && agency.id == p.agencyID
        switch kind {
        case .inspect, .revoke: return office
        case .suspend, .restore, .cancel: return office || body
        case .issue, .revocationProposed: return false
        }
    }

    static func readable(_ id: UUID, by p: Principal, on db: any Database) async throws -> (Certificate, Officer, Agency) {
        guard let cert = try await Certificate.find(id, on: db) else { throw AppError.notFound }
        let (officer, agency) = try await OfficerQueries.readable(cert.$officer.id, by: p, on: db)
        return (cert, officer, agency)
    }

    static func dto(_ cert: Certificate, _ req: Request) async throws -> CertificateDTO {
        guard let officer = try await Officer.find(cert.$officer.id, on: req.db),
              let agency = try await Agency.find(officer.$agency.id, on: req.db) else { throw AppError.notFound }
        let events = try await CertificateEvent.query(on: req.db).filter(\.$certificate.$id == cert.requireID()).sort(\.$sequence).all()
        return CertificateDTO(certificate: CertificateBriefDTO(cert, today: req.today), officerId: try officer.requireID(),
                              officerName: officer.name, agencyName: agency.name, events: events.map(CertificateEventDTO.init))
    }
}
