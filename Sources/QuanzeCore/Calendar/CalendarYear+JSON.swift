import Foundation

extension CalendarYear {
    /// Decodes one year from JSON text (the administrator's upload), strictly and validated.
    /// Every failure — bad JSON, a missing or unknown field, a wrong type, an invalid date, a rule
    /// violation — is thrown as `CalendarDataError` with a Chinese message.
    public static func decode(json data: Data) throws -> CalendarYear {
        try CalendarJSON.decode(CalendarYear.self, from: data)
    }

    /// The canonical JSON of this year (sorted keys, indented, UTF-8, dates as `YYYY-MM-DD`).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
