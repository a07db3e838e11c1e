import Fluent
import Foundation
import QuanzeCore
import SQLKit

/// A body's yearly numbering (立案号, 处罚决定书文号): the sequence row is locked for the rest of
/// the transaction, so concurrent requests (and several instances on one PostgreSQL) never share
/// a number.
enum DocumentNumbers {
    enum Kind: String {
        case filing, decision
        /// 责任追究决定书 (issue 6 item 5).
        case liability

        var word: String {
            switch self {
            case .filing: "立"
            case .decision: "决"
            case .liability: "责"
            }
        }
    }

    static func next(_ kind: Kind, agency: Agency, year: Int, on tx: any Database) async throws -> String {
        let agencyID = try agency.requireID()
        if let sql = tx as? any SQLDatabase {
            // Create the row if missing (ignoring a concurrent creation), then take it under a write
            // lock (UPDATE) before reading.
            try await sql.insert(into: DocumentSequence.schema)
                .columns("id", "agency_id", "year", "kind", "last")
                .values(SQLBind(UUID()), SQLBind(agencyID), SQLBind(year), SQLBind(kind.rawValue), SQLBind(0))
                .ignoringConflicts().run()
            try await sql.update(DocumentSequence.schema).set("last", to: SQLBinaryExpression(SQLIdentifier("last"), .add, SQLLiteral.numeric("1")))
                .where("agency_id", .equal, agencyID).where("year", .equal, year).where("kind", .equal, kind.rawValue).run()
        }
        guard let row = try await DocumentSequence.query(on: tx).filter(\.$agency.$id == agencyID).filter(\.$year == year)
            .filter(\.$kind == kind.rawValue).first() else { throw AppError("SEQUENCE_MISSING", .internalServerError, "文号序列缺失") }
        return DocumentNumber.format(prefix: "\(agency.name)\(kind.word)字", year: year, sequence: row.last)
    }
}
