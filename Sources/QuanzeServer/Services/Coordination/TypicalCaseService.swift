import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 典型案例通报 (issue 6 item 10): a supervisor composes an account of a decided 责任追究 matter (or freely),
/// the system anonymizes it (each person's full name → 张某, 身份证号/电话 masked), and publishes it on the portal
/// at /typical-cases. Publication is refused while a full name or an unmasked number remains
/// (ANONYMIZATION_INCOMPLETE). Independent of the decision rows: a matter qualifies once it is no longer
/// `investigating`.
enum TypicalCaseService {
    struct Draft {
        var matterID: UUID?
        var title: String
        var body: String
        var ruleCited: String
        var handling: String
        var personNames: [String]
    }

    static func typicalCaseID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("typicalCaseID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        return id
    }

    /// A supervisor's own jurisdiction's typical case.
    static func load(_ req: Request) async throws -> (Principal, TypicalCase) {
        let p = try req.require(.supervisor)
        guard let t = try await TypicalCase.find(try typicalCaseID(req), on: req.db), t.jurisdictionID == p.jurisdictionID else {
            throw AppError.notFound
        }
        return (p, t)
    }

    static func fields(_ d: Draft) throws -> (String, String, String, String, [String]) {
        let title = try TextInput.name(d.title, field: "title", max: 100)
        guard !title.isEmpty else { throw AppError.validation("title", "不能为空", code: "required") }
        let body = try CaseText.paragraph(d.body, field: "body", max: 8000)
        let rule = try CaseText.paragraph(d.ruleCited, field: "ruleCited", max: 1000)
        let handling = try CaseText.paragraph(d.handling, field: "handling", max: 4000)
        guard d.personNames.count <= 50 else { throw AppError.validation("personNames", "不超过 50 个姓名", code: "length") }
        var names: [String] = []
        for n in d.personNames {
            let name = try TextInput.name(n, field: "personNames", max: 30)
            guard name.count >= 2 else { throw AppError.validation("personNames", "姓名至少 2 个字", code: "length") }
            names.append(name)
        }
        return (title, body, rule, handling, names)
    }

    static func compose(_ draft: Draft, req: Request) async throws -> TypicalCase {
        let p = try req.require(.supervisor)
        guard let jurisdictionID = p.jurisdictionID else { throw AppError("NO_JURISDICTION", .forbidden, "账号未关联辖区") }
        let (title, body, rule, handling, extra) = try fields(draft)
        var names = extra
        if let mid = draft.matterID {
            guard let m = try await LiabilityMatter.find(mid, on: req.db), m.jurisdictionID == jurisdictionID else {
                throw AppError.validation("matterId", "责任追究案件不存在或不在本辖区", code: "not_found")
            }
            guard m.status != "investigating" else {
                throw AppError.conflict("MATTER_NOT_DECIDED", "责任追究案件仍在调查中，不能作为典型案例通报")
            }
            names += try await LiabilityPerson.query(on: req.db).filter(\.$matterID == mid).all().map(\.name)
        }
        names = Array(Set(names)).sorted()
        let t = TypicalCase()
        t.jurisdictionID = jurisdictionID
        t.matterID = draft.matterID
        t.title = TypicalCaseAnonymizer.anonymize(title, names: names)
        t.body = TypicalCaseAnonymizer.anonymize(body, names: names)
        t.ruleCited = TypicalCaseAnonymizer.anonymize(rule, names: names)
        t.handling = TypicalCaseAnonymizer.anonymize(handling, names: names)
        t.namesJSON = JSONText(names)
        t.status = "draft"
        t.composedBy = p.displayName
        t.composedOn = req.today.iso
        try await req.db.transaction { tx in
            try await t.create(on: tx)
            try await req.audit(.typicalCaseCompose, .success, target: t.title, detail: "编写典型案例（已匿名化 \(t.namesJSON.value.count) 个姓名）", on: tx)
        }
        return t
    }

    /// The supervisor's wording, stored as written (no automatic anonymization: publication checks it).
    static func edit(_ t: TypicalCase, _ draft: Draft, req: Request) async throws {
        let (title, body, rule, handling, extra) = try fields(draft)
        guard t.status != "published" else {
            throw AppError.conflict("TYPICAL_CASE_PUBLISHED", "已发布的典型案例须先撤回再修改")
        }
        t.title = title
        t.body = body
        t.ruleCited = rule
        t.handling = handling
        t.namesJSON = JSONText(Array(Set(t.namesJSON.value + extra)).sorted())
        try await req.db.transaction { tx in
            try await t.save(on: tx)
            try await req.audit(.typicalCaseEdit, .success, target: t.title, detail: "修改典型案例", on: tx)
        }
    }

    static func publish(_ t: TypicalCase, req: Request) async throws {
        guard t.status != "published" else { throw AppError.conflict("TYPICAL_CASE_PUBLISHED", "典型案例已发布") }
        let names = t.namesJSON.value
        let remaining = [t.title, t.body, t.ruleCited, t.handling].flatMap { TypicalCaseAnonymizer.remaining($0, names: names) }
        if !remaining.isEmpty {
            try await req.audit(.typicalCasePublish, .failure, target: t.title, detail: "匿名化不完整：\(Array(Set(remaining)).sorted().joined(separator: "、"))")
            throw AppError.conflict("ANONYMIZATION_INCOMPLETE",
                                    "典型案例仍含可识别个人的信息：\(Array(Set(remaining)).sorted().joined(separator: "、"))；请改为“某某”形式或遮蔽号码后再发布")
        }
        t.status = "published"
        t.publishedOn = req.today.iso
        t.withdrawnOn = nil
        t.withdrawReason = nil
        try await req.db.transaction { tx in
            try await t.save(on: tx)
            try await req.audit(.typicalCasePublish, .success, target: t.title, detail: "发布典型案例", on: tx)
        }
    }

    static func withdraw(_ t: TypicalCase, reason raw: String, req: Request) async throws {
        guard t.status == "published" else { throw AppError.conflict("TYPICAL_CASE_NOT_PUBLISHED", "典型案例未发布，无需撤回") }
        let reason = try CaseText.paragraph(raw, field: "reason", max: 500)
        t.status = "withdrawn"
        t.withdrawnOn = req.today.iso
        t.withdrawReason = reason
        try await req.db.transaction { tx in
            try await t.save(on: tx)
            try await req.audit(.typicalCaseWithdraw, .success, target: t.title, detail: "撤回典型案例：\(reason)", on: tx)
        }
    }
}
