import Foundation
import QuanzeCore
import Vapor

extension IndicatorNodeInput {
    static let keys: Set<String> = ["code", "name", "weight", "kind", "automatic", "children"]

    /// The indicator tree is strict at every level, like the top level (`decodeStrict`): a node
    /// with a key outside `keys` is refused with 400 UNKNOWN_FIELD (its path in `details.field`,
    /// e.g. `indicators[0].children[1].note`), an explicit null with 422 VALIDATION_FAILED.
    static func checkStrict(_ value: Any?, path: String) throws {
        guard let list = value as? [Any] else { return }
        for (i, item) in list.enumerated() {
            let here = "\(path)[\(i)]"
            guard let node = item as? [String: Any] else { continue }
            if let unknown = node.keys.sorted().first(where: { !keys.contains($0) }) {
                throw AppError("UNKNOWN_FIELD", .badRequest, "指标树中的未知字段：\(here).\(unknown)",
                               details: ErrorDetails(field: "\(here).\(unknown)", allowed: keys.sorted()))
            }
            if let nullKey = node.keys.sorted().first(where: { node[$0] is NSNull }) {
                throw AppError.validation("\(here).\(nullKey)", "不能为 null（不需要的字段请省略）", code: "null")
            }
            try checkStrict(node["children"], path: "\(here).children")
        }
    }
}

struct IndicatorNodeInput: Content, Sendable {
    var code: String
    var name: String
    var weight: Int
    var kind: IndicatorKind?
    var automatic: String?
    var children: [IndicatorNodeInput]?

    var node: IndicatorNode {
        var n = IndicatorNode(code: code, name: name, weight: weight, kind: kind, children: (children ?? []).map(\.node))
        if n.isLeaf {
            n.automatic = automatic
            n.kind = kind ?? (automatic == nil ? .entered : .automatic)
        }
        return n
    }
}

struct AssessmentPlanInput: Content, StrictInput {
    var year: Int
    var targetKind: AssessmentTargetKind
    var name: String
    var indicators: [IndicatorNodeInput]
    var excellentMin: Int?
    var qualifiedMin: Int?
    var contestDays: Int?
    enum CodingKeys: String, CodingKey, CaseIterable { case year, targetKind, name, indicators, excellentMin, qualifiedMin, contestDays }
    typealias Keys = CodingKeys

    var draft: AssessmentService.Draft {
        .init(year: year, targetKind: targetKind, name: name, indicators: indicators.map(\.node), excellentMin: excellentMin ?? 90,
              qualifiedMin: qualifiedMin ?? 60, contestDays: contestDays ?? 10)
    }
}

struct FindingEnterInput: Content, StrictInput {
    var points: Double
    var evidence: String
    enum CodingKeys: String, CodingKey, CaseIterable { case points, evidence }
    typealias Keys = CodingKeys
}

struct FindingRespondInput: Content, StrictInput {
    var action: String   // confirm | contest
    var grounds: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case action, grounds }
    typealias Keys = CodingKeys
}

struct FindingDecideInput: Content, StrictInput {
    var outcome: String  // upheld | revised
    var points: Double?
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case outcome, points, reason }
    typealias Keys = CodingKeys
}

struct ZeroEnforcementReasonInput: Content, StrictInput {
    var year: Int
    var powerItemId: UUID
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case year, powerItemId, reason }
    typealias Keys = CodingKeys
}

struct EvaluatorRatingInput: Content, StrictInput {
    var agencyId: UUID
    var year: Int
    var rating: Int
    var evaluatorName: String
    var comment: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case agencyId, year, rating, evaluatorName, comment }
    typealias Keys = CodingKeys
}

struct SurveyImportInput: Content, StrictInput {
    var year: Int
    var csv: String
    enum CodingKeys: String, CodingKey, CaseIterable { case year, csv }
    typealias Keys = CodingKeys
}

struct EvaluationCardInput: Content, StrictInput {
    var agencyId: UUID?
    var code: String?
    var rating: Int
    var comment: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case agencyId, code, rating, comment }
    typealias Keys = CodingKeys
}

struct EvaluationDTO: Content, Sendable {
    var id: UUID
    var agencyId: UUID
    var caseId: UUID?
    var year: Int
    var channel: String
    var rating: Int

    init(_ e: Evaluation) {
        id = e.id!
        agencyId = e.agencyID
        caseId = e.caseID
        year = e.year
        channel = e.channel.rawValue
        rating = e.rating
    }
}

struct EvaluationCodeDTO: Content, Sendable {
    var code: String
    var caseNumber: String
    var note: String
}

struct SurveyImportDTO: Content, Sendable { var imported: Int }

struct ZeroEnforcementReasonDTO: Content, Sendable {
    var agencyId: UUID
    var year: Int
    var powerItemId: UUID
    var reason: String
    var statedOn: String
}

struct ConsequenceDTO: Content, Sendable {
    var code: String
    var name: String
    var text: String?
    var sanctions: [String]
    var years: Int
    var source: SourceDTO
    var quote: String?
    var origin: String

    init(_ c: ConsequenceProposal) {
        code = c.consequence.entry.code
        name = c.consequence.entry.name
        text = c.consequence.entry.text
        sanctions = c.sanctionNames
        years = c.streak
        source = SourceDTO(c.consequence.entry.source)
        quote = c.consequence.entry.quote
        origin = c.consequence.origin
    }
}

struct FindingDTO: Content, Sendable {
    var id: UUID
    var targetId: UUID
    var indicatorCode: String
    var indicatorName: String
    var kind: String
    var automatic: String?
    var formula: String?
    var source: SourceDTO?
    var weight: Int
    var points: Double
    var numerator: Int?
    var denominator: Int?
    var rate: Double?
    var intervalLower: Double?
    var intervalUpper: Double?
    var note: String?
    var against: [Item]
    var againstMore: Int
    var evidence: String?
    var status: String
    var statusLabel: String
    var responseGrounds: String?
    var respondedOn: String?
    var decisionReason: String?
    var decidedOn: String?

    struct Item: Content, Sendable { var kind: String; var id: UUID; var label: String; var note: String? }

    init(_ f: AssessmentFinding, items: Bool = true) {
        id = f.id!
        targetId = f.targetID
        indicatorCode = f.indicatorCode
        indicatorName = f.indicatorName
        kind = f.kind.rawValue
        automatic = f.automatic
        formula = f.automaticIndicator?.formula
        source = f.automaticIndicator.map { SourceDTO($0.source) }
        weight = f.weight
        points = Double(f.pointsCenti) / 100
        numerator = f.numerator
        denominator = f.denominator
        if f.kind == .automatic, let m = f.measure {
            rate = m.rate
            // A mean score is not a proportion of trials: no Wilson interval for it.
            if f.automaticIndicator != .fileReviewScore, let w = WilsonInterval(successes: m.numerator, trials: m.denominator) {
                intervalLower = w.lower; intervalUpper = w.upper
            }
        }
        note = f.detail.note
        against = items ? f.detail.against.map { Item(kind: $0.kind, id: $0.id, label: $0.label, note: $0.note) } : []
        againstMore = f.detail.againstMore + (items ? 0 : f.detail.against.count)
        evidence = f.evidence
        status = f.status.rawValue
        statusLabel = f.status.label
        responseGrounds = f.responseGrounds
        respondedOn = f.respondedOn
        decisionReason = f.decisionReason
        decidedOn = f.decidedOn
    }
}

struct AssessmentResultDTO: Content, Sendable {
    var id: UUID
    var targetId: UUID
    var targetName: String
    var total: Double
    var rankScore: Double
    var rank: Int
    var grade: String
    var gradeLabel: String
    var consequences: [ConsequenceDTO]
    /// 责任追究 sanctions of the year in force on the party (issue 6 item 6), each citing its decision.
    var liability: [LiabilityFlagDTO]
    var findings: [FindingDTO]
}

/// A 责任追究 consequence shown in an assessment result or on the officer page.
struct LiabilityFlagDTO: Content, Sendable, Equatable {
    var sanctionName: String
    var effect: String?
    var documentNumber: String
    var decidedOn: String
    var since: String?
    var note: String?

    init(_ c: LiabilityConsequence) {
        sanctionName = c.sanctionName
        effect = c.effect
        documentNumber = c.documentNumber
        decidedOn = c.decidedOn
        since = c.appliedOn
        note = c.note
    }
}

struct AssessmentPlanDTO: Content, Sendable {
    var id: UUID
    var year: Int
    var targetKind: String
    var name: String
    var agencyId: UUID?
    var status: String
    var statusLabel: String
    var indicators: [IndicatorNode]
    var externalWeight: Int
    var excellentMin: Int
    var qualifiedMin: Int
    var contestDays: Int
    var computedOn: String?
    var contestDue: String?
    var publishedOn: String?
    var results: [AssessmentResultDTO]
}

extension IndicatorNode: Content {}
