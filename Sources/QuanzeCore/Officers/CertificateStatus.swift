/// 行政执法证件 status. 有效 ⇄ 暂扣; 核销 and 注销 are final.
public enum CertificateStatus: String, Codable, CaseIterable, Sendable {
    case valid = "有效"
    case suspended = "暂扣"
    /// 核销: withdrawn as a sanction (e.g. at the third suspension, 通州 第十七条).
    case revoked = "核销"
    /// 注销: handed back on transfer, retirement or the body's dissolution (通州 第二十一条).
    case cancelled = "注销"

    public var label: String { rawValue }
    public var isFinal: Bool { self == .revoked || self == .cancelled }
}

/// What can happen to a certificate; each is kept as an event (电子档案, 通州 第二十三条).
public enum CertificateEventKind: String, Codable, CaseIterable, Sendable {
    case issue = "核发"
    case inspect = "年审"
    case suspend = "暂扣"
    case restore = "恢复"
    case revocationProposed = "核销建议"
    case revoke = "核销"
    case cancel = "注销"

    public var label: String { rawValue }
}

/// A refused certificate action: a stable code and a Chinese message.
public struct CertificateRefusal: Error, Sendable, Equatable {
    public var code: String
    public var message: String
}

/// The certificate's state machine.
public enum CertificateLifecycle {
    /// The status after `event`, or a refusal naming the current status.
    public static func next(from status: CertificateStatus, on event: CertificateEventKind) throws -> CertificateStatus {
        switch (event, status) {
        case (.inspect, .valid): return .valid
        case (.suspend, .valid): return .suspended
        case (.restore, .suspended): return .valid
        case (.revoke, .valid), (.revoke, .suspended): return .revoked
        case (.cancel, .valid), (.cancel, .suspended): return .cancelled
        case (.revocationProposed, _) where !status.isFinal: return status
        default:
            throw CertificateRefusal(code: "CERTIFICATE_INVALID_TRANSITION",
                                     message: "证件当前状态为“\(status.label)”，不能\(event.label)")
        }
    }
}
