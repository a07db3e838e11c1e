import QuanzeCore
import Vapor

/// One documented operation.
struct APIOperation: Sendable {
    enum Auth: Sendable { case none, required }
    let method: HTTPMethod
    let path: String          // OpenAPI form, e.g. /api/v1/users/{userID}
    let summary: String
    let tag: String
    let auth: Auth
    var parameters: [JSONValue] = []
    var body: String? = nil                      // component schema name of the JSON body
    var success: (status: Int, schema: JSONValue?, mediaType: String) = (200, nil, "application/json")
}

/// Every API operation. A test fails when a registered API route is missing here.
enum OpenAPIOperations {
    static func path(_ name: String) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "schema": name == "role" ? Schema.ref("Role") : Schema.uuid]
    }
    static func query(_ name: String, _ schema: JSONValue, required: Bool = false) -> JSONValue {
        ["name": .string(name), "in": "query", "required": .bool(required), "schema": schema]
    }
    static let paging: [JSONValue] = [query("page", Schema.int(min: 1, max: 100_000)), query("per", Schema.int(min: 1, max: 200))]
    /// Filter parameters: an empty value (what a filter form sends for “全部”) means no filter.
    static let auditFilters: [JSONValue] = [
        query("actor", Schema.string(max: 50)), query("action", Schema.enumeration([""] + AuditAction.allCases.map(\.rawValue))),
        query("outcome", Schema.enumeration([""] + AuditOutcome.allCases.map(\.rawValue))),
        query("from", Schema.optionalDate), query("to", Schema.optionalDate),
    ]
    static let normFilters: [JSONValue] = [
        query("q", Schema.string(max: 50)), query("level", Schema.enumeration([""] + NormLevel.allCases.map(\.rawValue))),
        query("status", Schema.enumeration([""] + NormStatus.allCases.map(\.rawValue))),
    ]
    static func ok(_ schema: String, _ status: Int = 200) -> (Int, JSONValue?, String) { (status, Schema.ref(schema), "application/json") }
    static func okArray(_ schema: String) -> (Int, JSONValue?, String) { (200, Schema.array(Schema.ref(schema)), "application/json") }

    static let all: [APIOperation] = [
        APIOperation(method: .GET, path: "/healthz", summary: "存活检查", tag: "运维", auth: .none, success: ok("Health")),
        APIOperation(method: .GET, path: "/readyz", summary: "就绪检查（数据库可达）", tag: "运维", auth: .none, success: ok("Health")),
        APIOperation(method: .GET, path: "/api/v1/openapi.json", summary: "OpenAPI 文档", tag: "运维", auth: .none,
                     success: (200, Schema.openObject(), "application/json")),
        APIOperation(method: .POST, path: "/api/v1/auth/token", summary: "以用户名和密码换取 API 令牌", tag: "认证", auth: .none,
                     body: "TokenRequest", success: ok("IssuedToken", 201)),
        APIOperation(method: .GET, path: "/api/v1/me", summary: "当前账号", tag: "我的账号", auth: .required, success: ok("Me")),
        APIOperation(method: .GET, path: "/api/v1/me/dashboard", summary: "工作台统计与待办", tag: "我的账号", auth: .required, success: ok("Dashboard")),
        APIOperation(method: .POST, path: "/api/v1/me/password", summary: "修改密码", tag: "我的账号", auth: .required,
                     body: "PasswordChange", success: ok("Status")),
        APIOperation(method: .GET, path: "/api/v1/me/tokens", summary: "我的 API 令牌", tag: "我的账号", auth: .required, success: okArray("Token")),
        APIOperation(method: .POST, path: "/api/v1/me/tokens", summary: "创建 API 令牌", tag: "我的账号", auth: .required,
                     body: "TokenCreate", success: ok("IssuedToken", 201)),
        APIOperation(method: .DELETE, path: "/api/v1/me/tokens/{tokenID}", summary: "吊销 API 令牌", tag: "我的账号", auth: .required,
                     parameters: [path("tokenID")], success: ok("Status")),
        APIOperation(method: .GET, path: "/api/v1/users", summary: "账号列表（系统管理员、安全管理员）", tag: "账号", auth: .required,
                     parameters: [query("q", Schema.string(max: 50)), query("status", Schema.enumeration(["", "all", "locked", "disabled", "norole", "pending"]))] + paging,
                     success: ok("UserList")),
        APIOperation(method: .POST, path: "/api/v1/users", summary: "创建账号（系统管理员）", tag: "账号", auth: .required,
                     body: "CreateUserInput", success: ok("CreatedUser", 201)),
        APIOperation(method: .GET, path: "/api/v1/users/{userID}", summary: "账号详情", tag: "账号", auth: .required,
                     parameters: [path("userID")], success: ok("User")),
        APIOperation(method: .PATCH, path: "/api/v1/users/{userID}", summary: "修改账号（系统管理员）", tag: "账号", auth: .required,
                     parameters: [path("userID")], body: "UpdateUserInput", success: ok("User")),
        APIOperation(method: .POST, path: "/api/v1/users/{userID}/reset-password", summary: "重置密码（系统管理员）", tag: "账号",
                     auth: .required, parameters: [path("userID")], success: ok("PasswordReset")),
        APIOperation(method: .POST, path: "/api/v1/users/{userID}/unlock", summary: "解除锁定（安全管理员）", tag: "账号", auth: .required,
                     parameters: [path("userID")], success: ok("User")),
        APIOperation(method: .GET, path: "/api/v1/users/{userID}/roles", summary: "账号的角色", tag: "角色授权", auth: .required,
                     parameters: [path("userID")], success: ok("RoleList")),
        APIOperation(method: .PUT, path: "/api/v1/users/{userID}/roles/{role}", summary: "授予角色（安全管理员）", tag: "角色授权",
                     auth: .required, parameters: [path("userID"), path("role")], success: ok("RoleList")),
        APIOperation(method: .DELETE, path: "/api/v1/users/{userID}/roles/{role}", summary: "撤销角色（安全管理员）", tag: "角色授权",
                     auth: .required, parameters: [path("userID"), path("role")], success: ok("RoleList")),
        APIOperation(method: .GET, path: "/api/v1/security-policy", summary: "安全策略（安全管理员）", tag: "安全策略", auth: .required,
                     success: ok("SecurityPolicy")),
        APIOperation(method: .PUT, path: "/api/v1/security-policy", summary: "修改安全策略（不得低于基线）", tag: "安全策略", auth: .required,
                     body: "SecurityPolicy", success: ok("SecurityPolicy")),
        APIOperation(method: .GET, path: "/api/v1/audit", summary: "安全审计记录（审计管理员）", tag: "安全审计", auth: .required,
                     parameters: auditFilters + paging, success: ok("AuditList")),
        APIOperation(method: .GET, path: "/api/v1/audit/verify", summary: "校验审计哈希链", tag: "安全审计", auth: .required, success: ok("AuditVerify")),
        APIOperation(method: .GET, path: "/api/v1/audit/export", summary: "导出审计记录（CSV）", tag: "安全审计", auth: .required,
                     parameters: auditFilters, success: (200, Schema.string, "text/csv")),
        APIOperation(method: .GET, path: "/api/v1/agencies", summary: "范围内的执法主体", tag: "执法主体", auth: .required, success: okArray("Agency")),
        APIOperation(method: .GET, path: "/api/v1/agencies/{agencyID}", summary: "执法主体详情（范围外 403）", tag: "执法主体", auth: .required,
                     parameters: [path("agencyID")], success: ok("Agency")),
        APIOperation(method: .POST, path: "/api/v1/agencies", summary: "登记执法主体（监督员，本辖区）", tag: "执法主体", auth: .required,
                     body: "AgencyCreate", success: ok("Agency", 201)),
        APIOperation(method: .PATCH, path: "/api/v1/agencies/{agencyID}", summary: "修改执法主体（名称、类别或代码变更后须重新确认）", tag: "执法主体",
                     auth: .required, parameters: [path("agencyID")], body: "AgencyUpdate", success: ok("Agency")),
        APIOperation(method: .POST, path: "/api/v1/agencies/{agencyID}/confirm", summary: "确认主体资格（行政执法监督机关）", tag: "执法主体",
                     auth: .required, parameters: [path("agencyID")], body: "AgencyConfirm", success: ok("Agency")),
        APIOperation(method: .POST, path: "/api/v1/agencies/{agencyID}/announce", summary: "公告执法主体（确认后）", tag: "执法主体",
                     auth: .required, parameters: [path("agencyID")], body: "AgencyAnnounce", success: ok("Agency")),
        APIOperation(method: .POST, path: "/api/v1/agencies/{agencyID}/revoke", summary: "撤销主体资格", tag: "执法主体",
                     auth: .required, parameters: [path("agencyID")], body: "AgencyRevoke", success: ok("Agency")),
        APIOperation(method: .GET, path: "/api/v1/public/agencies", summary: "公示：执法主体名录", tag: "公示", auth: .none, success: okArray("PublicAgency")),
        APIOperation(method: .GET, path: "/api/v1/legal-norms", summary: "执法依据目录（按标题或条文搜索）", tag: "执法依据", auth: .required,
                     parameters: normFilters, success: okArray("LegalNorm")),
        APIOperation(method: .POST, path: "/api/v1/legal-norms", summary: "收录执法依据（监督员）", tag: "执法依据", auth: .required,
                     body: "CreateLegalNorm", success: ok("LegalNorm", 201)),
        APIOperation(method: .GET, path: "/api/v1/legal-norms/{normID}", summary: "执法依据（含条款与沿革）", tag: "执法依据", auth: .required,
                     parameters: [path("normID")], success: ok("LegalNorm")),
        APIOperation(method: .POST, path: "/api/v1/legal-norms/{normID}/articles", summary: "收录条款（监督员）", tag: "执法依据",
                     auth: .required, parameters: [path("normID")], body: "CreateArticle", success: ok("LegalArticle", 201)),
        APIOperation(method: .POST, path: "/api/v1/legal-norms/{normID}/status", summary: "登记修改或废止（监督员）", tag: "执法依据",
                     auth: .required, parameters: [path("normID")], body: "NormStatusChange", success: ok("LegalNorm")),
        APIOperation(method: .POST, path: "/api/v1/legal-norms/{normID}/articles/{articleID}/status", summary: "登记条款修改或废止（监督员）",
                     tag: "执法依据", auth: .required, parameters: [path("normID"), path("articleID")], body: "NormStatusChange",
                     success: ok("LegalArticle")),
        APIOperation(method: .GET, path: "/api/v1/public/legal-norms", summary: "公示：执法依据目录", tag: "公示", auth: .none,
                     parameters: normFilters, success: okArray("LegalNorm")),
        APIOperation(method: .GET, path: "/api/v1/public/legal-norms/{normID}", summary: "公示：执法依据", tag: "公示", auth: .none,
                     parameters: [path("normID")], success: ok("LegalNorm")),
        APIOperation(method: .GET, path: "/api/v1/agencies/{agencyID}/power-items", summary: "执法主体的权责清单", tag: "权责清单",
                     auth: .required, parameters: [path("agencyID")], success: okArray("PowerItem")),
        APIOperation(method: .POST, path: "/api/v1/agencies/{agencyID}/power-items", summary: "草拟职权事项（本主体法制员）", tag: "权责清单",
                     auth: .required, parameters: [path("agencyID")], body: "PowerItemInput", success: ok("PowerItem", 201)),
        APIOperation(method: .GET, path: "/api/v1/power-items/adjustments", summary: "需调整的职权事项（预警）", tag: "权责清单",
                     auth: .required, success: okArray("PowerItem")),
        APIOperation(method: .GET, path: "/api/v1/power-items/{itemID}", summary: "职权事项及其各版本", tag: "权责清单", auth: .required,
                     parameters: [path("itemID")], success: ok("PowerItem")),
        APIOperation(method: .PUT, path: "/api/v1/power-items/{itemID}/draft", summary: "修改草拟版本（已公布版本不可修改）", tag: "权责清单",
                     auth: .required, parameters: [path("itemID")], body: "PowerItemInput", success: ok("PowerItem")),
        APIOperation(method: .POST, path: "/api/v1/power-items/{itemID}/new-version", summary: "以已公布版本为基础新建版本", tag: "权责清单",
                     auth: .required, parameters: [path("itemID")], success: ok("PowerItem", 201)),
        APIOperation(method: .POST, path: "/api/v1/power-items/{itemID}/{action}", summary: "送审（法制员）；审核通过、退回、公布（监督员）",
                     tag: "权责清单", auth: .required,
                     parameters: [path("itemID"), ["name": "action", "in": "path", "required": true,
                                                   "schema": Schema.enumeration(["submit", "approve", "return", "publish"])]],
                     success: ok("PowerItem")),
        APIOperation(method: .GET, path: "/api/v1/power-items/{itemID}/flowchart.svg", summary: "流程图（SVG）", tag: "权责清单",
                     auth: .required, parameters: [path("itemID")], success: (200, Schema.string, "image/svg+xml")),
        APIOperation(method: .GET, path: "/api/v1/profiles", summary: "规则配置列表", tag: "规则配置", auth: .required, success: okArray("ProfileSummary")),
        APIOperation(method: .GET, path: "/api/v1/profiles/{profileID}", summary: "规则配置（含继承与出处）", tag: "规则配置", auth: .required,
                     parameters: [["name": "profileID", "in": "path", "required": true, "schema": Schema.string(min: 1, max: 64)]],
                     success: ok("Profile")),
        APIOperation(method: .GET, path: "/api/v1/jurisdictions", summary: "辖区", tag: "规则配置", auth: .required, success: okArray("Jurisdiction")),
        APIOperation(method: .POST, path: "/api/v1/jurisdictions", summary: "登记辖区（系统管理员）", tag: "规则配置", auth: .required,
                     body: "CreateJurisdiction", success: ok("Jurisdiction", 201)),
        APIOperation(method: .PUT, path: "/api/v1/jurisdictions/{jurisdictionID}/profile", summary: "选择辖区的规则配置（系统管理员）",
                     tag: "规则配置", auth: .required, parameters: [path("jurisdictionID")], body: "ProfileChoice", success: ok("Jurisdiction")),
        APIOperation(method: .GET, path: "/api/v1/calendar/years", summary: "已录入的年度放假安排", tag: "工作日历", auth: .required,
                     success: okArray("CalendarYearSummary")),
        APIOperation(method: .GET, path: "/api/v1/calendar/years/{year}", summary: "某年度放假安排", tag: "工作日历", auth: .required,
                     parameters: [["name": "year", "in": "path", "required": true, "schema": Schema.int(min: 2000, max: 2199)]],
                     success: ok("CalendarYear")),
        APIOperation(method: .POST, path: "/api/v1/calendar/years", summary: "录入新年度放假安排（系统管理员）", tag: "工作日历",
                     auth: .required, body: "CalendarYear", success: ok("CalendarYear", 201)),
        APIOperation(method: .GET, path: "/api/v1/calendar/deadline", summary: "期限计算（含依据与暂定标记）", tag: "工作日历", auth: .required,
                     parameters: [query("start", Schema.date, required: true), query("value", Schema.int(min: 0, max: 3660), required: true),
                                  query("unit", Schema.enumeration(DeadlineUnit.allCases.map(\.rawValue)), required: true)],
                     success: ok("DeadlineResult")),
        APIOperation(method: .GET, path: "/api/v1/calendar/working-days", summary: "两日之间的工作日数（不含起算日）", tag: "工作日历",
                     auth: .required, parameters: [query("from", Schema.date, required: true), query("to", Schema.date, required: true)],
                     success: ok("WorkingDayCount")),
        // 分解职权: 执法机构、执法岗位、岗位职权、人员在岗 (法制员 manages its body; 监督员 reads)
        APIOperation(method: .GET, path: "/api/v1/agencies/{agencyID}/units", summary: "执法机构列表", tag: "分解职权",
                     auth: .required, parameters: [path("agencyID")], success: okArray("Unit")),
        APIOperation(method: .POST, path: "/api/v1/agencies/{agencyID}/units", summary: "设立执法机构（本主体法制员）", tag: "分解职权",
                     auth: .required, parameters: [path("agencyID")], body: "UnitInput", success: ok("Unit", 201)),
        APIOperation(method: .GET, path: "/api/v1/agencies/{agencyID}/posts", summary: "执法岗位列表（职责、职权、人员）", tag: "分解职权",
                     auth: .required, parameters: [path("agencyID")], success: okArray("Post")),
        APIOperation(method: .POST, path: "/api/v1/agencies/{agencyID}/posts", summary: "设立执法岗位，可同时分配职权（任一职权被拒则不保存）",
                     tag: "分解职权", auth: .required, parameters: [path("agencyID")], body: "PostInput", success: ok("Post", 201)),
        APIOperation(method: .GET, path: "/api/v1/agencies/{agencyID}/coverage", summary: "职权分解情况报告（未分解、交叉重复、无人在岗、轮岗）",
                     tag: "分解职权", auth: .required, parameters: [path("agencyID")], success: ok("Coverage")),
        APIOperation(method: .GET, path: "/api/v1/posts/{postID}", summary: "执法岗位", tag: "分解职权",
                     auth: .required, parameters: [path("postID")], success: ok("Post")),
        APIOperation(method: .POST, path: "/api/v1/posts/{postID}/powers", summary: "为岗位分配职权（仅本主体审核通过或已公布的事项）",
                     tag: "分解职权", auth: .required, parameters: [path("postID")], body: "HoldingInput", success: ok("Post", 201)),
        APIOperation(method: .DELETE, path: "/api/v1/posts/{postID}/powers/{itemID}", summary: "移除岗位持有的职权", tag: "分解职权",
                     auth: .required, parameters: [path("postID"), path("itemID")], success: ok("Post")),
        APIOperation(method: .POST, path: "/api/v1/posts/{postID}/assignments", summary: "安排执法人员到岗（记录到岗日期）", tag: "分解职权",
                     auth: .required, parameters: [path("postID")], body: "AssignmentInput", success: ok("Assignment", 201)),
        APIOperation(method: .POST, path: "/api/v1/assignments/{assignmentID}/end", summary: "结束任职（离岗日期，缺省为今天）", tag: "分解职权",
                     auth: .required, parameters: [path("assignmentID")], body: "EndAssignmentInput", success: ok("Assignment")),
        // 责任书 (监督员: 政府↔执法主体; 法制员: 执法主体↔执法机构)
        APIOperation(method: .GET, path: "/api/v1/pledges", summary: "责任书列表（本辖区或本主体）", tag: "责任书", auth: .required,
                     parameters: [query("year", Schema.int(min: 2000, max: 2199))], success: okArray("Pledge")),
        APIOperation(method: .POST, path: "/api/v1/pledges", summary: "草拟责任书（监督员：政府与执法主体；法制员：本主体与执法机构）", tag: "责任书",
                     auth: .required, body: "PledgeInput", success: ok("Pledge", 201)),
        APIOperation(method: .GET, path: "/api/v1/pledges/{pledgeID}", summary: "责任书", tag: "责任书", auth: .required,
                     parameters: [path("pledgeID")], success: ok("Pledge")),
        APIOperation(method: .POST, path: "/api/v1/pledges/{pledgeID}/sign", summary: "登记双方签订日期", tag: "责任书", auth: .required,
                     parameters: [path("pledgeID")], body: "PledgeSignInput", success: ok("Pledge")),
        APIOperation(method: .PUT, path: "/api/v1/pledges/{pledgeID}/attachment", summary: "上传附件（PDF/PNG/JPEG，不超过 5 MB，base64）",
                     tag: "责任书", auth: .required, parameters: [path("pledgeID")], body: "PledgeAttachmentInput", success: ok("Pledge")),
        APIOperation(method: .GET, path: "/api/v1/pledges/{pledgeID}/attachment", summary: "下载附件", tag: "责任书", auth: .required,
                     parameters: [path("pledgeID")], success: (200, ["type": "string", "format": "binary"], "application/octet-stream")),
    ]
}
