import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 证件预警 for the caller's scope: suspensions undecided past their period (通州 第十八条),
/// proposed revocations (第十七条), valid certificates without this year's 年审 (第十三条), and
/// certificate holders short of the year's training hours (第八条).
struct CertificateWarnings: Sendable {
    struct Row: Sendable {
        let summary: OfficerSummary
        let certificate: Certificate
        let detail: String
    }

    var overdueSuspensions: [Row] = []
    var revocationProposals: [Row] = []
    var notInspected: [Row] = []
    var trainingShort: [Row] = []
    /// Certificate holders concerned in a liability matter not yet closed: no 年审 until it is (issue 6 item 6).
    var faultUnprocessed: [Row] = []

    static func compute(for p: Principal, req: Request) async throws -> CertificateWarnings {
        let agencies = try await AgencyQueries.scoped(for: p, on: req.db).all()
        var byID: [UUID: Agency] = [:]
        for a in agencies { if let id = a.id { byID[id] = a } }
        let officers = try await Officer.query(on: req.db).filter(\.$agency.$id ~~ Array(byID.keys)).sort(\.$name).all()
        let today = req.today
        let summaries = try await OfficerQueries.summaries(officers, agencies: byID, year: today.year, services: req.services, on: req.db)
        var w = CertificateWarnings()
        for s in summaries {
            guard let c = s.certificate, !c.status.isFinal else { continue }
            if c.status == .suspended, let due = c.decisionDue.flatMap(LocalDate.init(iso:)), SuspensionCheck.isOverdue(due: due, today: today) {
                let rule = s.rules.suspensionDecision.map { "（\($0.display)，\($0.source.document) \($0.source.article)）" } ?? ""
                w.overdueSuspensions.append(Row(summary: s, certificate: c, detail: "\(c.suspendedOn ?? "") 暂扣，应于 \(due.iso) 前作出处理决定\(rule)，已逾期 \(today.dayNumber - due.dayNumber) 日"))
            }
            if c.revocationProposed {
                let rule = s.rules.suspensionsForRevocation.map { "（\($0.source.document) \($0.source.article)：暂扣\($0.display)以上予以核销）" } ?? ""
                w.revocationProposals.append(Row(summary: s, certificate: c, detail: "已多次暂扣，系统已提出核销建议\(rule)"))
            }
            if c.status == .valid, CertificateView.publicStatus(c, today: today) == .notInspected {
                w.notInspected.append(Row(summary: s, certificate: c, detail: "最近年审：\(c.lastInspectionYear.map { "\($0)年" } ?? "无")"))
            }
            if let rule = s.rules.yearlyTrainingHours, s.facts.trainingHoursThisYear < rule.value {
                w.trainingShort.append(Row(summary: s, certificate: c, detail: "\(today.year)年已培训 \(s.facts.trainingHoursThisYear) 学时，不足\(rule.display)（\(rule.source.document) \(rule.source.article)）"))
            }
        }
        let officerIDs: [UUID?] = summaries.compactMap { $0.officer.id }.map { Optional($0) }
        let persons = officerIDs.isEmpty ? [] : try await LiabilityPerson.query(on: req.db).filter(\.$officerID ~~ officerIDs).all()
        if !persons.isEmpty {
            let open = try await LiabilityMatter.query(on: req.db).filter(\.$id ~~ Array(Set(persons.map(\.matterID))))
                .filter(\.$status !~ LiabilityConsequenceQueries.closingStatuses).all()
            let byID = Dictionary(uniqueKeysWithValues: open.compactMap { m in m.id.map { ($0, m) } })
            for s in summaries {
                guard let c = s.certificate, !c.status.isFinal else { continue }
                let matters = persons.filter { $0.officerID == s.officer.id }.compactMap { byID[$0.matterID] }
                guard !matters.isEmpty else { continue }
                w.faultUnprocessed.append(Row(summary: s, certificate: c,
                                              detail: matters.map(LiabilityConsequenceQueries.describe).joined(separator: "；") + "尚未办结，不予年审"))
            }
        }
        return w
    }

    var dto: CertificateWarningsDTO {
        func rows(_ list: [Row]) -> [CertificateWarningDTO] {
            list.map { CertificateWarningDTO(officerId: $0.summary.officer.id!, officerName: $0.summary.officer.name,
                                             agencyName: $0.summary.agency.name, certificateId: $0.certificate.id!,
                                             number: $0.certificate.number, detail: $0.detail) }
        }
        return CertificateWarningsDTO(overdueSuspensions: rows(overdueSuspensions), revocationProposals: rows(revocationProposals),
                                      notInspected: rows(notInspected), trainingShort: rows(trainingShort))
    }
}

struct CertificateWarningDTO: Content, Sendable {
    var officerId: UUID
    var officerName: String
    var agencyName: String
    var certificateId: UUID
    var number: String
    var detail: String
}

struct CertificateWarningsDTO: Content, Sendable {
    var overdueSuspensions: [CertificateWarningDTO]
    var revocationProposals: [CertificateWarningDTO]
    var notInspected: [CertificateWarningDTO]
    var trainingShort: [CertificateWarningDTO]
}
