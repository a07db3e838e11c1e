import Foundation
import QuanzeCore
import Vapor

/// An officer as the API shows it: 身份证号 and phone masked, qualification derived.
struct OfficerDTO: Content, Sendable {
    var id: UUID
    var agencyId: UUID
    var agencyName: String
    var name: String
    var idNumberMasked: String
    var phoneMasked: String?
    var employment: String
    var status: String
    var hiredOn: String
    var legalProfessionQualified: Bool
    var qualified: Bool
    var unmetConditions: [String]
    var trainingHoursTotal: Int
    var trainingHoursThisYear: Int
    var examPassedThisYear: Bool
    var unprocessedFaults: Int
    var certificate: CertificateBriefDTO?

    init(_ s: OfficerSummary, today: LocalDate) {
        let o = s.officer
        id = o.id!
        agencyId = s.agency.id!
        agencyName = s.agency.name
        name = o.name
        idNumberMasked = PersonalDataMasker.maskIDNumber(o.idNumber)
        phoneMasked = o.phone.map(PersonalDataMasker.maskPhone)
        employment = o.employment.rawValue
        status = o.status.rawValue
        hiredOn = o.hiredOn
        legalProfessionQualified = o.legalProfessionQualified
        qualified = s.qualification.qualified
        unmetConditions = s.qualification.unmet
        trainingHoursTotal = s.facts.totalTrainingHours
        trainingHoursThisYear = s.facts.trainingHoursThisYear
        examPassedThisYear = s.facts.examPassedThisYear
        unprocessedFaults = s.unprocessedFaults
        certificate = s.certificate.map { CertificateBriefDTO($0, today: today) }
    }
}

struct CertificateBriefDTO: Content, Sendable {
    var id: UUID
    var number: String
    var status: String
    var publicStatus: String
    var issuedOn: String
    var validUntil: String
    var lastInspectionYear: Int?
    var decisionDue: String?
    var decisionOverdue: Bool
    var revocationProposed: Bool

    init(_ c: Certificate, today: LocalDate) {
        id = c.id!
        number = c.number
        status = c.status.rawValue
        publicStatus = CertificateView.publicStatus(c, today: today).rawValue
        issuedOn = c.issuedOn
        validUntil = c.validUntil
        lastInspectionYear = c.lastInspectionYear
        decisionDue = c.decisionDue
        decisionOverdue = c.status == .suspended && SuspensionCheck.isOverdue(due: c.decisionDue.flatMap(LocalDate.init(iso:)), today: today)
        revocationProposed = c.revocationProposed
    }
}

struct CertificateEventDTO: Content, Sendable {
    var sequence: Int
    var kind: String
    var occurredOn: String
    var detail: String
    var documentRef: String?
    var actorName: String?

    init(_ e: CertificateEvent) {
        sequence = e.sequence
        kind = e.kind.rawValue
        occurredOn = e.occurredOn
        detail = e.detail
        documentRef = e.documentRef
        actorName = e.actorName
    }
}

struct CertificateDTO: Content, Sendable {
    var certificate: CertificateBriefDTO
    var officerId: UUID
    var officerName: String
    var agencyName: String
    var events: [CertificateEventDTO]
}

struct TrainingDTO: Content, Sendable {
    var id: UUID, heldOn: String, title: String, hours: Int
    init(_ t: TrainingRecord) { id = t.id!; heldOn = t.heldOn; title = t.title; hours = t.hours }
}

struct ExamDTO: Content, Sendable {
    var id: UUID, takenOn: String, subject: String, score: Int, passed: Bool
    init(_ e: ExamRecord) { id = e.id!; takenOn = e.takenOn; subject = e.subject; score = e.score; passed = e.passed }
}

struct FaultDTO: Content, Sendable {
    var id: UUID, occurredOn: String, description: String, processedOn: String?, outcome: String?
    init(_ f: FaultRecord) { id = f.id!; occurredOn = f.occurredOn; description = f.description; processedOn = f.processedOn; outcome = f.outcome }
}

struct OfficerDetailDTO: Content, Sendable {
    var officer: OfficerDTO
    var trainings: [TrainingDTO]
    var exams: [ExamDTO]
    var faults: [FaultDTO]
    var certificates: [CertificateBriefDTO]
}

struct OfficerListDTO: Content, Sendable {
    var items: [OfficerDTO]
    var page: PageInfo
}

/// What anyone may learn from the public certificate lookup (公示): no 身份证号, no phone.
struct PublicCertificateDTO: Content, Sendable {
    var number: String
    var holderName: String
    var agencyName: String
    var status: String
    var validUntil: String
    var lastInspectionYear: Int?

    init(_ c: Certificate, holder: Officer, agency: Agency, today: LocalDate) {
        number = c.number
        holderName = holder.name
        agencyName = agency.name
        status = CertificateView.publicStatus(c, today: today).rawValue
        validUntil = c.validUntil
        lastInspectionYear = c.lastInspectionYear
    }
}

/// Shared presentation of a certificate's public status.
enum CertificateView {
    static func publicStatus(_ c: Certificate, today: LocalDate) -> PublicCertificateStatus {
        PublicCertificateStatus.of(status: c.status, validUntil: LocalDate(iso: c.validUntil) ?? today,
                                   issuedOn: LocalDate(iso: c.issuedOn) ?? today, lastInspectionYear: c.lastInspectionYear, today: today)
    }
}

// MARK: inputs

struct OfficerInput: StrictInput {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, idNumber, phone, employment, hiredOn, legalProfessionQualified, status }
    typealias Keys = CodingKeys
    var name: String?
    var idNumber: String?
    var phone: String?
    var employment: EmploymentType?
    var hiredOn: String?
    var legalProfessionQualified: Bool?
    var status: OfficerStatus?

    var fields: OfficerService.Fields {
        .init(name: name, idNumber: idNumber, phone: phone, employment: employment, hiredOn: hiredOn,
              legalProfessionQualified: legalProfessionQualified, status: status)
    }
}

struct TrainingInput: StrictInput {
    enum CodingKeys: String, CodingKey, CaseIterable { case heldOn, title, hours }
    typealias Keys = CodingKeys
    var heldOn: String
    var title: String
    var hours: Int
}

struct ExamInput: StrictInput {
    enum CodingKeys: String, CodingKey, CaseIterable { case takenOn, subject, score }
    typealias Keys = CodingKeys
    var takenOn: String
    var subject: String
    var score: Int
}

struct FaultInput: StrictInput {
    enum CodingKeys: String, CodingKey, CaseIterable { case occurredOn, description }
    typealias Keys = CodingKeys
    var occurredOn: String
    var description: String
}

struct FaultProcessInput: StrictInput {
    enum CodingKeys: String, CodingKey, CaseIterable { case outcome }
    typealias Keys = CodingKeys
    var outcome: String
}

struct CertificateIssueInput: StrictInput {
    enum CodingKeys: String, CodingKey, CaseIterable { case number, validUntil }
    typealias Keys = CodingKeys
    var number: String
    var validUntil: String
}

struct CertificateActionInput: StrictInput {
    enum CodingKeys: String, CodingKey, CaseIterable { case reason, documentRef }
    typealias Keys = CodingKeys
    var reason: String?
    var documentRef: String?
}
