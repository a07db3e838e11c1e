import QuanzeCore
import Vapor

/// 责任追究 intake, 立案 and investigation (issue 6 items 2, 3, 8; docs/liability-procedure.md).
extension OpenAPIOperations {
    static let liability: [APIOperation] = {
        let intake = [path("intakeID")]
        let matter = [path("matterID")]
        let decision = [path("matterID"), path("decisionID")]
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
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/findings",
                         summary: "认定过错并生成处理建议：过错情形（不在目录的 422 FAULT_SITUATION_UNKNOWN）、认定的情形、集体决策各成员意见、情节、情节档次；系统按规则配置计算责任划分、情节、处理建议并原样保存；陈述申辩后加重的 409 HEAVIER_AFTER_DEFENCE；调查人员不足 409 INVESTIGATORS_BELOW_MINIMUM（\(act)）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityFindingsInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/hearing-waivers",
                         summary: "记录已告知陈述申辩权利、本人放弃（\(act)）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityWaiverInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/extension",
                         summary: "延长责任追究决定期限（批准人、理由必填；超过上限 422 EXTENSION_EXCEEDS_CAP，不得延长 422 EXTENSION_NOT_ALLOWED；\(act)）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityExtensionInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/decision",
                         summary: "作出责任追究决定（逐一处理对象：责任与处理方式；与建议不同须写理由 422 REASON_REQUIRED；处理方式不在配置 422 SANCTION_NOT_IN_PROFILE；未听取陈述申辩 409 HEARING_REQUIRED；申辩后加重 409 HEAVIER_AFTER_DEFENCE；409 FINDINGS_REQUIRED；生成决定书文号；\(act)）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityDecisionInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/decisions/{decisionID}/service",
                         summary: "送达（日期、方式、受送达人）；申诉（复核）期限自送达起算（\(act)；409 ALREADY_SERVED）",
                         tag: "责任追究", auth: .required, parameters: decision, body: "LiabilityServiceInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/decisions/{decisionID}/appeal",
                         summary: "提出复核（申诉）：被处理人本人或追究机关代为记录；逾期 409 APPEAL_WINDOW_PASSED；409 DECISION_NOT_SERVED、APPEAL_EXISTS；403 APPEAL_NOT_OWN",
                         tag: "责任追究", auth: .required, parameters: decision, body: "LiabilityAppealInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/decisions/{decisionID}/appeal/extension",
                         summary: "延长复核（申诉）决定期限（批准人、理由；上限 422 EXTENSION_EXCEEDS_CAP / EXTENSION_NOT_ALLOWED；\(act)）",
                         tag: "责任追究", auth: .required, parameters: decision, body: "LiabilityExtensionInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/decisions/{decisionID}/appeal/decision",
                         summary: "复核（申诉）决定：维持、变更（新的处理方式须在配置中）、撤销；变更、撤销须写理由（\(act)）",
                         tag: "责任追究", auth: .required, parameters: decision, body: "LiabilityAppealDecisionInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/filing",
                         summary: "备案（报送机关、日期；显示备案期限及是否逾期；\(act)；409 DECISION_REQUIRED、ALREADY_FILED）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityFilingInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/execution",
                         summary: "执行情况反馈（已执行、拒不执行；拒不执行按规则配置转为对该机关的线索；\(act)）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityExecutionInput", success: ok("LiabilityMatter", 201)),
            APIOperation(method: .POST, path: "/api/v1/liability-matters/{matterID}/close",
                         summary: "结案报告（各决定已生效或撤销且已执行；409 MATTER_NOT_READY_TO_CLOSE；\(act)）",
                         tag: "责任追究", auth: .required, parameters: matter, body: "LiabilityCloseInput", success: ok("LiabilityMatter", 201)),
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
            ("LiabilityFindingsInput", Schema.object([
                ("faultSituation", Schema.string(min: 1, max: 100)),
                ("established", Schema.array(Schema.string(min: 1, max: 60))),
                ("reviewDue", Schema.bool),
                ("views", Schema.array(Schema.object([("personId", Schema.uuid), ("view", Schema.enumeration(CollectiveView.allCases.map(\.rawValue)))],
                                                     required: ["personId", "view"]))),
                ("circumstances", Schema.array(Schema.string(min: 1, max: 100))), ("gravityLevel", Schema.int),
                ("targets", Schema.array(Schema.object([("target", Schema.string(min: 1, max: 40)), ("circumstances", Schema.array(Schema.string(min: 1, max: 100))),
                                                        ("sanctions", Schema.array(Schema.string(min: 1, max: 100)))], required: ["target"]))),
            ], required: ["faultSituation"])),
            ("LiabilityWaiverInput", Schema.object([("personId", Schema.uuid), ("note", optionalPara(500)), ("recordedOn", Schema.date)], required: ["personId"])),
            ("LiabilityExtensionInput", Schema.object([("value", Schema.int), ("reason", para(500)), ("approvedBy", Schema.string(min: 1, max: 50, pattern: namePattern))],
                                                      required: ["value", "reason", "approvedBy"])),
            ("LiabilityDecisionInput", Schema.object([
                ("facts", para(4000)), ("reasons", para(4000)),
                ("targets", ["type": "array", "minItems": 1, "items": Schema.object([
                    ("target", Schema.string(min: 1, max: 40)), ("share", Schema.enumeration(["全部", "主要", "次要", "共同", "相应", "不承担", "—"])),
                    ("sanctions", Schema.array(Schema.string(min: 1, max: 100))), ("reason", optionalPara(1000)),
                ], required: ["target", "share", "sanctions"])]),
            ], required: ["facts", "reasons", "targets"])),
            ("LiabilityServiceInput", Schema.object([("servedOn", Schema.date), ("manner", Schema.string(min: 1, max: 50, pattern: namePattern)),
                                                    ("recipient", Schema.string(min: 1, max: 50, pattern: namePattern))], required: ["manner", "recipient"])),
            ("LiabilityAppealInput", Schema.object([("lodgedOn", Schema.date), ("grounds", para(4000))], required: ["grounds"])),
            ("LiabilityAppealDecisionInput", Schema.object([
                ("outcome", Schema.enumeration(LiabilityDecisionService.AppealOutcome.allCases.map(\.rawValue))),
                ("sanctions", Schema.array(Schema.string(min: 1, max: 100))),
                ("share", Schema.enumeration(["全部", "主要", "次要", "共同", "相应", "不承担", "—"])), ("reason", optionalPara(2000)),
            ], required: ["outcome"])),
            ("LiabilityFilingInput", Schema.object([("filedOn", Schema.date), ("office", Schema.string(min: 1, max: 100, pattern: namePattern))], required: ["office"])),
            ("LiabilityExecutionInput", Schema.object([
                ("outcome", Schema.enumeration(LiabilityDecisionService.ExecutionOutcome.allCases.map(\.rawValue))), ("text", para(4000)), ("date", Schema.date),
            ], required: ["outcome", "text"])),
            ("LiabilityCloseInput", Schema.object([("report", para(4000))], required: ["report"])),
            ("LiabilityMatterSummary", open(["id", "summary", "status", "statusLabel", "subjectAgencyName", "pursuingBody", "filedOn"])),
            ("LiabilityMatter", open(["id", "intakeId", "summary", "status", "pursuingBody", "subjectAgencyId", "profileId", "filedOn",
                                      "decisionDeadline", "canAct", "persons", "investigators", "recusals", "statements", "log"])),
        ]
    }
}
