import QuanzeCore
import Vapor

/// Issue 5 gaps: complaints on the case page, 案卷评查 results on the portal.
extension OpenAPIOperations {
    static let gaps5: [APIOperation] = [
        APIOperation(method: .GET, path: "/api/v1/cases/{caseID}/complaints",
                     summary: "关于一件案件的投诉举报（能查看本案者可见；实名投诉人仅对承办人显示，其余打码；内容仅法制员、监督员可见）", tag: "投诉举报",
                     auth: .required, parameters: [path("caseID")], success: okArray("CaseComplaint")),
        APIOperation(method: .GET, path: "/api/v1/public/file-reviews",
                     summary: "公示：已完成的案卷评查方案中各执法部门的评查案卷数、平均分（百分制）和不合格案卷数（不含人员姓名和案件编号）", tag: "公示",
                     auth: .none, success: okArray("PublicFileReviewPlan")),
    ]
}

extension OpenAPISchemas {
    static var gaps5Schemas: [(String, JSONValue)] {
        func open(_ required: [String]) -> JSONValue { ["type": "object", "required": .array(required.map(JSONValue.string))] }
        return [
            ("CaseComplaint", open(["id", "number", "receivedOn", "channel", "channelLabel", "complainant", "status", "statusLabel", "mayOpen"])),
            ("PublicFileReviewPlan", open(["id", "name", "kind", "kindLabel", "year", "periodFrom", "periodTo", "passMark", "bodies"])),
        ]
    }
}
