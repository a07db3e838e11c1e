import Fluent
import Vapor

/// The ordered list of migrations. Never reorder or edit a released one; add `Migrations/NNN/`.
enum QuanzeMigrations {
    static func register(_ app: Application) {
        app.migrations.add(CreateJurisdiction())
        app.migrations.add(CreateAgency())
        app.migrations.add(CreateUser())
        app.migrations.add(CreateSessionAndToken())
        app.migrations.add(CreateAudit())
        app.migrations.add(CreateSettings())
        // 002: 执法主体 register
        app.migrations.add(UpdateAgencyAddRegistry())
        app.migrations.add(CreateLegalNorm())
        app.migrations.add(CreatePowerItem())
        // 003: 委托执法
        app.migrations.add(CreateDelegation())
        // 004: 执法人员 and 证件
        app.migrations.add(CreateOfficer())
        app.migrations.add(CreateCertificate())
        app.migrations.add(UpdateAgencyAddComplaintChannels())
        app.migrations.add(CreateDiscretionBenchmark())
        // 005: 分解职权 (执法机构、执法岗位、岗位职权、人员在岗)
        app.migrations.add(CreateEnforcementUnit())
        app.migrations.add(CreateEnforcementPost())
        app.migrations.add(CreatePostPower())
        app.migrations.add(CreatePostAssignment())
        // 005: 行政执法责任书
        app.migrations.add(CreatePledge())
        // 006: 执法办案
        app.migrations.add(CreateCase())
        // 007: 全过程记录
        app.migrations.add(CreateRecordLog())
        // 008: 双随机一公开
        app.migrations.add(CreateInspections())
        // 009: 案件索引
        app.migrations.add(AddCaseIndexes())
        // 010: 执行（罚缴分离）、复议诉讼结果、退款、责任追究线索
        app.migrations.add(CreateCollections())
        // 011: 案件移送、执法决定公开
        app.migrations.add(CreateTransfersAndPublications())
        // 012: 裁量基准 levels and factors; what each decision was measured against
        app.migrations.add(AddDiscretionLevels())
        // 013: 案件检索 (full-text search on SQLite, the earliest open limit per case, covering list indexes)
        app.migrations.add(AddCaseSearch())
        // 014: 投诉举报; liability intake items without a case
        app.migrations.add(CreateComplaints())
        // 015: 结案自动预审 findings; 重大行政处罚备案审查
        app.migrations.add(CreateCaseChecks())
        // 016: 案卷评查 and 监督文书 (纠正过错通知书 / 政府法制建议书 / 案卷评查单)
        app.migrations.add(CreateFileReview())
        // 017: 评议考核 (plans, findings, 零执法 reasons, evaluation codes and external evaluations)
        app.migrations.add(CreateAssessment())
        // 018: 执法统计 (confiscated value per decision, indexes for statistics and dashboards)
        app.migrations.add(AddStatistics())
        // 019: 责任追究 intake handling, matters (立案) and investigation
        app.migrations.add(CreateLiabilityMatters())
        // 020: 案卷评查 stratified draw, assigned reviewers per file, sheet signing day
        app.migrations.add(AddFileReviewGaps())
        // 021: limits and decisions carry their case's body and procedure (评议考核 and 执法统计 at 1M cases)
        app.migrations.add(AddDeadlineAgency())
        // 022: 责任追究 findings and proposal, decisions per target, document, service, 备案, execution, appeals
        app.migrations.add(CreateLiabilityDecisions())
        // 023: 责任追究 consequences (certificates, posts, 停止执法, assessment) of liability decisions
        app.migrations.add(CreateLiabilityConsequences())
        // 024: 执法协调 (beijing-tongzhou 协调规定) and 典型案例通报
        app.migrations.add(CreateCoordination())
        // 025: one 追究机关逾期 item per lapse, even with several instances sweeping at once
        app.migrations.add(AddIntakeOnceIndex())
    }
}
