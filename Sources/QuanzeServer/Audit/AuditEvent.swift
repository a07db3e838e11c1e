import Foundation

/// What happened, for the security audit. Action codes are stable; the UI shows `label`.
enum AuditAction: String, Codable, CaseIterable, Sendable {
    case loginSuccess = "login.success"
    case loginFailure = "login.failure"
    case loginLocked = "login.locked"
    case accountLockout = "account.lockout"
    case logout = "logout"
    case sessionExpired = "session.expired"
    case passwordChange = "password.change"
    case accountCreate = "account.create"
    case accountUpdate = "account.update"
    case accountPasswordReset = "account.password_reset"
    case accountUnlock = "account.unlock"
    case roleGrant = "role.grant"
    case roleRevoke = "role.revoke"
    case tokenCreate = "token.create"
    case tokenRevoke = "token.revoke"
    case policyUpdate = "policy.update"
    case profileAssign = "profile.assign"
    case jurisdictionCreate = "jurisdiction.create"
    case agencyCreate = "agency.create"
    case agencyUpdate = "agency.update"
    case agencyConfirm = "agency.confirm"
    case agencyAnnounce = "agency.announce"
    case agencyRevoke = "agency.revoke"
    case calendarYearAdd = "calendar.year_add"
    case dataExport = "data.export"
    case auditVerify = "audit.verify"
    case accessDenied = "access.denied"
    case csrfRejected = "csrf.rejected"
    case requestRejected = "request.rejected"
    case demoLoad = "demo.load"
    case officerCreate = "officer.create"
    case officerUpdate = "officer.update"
    case certificateIssue = "certificate.issue"
    case certificateChange = "certificate.change"
    case delegationCreate = "delegation.create"
    case delegationFile = "delegation.file"
    case delegationTerminate = "delegation.terminate"
    case powerListImport = "power_list.import"
    case unitCreate = "post.unit_create"
    case postCreate = "post.create"
    case postPowerAdd = "post.power_add"
    case postPowerRemove = "post.power_remove"
    case postAssign = "post.assign"
    case postAssignmentEnd = "post.assignment_end"
    case pledgeCreate = "pledge.create"
    case pledgeSign = "pledge.sign"
    case pledgeAttach = "pledge.attach"
    case caseFile = "case.file"
    case caseAdvance = "case.advance"
    case caseReview = "case.legal_review"
    case caseDecide = "case.decide"
    case caseClock = "case.clock"
    case evidenceUpload = "evidence.upload"
    case inspectionPlanCreate = "inspection.plan_create"
    case inspectionObjectAdd = "inspection.object_add"
    case inspectionConflictDeclare = "inspection.conflict_declare"
    case inspectionDraw = "inspection.draw"
    case inspectionPublish = "inspection.publish"
    case inspectionResultRecord = "inspection.result_record"
    case casePayment = "case.payment"
    case casePaymentReverse = "case.payment_reverse"
    case caseEnforcementStep = "case.enforcement_step"
    case caseRemedyApply = "case.remedy_apply"
    case caseRemedyResult = "case.remedy_result"
    case caseRefund = "case.refund"
    case caseTransfer = "case.transfer"
    case caseTransferAccept = "case.transfer_accept"
    case caseJudicialTransfer = "case.judicial_transfer"
    case decisionPublish = "decision.publish"
    case decisionWithdraw = "decision.withdraw"
    case discretionCreate = "discretion.create"
    case discretionUpdate = "discretion.update"
    // 评议考核 (issue 5 item 4)
    case assessmentPlanCreate = "assessment.plan.create"
    case assessmentCompute = "assessment.compute"
    case assessmentPublish = "assessment.publish"
    case assessmentEnter = "assessment.finding.enter"
    case assessmentRespond = "assessment.finding.respond"
    case assessmentDecide = "assessment.finding.decide"
    case zeroEnforcementReason = "assessment.zero_enforcement.reason"
    case evaluationSubmit = "evaluation.submit"
    case evaluationCodeIssue = "evaluation.code.issue"
    case evaluationImport = "evaluation.import"

    var label: String {
        switch self {
        case .loginSuccess: "登录成功"
        case .loginFailure: "登录失败"
        case .loginLocked: "锁定期间尝试登录"
        case .accountLockout: "账号锁定"
        case .logout: "退出登录"
        case .sessionExpired: "会话超时"
        case .passwordChange: "修改密码"
        case .accountCreate: "创建账号"
        case .accountUpdate: "修改账号"
        case .accountPasswordReset: "重置密码"
        case .accountUnlock: "解除锁定"
        case .roleGrant: "授予角色"
        case .roleRevoke: "撤销角色"
        case .tokenCreate: "创建 API 令牌"
        case .tokenRevoke: "吊销 API 令牌"
        case .policyUpdate: "修改安全策略"
        case .profileAssign: "选择规则配置"
        case .jurisdictionCreate: "登记辖区"
        case .agencyCreate: "登记执法主体"
        case .agencyUpdate: "修改执法主体"
        case .agencyConfirm: "确认主体资格"
        case .agencyAnnounce: "公告执法主体"
        case .agencyRevoke: "撤销主体资格"
        case .calendarYearAdd: "添加年度放假安排"
        case .dataExport: "数据导出"
        case .auditVerify: "审计链校验"
        case .accessDenied: "越权访问被拒绝"
        case .csrfRejected: "防伪令牌校验失败"
        case .requestRejected: "请求被拒绝"
        case .demoLoad: "载入演示数据"
        case .officerCreate: "登记执法人员"
        case .officerUpdate: "修改执法人员"
        case .certificateIssue: "核发执法证件"
        case .certificateChange: "执法证件状态变更"
        case .delegationCreate: "登记委托执法"
        case .delegationFile: "委托执法备案"
        case .delegationTerminate: "终止委托执法"
        case .powerListImport: "导入权责清单"
        case .unitCreate: "设立执法机构"
        case .postCreate: "设立执法岗位"
        case .postPowerAdd: "岗位分配职权"
        case .postPowerRemove: "岗位移除职权"
        case .postAssign: "人员到岗"
        case .postAssignmentEnd: "人员离岗"
        case .pledgeCreate: "草拟责任书"
        case .pledgeSign: "签订责任书"
        case .pledgeAttach: "上传责任书附件"
        case .caseFile: "立案"
        case .caseAdvance: "案件环节变更"
        case .caseReview: "法制审核"
        case .caseDecide: "作出执法决定"
        case .caseClock: "案件期限中止、恢复或延长"
        case .evidenceUpload: "上传证据文件"
        case .inspectionPlanCreate: "制定双随机抽查计划"
        case .inspectionObjectAdd: "录入检查对象"
        case .inspectionConflictDeclare: "登记回避"
        case .inspectionDraw: "双随机抽取"
        case .inspectionPublish: "公布抽查结果"
        case .inspectionResultRecord: "登记检查结果"
        case .casePayment: "登记罚款缴款"
        case .casePaymentReverse: "冲正罚款缴款"
        case .caseEnforcementStep: "登记执行措施"
        case .caseRemedyApply: "登记复议或诉讼申请"
        case .caseRemedyResult: "登记复议或诉讼结果"
        case .caseRefund: "登记退还罚款"
        case .caseTransfer: "案件移送其他机关"
        case .caseTransferAccept: "接收移送案件"
        case .caseJudicialTransfer: "案件移送司法机关"
        case .decisionPublish: "公开执法决定"
        case .decisionWithdraw: "撤回已公开的执法决定"
        case .discretionCreate: "制定裁量基准"
        case .discretionUpdate: "修改裁量基准"
        case .assessmentPlanCreate: "制定评议考核方案"
        case .assessmentCompute: "计算评议考核得分"
        case .assessmentPublish: "公布评议考核结果"
        case .assessmentEnter: "录入考核指标得分"
        case .assessmentRespond: "被考核方确认或申辩考核结论"
        case .assessmentDecide: "考核方处理申辩"
        case .zeroEnforcementReason: "说明零执法理由"
        case .evaluationSubmit: "提交执法评议"
        case .evaluationCodeIssue: "发放评议码"
        case .evaluationImport: "导入问卷调查评议"
        }
    }
}

enum AuditOutcome: String, Codable, CaseIterable, Sendable {
    case success, failure, denied

    var label: String {
        switch self {
        case .success: "成功"
        case .failure: "失败"
        case .denied: "拒绝"
        }
    }
}

struct AuditEvent: Sendable {
    var action: AuditAction
    var outcome: AuditOutcome
    var actorID: String?
    var actorName: String?
    var ip: String?
    var target: String?
    var detail: String?

    init(action: AuditAction, outcome: AuditOutcome, actorID: String? = nil, actorName: String? = nil,
         ip: String? = nil, target: String? = nil, detail: String? = nil) {
        self.action = action
        self.outcome = outcome
        self.actorID = actorID
        self.actorName = actorName
        self.ip = ip
        self.target = target
        self.detail = detail
    }
}
