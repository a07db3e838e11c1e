import Foundation

/// One row of the security audit (等级保护 安全审计: 事件的日期和时间、用户、事件类型、
/// 事件是否成功及其他与审计相关的信息). Hash-chained by `AuditChain`.
///
/// `occurredAt` is hashed as integer milliseconds since 1970 (see `AuditChain.milliseconds`);
/// the server stores that integer, not a timestamp column, and rebuilds the `Date` from it.
public struct AuditRecord: Codable, Sendable, Equatable {
    /// 1, 2, 3, … without gaps.
    public var seq: Int64
    public var occurredAt: Date
    public var actorID: String?
    public var actorName: String?
    public var ip: String?
    /// Event type, e.g. `login`, `role.grant`, `policy.change`.
    public var action: String
    public var target: String?
    /// e.g. `success`, `failure`, `denied`.
    public var outcome: String
    /// Free text; pass it through `PersonalDataMasker.maskText` first.
    public var detail: String?

    public init(
        seq: Int64, occurredAt: Date, actorID: String? = nil, actorName: String? = nil, ip: String? = nil,
        action: String, target: String? = nil, outcome: String, detail: String? = nil
    ) {
        self.seq = seq
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actorName = actorName
        self.ip = ip
        self.action = action
        self.target = target
        self.outcome = outcome
        self.detail = detail
    }

    /// The record's time as the server stores it (integer milliseconds since 1970).
    public var occurredAtMilliseconds: Int64 { AuditChain.milliseconds(occurredAt) }

    /// A copy whose `occurredAt` is exactly the stored millisecond, as it reads back from storage.
    public func roundedToMilliseconds() -> AuditRecord {
        var copy = self
        copy.occurredAt = AuditChain.date(milliseconds: occurredAtMilliseconds)
        return copy
    }
}
