import Foundation

/// Who bears liability, and how much, in one situation (责任划分), e.g. "审核人、批准人未发现承办人
/// 错误意见" → 承办人 共同, 审核人 共同, 批准人 共同.
public struct ApportionmentRule: ProfileEntry {
    public var code: String
    public var name: String
    /// The situation in Chinese.
    public var situation: String
    /// The situation as the engine recognises it; nil for a rule the engine does not apply.
    public var when: ApportionmentTrigger?
    public var liable: [LiableShare]
    public var note: String?
    public var source: SourceRef
    public var quote: String?

    public init(code: String, name: String, situation: String, when: ApportionmentTrigger? = nil,
                liable: [LiableShare], note: String? = nil, source: SourceRef, quote: String? = nil) {
        self.code = code
        self.name = name
        self.situation = situation
        self.when = when
        self.liable = liable
        self.note = note
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, situation, when, liable, note, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        situation = try c.decode(String.self, forKey: .situation)
        when = try c.decodeIfPresent(ApportionmentTrigger.self, forKey: .when)
        liable = try c.decode([LiableShare].self, forKey: .liable)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }
}

/// One liable party and its share.
public struct LiableShare: Codable, Sendable, Hashable {
    public var party: LiableParty
    public var share: LiabilityShare

    public init(party: LiableParty, share: LiabilityShare) {
        self.party = party
        self.share = share
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case party, share
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        party = try c.decode(LiableParty.self, forKey: .party)
        share = try c.decode(LiabilityShare.self, forKey: .share)
    }
}
