import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 执法机构 and 执法岗位 of a body (分解执法职权, `000_*` 国办发〔2005〕37号 二(二)). A post may be
/// created together with its first powers: if any power is refused, nothing is saved.
enum PostService {
    struct NewPost: Sendable {
        var unitID: UUID?
        var name: String
        var duties: [PostDuty]
        var powers: [PostPowerService.Holding]
    }

    static func createUnit(agency: Agency, name raw: String, description rawDescription: String?, req: Request) async throws -> EnforcementUnit {
        let name = try TextInput.name(raw, field: "name", max: 50)
        let description = try rawDescription.map { try TextInput.name($0, field: "description", max: 200) }
        let agencyID = try agency.requireID()
        let unit = EnforcementUnit(agencyID: agencyID, name: name, description: description)
        try await req.db.transaction { tx in
            try await RowLock.agency(agencyID, on: tx)
            if try await EnforcementUnit.query(on: tx).filter(\.$agency.$id == agencyID).filter(\.$name == name).first() != nil {
                throw AppError.conflict("UNIT_NAME_TAKEN", "本主体已有名为“\(name)”的执法机构")
            }
            try await unit.create(on: tx)
            try await req.audit(.unitCreate, .success, target: agency.name, detail: "执法机构：\(name)", on: tx)
        }
        return unit
    }

    static func createPost(agency: Agency, _ input: NewPost, req: Request) async throws -> EnforcementPost {
        let agencyID = try agency.requireID()
        var problems: [FieldProblem] = []
        if let p = TextInput.problem(input.name, field: "name", max: 50) { problems.append(p) }
        if input.duties.isEmpty { problems.append(.init(field: "duties", code: "required", message: "至少选择一项岗位职责")) }
        if Set(input.duties).count != input.duties.count { problems.append(.init(field: "duties", code: "duplicate", message: "岗位职责重复")) }
        if input.unitID == nil { problems.append(.init(field: "unitId", code: "required", message: "请选择执法机构")) }
        guard problems.isEmpty, let unitID = input.unitID else { throw AppError.validation(problems) }
        guard let unit = try await EnforcementUnit.find(unitID, on: req.db), unit.$agency.id == agencyID else {
            throw AppError.validation("unitId", "执法机构不存在或不属于本主体", code: "not_found")
        }
        let name = try TextInput.name(input.name, field: "name", max: 50)
        let post = EnforcementPost(agencyID: agencyID, unitID: unitID, name: name, duties: Set(input.duties))
        try await req.db.transaction { tx in
            try await RowLock.agency(agencyID, on: tx)
            if try await EnforcementPost.query(on: tx).filter(\.$unit.$id == unitID).filter(\.$name == name).first() != nil {
                throw AppError.conflict("POST_NAME_TAKEN", "\(unit.name)已有名为“\(name)”的执法岗位")
            }
            try await post.create(on: tx)
            try await req.audit(.postCreate, .success, target: agency.name,
                                detail: "执法岗位：\(unit.name)/\(name)（\(post.dutiesLabel)）", on: tx)
            for holding in input.powers {
                try await PostPowerService.add(holding, to: post, unit: unit, agency: agency, req: req, on: tx)
            }
        }
        return post
    }
}
