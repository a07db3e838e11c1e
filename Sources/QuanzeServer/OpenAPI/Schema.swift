/// JSON Schema helpers for the OpenAPI document.
enum Schema {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let string: JSONValue = ["type": "string"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let date: JSONValue = ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
    /// A date or the empty string (an unset filter field).
    static let optionalDate: JSONValue = ["type": "string", "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"]
    static let int: JSONValue = ["type": "integer"]
    static let bool: JSONValue = ["type": "boolean"]

    static func string(min: Int? = nil, max: Int? = nil, pattern: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", "string")]
        if let min { pairs.append(("minLength", .int(min))) }
        if let max { pairs.append(("maxLength", .int(max))) }
        if let pattern { pairs.append(("pattern", .string(pattern))) }
        return .object(pairs)
    }

    static func int(min: Int, max: Int) -> JSONValue { ["type": "integer", "minimum": .int(min), "maximum": .int(max)] }
    static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map(JSONValue.string))] }
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func nullable(_ s: JSONValue) -> JSONValue { ["oneOf": [s, ["type": "null"]]] }

    /// An object; `required` keys must be present, others may be absent. No other keys allowed.
    static func object(_ props: [(String, JSONValue)], required: [String] = [], closed: Bool = true) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", "object"), ("properties", .object(props))]
        if !required.isEmpty { pairs.append(("required", .array(required.map(JSONValue.string)))) }
        if closed { pairs.append(("additionalProperties", false)) }
        return .object(pairs)
    }

    static func openObject() -> JSONValue { ["type": "object"] }
}
