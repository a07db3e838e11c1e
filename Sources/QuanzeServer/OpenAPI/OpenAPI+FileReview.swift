import QuanzeCore
import Vapor

/// 案卷评查 and 监督文书 operations and schemas (see `FileReviewDTOs.swift`).
extension OpenAPIOperations {
    static let fileReview: [APIOperation] = [
        APIOperation(method: .GET, path: "/api/v1/review-standards", summary: "案卷评查标准（本辖区，各版本；没有时建立默认标准）", tag: "案卷评查",
                     auth: .required, success: okArray("ReviewStandard")),
        APIOperation(method: .POST, path: "/api/v1/review-standards",
                     summary: "制定评查标准新版本（各项分值合计须为 100 分：422 POINTS_NOT_100；已评的评查单保留原版本）", tag: "案卷评查",
                     auth: .required, body: "ReviewStandardInput", success: ok("ReviewStandard", 201)),
        APIOperation(method: .GET, path: "/api/v1/review-plans", summary: "案卷评查方案（本辖区；法制员：包括本单位的方案）", tag: "案卷评查",
                     auth: .required, success: okArray("ReviewPlan")),
        APIOperation(method: .POST, path: "/api/v1/review-plans",
                     summary: "制定评查方案（年度评查/日常抽查；单位、每单位抽取数、评查员；stratifyByFindings 按预审发现分层抽取，默认 true（平台规则）；422 NOT_ENOUGH_REVIEWERS）", tag: "案卷评查",
                     auth: .required, body: "ReviewPlanInput", success: ok("ReviewPlan", 201)),
        APIOperation(method: .GET, path: "/api/v1/review-plans/{reviewPlanID}", summary: "评查方案（案卷目录比对、抽取输入和结果、评查单、单位平均分）",
                     tag: "案卷评查", auth: .required, parameters: [path("reviewPlanID")], success: ok("ReviewPlan")),
        APIOperation(method: .PUT, path: "/api/v1/review-plans/{reviewPlanID}/catalog",
                     summary: "本单位报送案卷目录（立案编号或数量；与系统中本期间已结案的行政处罚案件比对；409 PLAN_ALREADY_DRAWN）", tag: "案卷评查",
                     auth: .required, parameters: [path("reviewPlanID")], body: "ReviewCatalogInput", success: ok("ReviewPlan")),
        APIOperation(method: .POST, path: "/api/v1/review-plans/{reviewPlanID}/bodies/{agencyID}/resolve",
                     summary: "法制办认定案卷目录差异的书面说明（409 EXPLANATION_REQUIRED、CATALOG_MATCHES）", tag: "案卷评查",
                     auth: .required, parameters: [path("reviewPlanID"), path("agencyID")], body: "ReviewResolveInput", success: ok("ReviewPlan")),
        APIOperation(method: .POST, path: "/api/v1/review-plans/{reviewPlanID}/draw",
                     summary: "随机抽取案卷（quanze-review-draw-v1；409 CATALOG_NOT_REPORTED、CATALOG_MISMATCH、PLAN_ALREADY_DRAWN）", tag: "案卷评查",
                     auth: .required, parameters: [path("reviewPlanID")], success: ok("ReviewPlan")),
        APIOperation(method: .GET, path: "/api/v1/review-plans/{reviewPlanID}/redraw", summary: "按保存的种子和案卷目录重新抽取，并与保存的结果比对",
                     tag: "案卷评查", auth: .required, parameters: [path("reviewPlanID")], success: ok("ReviewRedraw")),
        APIOperation(method: .GET, path: "/api/v1/review-sheets/{sheetID}", summary: "案卷评查单", tag: "案卷评查",
                     auth: .required, parameters: [path("sheetID")], success: ok("ReviewSheet")),
        APIOperation(method: .PUT, path: "/api/v1/review-sheets/{sheetID}/score",
                     summary: "评查员评分（初评或复评；逐项扣分、存在问题、判定依据、建议；原签字失效；403 NOT_PLAN_REVIEWER、REVIEWER_OWN_BODY、NOT_ASSIGNED_REVIEWER）",
                     tag: "案卷评查", auth: .required, parameters: [path("sheetID")], body: "ReviewScoreInput", success: ok("ReviewSheet")),
        APIOperation(method: .POST, path: "/api/v1/review-sheets/{sheetID}/sign",
                     summary: "评查员签字确认（403 NOT_ASSIGNED_REVIEWER；409 ALREADY_SIGNED、SHEET_NOT_SCORED、SHEET_FULLY_SIGNED）", tag: "案卷评查",
                     auth: .required, parameters: [path("sheetID")], success: ok("ReviewSheet")),
        APIOperation(method: .POST, path: "/api/v1/review-sheets/{sheetID}/advance",
                     summary: "初评 → 复评 → 法制办抽核（须两名评查员签字：409 SIGNATURES_REQUIRED）", tag: "案卷评查",
                     auth: .required, parameters: [path("sheetID")], success: ok("ReviewSheet")),
        APIOperation(method: .POST, path: "/api/v1/review-sheets/{sheetID}/deliberations", summary: "记录集体会商（参加人、结论）", tag: "案卷评查",
                     auth: .required, parameters: [path("sheetID")], body: "ReviewDeliberationInput", success: ok("ReviewSheet", 201)),
        APIOperation(method: .POST, path: "/api/v1/review-sheets/{sheetID}/confirm",
                     summary: "法制办抽核确认成绩（可修正并说明理由）并反馈单位，开始申辩期限（409 DELIBERATION_REQUIRED）", tag: "案卷评查",
                     auth: .required, parameters: [path("sheetID")], body: "ReviewConfirmInput", success: ok("ReviewSheet")),
        APIOperation(method: .POST, path: "/api/v1/review-sheets/{sheetID}/contest",
                     summary: "不合格卷申辩（本单位法制员；409 SHEET_NOT_FAILING、CONTEST_WINDOW_CLOSED、CONTEST_EXISTS）", tag: "案卷评查",
                     auth: .required, parameters: [path("sheetID")], body: "ReviewContestInput", success: ok("ReviewSheet")),
        APIOperation(method: .POST, path: "/api/v1/review-sheets/{sheetID}/contest-outcome", summary: "认定申辩结果（维持或改分）", tag: "案卷评查",
                     auth: .required, parameters: [path("sheetID")], body: "ReviewContestOutcomeInput", success: ok("ReviewSheet")),
        APIOperation(method: .GET, path: "/api/v1/notices", summary: "监督文书（纠正过错通知书、政府法制建议书、案卷评查单），按回复期限，带逾期预警",
                     tag: "监督文书", auth: .required, success: okArray("Notice")),
        APIOperation(method: .POST, path: "/api/v1/notices", summary: "制发监督文书（回复期限由制发机关规定）", tag: "监督文书",
                     auth: .required, body: "NoticeInput", success: ok("Notice", 201)),
        APIOperation(method: .GET, path: "/api/v1/notices/{noticeID}", summary: "监督文书", tag: "监督文书",
                     auth: .required, parameters: [path("noticeID")], success: ok("Notice")),
        APIOperation(method: .POST, path: "/api/v1/notices/{noticeID}/reply", summary: "回复整改情况（本单位法制员；409 NOTICE_NOT_AWAITING_REPLY）",
                     tag: "监督文书", auth: .required, parameters: [path("noticeID")], body: "NoticeReplyInput", success: ok("Notice")),
        APIOperation(method: .POST, path: "/api/v1/notices/{noticeID}/accept", summary: "采纳整改回复（409 NOTICE_NOT_REPLIED）", tag: "监督文书",
                     auth: .required, parameters: [path("noticeID")], body: "NoticeReviewInput", success: ok("Notice")),
        APIOperation(method: .POST, path: "/api/v1/notices/{noticeID}/return", summary: "退回整改回复（须说明理由）", tag: "监督文书",
                     auth: .required, parameters: [path("noticeID")], body: "NoticeReviewInput", success: ok("Notice")),
    ]
}

extension OpenAPISchemas {
    static var fileReviewSchemas: [(String, JSONValue)] {
        let paragraph = #"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"#
        func text(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: namePattern) }
        func para(_ max: Int) -> JSONValue { Schema.string(min: 1, max: max, pattern: paragraph) }
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        let score: JSONValue = ["type": "number", "minimum": 0, "maximum": 100]
        return [
            ("ReviewCriterion", Schema.object([("code", text(10)), ("group", text(60)), ("title", text(200)), ("points", ["type": "number", "exclusiveMinimum": 0, "maximum": 100])],
                                              required: ["code", "group", "title", "points"])),
            ("ReviewStandardInput", Schema.object([("name", text(60)), ("passMark", score), ("criteria", ["type": "array", "minItems": 1, "items": Schema.ref("ReviewCriterion")])],
                                                  required: ["name", "passMark", "criteria"])),
            ("ReviewStandard", open(["id", "name", "version", "passMark", "criteria", "createdBy"])),
            ("ReviewPlanInput", Schema.object([
                ("name", text(100)), ("kind", Schema.enumeration(ReviewPlanKind.allCases.map(\.rawValue))), ("year", Schema.int(min: 2000, max: 2199)),
                ("periodFrom", Schema.date), ("periodTo", Schema.date), ("sampleSize", Schema.int(min: 1, max: 50)),
                ("agencyIds", Schema.array(Schema.uuid)), ("reviewerIds", Schema.array(Schema.uuid)), ("standardId", Schema.uuid), ("contestUntil", Schema.date),
                ("stratifyByFindings", Schema.bool),
            ], required: ["name", "kind", "year", "periodFrom", "periodTo", "sampleSize", "agencyIds", "reviewerIds"])),
            ("ReviewCatalogInput", Schema.object([("caseNumbers", Schema.array(text(60))), ("count", Schema.int(min: 0, max: 100_000)),
                                                  ("explanation", Schema.string(max: 1000))])),
            ("ReviewResolveInput", Schema.object([("resolution", para(1000))], required: ["resolution"])),
            ("ReviewDeduction", Schema.object([("code", Schema.string(max: 10)), ("points", ["type": "number", "exclusiveMinimum": 0, "maximum": 100]),
                                               ("problem", para(1000)), ("grounds", para(1000)), ("advice", para(1000))],
                                              required: ["code", "points", "problem", "grounds", "advice"])),
            ("ReviewScoreInput", Schema.object([("deductions", Schema.array(Schema.ref("ReviewDeduction"))), ("doubtful", Schema.bool)], required: ["deductions"])),
            ("ReviewDeliberationInput", Schema.object([("participants", Schema.array(text(30))), ("conclusion", para(2000))],
                                                      required: ["participants", "conclusion"])),
            ("ReviewConfirmInput", Schema.object([("score", score), ("note", Schema.string(max: 1000))])),
            ("ReviewContestInput", Schema.object([("grounds", para(2000))], required: ["grounds"])),
            ("ReviewContestOutcomeInput", Schema.object([("outcome", Schema.enumeration(ContestOutcome.allCases.map(\.rawValue))), ("score", score),
                                                         ("reason", para(1000))], required: ["outcome", "reason"])),
            ("ReviewSheet", open(["id", "planId", "agencyId", "caseId", "caseNumber", "caseTitle", "drawOrder", "stratum", "standardId", "stage",
                                  "deductions", "doubtful", "revision", "signers", "passMark", "deliberations", "assignedReviewers", "assignedReviewerIds"])),
            ("ReviewPlan", open(["id", "name", "kind", "year", "periodFrom", "periodTo", "sampleSize", "status", "algorithm", "stratified", "bodies", "reviewers", "sheets"])),
            ("ReviewRedraw", open(["algorithm", "seed", "files", "matches"])),
            ("NoticeInput", Schema.object([
                ("kind", Schema.enumeration(NoticeKind.allCases.map(\.rawValue))), ("agencyId", Schema.uuid), ("title", text(100)), ("content", para(5000)),
                ("replyDue", Schema.date), ("caseId", Schema.uuid), ("reviewPlanId", Schema.uuid), ("reviewSheetId", Schema.uuid),
            ], required: ["kind", "agencyId", "title", "content", "replyDue"])),
            ("NoticeReplyInput", Schema.object([("reply", para(5000))], required: ["reply"])),
            ("NoticeReviewInput", Schema.object([("note", Schema.string(max: 1000))])),
            ("Notice", open(["id", "kind", "kindLabel", "agencyId", "agencyName", "title", "content", "issuedOn", "issuedBy", "replyDue", "status",
                             "warning", "source"])),
        ]
    }
}
