/// The statutory thresholds that decide the procedure and the hearing right of a penalty.
/// Amounts are in 元. The 简易程序 limits are national law; the "较大数额" of 第六十三条 is left to
/// the provinces and departments, so its amounts come from the rule profile.
public struct PenaltyProcedureRules: Sendable, Hashable {
    /// 行政处罚法 第五十一条: 对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告.
    public var simpleFinePerson: Int
    public var simpleFineOrganization: Int
    /// 较大数额罚款 / 没收较大数额 (第六十三条): from this amount on the party may ask for a hearing.
    public var hearingAmountPerson: Int
    public var hearingAmountOrganization: Int
    public var hearingAmountSource: SourceRef

    public init(simpleFinePerson: Int = 200, simpleFineOrganization: Int = 3000,
                hearingAmountPerson: Int, hearingAmountOrganization: Int, hearingAmountSource: SourceRef) {
        self.simpleFinePerson = simpleFinePerson
        self.simpleFineOrganization = simpleFineOrganization
        self.hearingAmountPerson = hearingAmountPerson
        self.hearingAmountOrganization = hearingAmountOrganization
        self.hearingAmountSource = hearingAmountSource
    }

    /// 简易程序 is allowed only for a warning or a fine up to the limit, with no other kind (第五十一条).
    public func checkSimpleProcedure(_ sanction: PenaltySanction, party: PartyKind) throws(CaseRuleViolation) {
        let limit = party == .person ? simpleFinePerson : simpleFineOrganization
        let allowed: Set<PenaltyKind> = [.warning, .fine]
        if let other = sanction.kinds.first(where: { !allowed.contains($0) }) {
            throw CaseRuleViolation("SIMPLE_PROCEDURE_NOT_ALLOWED",
                                    "简易程序只能当场作出警告或者限额以下罚款，“\(other.label)”应当适用普通程序",
                                    source: CaseSources.penaltyLaw("第五十一条"))
        }
        if sanction.kinds.contains(.fine) && sanction.fineAmount > limit {
            throw CaseRuleViolation("SIMPLE_PROCEDURE_NOT_ALLOWED",
                                    "对\(party.label)当场罚款不得超过\(limit)元，罚款\(sanction.fineAmount)元应当适用普通程序",
                                    source: CaseSources.penaltyLaw("第五十一条"))
        }
    }

    /// Whether the party must be told of the hearing right, and why (第六十三条).
    public func hearingRight(for sanction: PenaltySanction, party: PartyKind) -> HearingRight? {
        if let kind = sanction.kinds.first(where: \.alwaysGivesHearingRight) {
            return HearingRight(reason: "拟作出“\(kind.label)”", source: CaseSources.penaltyLaw("第六十三条"))
        }
        let threshold = party == .person ? hearingAmountPerson : hearingAmountOrganization
        if sanction.kinds.contains(.fine) && sanction.fineAmount >= threshold {
            return HearingRight(reason: "拟对\(party.label)罚款\(sanction.fineAmount)元，达到较大数额（\(threshold)元，\(hearingAmountSource)）",
                    source: CaseSources.penaltyLaw("第六十三条"))
        }
        if sanction.kinds.contains(.confiscation) && sanction.confiscationAmount >= threshold {
            return HearingRight(reason: "拟没收较大数额违法所得、非法财物（\(sanction.confiscationAmount)元，达到\(threshold)元）",
                    source: CaseSources.penaltyLaw("第六十三条"))
        }
        return nil
    }
}

/// Why a party has the right to a hearing.
public struct HearingRight: Sendable, Hashable {
    public var reason: String
    public var source: SourceRef
}
