import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 执法主体 register, kept by the government's legal office (监督员) for its jurisdiction:
/// create, edit, confirm (确认主体资格), announce (公告), revoke. A change to the name, kind or
/// 统一社会信用代码 of a confirmed body sends it back for confirmation.
enum AgencyService {
    struct Fields: Sendable {
        var name: String?
        var uscc: String?
        var usccExceptionReason: String?
        var kind: AgencyKind?
        var level: String?
        var regionCode: String?
        var managementMode: ManagementMode?
        var supervisingAgencyID: UUID?
        var complaintChannels: [String]? = nil
    }

    static func create(_ f: Fields, jurisdictionID: UUID, req: Request) async throws -> Agency {
        var problems: [FieldProblem] = []
        if f.name == nil { problems.append(.init(field: "name", code: "required", message: "必填")) }
        if f.uscc == nil { problems.append(.init(field: "uscc", code: "required", message: "必填")) }
        if f.kind == nil { problems.append(.init(field: "kind", code: "required", message: "必填")) }
        if f.level == nil { problems.append(.init(field: "level", code: "required", message: "必填")) }
        if f.managementMode == nil { problems.append(.init(field: "managementMode", code: "required", message: "必填")) }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let agency = Agency(jurisdictionID: jurisdictionID, name: "", uscc: nil, kind: f.kind!, level: f.level!,
                            managementMode: f.managementMode!)
        _ = try await apply(f, to: agency, req: req)
        try await req.db.transaction { tx in
            try await agency.create(on: tx)
            try await req.audit(.agencyCreate, .success, target: agency.name,
                                detail: "\(agency.kind.label)，\(agency.uscc ?? "")\(agency.usccExceptionReason.map { "（校验码例外：\($0)）" } ?? "")", on: tx)
        }
        return agency
    }

    static func update(_ agency: Agency, _ f: Fields, req: Request) async throws {
        guard agency.status != .revoked else { throw AppError.conflict("AGENCY_REVOKED", "已撤销的执法主体不能修改") }
        let (changes, reconfirm) = try await apply(f, to: agency, req: req)
        guard !changes.isEmpty else { return }
        if reconfirm && agency.status != .pending {
            agency.status = .pending
            agency.confirmationRef = nil
            agency.confirmedAt = nil
            agency.confirmedBy = nil
            agency.announcementRef = nil
            agency.announcedOn = nil
        }
        let detail = "修改：\(changes.joined(separator: "、"))" + (reconfirm ? "；主体信息变更，需重新确认" : "")
        try await req.db.transaction { tx in
            try await agency.save(on: tx)
            try await req.audit(.agencyUpdate, .success, target: agency.name, detail: detail, on: tx)
        }
    }

    static func confirm(_ agency: Agency, ref: String, req: Request) async throws {
        guard agency.status == .pending else {
            throw AppError.conflict("AGENCY_NOT_PENDING", "只有待确认的执法主体可以确认（当前：\(agency.status.label)）")
        }
        agency.confirmationRef = try TextInput.name(ref, field: "confirmationRef", max: 100)
        agency.status = .confirmed
        agency.confirmedAt = req.now
        agency.confirmedBy = req.auth.get(Principal.self)?.username
        try await req.db.transaction { tx in
            try await agency.save(on: tx)
            try await req.audit(.agencyConfirm, .success, target: agency.name, detail: "确认文件：\(agency.confirmationRef ?? "")", on: tx)
        }
    }

    static func announce(_ agency: Agency, ref: String, on date: String, req: Request) async throws {
        guard agency.status == .confirmed else {
            throw AppError.conflict("AGENCY_NOT_CONFIRMED", "执法主体须先经行政执法监督机关确认，方可公告（当前：\(agency.status.label)）")
        }
        guard let day = LocalDate(iso: date) else { throw AppError.validation("announcedOn", "须为有效日期（YYYY-MM-DD）", code: "date") }
        guard day <= LocalDate(instant: req.now) else { throw AppError.validation("announcedOn", "公告日期不能晚于今天", code: "future") }
        agency.announcementRef = try TextInput.name(ref, field: "announcementRef", max: 100)
        agency.announcedOn = day.iso
        agency.status = .announced
        try await req.db.transaction { tx in
            try await agency.save(on: tx)
            try await req.audit(.agencyAnnounce, .success, target: agency.name, detail: "公告：\(agency.announcementRef ?? "")，\(day.iso)", on: tx)
        }
    }

    static func revoke(_ agency: Agency, reason: String, req: Request) async throws {
        guard agency.status != .revoked else { throw AppError.conflict("AGENCY_REVOKED", "执法主体已撤销") }
        guard !agency.isLegalOffice else { throw AppError.conflict("LEGAL_OFFICE", "行政执法监督机关本身不能在此撤销") }
        let why = try TextInput.name(reason, field: "reason", max: 200)
        agency.status = .revoked
        try await req.db.transaction { tx in
            try await agency.save(on: tx)
            try await req.audit(.agencyRevoke, .success, target: agency.name, detail: "撤销主体资格：\(why)", on: tx)
        }
    }

    /// Validates and applies the given fields; returns the changed field names and whether the
    /// change needs a new confirmation.
    private static func apply(_ f: Fields, to a: Agency, req: Request) async throws -> ([String], Bool) {
        var problems: [FieldProblem] = []
        var changes: [String] = []
        var reconfirm = false
        if let raw = f.name {
            if let p = TextInput.problem(raw, field: "name", max: 100) { problems.append(p) } else {
                let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                if name != a.name { a.name = name; changes.append("名称"); reconfirm = true }
            }
        }
        if let raw = f.uscc {
            // Upper-cased, not trimmed: what the API documents is what is checked.
            let code = raw.uppercased()
            if let reason = f.usccExceptionReason, let p = TextInput.problem(reason, field: "usccExceptionReason", max: 200) {
                problems.append(p)
            }
            switch usccProblem(code, reason: f.usccExceptionReason) {
            case .some(let p): problems.append(p)
            case .none:
                if code != a.uscc {
                    if try await Agency.query(on: req.db).filter(\.$uscc == code).first() != nil {
                        throw AppError.conflict("USCC_TAKEN", "统一社会信用代码已被其他执法主体使用：\(code)")
                    }
                    a.uscc = code
                    changes.append("统一社会信用代码")
                    reconfirm = true
                }
                a.usccExceptionReason = UnifiedSocialCreditCode.isValid(code) ? nil : f.usccExceptionReason?.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        if let kind = f.kind, kind != a.kind { a.kind = kind; changes.append("主体类别"); reconfirm = true }
        if let level = f.level {
            if AgencyLevel(rawValue: level) == nil {
                problems.append(.init(field: "level", code: "invalid", message: "取值须为 \(AgencyLevel.allCases.map(\.rawValue).joined(separator: "、")) 之一"))
            } else if level != a.level { a.level = level; changes.append("层级") }
        }
        if let region = f.regionCode {
            if region.range(of: #"^[1-9][0-9]{5}$"#, options: .regularExpression) == nil {
                problems.append(.init(field: "regionCode", code: "format", message: "行政区划代码须为 6 位数字（GB/T 2260）"))
            } else if region != a.regionCode { a.regionCode = region; changes.append("行政区划") }
        }
        if let mode = f.managementMode, mode != a.managementMode { a.managementMode = mode; changes.append("管理体制") }
        if let sup = f.supervisingAgencyID, sup != a.$supervisingAgency.id {
            let exists = try await Agency.find(sup, on: req.db) != nil
            if sup == a.id || !exists {
                problems.append(.init(field: "supervisingAgencyId", code: "not_found", message: "上级主管机关不存在或是本主体"))
            } else { a.$supervisingAgency.id = sup; changes.append("上级主管机关") }
        }
        if let channels = f.complaintChannels {
            let lines = channels.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if lines.count > 10 {
                problems.append(.init(field: "complaintChannels", code: "count", message: "投诉举报渠道最多 10 项"))
            } else if let p = channels.lazy.compactMap({ TextInput.problem($0, field: "complaintChannels", max: 100) }).first {
                problems.append(p)
            } else if lines != a.complaintChannels {
                a.complaintChannelsJSON = lines.isEmpty ? nil : JSONText(lines)
                changes.append("投诉举报渠道")
            }
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        return (changes, reconfirm)
    }

    /// GB 32100-2015: a code failing its check character is accepted only with a recorded reason
    /// (codes issued in pilot regions before the standard, statutes.md "Identifiers").
    private static func usccProblem(_ code: String, reason: String?) -> FieldProblem? {
        do {
            try UnifiedSocialCreditCode.validate(code)
            return nil
        } catch {
            let hasReason = !(reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            if error.isConfirmable && hasReason { return nil }
            let hint = error.isConfirmable ? "；如为标准实施前试点地区赋予的代码，请填写例外原因（usccExceptionReason）" : ""
            return FieldProblem(field: "uscc", code: error.code, message: error.message + hint)
        }
    }
}
