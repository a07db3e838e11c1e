import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 行政执法责任书 (`003_*` 篇2): a 监督员 drafts 政府↔执法主体 pledges for bodies of the jurisdiction;
/// a body's 法制员 drafts 执法主体↔执法机构 pledges for its units (层层签订, 一级抓一级). Sections carry
/// points; the total is the score carried into the year's assessment. Signing records both
/// parties' dates; a signed pledge no longer changes.
enum PledgeService {
    struct Draft: Sendable {
        var year: Int
        var agencyID: UUID?
        var unitID: UUID?
        var sections: [PledgeSection]
    }

    static func create(_ d: Draft, by p: Principal, req: Request) async throws -> Pledge {
        var problems = validate(d.sections)
        if !(2000...2199).contains(d.year) {
            problems.append(.init(field: "year", code: "out_of_range", message: "年度须为 2000–2199"))
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let sections = d.sections.map { PledgeSection(title: $0.title.trimmingCharacters(in: .whitespaces),
                                                      target: $0.target.trimmingCharacters(in: .whitespacesAndNewlines), points: $0.points) }
        let pledge: Pledge
        let parties: String
        if p.has(.supervisor), let jurisdictionID = p.jurisdictionID, d.unitID == nil || !p.has(.legalOfficer) {
            // 政府 ↔ 执法主体
            guard d.unitID == nil else { throw AppError.validation("unitId", "政府与执法主体之间的责任书不填执法机构", code: "not_allowed") }
            guard let agencyID = d.agencyID else { throw AppError.validation("agencyId", "请选择执法主体", code: "required") }
            guard let agency = try await Agency.find(agencyID, on: req.db), agency.$jurisdiction.id == jurisdictionID, !agency.isLegalOffice else {
                throw AppError.validation("agencyId", "执法主体不存在或不在本辖区", code: "not_found")
            }
            let government = try await Jurisdiction.find(jurisdictionID, on: req.db)?.governmentName ?? ""
            pledge = Pledge(jurisdictionID: jurisdictionID, year: d.year, partyKind: .governmentBody, agencyID: agencyID, unitID: nil, sections: sections)
            parties = "\(government)—\(agency.name)"
        } else if p.has(.legalOfficer), let agencyID = p.agencyID {
            // 执法主体 ↔ 执法机构
            if let other = d.agencyID, other != agencyID {
                throw AppError.validation("agencyId", "只能与本主体的执法机构签订责任书", code: "out_of_scope")
            }
            guard let unitID = d.unitID else { throw AppError.validation("unitId", "请选择执法机构", code: "required") }
            guard let unit = try await EnforcementUnit.find(unitID, on: req.db), unit.$agency.id == agencyID,
                  let agency = try await Agency.find(agencyID, on: req.db) else {
                throw AppError.validation("unitId", "执法机构不存在或不属于本主体", code: "not_found")
            }
            pledge = Pledge(jurisdictionID: agency.$jurisdiction.id, year: d.year, partyKind: .bodyUnit, agencyID: agencyID, unitID: unitID, sections: sections)
            parties = "\(agency.name)—\(unit.name)"
        } else {
            throw AppError.forbidden
        }
        try await req.db.transaction { tx in
            try await pledge.create(on: tx)
            try await req.audit(.pledgeCreate, .success, target: parties, detail: "\(d.year) 年度责任书，\(sections.count) 项，共 \(pledge.totalPoints) 分", on: tx)
        }
        return pledge
    }

    static func validate(_ sections: [PledgeSection]) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if sections.isEmpty || sections.count > PledgeRules.maxSections {
            problems.append(.init(field: "sections", code: "count", message: "须有 1–\(PledgeRules.maxSections) 项"))
        }
        for (i, s) in sections.enumerated() {
            if let p = TextInput.problem(s.title, field: "sections[\(i)].title", max: 50) { problems.append(p) }
            if s.target.unicodeScalars.count > 1000 || s.target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append(.init(field: "sections[\(i)].target", code: "length", message: "目标任务不能为空，不超过 1000 个字符"))
            }
            if !(1...PledgeRules.maxPoints).contains(s.points) {
                problems.append(.init(field: "sections[\(i)].points", code: "out_of_range", message: "分值须为 1–\(PledgeRules.maxPoints) 的整数"))
            }
        }
        return problems
    }

    static func sign(_ pledge: Pledge, firstParty rawFirst: String?, secondParty rawSecond: String?, req: Request) async throws {
        let today = LocalDate(instant: req.now)
        var problems: [FieldProblem] = []
        func date(_ raw: String?, _ field: String) -> LocalDate? {
            guard let raw, !raw.isEmpty else { problems.append(.init(field: field, code: "required", message: "必填")); return nil }
            guard let d = LocalDate(iso: raw) else { problems.append(.init(field: field, code: "invalid_date", message: "须为有效日期（YYYY-MM-DD）")); return nil }
            if d > today { problems.append(.init(field: field, code: "future", message: "不能晚于今天（\(today.iso)）")) }
            return d
        }
        let first = date(rawFirst, "firstPartySignedOn")
        let second = date(rawSecond, "secondPartySignedOn")
        guard problems.isEmpty, let first, let second else { throw AppError.validation(problems) }
        guard pledge.status == .draft else { throw AppError.conflict("PLEDGE_SIGNED", "责任书已于 \(pledge.secondPartySignedOn ?? "") 签订，不能再次签订") }
        pledge.firstPartySignedOn = first.iso
        pledge.secondPartySignedOn = second.iso
        pledge.status = .signed
        try await req.db.transaction { tx in
            try await pledge.save(on: tx)
            try await req.audit(.pledgeSign, .success, target: "\(pledge.year) 年度责任书", detail: "甲方 \(first.iso)，乙方 \(second.iso)", on: tx)
        }
    }

    /// Stores the attachment after checking its size (≤ 5 MB) and its type by content (PDF, PNG, JPEG).
    static func attach(_ pledge: Pledge, fileName raw: String, content: Data, req: Request) async throws -> PledgeAttachment {
        let name = try TextInput.name(raw, field: "fileName", max: 100)
        guard !name.contains("/") && !name.contains("\\") else { throw AppError.validation("fileName", "文件名不能包含路径", code: "invalid") }
        guard content.count <= PledgeRules.maxAttachmentBytes else {
            throw AppError("ATTACHMENT_TOO_LARGE", .payloadTooLarge, "附件不能超过 5 MB（当前 \(content.count / 1024) KB）")
        }
        guard !content.isEmpty, let type = AttachmentType.sniff(Array(content.prefix(8))) else {
            throw AppError("ATTACHMENT_TYPE_NOT_ALLOWED", .unsupportedMediaType, "附件须为 PDF 或图片（PNG、JPEG），按文件内容识别")
        }
        let pledgeID = try pledge.requireID()
        let attachment = PledgeAttachment(pledgeID: pledgeID, fileName: name, contentType: type.rawValue, content: content)
        try await req.db.transaction { tx in
            try await PledgeAttachment.query(on: tx).filter(\.$pledge.$id == pledgeID).delete()
            try await attachment.create(on: tx)
            try await req.audit(.pledgeAttach, .success, target: "\(pledge.year) 年度责任书", detail: "\(name)（\(type.label)，\(content.count) 字节）", on: tx)
        }
        return attachment
    }

    /// The attachment as a download (never rendered inline).
    static func download(_ pledge: Pledge, on db: any Database) async throws -> Response {
        guard let a = try await PledgeAttachment.query(on: db).filter(\.$pledge.$id == pledge.requireID()).first() else { throw AppError.notFound }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: a.contentType)
        let encoded = a.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"pledge\"; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: a.content))
    }
}
