import Fluent
import Foundation
import Vapor

/// Governments (辖区) are configuration: the 系统管理员 registers them and chooses their rule profile.
enum JurisdictionService {
    struct Input: Sendable {
        var regionCode: String
        var name: String
        var governmentName: String
        var legalOfficeName: String
        var profileID: String
    }

    static func create(_ input: Input, req: Request) async throws -> Jurisdiction {
        var problems: [FieldProblem] = []
        // 行政区划代码 (GB/T 2260): six digits.
        if input.regionCode.range(of: #"^[1-9][0-9]{5}$"#, options: .regularExpression) == nil {
            problems.append(.init(field: "regionCode", code: "format", message: "行政区划代码须为 6 位数字（GB/T 2260）"))
        }
        for (field, value) in [("name", input.name), ("governmentName", input.governmentName), ("legalOfficeName", input.legalOfficeName)] {
            if let p = TextInput.problem(value, field: field) { problems.append(p) }
        }
        if req.services.profiles.profile(id: input.profileID) == nil {
            problems.append(.init(field: "profileId", code: "not_found", message: "规则配置不存在：\(input.profileID)"))
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        if try await Jurisdiction.query(on: req.db).filter(\.$regionCode == input.regionCode).first() != nil {
            throw AppError.conflict("REGION_CODE_TAKEN", "行政区划代码已登记：\(input.regionCode)")
        }
        let j = Jurisdiction(regionCode: input.regionCode, name: try TextInput.name(input.name, field: "name"),
                             governmentName: try TextInput.name(input.governmentName, field: "governmentName"),
                             legalOfficeName: try TextInput.name(input.legalOfficeName, field: "legalOfficeName"),
                             profileID: input.profileID)
        try await req.db.transaction { tx in
            try await j.create(on: tx)
            try await req.audit(.jurisdictionCreate, .success, target: j.name,
                                detail: "\(input.regionCode) \(j.governmentName)，规则配置 \(input.profileID)", on: tx)
        }
        return j
    }
}

struct CreateJurisdictionInput: Content, StrictInput {
    var regionCode: String
    var name: String
    var governmentName: String
    var legalOfficeName: String
    var profileId: String
    enum CodingKeys: String, CodingKey, CaseIterable { case regionCode, name, governmentName, legalOfficeName, profileId }
    typealias Keys = CodingKeys

    var input: JurisdictionService.Input {
        .init(regionCode: regionCode, name: name, governmentName: governmentName, legalOfficeName: legalOfficeName, profileID: profileId)
    }
}
