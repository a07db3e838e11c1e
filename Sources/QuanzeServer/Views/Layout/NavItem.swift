import QuanzeCore

/// One entry of the console's module navigation, shown only to roles that may open it.
struct NavItem: Sendable {
    let module: String
    let title: String
    let path: String
    let roles: Set<Role>

    static let all: [NavItem] = [
        NavItem(module: "工作台", title: "工作台", path: SiteURL.console, roles: Set(Role.allCases)),
        NavItem(module: "职责界定", title: "执法主体", path: SiteURL.consoleAgencies,
                roles: [.supervisor, .reviewer, .legalOfficer, .officer, .systemAdmin]),
        NavItem(module: "职责界定", title: "执法依据", path: SiteURL.consoleLegalNorms,
                roles: [.supervisor, .reviewer, .legalOfficer, .officer]),
        NavItem(module: "职责界定", title: "需调整预警", path: SiteURL.consolePowerAdjustments,
                roles: [.supervisor, .reviewer, .legalOfficer, .officer]),
        NavItem(module: "执法人员", title: "执法人员", path: SiteURL.consoleOfficers,
                roles: [.supervisor, .reviewer, .legalOfficer, .officer]),
        NavItem(module: "执法人员", title: "证件预警", path: SiteURL.consoleCertificateWarnings,
                roles: [.supervisor, .legalOfficer]),
        NavItem(module: "执法办案", title: "案件", path: SiteURL.consoleCases, roles: [.supervisor, .reviewer, .legalOfficer, .officer]),
        NavItem(module: "执法办案", title: "期限预警", path: SiteURL.consoleCaseWarnings, roles: [.supervisor, .reviewer, .legalOfficer, .officer]),
        NavItem(module: "系统管理", title: "用户管理", path: SiteURL.consoleUsers, roles: [.systemAdmin, .securityAdmin]),
        NavItem(module: "系统管理", title: "辖区与规则", path: SiteURL.consoleJurisdictions, roles: [.systemAdmin, .supervisor, .reviewer]),
        NavItem(module: "系统管理", title: "规则配置", path: SiteURL.consoleProfiles, roles: Set(Role.allCases).subtracting([.auditAdmin])),
        NavItem(module: "系统管理", title: "工作日历", path: SiteURL.consoleCalendar, roles: Set(Role.allCases).subtracting([.auditAdmin])),
        NavItem(module: "安全管理", title: "安全策略", path: SiteURL.consoleSecurityPolicy, roles: [.securityAdmin]),
        NavItem(module: "安全审计", title: "安全审计", path: SiteURL.consoleAudit, roles: [.auditAdmin]),
        NavItem(module: "个人", title: "我的账号", path: SiteURL.consoleAccount, roles: Set(Role.allCases)),
        NavItem(module: "职责界定", title: "委托执法", path: SiteURL.consoleDelegations,
                roles: [.supervisor, .reviewer, .legalOfficer, .officer]),
        NavItem(module: "职责界定", title: "责任书", path: SiteURL.consolePledges, roles: [.supervisor, .legalOfficer]),
        NavItem(module: "执法检查", title: "双随机抽查", path: SiteURL.consoleInspectionPlans, roles: [.supervisor, .legalOfficer]),
        NavItem(module: "执法办案", title: "罚没款收缴季报", path: SiteURL.consoleFineCollections, roles: [.supervisor, .legalOfficer]),
        NavItem(module: "责任追究", title: "责任追究线索", path: SiteURL.consoleLiabilityIntake, roles: [.supervisor, .legalOfficer]),
        NavItem(module: "执法办案", title: "案件移送", path: SiteURL.consoleCaseTransfers, roles: [.supervisor, .reviewer, .legalOfficer, .officer]),
        NavItem(module: "执法办案", title: "决定公开", path: SiteURL.consoleDecisionPublications,
                roles: [.supervisor, .reviewer, .legalOfficer, .officer]),
        NavItem(module: "执法办案", title: "裁量基准", path: SiteURL.consoleDiscretion, roles: [.supervisor, .reviewer, .legalOfficer, .officer]),
        NavItem(module: "执法监督", title: "投诉举报", path: SiteURL.consoleComplaints, roles: [.supervisor, .legalOfficer]),
        NavItem(module: "执法监督", title: "结案预审", path: SiteURL.consoleCaseChecks, roles: [.supervisor, .reviewer, .legalOfficer]),
        NavItem(module: "执法监督", title: "重大处罚备案", path: SiteURL.consoleMajorFilings, roles: [.supervisor, .reviewer, .legalOfficer, .officer]),
        NavItem(module: "执法监督", title: "案卷评查", path: SiteURL.consoleFileReview, roles: [.supervisor, .reviewer, .legalOfficer]),
        NavItem(module: "执法监督", title: "监督文书", path: SiteURL.consoleNotices, roles: [.supervisor, .reviewer, .legalOfficer]),
        NavItem(module: "评议考核", title: "评议考核", path: SiteURL.consoleAssessments, roles: [.supervisor, .legalOfficer, .officer]),
        NavItem(module: "执法监督", title: "执法监督看板", path: SiteURL.consoleDashboard, roles: [.supervisor, .legalOfficer]),
        NavItem(module: "执法监督", title: "执法统计", path: SiteURL.consoleStatistics, roles: [.supervisor, .legalOfficer]),
        NavItem(module: "责任追究", title: "执法协调", path: SiteURL.consoleCoordination, roles: [.supervisor, .legalOfficer]),
        NavItem(module: "责任追究", title: "典型案例", path: SiteURL.consoleTypicalCases, roles: [.supervisor]),
    ]

    static func visible(to roles: Set<Role>) -> [NavItem] {
        all.filter { !$0.roles.isDisjoint(with: roles) || ($0.path == SiteURL.console || $0.path == SiteURL.consoleAccount) }
    }
}
