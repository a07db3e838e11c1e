import Fluent
import QuanzeCore
import Vapor

/// The case list filter from the query. `strict` (the API) refuses empty or unknown values; the
/// console form sends them empty for “全部”.
enum CaseAccess {
    static func filter(_ req: Request, strict: Bool = true) async throws -> CaseQueries.Filter {
        var f = CaseQueries.Filter()
        func value(_ key: String) throws -> String? {
            guard let raw = try req.query.get(String?.self, at: key) else { return nil }
            if raw.isEmpty && !strict { return nil }
            return raw
        }
        if let raw = try value("agencyId") {
            guard let id = UUID(uuidString: raw) else { throw AppError.validation("agencyId", "须为执法主体的 UUID") }
            f.agencyID = id
        }
        if let raw = try value("stage") {
            guard let s = CaseStage(rawValue: raw) else { throw AppError.validation("stage", "须为 \(CaseStage.allCases.map(\.rawValue).joined(separator: "、")) 之一") }
            f.stage = s
        }
        if let raw = try value("procedure") {
            guard let pr = CaseProcedure(rawValue: raw) else { throw AppError.validation("procedure", "须为 \(CaseProcedure.allCases.map(\.rawValue).joined(separator: "、")) 之一") }
            f.procedure = pr
        }
        if let raw = try value("warning") {
            guard let w = WarningLevel(rawValue: raw), w != .none else { throw AppError.validation("warning", "须为 yellow 或 red") }
            f.warning = w
        }
        if let q = try value("q") {
            guard !q.isEmpty, q.unicodeScalars.count <= 50 else { throw AppError.validation("q", "为 1 至 50 个字符", code: "length") }
            f.text = q
        }
        if let raw = try value("mine") {
            guard raw == "1" || raw == "true" else { throw AppError.validation("mine", "须为 1 或 true") }
            f.officerID = try await ownOfficerID(req)
        }
        return f
    }

    /// The officer record of the signed-in person (待办 lists); refused when there is none.
    static func ownOfficerID(_ req: Request) async throws -> UUID {
        let p = try req.principal()
        guard let id = try await Officer.query(on: req.db).filter(\.$user.$id == p.userID).first()?.id else {
            throw AppError("NO_OFFICER_RECORD", .unprocessableEntity, "当前账号未关联执法人员档案，没有个人待办", details: ErrorDetails(field: "mine"))
        }
        return id
    }

    /// The body a case is filed for: the caller's own body (officer or 法制员).
    static func filingAgency(_ requested: UUID?, _ p: Principal, on db: any Database) async throws -> Agency {
        guard let own = p.agencyID, let agency = try await Agency.find(own, on: db) else { throw AppError.outOfScope }
        if let requested, requested != own { throw AppError.outOfScope }
        return agency
    }
}
