import Fluent
import Foundation
import QuanzeCore

/// 行政执法证件. The number is unique platform-wide; the status changes only through events.
final class Certificate: Model, @unchecked Sendable {
    static let schema = "certificates"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "officer_id") var officer: Officer
    @Field(key: "number") var number: String
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "valid_until") var validUntil: String
    @Field(key: "status") var status: CertificateStatus
    /// Year of the last passed 年审, if any.
    @OptionalField(key: "last_inspection_year") var lastInspectionYear: Int?
    /// While 暂扣: the day it was suspended and the day a decision is due (profile rule).
    @OptionalField(key: "suspended_on") var suspendedOn: String?
    @OptionalField(key: "decision_due") var decisionDue: String?
    /// Set automatically at the profile's n-th suspension (通州 第十七条: 3 次 → 核销).
    @Field(key: "revocation_proposed") var revocationProposed: Bool

    init() {}

    init(officerID: UUID, number: String, issuedOn: String, validUntil: String) {
        self.$officer.id = officerID
        self.number = number
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.status = .valid
        self.revocationProposed = false
    }
}

/// One entry of a certificate's electronic archive (电子档案, 通州 第二十三条). Never updated.
final class CertificateEvent: Model, @unchecked Sendable {
    static let schema = "certificate_events"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "kind") var kind: CertificateEventKind
    @Field(key: "occurred_on") var occurredOn: String
    @Field(key: "detail") var detail: String
    /// 文书编号, e.g. 暂扣通知书 number.
    @OptionalField(key: "document_ref") var documentRef: String?
    @OptionalField(key: "actor_name") var actorName: String?
    @Field(key: "sequence") var sequence: Int

    init() {}

    init(certificateID: UUID, kind: CertificateEventKind, occurredOn: String, detail: String,
         documentRef: String? = nil, actorName: String?, sequence: Int) {
        self.$certificate.id = certificateID
        self.kind = kind
        self.occurredOn = occurredOn
        self.detail = detail
        self.documentRef = documentRef
        self.actorName = actorName
        self.sequence = sequence
    }
}
