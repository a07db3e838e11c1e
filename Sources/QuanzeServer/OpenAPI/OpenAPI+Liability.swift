import QuanzeCore
import Vapor

/// 责任追究 intake, 立案 and investigation (issue 6 items 2, 3, 8; docs/liability-procedure.md).
extension OpenAPIOperations {
    static let liability: [APIOperation] = {
        let intake = [path("intakeID")]
        let matter = [path("matterID")]
        let act = "追究机关的法制机构或本辖区监督员；403 NOT_PURSUING_BODY、OUT_OF_SCOPE"
        return [
            APIOperation(method: .POST, path: "/api/v1/liability-intake",
                         summary: "登记责任追究线索（执法检查、媒体报道、自查、其他；\(act)）；按规则配置计算立案期限（未规定的不计算）",
                         tag: "责任追究", auth: .required, body: "LiabilityIntakeInput", success: ok("LiabilityIntake", 201)),
            APIOperation(method: .GET, path: "/api/v1/liability-intake/{intakeID}",
                         summary: "一条责任追究线索：追究机关、规则配置、立案期限及依据、处理结果（追究机关；被追究主体的法制员可查看）",
                         tag: "责任追究", auth: .required, parameters: intake, success: ok("LiabilityIntake")),
            APIOperation(method: .POST, path: "/api/v1/liability-intake/{intakeID}/file",
                         summary: "立案（\(act)；被调查人员按案件记录列入；决定期限自立案之日起算；409 INTAKE_ALREADY_DECIDED）",
                         tag: "责任追究", auth: .required, parameters: intake, body: "LiabilityFileInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-intake/{intakeID}/decline",
                         summary: "不予立案（理由必填并记录；\(act)；409 INTAKE_ALREADY_DECIDED）",
                         tag: "责任追究", auth: .required, parameters: intake, body: "LiabilityDeclineInput", success: ok("LiabilityIntake")),
            APIOperation(method: .GET, path: "/api/v1/liability-matters",
                         summary: "责任追究案件（监督员：本辖区；追究机关法制员：本机关办理的；被调查人员：本人涉及的）",
                         tag: "责任追究", auth: .required, success: okArray("LiabilityMatterSummary")),
            APIOperation(method: .GET, path: "/api/v1/liability-matters/{matterID}",
                         summary: "一件责任追究案件：被调查人员（个人信息脱敏）、调查人员、回避、陈述申辩、调查记录（仅追究机关）、决定期限及依据",
                         tag: "责任追究", auth: .required, parameters: matter, success: ok("LiabilityMatter")),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/persons",
                         summary: "添加被调查人员（执法人员或账号，须且只能一个；\(act)；409 PERSON_ALREADY_ADDED）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityPersonInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/investigators",
                         summary: "指定调查人员（应当回避的拒绝并记录：409 INVESTIGATOR_CONFLICT；409 INVESTIGATOR_RECUSED、INVESTIGATOR_ALREADY_APPOINTED；\(act)）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityInvestigatorInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/recusals",
                         summary: "记录回避（申请回避或自行回避，理由必填；在任调查人员即行回避；\(act)）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityRecusalInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/evidence",
                         summary: "记录证据或询问笔录（记入全过程记录 liability:<id>；调查人员少于规则配置人数的 409 INVESTIGATORS_BELOW_MINIMUM；\(act)）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityEvidenceInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/statements",
                         summary: "陈述申辩（被调查人员本人提交；追究机关可代为记录，须指定 personId；403 STATEMENT_NOT_OWN、OUT_OF_SCOPE）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityStatementInput", success: ok("LiabilityMatter", 201)),
        ]
    }()
}

extension OpenAPISchemas {
    static var liabilitySchemas: [(String, JSONValue)] {
        let paragraph = #"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"#
        func para(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: paragraph) }
        func optionalPara(_ max: Int) -> JSONValue { Schema.string(max: max, pattern: "^$|" + paragraph) }
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        return [
            ("LiabilityIntakeInput", Schema.object([
                ("sourceKind", Schema.enumeration(LiabilitySourceKind.manualKinds.map(\.rawValue))), ("agencyId", Schema.uuid),
                ("caseId", Schema.uuid), ("subjectOfficerId", Schema.uuid), ("summary", para(500)), ("sourceDetail", optionalPara(500)),
                ("discoveredOn", Schema.date),
            ], required: ["sourceKind", "agencyId", "summary"])),
            ("LiabilityFileInput", Schema.object([("summary", optionalPara(500))])),
            ("LiabilityDeclineInput", Schema.object([("reason", para(1000))], required: ["reason"])),
            ("LiabilityPersonInput", Schema.object([("officerId", Schema.uuid), ("userId", Schema.uuid), ("note", optionalPara(500))])),
            ("LiabilityInvestigatorInput", Schema.object([("userId", Schema.uuid)], required: ["userId"])),
            ("LiabilityRecusalInput", Schema.object([("userId", Schema.uuid), ("reason", para(500))], required: ["userId", "reason"])),
            ("LiabilityEvidenceInput", Schema.object([
                ("kind", Schema.enumeration(LiabilityMatterService.EvidenceKind.allCases.map(\.rawValue))),
                ("title", Schema.string(min: 1, max: 100, pattern: namePattern)), ("content", para(4000)), ("date", Schema.date),
            ], required: ["kind", "title", "content"])),
            ("LiabilityStatementInput", Schema.object([("personId", Schema.uuid), ("text", para(4000)), ("statedOn", Schema.date)], required: ["text"])),
            ("LiabilityMatterSummary", open(["id", "summary", "status", "statusLabel", "subjectAgencyName", "pursuingBody", "filedOn"])),
            ("LiabilityMatter", open(["id", "intakeId", "summary", "status", "pursuingBody", "subjectAgencyId", "profileId", "filedOn",
                                      "decisionDeadline", "canAct", "persons", "investigators", "recusals", "statements", "log"])),
        ]
    }
}
