import Foundation
import Vapor

/// The API body of a CSV import: the file's text (a byte-order mark at its start is ignored).
struct PowerListImportInput: Content, StrictInput {
    var csv: String
    enum CodingKeys: String, CodingKey, CaseIterable { case csv }
    typealias Keys = CodingKeys
}

/// A successful import: how many items were created (as drafts) and the items.
struct PowerListImportResultDTO: Content, Sendable {
    var count: Int
    var items: [PowerItemDTO]
}

/// One problem of a refused import: the spreadsheet row (header = 1) and column, when it has them.
struct CSVRowProblem: Content, Sendable, Equatable {
    var row: Int?
    var column: String?
    var message: String
}
