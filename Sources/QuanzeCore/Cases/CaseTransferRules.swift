/// 移送: a case handed to the body whose matter it is, or to the judicial organs when the facts
/// suggest a crime.
public enum CaseTransferKind: String, Codable, CaseIterable, Sendable {
    /// 移送其他行政执法机关.
    case agency
    /// 移送司法机关 (涉嫌犯罪).
    case judicial

    public var label: String {
        switch self {
        case .agency: "移送其他行政执法机关"
        case .judicial: "移送司法机关"
        }
    }
}

/// The judicial organ a suspected crime goes to.
public enum JudicialOrgan: String, Codable, CaseIterable, Sendable {
    case publicSecurity = "public_security"
    case procuratorate

    public var label: String {
        switch self {
        case .publicSecurity: "公安机关"
        case .procuratorate: "检察机关"
        }
    }
}

/// Why a case ended: the ordinary 结案归档 at the end of its path, or 已移送 to another body.
public enum CaseClosingReason: String, Codable, CaseIterable, Sendable {
    case concluded
    case transferred

    public var label: String {
        switch self {
        case .concluded: "结案归档"
        case .transferred: "已移送"
        }
    }
}

/// The rules of 移送.
public enum CaseTransferRules {
    /// 长春 实施意见 (seed 004 篇十二) 二(三)10: "发现属于其他行政执法机构职责的事项，要及时移送相关行政执法
    /// 机构处理，接受机构不得拒绝或者再次移送。"
    public static let agencySource = SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇十二", document: "关于全面落实行政执法责任制的实施意见",
                                               article: "二(三)10")
    /// 黑龙江省行政执法责任制规定 第十七条 (seed 004 篇二): "查处违法行为发现违法事实涉嫌构成犯罪的，应当及时
    /// 移送公安机关处理，不得以行政处罚代替刑事处罚。"
    public static let crimeSource = CaseSources.seed004("第十七条")

    /// Whether a case may be transferred. A closed case cannot; a case already decided cannot go to
    /// another body (the decision was made in the body's own competence — it is changed only by
    /// 复议, 诉讼 or the body itself); a case received by transfer cannot be passed on again.
    /// A suspected crime may go to the judicial organs at any stage before 结案.
    public static func check(kind: CaseTransferKind, stage: CaseStage, receivedByTransfer: Bool,
                             judicialPending: Bool) throws(CaseRuleViolation) {
        guard stage != .closed else { throw CaseRuleViolation("CASE_CLOSED", "案件已结案，不能移送") }
        switch kind {
        case .agency:
            if receivedByTransfer {
                throw CaseRuleViolation("TRANSFER_NOT_ALLOWED_AGAIN", "本案系其他机关移送而来，接受机构不得拒绝或者再次移送", source: agencySource)
            }
            if [.decision, .service, .execution].contains(stage) {
                throw CaseRuleViolation("CASE_ALREADY_DECIDED", "案件已作出决定，不能再移送其他机关")
            }
        case .judicial:
            if judicialPending {
                throw CaseRuleViolation("ALREADY_TRANSFERRED_TO_JUDICIAL", "案件已移送司法机关，等待其处理结果")
            }
        }
    }
}

extension CaseStateMachine {
    /// 移送其他机关 ends the case at any stage before 决定: it goes straight to 结案归档 with the
    /// reason 已移送 — the one move that is not to the next stage of the path.
    public static func closeByTransfer(from stage: CaseStage, procedure: CaseProcedure,
                                       receivedByTransfer: Bool) throws(CaseRuleViolation) -> (stage: CaseStage, reason: CaseClosingReason) {
        try CaseTransferRules.check(kind: .agency, stage: stage, receivedByTransfer: receivedByTransfer, judicialPending: false)
        return (.closed, .transferred)
    }
}
