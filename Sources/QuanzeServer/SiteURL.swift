import Foundation

/// Every route path in one place: no route string is written twice.
enum SiteURL {
    // public portal
    static let home = "/"
    static let publicAgencies = "/agencies"
    static let stylesheet = "/assets/app.css"
    static let healthz = "/healthz"
    static let readyz = "/readyz"

    // console
    static let console = "/console"
    static let consoleLogin = "/console/login"
    static let consoleLogout = "/console/logout"
    static let consoleAccount = "/console/account"
    static let consolePassword = "/console/account/password"
    static let consoleTokens = "/console/account/tokens"
    static func consoleToken(_ id: UUID) -> String { "/console/account/tokens/\(id)/revoke" }
    static let consoleUsers = "/console/users"
    static let consoleUsersNew = "/console/users/new"
    static func consoleUser(_ id: UUID) -> String { "/console/users/\(id)" }
    static let consoleAgencies = "/console/agencies"
    static let consoleAgenciesNew = "/console/agencies/new"
    static func consoleAgency(_ id: UUID) -> String { "/console/agencies/\(id)" }
    static let consoleJurisdictions = "/console/jurisdictions"
    static func consolePowerItem(_ id: UUID) -> String { "/console/power-items/\(id)" }
    static func consoleNewPowerItem(_ agency: UUID) -> String { "/console/agencies/\(agency)/power-items/new" }
    static let consolePowerAdjustments = "/console/power-items/adjustments"
    static let consoleLegalNorms = "/console/legal-norms"
    static let consoleLegalNormsNew = "/console/legal-norms/new"
    static func consoleLegalNorm(_ id: UUID) -> String { "/console/legal-norms/\(id)" }
    static func publicAgency(_ id: UUID) -> String { "/agencies/\(id)" }
    static func publicFlowchart(_ item: UUID) -> String { "/power-items/\(item)/flowchart.svg" }
    static let publicLegalNorms = "/legal-norms"
    static let publicCertificates = "/certificates"
    static let publicRecords = "/records"
    static let publicRecordsCheckpoint = "/api/v1/public/records/checkpoint"
    static let publicRecordsCheckpointNote = "/api/v1/public/records/checkpoint?format=note"
    static func publicRecordInclusion(_ index: Int64, size: Int64) -> String { "/api/v1/public/records/entries/\(index)/inclusion?size=\(size)" }
    static func evidence(_ sha256: String) -> String { "/api/v1/evidence/\(sha256)" }
    static let consoleOfficers = "/console/officers"
    static let consoleOfficersNew = "/console/officers/new"
    static func consoleOfficer(_ id: UUID) -> String { "/console/officers/\(id)" }
    static func consoleCertificateAction(_ id: UUID) -> String { "/console/certificates/\(id)/action" }
    static let consoleCertificateWarnings = "/console/certificates/warnings"
    static func publicLegalNorm(_ id: UUID) -> String { "/legal-norms/\(id)" }
    static let consoleProfiles = "/console/profiles"
    static func consoleProfile(_ id: String) -> String { "/console/profiles/\(id)" }
    static let consoleProfileCompare = "/console/profiles/compare"
    static func consoleProfileComparison(left: String, right: String) -> String { "/console/profiles/compare?left=\(left)&right=\(right)" }
    static let consoleCalendar = "/console/calendar"
    static let consoleSecurityPolicy = "/console/security-policy"
    static let consoleAudit = "/console/audit"
    static let consoleAuditExport = "/console/audit/export"
    static let consoleAuditVerify = "/console/audit/verify"
    static let consoleCases = "/console/cases"
    static let consoleCasesNew = "/console/cases/new"
    static func consoleCase(_ id: UUID) -> String { "/console/cases/\(id)" }
    static let consoleCaseWarnings = "/console/case-warnings"
    static let consoleDelegations = "/console/delegations"
    static let consoleDelegationsNew = "/console/delegations/new"
    static func consoleDelegation(_ id: UUID) -> String { "/console/delegations/\(id)" }
    static func consolePowerListImport(_ agency: UUID) -> String { "/console/agencies/\(agency)/power-items/import" }
    static func consolePowerListTemplate(_ agency: UUID) -> String { "/console/agencies/\(agency)/power-items/import/template.csv" }
    static func consolePosts(_ agency: UUID) -> String { "/console/agencies/\(agency)/posts" }
    static func consoleUnits(_ agency: UUID) -> String { "/console/agencies/\(agency)/units" }
    static func consoleCoverage(_ agency: UUID) -> String { "/console/agencies/\(agency)/coverage" }
    static func consolePostPowers(_ post: UUID) -> String { "/console/posts/\(post)/powers" }
    static func consolePostPowerRemove(_ post: UUID, _ item: UUID) -> String { "/console/posts/\(post)/powers/\(item)/remove" }
    static func consolePostAssignments(_ post: UUID) -> String { "/console/posts/\(post)/assignments" }
    static func consoleAssignmentEnd(_ assignment: UUID) -> String { "/console/assignments/\(assignment)/end" }
    static let consolePledges = "/console/pledges"
    static func consolePledge(_ id: UUID) -> String { "/console/pledges/\(id)" }
    static func consolePledgeSign(_ id: UUID) -> String { "/console/pledges/\(id)/sign" }
    static func consolePledgeAttachment(_ id: UUID) -> String { "/console/pledges/\(id)/attachment" }
    static let consoleInspectionPlans = "/console/inspection-plans"
    static func consoleInspectionPlan(_ id: UUID) -> String { "/console/inspection-plans/\(id)" }
    static func consoleInspectionPlanAction(_ id: UUID, _ action: String) -> String { "/console/inspection-plans/\(id)/\(action)" }
    static let publicInspections = "/inspections"
    static func publicInspection(_ id: UUID) -> String { "/inspections/\(id)" }
    static func publicInspectionRedraw(_ id: UUID) -> String { "/inspections/\(id)/redraw" }
    static func publicInspectionJSON(_ id: UUID) -> String { "/api/v1/public/inspection-plans/\(id)" }
    // 移送、执法决定公开
    static let consoleCaseTransfers = "/console/case-transfers"
    static func consoleCaseTransferAccept(_ id: UUID) -> String { "/console/case-transfers/\(id)/accept" }
    static func consoleCaseTransfersOfCase(_ caseID: UUID) -> String { "/console/cases/\(caseID)/transfers" }
    static func consoleCasePublication(_ caseID: UUID) -> String { "/console/cases/\(caseID)/publication" }
    static let consoleDecisionPublications = "/console/decision-publications"
    static func consoleDecisionPublicationAction(_ id: UUID, _ action: String) -> String { "/console/decision-publications/\(id)/\(action)" }
    static let publicDecisions = "/decisions"
    static func publicDecision(_ id: UUID) -> String { "/decisions/\(id)" }
    static func publicDecisionJSON(_ id: UUID) -> String { "/api/v1/public/decisions/\(id)" }

    static let consoleLiabilityIntake = "/console/liability-intake"
    static func consoleLiabilityIntakeItem(_ id: UUID) -> String { "/console/liability-intake/\(id)" }
    static func consoleLiabilityIntakeAction(_ id: UUID, _ action: String) -> String { "/console/liability-intake/\(id)/\(action)" }
    static func consoleLiabilityMatter(_ id: UUID) -> String { "/console/liability-matters/\(id)" }
    static func consoleLiabilityMatterAction(_ id: UUID, _ action: String) -> String { "/console/liability-matters/\(id)/\(action)" }
    static let consoleFineCollections = "/console/fine-collections"
    static let consoleDiscretion = "/console/discretion-benchmarks"
    static func consoleDiscretionBenchmark(_ id: UUID) -> String { "/console/discretion-benchmarks/\(id)" }
    static let consoleDiscretionConsistency = "/console/discretion-consistency"
    // 结案自动预审、重大行政处罚备案审查
    static let consoleCaseChecks = "/console/case-checks"
    static let consoleCaseChecksRun = "/console/case-checks/run"
    static let consoleMajorFilings = "/console/major-filings"
    static func consoleMajorFiling(_ id: UUID) -> String { "/console/major-filings/\(id)" }
    static func consoleMajorFilingAction(_ id: UUID, _ action: String) -> String { "/console/major-filings/\(id)/\(action)" }

    // 投诉举报
    static let consoleComplaints = "/console/complaints"
    static func consoleComplaint(_ id: UUID) -> String { "/console/complaints/\(id)" }
    static func consoleComplaintAction(_ id: UUID, _ action: String) -> String { "/console/complaints/\(id)/\(action)" }
    static func consoleComplaintAttachment(_ id: UUID, _ attachment: UUID) -> String { "/console/complaints/\(id)/attachments/\(attachment)" }
    static let publicComplaints = "/complaints"
    static let publicComplaintTrack = "/complaints/track"
    // 案卷评查 and 监督文书
    static let consoleFileReview = "/console/file-review"
    static func consoleReviewPlan(_ id: UUID) -> String { "/console/file-review/\(id)" }
    static func consoleReviewPlanAction(_ id: UUID, _ action: String) -> String { "/console/file-review/\(id)/\(action)" }
    static func consoleReviewSheet(_ id: UUID) -> String { "/console/review-sheets/\(id)" }
    static func consoleReviewSheetAction(_ id: UUID, _ action: String) -> String { "/console/review-sheets/\(id)/\(action)" }
    static let consoleNotices = "/console/notices"
    static func consoleNotice(_ id: UUID) -> String { "/console/notices/\(id)" }
    static func consoleNoticeAction(_ id: UUID, _ action: String) -> String { "/console/notices/\(id)/\(action)" }

    // 评议考核 (docs/assessment.md)
    static let consoleAssessments = "/console/assessments"
    static func consoleAssessment(_ id: UUID) -> String { "/console/assessments/\(id)" }
    static func consoleAssessmentAction(_ id: UUID, _ action: String) -> String { "/console/assessments/\(id)/\(action)" }
    static func consoleFinding(_ id: UUID) -> String { "/console/assessment-findings/\(id)" }
    static func consoleFindingAction(_ id: UUID, _ action: String) -> String { "/console/assessment-findings/\(id)/\(action)" }
    static let publicAssessments = "/assessments"
    static let publicFileReviews = "/file-reviews"
    static let publicEvaluate = "/evaluate"

    // 执法统计、看板、开放数据
    static let consoleStatistics = "/console/statistics"
    static let consoleDashboard = "/console/dashboard"
    static let publicOpenData = "/open-data"
    static func publicOpenDataFile(_ name: String, _ ext: String) -> String { "/open-data/\(name).\(ext)" }
    // 执法协调 and 典型案例通报 (issue 6 items 9, 10)
    static let consoleCoordination = "/console/coordination"
    static func consoleCoordinationItem(_ id: UUID) -> String { "/console/coordination/\(id)" }
    static func consoleCoordinationAction(_ id: UUID, _ action: String) -> String { "/console/coordination/\(id)/\(action)" }
    static let consoleTypicalCases = "/console/typical-cases"
    static func consoleTypicalCase(_ id: UUID) -> String { "/console/typical-cases/\(id)" }
    static func consoleTypicalCaseAction(_ id: UUID, _ action: String) -> String { "/console/typical-cases/\(id)/\(action)" }
    static let publicTypicalCases = "/typical-cases"
    static func publicTypicalCase(_ id: UUID) -> String { "/typical-cases/\(id)" }

    // API
    static let api = "/api/v1"
    static let openAPI = "/api/v1/openapi.json"
}
