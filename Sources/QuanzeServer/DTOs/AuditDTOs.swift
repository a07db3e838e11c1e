import Foundation
import QuanzeCore
import Vapor

struct AuditEntryDTO: Content, Sendable {
    var seq: Int64
    var occurredAt: Date
    var actorId: String?
    var actorName: String?
    var ip: String?
    var action: String
    var actionLabel: String
    var target: String?
    var outcome: String
    var detail: String?
    var hash: String

    init(_ e: AuditEntry) {
        seq = e.seq
        occurredAt = Date(timeIntervalSince1970: Double(e.occurredMs) / 1000)
        actorId = e.actorID
        actorName = e.actorName
        ip = e.ip
        action = e.action
        actionLabel = AuditAction(rawValue: e.action)?.label ?? e.action
        target = e.target
        outcome = e.outcome
        detail = e.detail
        hash = e.hash
    }
}

struct AuditListDTO: Content, Sendable {
    var items: [AuditEntryDTO]
    var page: PageInfo
}

struct AuditVerifyDTO: Content, Sendable {
    var ok: Bool
    var checked: Int
    var problem: String?
    var problemSeq: Int64?
}
