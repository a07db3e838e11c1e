import QuanzeCore
import Vapor

/// 执法协调 (issue 6 item 9; docs/coordination.md) and 典型案例通报 (item 10).
extension OpenAPIOperations {
    static let coordination: [APIOperation] = {
        let d = [path("disputeID")]
        let t = [path("typicalCaseID")]
        let tag = "执法协调"
        let office = "本辖区监督员（法制办，记录协调机关和区政府的办理）；行政执法部门 403 COORDINATION_NOT_COORDINATOR"
        return [
            APIOperation(method: .GET, path: "/api/v1/coordination",
                         summary: "执法协调事项（监督员：本辖区；法制员：本部门为主动协调或相关部门的），可按状态、种类、部门筛选",
                         tag: tag, auth: .required,
                         parameters: [query("status", Schema.enumeration(CoordinationStatus.allCases.map(\.rawValue))),
                                      query("kind", Schema.enumeration(CoordinationKind.allCases.map(\.rawValue))),
                                      query("agencyId", Schema.uuid)],
                         success: okArray("CoordinationSummary")),
            APIOperation(method: .POST, path: "/api/v1/coordination",
                         summary: "提起执法协调（本部门法制员，本部门负有主动协调责任，第六条；须列明本辖区其他相关部门）",
                         tag: tag, auth: .required, body: "CoordinationRaiseInput", success: ok("Coordination", 201)),
            APIOperation(method: .GET, path: "/api/v1/coordination/{disputeID}",
                         summary: "一件执法协调事项：期限（届满日、规则、依据；未规定的不计算）、相关部门的执行情况、办理过程",
                         tag: tag, auth: .required, parameters: d, success: ok("Coordination")),
            APIOperation(method: .POST, path: "/api/v1/coordination/{disputeID}/opinion",
                         summary: "报送协调意见备案（主动协调部门；协调结束后3个工作日内，第九条；逾期的照收并标记逾期；403 COORDINATION_NOT_INITIATOR；409 COORDINATION_WRONG_STATE）",
                         tag: tag, auth: .required, parameters: d, body: "CoordinationOpinionInput", success: ok("Coordination")),
            APIOperation(method: .POST, path: "/api/v1/coordination/{disputeID}/escalate",
                         summary: "自行协调不成，向协调机关提出协调申请（第十条：职责界定→区编办；执法依据、联合执法、衔接配合→区政府法制办；其他→区政府）；向无权机关提出的，须在3个工作日内移送（第十二条）",
                         tag: tag, auth: .required, parameters: d, body: "CoordinationEscalateInput", success: ok("Coordination")),
            APIOperation(method: .POST, path: "/api/v1/coordination/{disputeID}/forward",
                         summary: "移送有权协调的机关（\(office)；422 COORDINATION_WRONG_OFFICE：移送对象无权协调；409 COORDINATION_ALREADY_COMPETENT）",
                         tag: tag, auth: .required, parameters: d, body: "CoordinationForwardInput", success: ok("Coordination")),
            APIOperation(method: .POST, path: "/api/v1/coordination/{disputeID}/resolve",
                         summary: "协调机关的协调结果：达成一致印发协调意见，或报请区政府决定（第十五条；\(office)；403 COORDINATION_NOT_COORDINATOR：不是现办机关；409 COORDINATION_WRONG_OFFICE：现办机关无权协调，应先移送）",
                         tag: tag, auth: .required, parameters: d, body: "CoordinationResolveInput", success: ok("Coordination")),
            APIOperation(method: .POST, path: "/api/v1/coordination/{disputeID}/decision",
                         summary: "区政府协调决定（第十六条；\(office)；409 COORDINATION_WRONG_STATE）",
                         tag: tag, auth: .required, parameters: d, body: "CoordinationDecisionInput", success: ok("Coordination")),
            APIOperation(method: .POST, path: "/api/v1/coordination/{disputeID}/execution",
                         summary: "报告执行情况（第二十条；法制员报告本部门的，监督员可代为登记某部门的；403 COORDINATION_NOT_OWN_BODY；409 COORDINATION_ALREADY_REPORTED）",
                         tag: tag, auth: .required, parameters: d, body: "CoordinationExecutionInput", success: ok("Coordination")),
            APIOperation(method: .POST, path: "/api/v1/coordination/{disputeID}/close",
                         summary: "办结（\(office)；409 COORDINATION_EXECUTION_PENDING：尚有部门未报告执行情况）",
                         tag: tag, auth: .required, parameters: d, success: ok("Coordination")),
            APIOperation(method: .GET, path: "/api/v1/typical-cases", summary: "本辖区的典型案例（监督员）",
                         tag: "典型案例", auth: .required, success: okArray("TypicalCase")),
            APIOperation(method: .POST, path: "/api/v1/typical-cases",
                         summary: "编写典型案例（监督员；依据已作出处理的责任追究案件或直接编写；系统将人员姓名替换为“某某”形式、遮蔽身份证号和电话；409 MATTER_NOT_DECIDED）",
                         tag: "典型案例", auth: .required, body: "TypicalCaseInput", success: ok("TypicalCase", 201)),
            APIOperation(method: .GET, path: "/api/v1/typical-cases/{typicalCaseID}", summary: "一件典型案例（本辖区监督员）",
                         tag: "典型案例", auth: .required, parameters: t, success: ok("TypicalCase")),
            APIOperation(method: .PUT, path: "/api/v1/typical-cases/{typicalCaseID}",
                         summary: "修改典型案例（按原文保存，发布时检查匿名化；409 TYPICAL_CASE_PUBLISHED）",
                         tag: "典型案例", auth: .required, parameters: t, body: "TypicalCaseInput", success: ok("TypicalCase")),
            APIOperation(method: .POST, path: "/api/v1/typical-cases/{typicalCaseID}/publish",
                         summary: "发布到门户（仍含人员全名或未遮蔽的身份证号、电话的 409 ANONYMIZATION_INCOMPLETE）",
                         tag: "典型案例", auth: .required, parameters: t, success: ok("TypicalCase")),
            APIOperation(method: .POST, path: "/api/v1/typical-cases/{typicalCaseID}/withdraw",
                         summary: "撤回已发布的典型案例（理由必填；409 TYPICAL_CASE_NOT_PUBLISHED）",
                         tag: "典型案例", auth: .required, parameters: t, body: "TypicalCaseWithdrawInput", success: ok("TypicalCase")),
            APIOperation(method: .GET, path: "/api/v1/public/typical-cases",
                         summary: "公示：已发布的典型案例（匿名化文本）", tag: "公示", auth: .none, success: okArray("PublicTypicalCase")),
        ]
    }()
}

extension OpenAPISchemas {
    static var coordinationSchemas: [(String, JSONValue)] {
        let paragraph = #"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"#
        func para(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: paragraph) }
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        let offices = Schema.enumeration(CoordinationOffice.allCases.map(\.rawValue))
        return [
            ("CoordinationRaiseInput", Schema.object([
                ("kind", Schema.enumeration(CoordinationKind.allCases.map(\.rawValue))),
                ("subject", Schema.string(min: 1, max: 100, pattern: namePattern)), ("description", para(4000)),
                ("partyAgencyIds", ["type": "array", "items": Schema.uuid, "minItems": 1, "maxItems": 21]),
            ], required: ["kind", "subject", "description", "partyAgencyIds"])),
            ("CoordinationOpinionInput", Schema.object([("endedOn", Schema.date), ("opinion", para(4000)), ("executeBy", Schema.date)],
                                                       required: ["endedOn", "opinion"])),
            ("CoordinationEscalateInput", Schema.object([("office", offices), ("endedOn", Schema.date), ("application", para(4000))],
                                                        required: ["office", "application"])),
            ("CoordinationForwardInput", Schema.object([("office", offices)], required: ["office"])),
            ("CoordinationResolveInput", Schema.object([("office", offices), ("outcome", Schema.enumeration(CoordinationService.Resolution.allCases.map(\.rawValue))),
                                                        ("text", para(4000)), ("executeBy", Schema.date)], required: ["office", "outcome", "text"])),
            ("CoordinationDecisionInput", Schema.object([("text", para(4000)), ("executeBy", Schema.date)], required: ["text"])),
            ("CoordinationExecutionInput", Schema.object([("agencyId", Schema.uuid), ("text", para(4000))], required: ["text"])),
            ("CoordinationSummary", open(["id", "kind", "subject", "status", "initiatorName", "raisedOn", "filingLate", "executionOverdue"])),
            ("Coordination", open(["id", "kind", "subject", "status", "raisedOn", "deadlines", "parties", "steps", "recordStream"])),
            ("TypicalCaseInput", Schema.object([
                ("matterId", Schema.uuid), ("title", Schema.string(min: 1, max: 100, pattern: namePattern)), ("body", para(8000)),
                ("ruleCited", para(1000)), ("handling", para(4000)),
                ("personNames", ["type": "array", "items": Schema.string(min: 2, max: 30, pattern: namePattern), "maxItems": 50]),
            ], required: ["title", "body", "ruleCited", "handling"])),
            ("TypicalCaseWithdrawInput", Schema.object([("reason", para(500))], required: ["reason"])),
            ("TypicalCase", open(["id", "title", "body", "ruleCited", "handling", "status", "composedOn"])),
            ("PublicTypicalCase", open(["id", "title", "body", "ruleCited", "handling", "publishedOn"])),
        ]
    }
}
