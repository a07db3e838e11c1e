import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// Who may call each route. Every registered route must have a row: a new route without one fails
/// `everyRouteHasARow`. Each row is exercised anonymously and by every role.
enum Access {
    case `public`
    case roles(Set<Role>)
}

let everyone = Set(Role.allCases)
let notAudit = everyone.subtracting([.auditAdmin])
let business: Set<Role> = [.supervisor, .reviewer, .legalOfficer, .officer]

let permissionMatrix: [String: Access] = [
    // public portal, health, assets, sign-in
    "GET /": .public, "GET /agencies": .public, "GET /assets/app.css": .public,
    "GET /healthz": .public, "GET /readyz": .public, "GET /api/v1/openapi.json": .public,
    "GET /api/v1/public/agencies": .public, "POST /api/v1/auth/token": .public,
    "GET /console/login": .public, "POST /console/login": .public, "POST /console/logout": .public,
    // own account
    "GET /console": .roles(everyone), "GET /console/account": .roles(everyone),
    "POST /console/account/tokens": .roles(everyone), "POST /console/account/tokens/:tokenID/revoke": .roles(everyone),
    "GET /console/account/password": .roles(everyone), "POST /console/account/password": .roles(everyone),
    "GET /api/v1/me": .roles(everyone), "GET /api/v1/me/dashboard": .roles(everyone),
    "POST /api/v1/me/password": .roles(everyone), "GET /api/v1/me/tokens": .roles(everyone),
    "POST /api/v1/me/tokens": .roles(everyone), "DELETE /api/v1/me/tokens/:tokenID": .roles(everyone),
    // accounts (系统管理员) and role grants (安全管理员)
    "GET /console/users": .roles([.systemAdmin, .securityAdmin]), "GET /console/users/:userID": .roles([.systemAdmin, .securityAdmin]),
    "GET /console/users/new": .roles([.systemAdmin]), "POST /console/users/new": .roles([.systemAdmin]),
    "POST /console/users/:userID/edit": .roles([.systemAdmin]), "POST /console/users/:userID/reset-password": .roles([.systemAdmin]),
    "POST /console/users/:userID/disable": .roles([.systemAdmin]), "POST /console/users/:userID/enable": .roles([.systemAdmin]),
    "POST /console/users/:userID/unlock": .roles([.securityAdmin]), "POST /console/users/:userID/roles": .roles([.securityAdmin]),
    "POST /console/users/:userID/roles/:role/revoke": .roles([.securityAdmin]),
    "GET /api/v1/users": .roles([.systemAdmin, .securityAdmin]), "POST /api/v1/users": .roles([.systemAdmin]),
    "GET /api/v1/users/:userID": .roles([.systemAdmin, .securityAdmin]), "PATCH /api/v1/users/:userID": .roles([.systemAdmin]),
    "POST /api/v1/users/:userID/reset-password": .roles([.systemAdmin]), "POST /api/v1/users/:userID/unlock": .roles([.securityAdmin]),
    "GET /api/v1/users/:userID/roles": .roles([.systemAdmin, .securityAdmin]),
    "PUT /api/v1/users/:userID/roles/:role": .roles([.securityAdmin]), "DELETE /api/v1/users/:userID/roles/:role": .roles([.securityAdmin]),
    // security policy (安全管理员), audit (审计管理员)
    "GET /console/security-policy": .roles([.securityAdmin]), "POST /console/security-policy": .roles([.securityAdmin]),
    "GET /api/v1/security-policy": .roles([.securityAdmin]), "PUT /api/v1/security-policy": .roles([.securityAdmin]),
    "GET /console/audit": .roles([.auditAdmin]), "POST /console/audit/verify": .roles([.auditAdmin]),
    "GET /console/audit/export": .roles([.auditAdmin]),
    "GET /api/v1/audit": .roles([.auditAdmin]), "GET /api/v1/audit/verify": .roles([.auditAdmin]),
    "GET /api/v1/audit/export": .roles([.auditAdmin]),
    // reference data
    "GET /console/agencies": .roles(business.union([.systemAdmin])),
    "GET /console/agencies/:agencyID": .roles(business.union([.systemAdmin])),
    "GET /console/agencies/new": .roles([.supervisor]), "POST /console/agencies/new": .roles([.supervisor]),
    "POST /console/agencies/:agencyID/edit": .roles([.supervisor]), "POST /console/agencies/:agencyID/confirm": .roles([.supervisor]),
    "POST /console/agencies/:agencyID/announce": .roles([.supervisor]), "POST /console/agencies/:agencyID/revoke": .roles([.supervisor]),
    "GET /console/legal-norms": .roles(business), "GET /console/legal-norms/:normID": .roles(business),
    "GET /console/legal-norms/new": .roles([.supervisor]), "POST /console/legal-norms/new": .roles([.supervisor]),
    "POST /console/legal-norms/:normID/articles": .roles([.supervisor]), "POST /console/legal-norms/:normID/status": .roles([.supervisor]),
    "POST /console/legal-norms/:normID/article-status": .roles([.supervisor]),
    "GET /agencies/:agencyID": .public, "GET /power-items/:itemID/flowchart.svg": .public,
    "GET /legal-norms": .public, "GET /legal-norms/:normID": .public,
    "GET /api/v1/legal-norms": .roles(business), "GET /api/v1/legal-norms/:normID": .roles(business),
    "POST /api/v1/legal-norms": .roles([.supervisor]), "POST /api/v1/legal-norms/:normID/articles": .roles([.supervisor]),
    "POST /api/v1/legal-norms/:normID/status": .roles([.supervisor]),
    "POST /api/v1/legal-norms/:normID/articles/:articleID/status": .roles([.supervisor]),
    "GET /api/v1/public/legal-norms": .public, "GET /api/v1/public/legal-norms/:normID": .public,
    "GET /api/v1/agencies/:agencyID/power-items": .roles(business), "POST /api/v1/agencies/:agencyID/power-items": .roles([.legalOfficer]),
    "GET /api/v1/power-items/adjustments": .roles(business), "GET /api/v1/power-items/:itemID": .roles(business),
    "PUT /api/v1/power-items/:itemID/draft": .roles([.legalOfficer]), "POST /api/v1/power-items/:itemID/new-version": .roles([.legalOfficer]),
    "POST /api/v1/power-items/:itemID/:action": .roles([.legalOfficer]),   // action = submit in PathIDs
    "GET /api/v1/power-items/:itemID/flowchart.svg": .roles(business),
    "GET /console/agencies/:agencyID/power-items/new": .roles([.legalOfficer]),
    "POST /console/agencies/:agencyID/power-items/new": .roles([.legalOfficer]),
    "GET /console/power-items/adjustments": .roles(business), "GET /console/power-items/:itemID": .roles(business),
    "GET /console/power-items/:itemID/flowchart.svg": .roles(business),
    "POST /console/power-items/:itemID/draft": .roles([.legalOfficer]), "POST /console/power-items/:itemID/:action": .roles([.legalOfficer]),
    "POST /api/v1/agencies": .roles([.supervisor]), "PATCH /api/v1/agencies/:agencyID": .roles([.supervisor]),
    "POST /api/v1/agencies/:agencyID/confirm": .roles([.supervisor]), "POST /api/v1/agencies/:agencyID/announce": .roles([.supervisor]),
    "POST /api/v1/agencies/:agencyID/revoke": .roles([.supervisor]),
    "GET /api/v1/agencies": .roles(business.union([.systemAdmin])), "GET /api/v1/agencies/:agencyID": .roles(business.union([.systemAdmin])),
    "GET /console/jurisdictions": .roles([.systemAdmin, .supervisor, .reviewer]), "POST /console/jurisdictions/:jurisdictionID/profile": .roles([.systemAdmin]),
    "GET /api/v1/jurisdictions": .roles([.systemAdmin, .supervisor, .reviewer]),
    "POST /api/v1/jurisdictions": .roles([.systemAdmin]), "POST /console/jurisdictions": .roles([.systemAdmin]),
    "PUT /api/v1/jurisdictions/:jurisdictionID/profile": .roles([.systemAdmin]),
    "GET /console/profiles": .roles(notAudit), "GET /console/profiles/:profileID": .roles(notAudit),
    "GET /api/v1/profiles": .roles(notAudit), "GET /api/v1/profiles/:profileID": .roles(notAudit),
    "GET /console/profiles/compare": .roles(notAudit), "GET /api/v1/profiles/compare": .roles(notAudit),
    "GET /console/calendar": .roles(notAudit), "POST /console/calendar": .roles([.systemAdmin]),
    "GET /api/v1/calendar/years": .roles(notAudit), "GET /api/v1/calendar/years/:year": .roles(notAudit),
    "POST /api/v1/calendar/years": .roles([.systemAdmin]), "GET /api/v1/calendar/deadline": .roles(notAudit),
    "GET /api/v1/calendar/working-days": .roles(notAudit),
    // 执法人员 and 证件
    "GET /certificates": .public, "GET /api/v1/public/certificates": .public,
    "GET /console/officers": .roles(business), "GET /console/officers/:officerID": .roles(business),
    "GET /console/officers/new": .roles([.supervisor, .legalOfficer]), "POST /console/officers/new": .roles([.supervisor, .legalOfficer]),
    "POST /console/officers/:officerID/trainings": .roles([.supervisor, .legalOfficer]),
    "POST /console/officers/:officerID/exams": .roles([.supervisor, .legalOfficer]),
    "POST /console/officers/:officerID/faults": .roles([.supervisor, .legalOfficer]),
    "POST /console/officers/:officerID/faults/:faultID/process": .roles([.supervisor, .legalOfficer]),
    "POST /console/officers/:officerID/certificates": .roles([.supervisor]),
    "POST /console/certificates/:certificateID/action": .roles([.supervisor, .legalOfficer]),
    "GET /console/certificates/warnings": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/officers": .roles(business), "GET /api/v1/officers/:officerID": .roles(business),
    "POST /api/v1/agencies/:agencyID/officers": .roles([.supervisor, .legalOfficer]),
    "PATCH /api/v1/officers/:officerID": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/officers/:officerID/trainings": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/officers/:officerID/exams": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/officers/:officerID/faults": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/officers/:officerID/faults/:faultID/process": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/officers/:officerID/certificates": .roles([.supervisor]),
    "GET /api/v1/officers/:officerID/may-act": .roles(business),
    "GET /api/v1/certificates/warnings": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/certificates/:certificateID": .roles(business),
    "POST /api/v1/certificates/:certificateID/inspect": .roles([.supervisor]), "POST /api/v1/certificates/:certificateID/revoke": .roles([.supervisor]),
    "POST /api/v1/certificates/:certificateID/suspend": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/certificates/:certificateID/restore": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/certificates/:certificateID/cancel": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/agencies/:agencyID/discretion-benchmarks": .roles(business),
    "POST /api/v1/agencies/:agencyID/discretion-benchmarks": .roles([.legalOfficer]),
    "GET /api/v1/discretion-benchmarks/adjustments": .roles(business),
    // 委托执法
    "GET /api/v1/delegations": .roles(business), "POST /api/v1/delegations": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/delegations/:delegationID": .roles(business),
    "POST /api/v1/delegations/:delegationID/file": .roles([.supervisor]),
    "POST /api/v1/delegations/:delegationID/terminate": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/agencies/:agencyID/may-act": .roles(business), "GET /api/v1/public/delegations": .public,
    // 执法办案
    "GET /api/v1/cases": .roles(business), "POST /api/v1/cases": .roles([.officer, .legalOfficer]),
    "GET /api/v1/cases/:caseID": .roles(business), "POST /api/v1/cases/:caseID/advance": .roles([.officer, .legalOfficer]),
    "POST /api/v1/cases/:caseID/legal-review": .roles([.legalOfficer]), "POST /api/v1/cases/:caseID/hearing-request": .roles([.officer, .legalOfficer]),
    "POST /api/v1/cases/:caseID/decision": .roles([.officer, .legalOfficer]), "POST /api/v1/cases/:caseID/clock": .roles([.officer, .legalOfficer]),
    "GET /api/v1/case-warnings": .roles(business),
    "GET /console/cases": .roles(business), "GET /console/cases/new": .roles([.officer, .legalOfficer]),
    "POST /console/cases/new": .roles([.officer, .legalOfficer]), "GET /console/cases/:caseID": .roles(business),
    "POST /console/cases/:caseID/advance": .roles([.officer, .legalOfficer]), "POST /console/cases/:caseID/legal-review": .roles([.legalOfficer]),
    "POST /console/cases/:caseID/hearing-request": .roles([.officer, .legalOfficer]),
    "POST /console/cases/:caseID/decision": .roles([.officer, .legalOfficer]), "POST /console/cases/:caseID/clock": .roles([.officer, .legalOfficer]),
    "GET /console/case-warnings": .roles(business), "GET /console/cases/:caseID/documents/:document": .roles(business),
    "GET /console/delegations": .roles(business), "GET /console/delegations/:delegationID": .roles(business),
    "GET /console/delegations/new": .roles([.supervisor, .legalOfficer]), "POST /console/delegations/new": .roles([.supervisor, .legalOfficer]),
    "POST /console/delegations/:delegationID/file": .roles([.supervisor]),
    "POST /console/delegations/:delegationID/terminate": .roles([.supervisor, .legalOfficer]),
    // 导入权责清单 (the body's 法制员)
    "POST /api/v1/agencies/:agencyID/power-items/import": .roles([.legalOfficer]),
    "POST /console/agencies/:agencyID/power-items/import": .roles([.legalOfficer]),
    "GET /console/agencies/:agencyID/power-items/import/template.csv": .roles([.legalOfficer]),
    // 分解职权: the body's 法制员 manages, the jurisdiction's 监督员 reads
    "GET /api/v1/agencies/:agencyID/units": .roles([.legalOfficer, .supervisor]),
    "POST /api/v1/agencies/:agencyID/units": .roles([.legalOfficer]),
    "GET /api/v1/agencies/:agencyID/posts": .roles([.legalOfficer, .supervisor]),
    "POST /api/v1/agencies/:agencyID/posts": .roles([.legalOfficer]),
    "GET /api/v1/agencies/:agencyID/coverage": .roles([.legalOfficer, .supervisor]),
    "GET /api/v1/posts/:postID": .roles([.legalOfficer, .supervisor]),
    "POST /api/v1/posts/:postID/powers": .roles([.legalOfficer]),
    "DELETE /api/v1/posts/:postID/powers/:itemID": .roles([.legalOfficer]),
    "POST /api/v1/posts/:postID/assignments": .roles([.legalOfficer]),
    "POST /api/v1/assignments/:assignmentID/end": .roles([.legalOfficer]),
    "GET /console/agencies/:agencyID/posts": .roles([.legalOfficer, .supervisor]),
    "POST /console/agencies/:agencyID/units": .roles([.legalOfficer]),
    "POST /console/agencies/:agencyID/posts": .roles([.legalOfficer]),
    "GET /console/agencies/:agencyID/coverage": .roles([.legalOfficer, .supervisor]),
    "POST /console/posts/:postID/powers": .roles([.legalOfficer]),
    "POST /console/posts/:postID/powers/:itemID/remove": .roles([.legalOfficer]),
    "POST /console/posts/:postID/assignments": .roles([.legalOfficer]),
    "POST /console/assignments/:assignmentID/end": .roles([.legalOfficer]),
    // 责任书: pledgeID is the government↔body pledge, handled by the 监督员 (a 法制员 handles body↔unit ones)
    "GET /api/v1/pledges": .roles([.supervisor, .legalOfficer]), "POST /api/v1/pledges": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/pledges/:pledgeID": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/pledges/:pledgeID/sign": .roles([.supervisor]), "PUT /api/v1/pledges/:pledgeID/attachment": .roles([.supervisor]),
    "GET /api/v1/pledges/:pledgeID/attachment": .roles([.supervisor, .legalOfficer]),
    "GET /console/pledges": .roles([.supervisor, .legalOfficer]), "POST /console/pledges": .roles([.supervisor, .legalOfficer]),
    "GET /console/pledges/:pledgeID": .roles([.supervisor, .legalOfficer]),
    "POST /console/pledges/:pledgeID/sign": .roles([.supervisor]), "POST /console/pledges/:pledgeID/attachment": .roles([.supervisor]),
    "GET /console/pledges/:pledgeID/attachment": .roles([.supervisor, .legalOfficer]),
    // 全过程记录: evidence for the case-handling roles; checkpoints and proofs are public
    "POST /api/v1/evidence": .roles([.officer, .legalOfficer, .supervisor]),
    "GET /api/v1/evidence/:sha256": .roles([.officer, .legalOfficer, .supervisor, .reviewer]),
    "GET /records": .public, "GET /api/v1/public/records/checkpoint": .public, "GET /api/v1/public/records/consistency": .public,
    "GET /api/v1/public/records/entries/:index/inclusion": .public,
    // 双随机一公开: the body's 法制员 manages, the jurisdiction's 监督员 reads; planID is the draft plan
    "GET /api/v1/inspection-plans": .roles([.supervisor, .legalOfficer]), "POST /api/v1/inspection-plans": .roles([.legalOfficer]),
    "GET /api/v1/inspection-plans/:planID": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/inspection-plans/:planID/objects": .roles([.legalOfficer]),
    "POST /api/v1/inspection-plans/:planID/objects/import": .roles([.legalOfficer]),
    "POST /api/v1/inspection-plans/:planID/conflicts": .roles([.legalOfficer]),
    "POST /api/v1/inspection-plans/:planID/draw": .roles([.legalOfficer]),
    "POST /api/v1/inspection-plans/:planID/publish": .roles([.legalOfficer]),
    "POST /api/v1/inspection-plans/:planID/results": .roles([.legalOfficer]),
    "GET /console/inspection-plans": .roles([.supervisor, .legalOfficer]), "POST /console/inspection-plans": .roles([.legalOfficer]),
    "GET /console/inspection-plans/:planID": .roles([.supervisor, .legalOfficer]),
    "POST /console/inspection-plans/:planID/objects": .roles([.legalOfficer]),
    "POST /console/inspection-plans/:planID/objects/import": .roles([.legalOfficer]),
    "POST /console/inspection-plans/:planID/conflicts": .roles([.legalOfficer]),
    "POST /console/inspection-plans/:planID/draw": .roles([.legalOfficer]),
    "POST /console/inspection-plans/:planID/publish": .roles([.legalOfficer]),
    "POST /console/inspection-plans/:planID/results": .roles([.legalOfficer]),
    "GET /inspections": .public, "GET /inspections/:planID": .public, "GET /inspections/:planID/redraw": .public,
    "GET /api/v1/public/inspection-plans": .public, "GET /api/v1/public/inspection-plans/:planID": .public,
    "GET /api/v1/public/inspection-plans/:planID/redraw": .public,
    // 执行（罚缴分离）、复议诉讼、退款: the body's officers and 法制员 record payments; the 法制员 records 复议/诉讼 and refunds
    "GET /api/v1/cases/:caseID/payments": .roles(business), "POST /api/v1/cases/:caseID/payments": .roles([.officer, .legalOfficer]),
    "POST /api/v1/cases/:caseID/payments/:paymentID/reversal": .roles([.officer, .legalOfficer]),
    "POST /api/v1/cases/:caseID/enforcement-steps": .roles([.officer, .legalOfficer]),
    "GET /api/v1/cases/:caseID/remedies": .roles(business), "POST /api/v1/cases/:caseID/remedies": .roles([.legalOfficer]),
    "POST /api/v1/cases/:caseID/remedies/:remedyID/result": .roles([.legalOfficer]),
    "GET /api/v1/cases/:caseID/refunds": .roles(business), "POST /api/v1/cases/:caseID/refunds": .roles([.legalOfficer]),
    "GET /api/v1/liability-intake": .roles([.supervisor, .legalOfficer]), "GET /api/v1/fine-collections": .roles([.supervisor, .legalOfficer]),
    "POST /console/cases/:caseID/payments": .roles([.officer, .legalOfficer]), "POST /console/cases/:caseID/payments/reversal": .roles([.officer, .legalOfficer]),
    "POST /console/cases/:caseID/enforcement-steps": .roles([.officer, .legalOfficer]),
    "POST /console/cases/:caseID/remedies": .roles([.legalOfficer]), "POST /console/cases/:caseID/remedies/:remedyID/result": .roles([.legalOfficer]),
    "POST /console/cases/:caseID/refunds": .roles([.legalOfficer]),
    "GET /console/liability-intake": .roles([.supervisor, .legalOfficer]), "GET /console/fine-collections": .roles([.supervisor, .legalOfficer]),
    "GET /console/fine-collections/csv": .roles([.supervisor, .legalOfficer]),
    // 移送: the body's officers and 法制员 transfer; only the receiving body's staff accept (transferID is a
    // pending transfer to 市场监管); 执法决定公开: the body's 法制员 publishes and withdraws; the portal is public
    "GET /api/v1/cases/:caseID/transfers": .roles(business), "POST /api/v1/cases/:caseID/transfers": .roles([.officer, .legalOfficer]),
    "GET /api/v1/case-transfers": .roles(business), "POST /api/v1/case-transfers/:transferID/accept": .roles([.officer, .legalOfficer]),
    "POST /api/v1/cases/:caseID/publication": .roles([.legalOfficer]),
    "GET /api/v1/decision-publications": .roles(business),
    "POST /api/v1/decision-publications/:publicationID/publish": .roles([.legalOfficer]),
    "POST /api/v1/decision-publications/:publicationID/withdraw": .roles([.legalOfficer]),
    "GET /api/v1/public/decisions": .public, "GET /api/v1/public/decisions/:publicationID": .public,
    "GET /console/case-transfers": .roles(business), "POST /console/case-transfers/:transferID/accept": .roles([.officer, .legalOfficer]),
    "POST /console/cases/:caseID/transfers": .roles([.officer, .legalOfficer]),
    "POST /console/cases/:caseID/publication": .roles([.legalOfficer]),
    "GET /console/decision-publications": .roles(business),
    "POST /console/decision-publications/:publicationID/publish": .roles([.legalOfficer]),
    "POST /console/decision-publications/:publicationID/withdraw": .roles([.legalOfficer]),
    "GET /decisions": .public, "GET /decisions/:publicationID": .public,
    // 裁量基准 and 裁量一致性: the body's 法制员 revises (benchmarkID is the demo's food-safety benchmark); business roles read in scope
    "PUT /api/v1/discretion-benchmarks/:benchmarkID": .roles([.legalOfficer]),
    "GET /api/v1/discretion-consistency": .roles(business),
    "GET /console/discretion-benchmarks": .roles(business), "POST /console/discretion-benchmarks": .roles([.legalOfficer]),
    "GET /console/discretion-benchmarks/:benchmarkID": .roles(business),
    "POST /console/discretion-benchmarks/:benchmarkID": .roles([.legalOfficer]),
    "GET /console/discretion-consistency": .roles(business),
    // 投诉举报: the public submits and follows; the jurisdiction's 监督员 and the body's 法制员 handle (complaintID is a
    // registered complaint about 市场监管); only a 监督员 reviews (复查)
    "GET /complaints": .public, "POST /complaints": .public, "POST /complaints/track": .public,
    "POST /api/v1/public/complaints": .public, "POST /api/v1/public/complaints/track": .public,
    "GET /console/complaints": .roles([.supervisor, .legalOfficer]), "POST /console/complaints": .roles([.supervisor, .legalOfficer]),
    "GET /console/complaints/:complaintID": .roles([.supervisor, .legalOfficer]),
    "POST /console/complaints/:complaintID/accept": .roles([.supervisor, .legalOfficer]),
    "POST /console/complaints/:complaintID/refuse": .roles([.supervisor, .legalOfficer]),
    "POST /console/complaints/:complaintID/assign": .roles([.supervisor, .legalOfficer]),
    "POST /console/complaints/:complaintID/verify": .roles([.supervisor, .legalOfficer]),
    "POST /console/complaints/:complaintID/reply": .roles([.supervisor, .legalOfficer]),
    "POST /console/complaints/:complaintID/close": .roles([.supervisor, .legalOfficer]),
    "POST /console/complaints/:complaintID/review": .roles([.supervisor]),
    "GET /console/complaints/:complaintID/attachments/:attachmentID": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/complaints": .roles([.supervisor, .legalOfficer]), "POST /api/v1/complaints": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/complaints/:complaintID": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/complaints/:complaintID/accept": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/complaints/:complaintID/refuse": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/complaints/:complaintID/assign": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/complaints/:complaintID/verify": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/complaints/:complaintID/reply": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/complaints/:complaintID/close": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/complaints/:complaintID/review": .roles([.supervisor]),
    "GET /api/v1/complaints/:complaintID/attachments/:attachmentID": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/complaint-statistics": .roles([.supervisor, .legalOfficer]),
    // 结案自动预审: 监督员、评查员 (jurisdiction) and 法制员 (own body) read; 监督员 and 法制员 re-run.
    // 重大行政处罚备案: the body's staff file (filingID is the demo's unfiled filing of 市场监管), the 监督员 reviews.
    "GET /api/v1/case-checks": .roles([.supervisor, .reviewer, .legalOfficer]),
    "POST /api/v1/case-checks/run": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/cases/:caseID/checks": .roles(business),
    "GET /api/v1/cases/:caseID/complaints": .roles(business),
    "GET /api/v1/major-filings": .roles(business), "GET /api/v1/major-filings/:filingID": .roles(business),
    "POST /api/v1/major-filings/:filingID/file": .roles([.officer, .legalOfficer]),
    "POST /api/v1/major-filings/:filingID/review": .roles([.supervisor]),
    "GET /console/case-checks": .roles([.supervisor, .reviewer, .legalOfficer]),
    "POST /console/case-checks/run": .roles([.supervisor, .legalOfficer]),
    "GET /console/major-filings": .roles(business), "GET /console/major-filings/:filingID": .roles(business),
    "POST /console/major-filings/:filingID/file": .roles([.officer, .legalOfficer]),
    "POST /console/major-filings/:filingID/review": .roles([.supervisor]),
    // 案卷评查: the 监督员 plans, draws, confirms and decides 申辩; 评查员 score, sign, advance (reviewer1 is a reviewer of the
    // demo plan, sheetID a confirmed demo sheet of 市场监管); the body's 法制员 reports its catalog and contests
    "GET /api/v1/review-standards": .roles([.supervisor, .reviewer]), "POST /api/v1/review-standards": .roles([.supervisor]),
    "GET /api/v1/review-plans": .roles([.supervisor, .reviewer, .legalOfficer]), "POST /api/v1/review-plans": .roles([.supervisor]),
    "GET /api/v1/review-plans/:reviewPlanID": .roles([.supervisor, .reviewer, .legalOfficer]),
    "PUT /api/v1/review-plans/:reviewPlanID/catalog": .roles([.legalOfficer]),
    "POST /api/v1/review-plans/:reviewPlanID/bodies/:agencyID/resolve": .roles([.supervisor]),
    "POST /api/v1/review-plans/:reviewPlanID/draw": .roles([.supervisor]),
    "GET /api/v1/review-plans/:reviewPlanID/redraw": .roles([.supervisor, .reviewer]),
    "GET /api/v1/review-sheets/:sheetID": .roles([.supervisor, .reviewer, .legalOfficer]),
    "PUT /api/v1/review-sheets/:sheetID/score": .roles([.reviewer]), "POST /api/v1/review-sheets/:sheetID/sign": .roles([.reviewer]),
    "POST /api/v1/review-sheets/:sheetID/advance": .roles([.reviewer]),
    "POST /api/v1/review-sheets/:sheetID/deliberations": .roles([.supervisor, .reviewer]),
    "POST /api/v1/review-sheets/:sheetID/confirm": .roles([.supervisor]),
    "POST /api/v1/review-sheets/:sheetID/contest": .roles([.legalOfficer]),
    "POST /api/v1/review-sheets/:sheetID/contest-outcome": .roles([.supervisor]),
    "GET /console/file-review": .roles([.supervisor, .reviewer, .legalOfficer]), "POST /console/file-review": .roles([.supervisor]),
    "POST /console/file-review/standards": .roles([.supervisor]),
    "GET /console/file-review/:reviewPlanID": .roles([.supervisor, .reviewer, .legalOfficer]),
    "GET /console/file-review/:reviewPlanID/redraw": .roles([.supervisor, .reviewer, .legalOfficer]),
    "POST /console/file-review/:reviewPlanID/:action": .roles([.supervisor, .legalOfficer]),
    "GET /console/review-sheets/:sheetID": .roles([.supervisor, .reviewer, .legalOfficer]),
    "POST /console/review-sheets/:sheetID/:action": .roles([.supervisor, .reviewer, .legalOfficer]),
    // 监督文书: the 监督员 issues and reviews; the body's 法制员 replies (noticeID is the demo's overdue 政府法制建议书)
    "GET /api/v1/notices": .roles([.supervisor, .reviewer, .legalOfficer]), "POST /api/v1/notices": .roles([.supervisor]),
    "GET /api/v1/notices/:noticeID": .roles([.supervisor, .reviewer, .legalOfficer]),
    "POST /api/v1/notices/:noticeID/reply": .roles([.legalOfficer]),
    "POST /api/v1/notices/:noticeID/accept": .roles([.supervisor]), "POST /api/v1/notices/:noticeID/return": .roles([.supervisor]),
    "GET /console/notices": .roles([.supervisor, .reviewer, .legalOfficer]), "POST /console/notices": .roles([.supervisor]),
    "GET /console/notices/:noticeID": .roles([.supervisor, .reviewer, .legalOfficer]),
    "POST /console/notices/:noticeID/:action": .roles([.supervisor, .legalOfficer]),
    // 评议考核: assessmentPlanID is the demo bodies' plan (published), findingID the 市场监督管理局's 按期 finding in it;
    // the 监督员 assesses bodies, the body's 法制员 answers for it; officers read; the portal card and results are public
    "GET /api/v1/assessment-plans": .roles([.supervisor, .legalOfficer, .officer]),
    "POST /api/v1/assessment-plans": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/assessment-plans/:assessmentPlanID": .roles([.supervisor, .legalOfficer, .officer]),
    "POST /api/v1/assessment-plans/:assessmentPlanID/compute": .roles([.supervisor]),
    "POST /api/v1/assessment-plans/:assessmentPlanID/publish": .roles([.supervisor]),
    "GET /api/v1/assessment-findings/:findingID": .roles([.supervisor, .legalOfficer, .officer]),
    "POST /api/v1/assessment-findings/:findingID/enter": .roles([.supervisor]),
    "POST /api/v1/assessment-findings/:findingID/respond": .roles([.legalOfficer]),
    "POST /api/v1/assessment-findings/:findingID/decide": .roles([.supervisor]),
    "PUT /api/v1/zero-enforcement-reasons": .roles([.legalOfficer]),
    "POST /api/v1/evaluations": .roles([.supervisor]), "POST /api/v1/evaluations/survey": .roles([.supervisor]),
    "POST /api/v1/cases/:caseID/evaluation-codes": .roles([.legalOfficer, .officer]),
    "POST /api/v1/public/evaluations": .public, "GET /api/v1/public/assessments": .public,
    "GET /assessments": .public, "GET /evaluate": .public, "POST /evaluate": .public,
    // issue 5 gaps: evaluation codes from the case page; 案卷评查 results on the portal
    "POST /console/cases/:caseID/evaluation-codes": .roles([.officer, .legalOfficer]),
    "GET /file-reviews": .public, "GET /api/v1/public/file-reviews": .public,
    "GET /console/assessments": .roles([.supervisor, .legalOfficer, .officer]),
    "POST /console/assessments": .roles([.supervisor, .legalOfficer]),
    "GET /console/assessments/:assessmentPlanID": .roles([.supervisor, .legalOfficer, .officer]),
    "POST /console/assessments/:assessmentPlanID/compute": .roles([.supervisor]),
    "POST /console/assessments/:assessmentPlanID/publish": .roles([.supervisor]),
    "POST /console/assessments/:assessmentPlanID/evaluations": .roles([.supervisor]),
    "POST /console/assessments/:assessmentPlanID/survey": .roles([.supervisor]),
    "GET /console/assessment-findings/:findingID": .roles([.supervisor, .legalOfficer, .officer]),
    "POST /console/assessment-findings/:findingID/enter": .roles([.supervisor]),
    "POST /console/assessment-findings/:findingID/respond": .roles([.legalOfficer]),
    "POST /console/assessment-findings/:findingID/decide": .roles([.supervisor]),
    "POST /console/assessment-findings/:findingID/zero-reason": .roles([.legalOfficer]),
    // 执法统计 and 执法监督看板: 监督员 (jurisdiction) and 法制员 (own body); 开放数据 is public
    "GET /api/v1/statistics": .roles([.supervisor, .legalOfficer]), "GET /api/v1/statistics/csv": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/statistics/xlsx": .roles([.supervisor, .legalOfficer]), "GET /api/v1/statistics/dashboard": .roles([.supervisor, .legalOfficer]),
    "GET /console/statistics": .roles([.supervisor, .legalOfficer]), "GET /console/statistics/csv": .roles([.supervisor, .legalOfficer]),
    "GET /console/statistics/xlsx": .roles([.supervisor, .legalOfficer]), "GET /console/dashboard": .roles([.supervisor, .legalOfficer]),
    "GET /open-data": .public, "GET /open-data/bodies.json": .public, "GET /open-data/bodies.csv": .public,
    "GET /open-data/power-items.json": .public, "GET /open-data/power-items.csv": .public,
    "GET /open-data/decisions.json": .public, "GET /open-data/decisions.csv": .public,
    "GET /open-data/statistics.json": .public, "GET /open-data/statistics.csv": .public,
    "GET /open-data/assessment-results.json": .public, "GET /open-data/assessment-results.csv": .public,
    // 责任追究 (issue 6 items 2, 3, 8): the pursuer (本辖区监督员 or the legal office) acts; a 法制员 may enter items
    // (refused unless its body is the legal office) and reads the items about its body; persons concerned (the demo
    // matter's handler officer.amr1 and its legal reviewer legal.amr) read their matter and state and defend.
    "POST /api/v1/liability-intake": .roles([.supervisor, .legalOfficer]),
    "GET /api/v1/liability-intake/:intakeID": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/liability-intake/:intakeID/file": .roles([.supervisor]),
    "POST /api/v1/liability-intake/:intakeID/decline": .roles([.supervisor]),
    "GET /api/v1/liability-matters": .roles([.supervisor, .legalOfficer, .officer]),
    "GET /api/v1/liability-matters/:matterID": .roles([.supervisor, .officer]),   // legal.amr is no person concerned in the demo matter
    "POST /api/v1/liability-matters/:matterID/persons": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/investigators": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/recusals": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/evidence": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/statements": .roles([.supervisor, .officer]),   // legal.amr is no person concerned in the demo matter
    "POST /console/liability-intake": .roles([.supervisor, .legalOfficer]),
    "GET /console/liability-intake/:intakeID": .roles([.supervisor, .legalOfficer]),
    "POST /console/liability-intake/:intakeID/file": .roles([.supervisor]),
    "POST /console/liability-intake/:intakeID/decline": .roles([.supervisor]),
    "GET /console/liability-matters/:matterID": .roles([.supervisor, .officer]),   // legal.amr is no person concerned in the demo matter
    "POST /console/liability-matters/:matterID/persons": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/investigators": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/recusals": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/evidence": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/statements": .roles([.supervisor, .officer]),   // legal.amr is no person concerned in the demo matter
    // 执法协调 (issue 6 item 9): legal.amr is the initiating body of the demo city's dispute
    "GET /api/v1/coordination": .roles([.supervisor, .legalOfficer]), "POST /api/v1/coordination": .roles([.legalOfficer]),
    "GET /api/v1/coordination/:disputeID": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/coordination/:disputeID/opinion": .roles([.legalOfficer]), "POST /api/v1/coordination/:disputeID/escalate": .roles([.legalOfficer]),
    "POST /api/v1/coordination/:disputeID/forward": .roles([.supervisor]), "POST /api/v1/coordination/:disputeID/resolve": .roles([.supervisor]),
    "POST /api/v1/coordination/:disputeID/decision": .roles([.supervisor]),
    "POST /api/v1/coordination/:disputeID/execution": .roles([.supervisor, .legalOfficer]),
    "POST /api/v1/coordination/:disputeID/close": .roles([.supervisor]),
    "GET /console/coordination": .roles([.supervisor, .legalOfficer]), "POST /console/coordination": .roles([.legalOfficer]),
    "GET /console/coordination/:disputeID": .roles([.supervisor, .legalOfficer]),
    "POST /console/coordination/:disputeID/opinion": .roles([.legalOfficer]), "POST /console/coordination/:disputeID/escalate": .roles([.legalOfficer]),
    "POST /console/coordination/:disputeID/forward": .roles([.supervisor]), "POST /console/coordination/:disputeID/resolve": .roles([.supervisor]),
    "POST /console/coordination/:disputeID/decision": .roles([.supervisor]),
    "POST /console/coordination/:disputeID/execution": .roles([.supervisor, .legalOfficer]),
    "POST /console/coordination/:disputeID/close": .roles([.supervisor]),
    // 典型案例通报 (issue 6 item 10)
    "GET /api/v1/typical-cases": .roles([.supervisor]), "POST /api/v1/typical-cases": .roles([.supervisor]),
    "GET /api/v1/typical-cases/:typicalCaseID": .roles([.supervisor]), "PUT /api/v1/typical-cases/:typicalCaseID": .roles([.supervisor]),
    "POST /api/v1/typical-cases/:typicalCaseID/publish": .roles([.supervisor]),
    "POST /api/v1/typical-cases/:typicalCaseID/withdraw": .roles([.supervisor]),
    "GET /console/typical-cases": .roles([.supervisor]), "POST /console/typical-cases": .roles([.supervisor]),
    "GET /console/typical-cases/:typicalCaseID": .roles([.supervisor]),
    "POST /console/typical-cases/:typicalCaseID/edit": .roles([.supervisor]),
    "POST /console/typical-cases/:typicalCaseID/publish": .roles([.supervisor]),
    "POST /console/typical-cases/:typicalCaseID/withdraw": .roles([.supervisor]),
    "GET /typical-cases": .public, "GET /typical-cases/:typicalCaseID": .public, "GET /api/v1/public/typical-cases": .public,
    "POST /api/v1/liability-matters/:matterID/findings": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/findings": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/hearing-waivers": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/hearing-waivers": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/extension": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/extension": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/decision": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/decision": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/filing": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/filing": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/execution": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/execution": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/close": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/close": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/decisions/:decisionID/service": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/decisions/:decisionID/appeal/extension": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/decisions/:decisionID/appeal/decision": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/decisions/:decisionID/service": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/decisions/:decisionID/appeal-extension": .roles([.supervisor]),
    "POST /console/liability-matters/:matterID/decisions/:decisionID/appeal-decision": .roles([.supervisor]),
    "POST /api/v1/liability-matters/:matterID/decisions/:decisionID/appeal": .roles([.supervisor, .officer]),   // the person concerned lodges their own
    "POST /console/liability-matters/:matterID/decisions/:decisionID/appeal": .roles([.supervisor, .officer]),
    "GET /console/liability-matters/:matterID/document": .roles([.supervisor, .officer]),
]

/// One demo account per role (scoped ones in the demo city).
let accountForRole: [Role: String] = [
    .systemAdmin: "sysadmin", .securityAdmin: "secadmin", .auditAdmin: "auditadmin", .supervisor: "supervisor1",
    .reviewer: "reviewer1", .legalOfficer: "legal.amr", .officer: "officer.amr1",
]

@Suite("Permissions: every route, anonymous and every role")
struct PermissionMatrixTests {
    @Test("every registered route has a row in the permission matrix")
    func everyRouteHasARow() async throws {
        try await withTestApp(demoData: false) { app, _ in
            let keys = app.routes.all.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" }
            let missing = keys.filter { permissionMatrix[$0] == nil }
            #expect(missing.isEmpty, "routes without a permission row: \(missing)")
            let stale = Set(permissionMatrix.keys).subtracting(keys)
            #expect(stale.isEmpty, "rows for routes that do not exist: \(stale)")
        }
    }

    @Test("anonymous callers are refused on every protected route; public routes answer")
    func anonymous() async throws {
        try await withTestApp { app, _ in
            let ids = try await PathIDs.load(app)
            for route in app.routes.all {
                let key = routeKey(route)
                let path = ids.fill(route)
                try await app.testing().test(route.method, path, beforeRequest: { req in
                    try fillBody(&req, route: route, csrf: nil)
                }, afterResponse: { res in
                    #expect(res.status.code < 500, "\(key) anonymous → \(res.status)")
                    switch permissionMatrix[key] {
                    case .public?: break
                    case .roles?:
                        let refused = [401, 403].contains(res.status.code)
                            || (res.status == .seeOther && res.headers.first(name: .location)?.hasPrefix("/console/login") == true)
                        #expect(refused, "\(key) anonymous should be refused, got \(res.status)")
                    case nil: Issue.record("no row for \(key)")
                    }
                })
            }
        }
    }

    @Test("each role reaches exactly the routes its row allows (403 elsewhere)", arguments: Role.allCases)
    func role(_ role: Role) async throws {
        try await withTestApp { app, _ in
            let ids = try await PathIDs.load(app)
            let username = accountForRole[role]!
            let session = try await app.signIn(username)
            let token = try await app.token(username)
            // Signing out last, so that it does not end the session the other rows use.
            let routes = app.routes.all.sorted { routeKey($0).hasSuffix("/logout") == false && routeKey($1).hasSuffix("/logout") }
            for route in routes {
                let key = routeKey(route)
                guard case .roles(let allowed)? = permissionMatrix[key] else { continue }
                let isAPI = key.contains(" /api/")
                let headers = isAPI ? HTTPHeaders.bearer(token) : session.headers
                try await app.testing().test(route.method, ids.fill(route), headers: headers, beforeRequest: { req in
                    try fillBody(&req, route: route, csrf: isAPI ? nil : session.csrf)
                }, afterResponse: { res in
                    #expect(res.status.code < 500, "\(key) as \(role) → \(res.status): \(res.body.string.prefix(200))")
                    if allowed.contains(role) {
                        #expect(![401, 403].contains(res.status.code), "\(key) as \(role) should be allowed, got \(res.status): \(res.body.string.prefix(200))")
                    } else {
                        #expect(res.status == .forbidden, "\(key) as \(role) should be 403, got \(res.status)")
                    }
                })
            }
        }
    }
}

func routeKey(_ route: Route) -> String {
    "\(route.method.rawValue) /\(route.path.map(\.description).joined(separator: "/"))"
}

/// Real IDs for path parameters, all inside the demo city (in scope for its accounts).
struct PathIDs {
    var values: [String: String]

    static func load(_ app: Application) async throws -> PathIDs {
        let jurisdiction = DemoIDs.uuid(DemoData.jurisdictionKey)
        let agency = DemoIDs.uuid("agency:amr")
        return PathIDs(values: [
            "userID": try await app.userID("newstaff").uuidString, "tokenID": UUID().uuidString,
            "agencyID": agency.uuidString, "jurisdictionID": jurisdiction.uuidString, "profileID": "national",
            "role": Role.reviewer.rawValue, "year": "2026", "normID": DemoIDs.uuid("norm:licensing").uuidString,
            "articleID": DemoIDs.uuid("article:licensing:第四十二条").uuidString,
            "itemID": DemoIDs.uuid("power:amr:XZXK-001").uuidString, "action": "submit",
            "officerID": DemoIDs.uuid("officer:amr:3").uuidString, "certificateID": DemoIDs.uuid("certificate:amr:3").uuidString,
            "faultID": UUID().uuidString,
            "delegationID": DemoIDs.uuid("delegation:current").uuidString,
            "postID": DemoIDs.uuid("post:amr:case").uuidString, "unitID": DemoIDs.uuid("unit:amr:inspect").uuidString,
            "assignmentID": DemoIDs.uuid("assignment:amr:case").uuidString,
            "pledgeID": DemoIDs.uuid("pledge:amr:2026").uuidString,
            "caseID": DemoIDs.uuid("case:amr:1").uuidString, "document": "decision",
            "sha256": String(repeating: "ab", count: 32), "index": "0",
            "planID": DemoIDs.uuid("inspection-plan:amr:3").uuidString,
            "paymentID": UUID().uuidString, "remedyID": UUID().uuidString,
            "transferID": DemoIDs.uuid("transfer:urban-to-amr").uuidString,
            "publicationID": DemoIDs.uuid("publication:amr:published").uuidString,
            "benchmarkID": DemoIDs.uuid("discretion:amr:1").uuidString,
            "complaintID": DemoIDs.uuid("complaint:amr:registered").uuidString,
            "attachmentID": DemoIDs.uuid("complaint-attachment:amr:registered").uuidString,
            "filingID": DemoIDs.uuid("major-filing:amr:22").uuidString,
            "reviewPlanID": DemoIDs.uuid(DemoFileReview.planKey).uuidString, "sheetID": DemoFileReview.sheetID(1).uuidString,
            "noticeID": DemoIDs.uuid(DemoFileReview.overdueNoticeKey).uuidString,
            "assessmentPlanID": DemoIDs.uuid("assessment:bodies:2026").uuidString,
            "findingID": try await assessmentFindingID(app),
            "intakeID": DemoIDs.uuid(DemoLiability.pendingKey).uuidString, "matterID": DemoIDs.uuid(DemoLiability.matterKey).uuidString,
            "disputeID": DemoIDs.uuid(DemoCoordination.cityDisputeKey).uuidString,
            "typicalCaseID": DemoIDs.uuid(DemoCoordination.typicalCaseKey).uuidString,
            "decisionID": UUID().uuidString,
        ])
    }

    /// The 市场监督管理局's 按期作出决定 finding in the demo bodies' plan.
    static func assessmentFindingID(_ app: Application) async throws -> String {
        try await AssessmentFinding.query(on: app.db).filter(\.$plan.$id == DemoIDs.uuid("assessment:bodies:2026"))
            .filter(\.$targetID == DemoIDs.uuid("agency:amr")).filter(\.$indicatorCode == "A.1").first()?.id?.uuidString ?? UUID().uuidString
    }

    func fill(_ route: Route) -> String {
        "/" + route.path.map { c -> String in
            if case .parameter(let name) = c { return values[name] ?? "x" }
            return c.description
        }.joined(separator: "/")
    }
}

/// A minimal body: an empty JSON object for the API, a form with only the CSRF token for pages.
func fillBody(_ req: inout TestingHTTPRequest, route: Route, csrf: String?) throws {
    guard [.POST, .PUT, .PATCH].contains(route.method) else { return }
    if routeKey(route).contains(" /api/") {
        req.headers.contentType = .json
        req.body = ByteBuffer(string: "{}")
    } else {
        try req.content.encode(["_csrf": csrf ?? ""], as: .urlEncodedForm)
    }
}
