import Foundation

/// One entry of a profile section: a stable code, a Chinese name, and where it comes from.
/// The validator and the inheritance merge work on any entry through this protocol.
public protocol ProfileEntry: Codable, Sendable, Hashable {
    /// Stable snake_case ASCII key, unique within its section; a child profile overrides the
    /// inherited entry that has the same code.
    var code: String { get }
    var name: String { get }
    var source: SourceRef { get }
    /// Optional verbatim excerpt from the seed text.
    var quote: String? { get }
    /// Numbers that must be greater than zero, by field name.
    var positiveNumbers: [(field: String, value: Int)] { get }
    /// Codes of sanctions (in `catalogs.agencySanctions` / `personSanctions`) the entry names.
    var sanctionReferences: [String] { get }
}

extension ProfileEntry {
    public var positiveNumbers: [(field: String, value: Int)] { [] }
    public var sanctionReferences: [String] { [] }
}

extension DeadlineRule {
    public var positiveNumbers: [(field: String, value: Int)] {
        var numbers = [(field: "value", value: value)]
        if let ext = `extension` { numbers.append((field: "extension.value", value: ext.value)) }
        return numbers
    }
}

/// Whom an entry concerns: a body (机关) or its officers (人员).
public enum TargetKind: String, Sendable, Hashable, StrictStringEnum {
    case agency = "机关"
    case person = "人员"

    public init(from decoder: any Decoder) throws { self = try Self.strictDecode(from: decoder) }
}
