import Fluent
import Foundation
import QuanzeCore

/// May this officer act on this 职权事项 on this day? Only a serving, certified officer (a valid
/// certificate, in its term, with this year's 年审) — never an 辅助人员 alone — and only where the
/// officer's body may act: its own published power, or a filed delegation covering the day and
/// the item (`DelegationCheck`). The cases issue calls this for every handling officer.
enum OfficerAuthority {
    static func mayAct(_ officer: Officer, powerItemID: UUID, on day: LocalDate, db: any Database) async throws -> DelegationCheck.Outcome {
        func refuse(_ code: String, _ message: String) -> DelegationCheck.Outcome {
            .init(allowed: false, code: code, message: message, delegationID: nil)
        }
        guard officer.status == .serving else {
            return refuse("OFFICER_NOT_SERVING", "\(officer.name) 已\(officer.status.label)，不得从事执法活动")
        }
        // 责任追究: 停止执法 / 取消执法资格 in force (issue 6 item 6).
        if let c = try await LiabilityConsequenceQueries.stopping(officerID: try officer.requireID(), on: db) {
            let qualification = c.effect == SanctionEffect.revokeQualification.rawValue
            return refuse(qualification ? "OFFICER_QUALIFICATION_REVOKED" : "OFFICER_SUSPENDED_BY_LIABILITY",
                          "\(officer.name) 已被\(c.sanctionName)（责任追究处理决定 \(c.documentNumber)，自 \(c.appliedOn ?? c.decidedOn) 起），不得从事执法活动")
        }
        guard officer.employment != .auxiliary else {
            return refuse("AUXILIARY_NOT_ALONE", "\(officer.name) 是辅助人员，只能协助执法，不得独立实施（行政处罚法 第四十二条）")
        }
        guard let cert = try await OfficerQueries.currentCertificate(of: try officer.requireID(), on: db), !cert.status.isFinal else {
            return refuse("NO_CERTIFICATE", "\(officer.name) 未持有有效的行政执法证件，不得从事执法活动（行政处罚法 第四十二条）")
        }
        switch CertificateView.publicStatus(cert, today: day) {
        case .valid: break
        case .suspended:
            let held = try await LiabilityConsequenceQueries.holding(certificateID: try cert.requireID(), on: db)
            return refuse("CERTIFICATE_SUSPENDED", "\(officer.name) 的执法证件 \(cert.number) 已被暂扣"
                          + (held.map { "（责任追究处理决定 \($0.documentNumber)，自 \($0.appliedOn ?? $0.decidedOn) 起）" } ?? ""))
        case .expired: return refuse("CERTIFICATE_EXPIRED", "\(officer.name) 的执法证件 \(cert.number) 已于 \(cert.validUntil) 到期")
        case .notInspected:
            return refuse("CERTIFICATE_NOT_INSPECTED", "\(officer.name) 的执法证件 \(cert.number) 未通过 \(day.year) 年度年审（通州区行政执法人员管理办法 第十六条）")
        case .revoked, .cancelled: return refuse("NO_CERTIFICATE", "\(officer.name) 的执法证件 \(cert.number) 已失效")
        }
        return try await DelegationCheck.mayAct(agencyID: officer.$agency.id, powerItemID: powerItemID, on: day, db: db)
    }
}
