import Fluent
import Foundation
import QuanzeCore
import SQLKit

/// 010: 执行 (罚缴分离 payments, enforcement steps), 复议/诉讼 outcomes, refunds, liability intake;
/// the fine of a decision in 分 as a column so that the quarterly report sums it in SQL.
struct CreateCollections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CasePayment.schema)
            .id()
            .field("case_id", .uuid, .required, .references(EnforcementCase.schema, .id))
            .field("decision_id", .uuid, .required)
            .field("agency_id", .uuid, .required)
            .field("fine_fen", .int64, .required)
            .field("late_fee_fen", .int64, .required)
            .field("paid_on", .string, .required)
            .field("receipt_number", .string)
            .field("channel", .string, .required)
            .field("corrects_id", .uuid)
            .field("reason", .string)
            .field("recorded_by_id", .uuid, .required)
            .field("recorded_by_name", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "agency_id", "receipt_number", name: "uq_case_payments_receipt")
            .unique(on: "corrects_id", name: "uq_case_payments_corrects")
            .create()
        try await database.schema(CaseEnforcementStep.schema)
            .id()
            .field("case_id", .uuid, .required, .references(EnforcementCase.schema, .id))
            .field("kind", .string, .required)
            .field("taken_on", .string, .required)
            .field("note", .string, .required)
            .field("recorded_by_name", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(CaseRemedy.schema)
            .id()
            .field("case_id", .uuid, .required, .references(EnforcementCase.schema, .id))
            .field("decision_id", .uuid, .required)
            .field("agency_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("organ", .string, .required)
            .field("applied_on", .string, .required)
            .field("received_on", .string, .required)
            .field("window_due", .string, .required)
            .field("late", .bool, .required)
            .field("result", .string)
            .field("result_on", .string)
            .field("result_number", .string)
            .field("new_sanction", .string)
            .field("removed_fen", .int64, .required)
            .field("recorded_by_name", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(CaseRefund.schema)
            .id()
            .field("case_id", .uuid, .required, .references(EnforcementCase.schema, .id))
            .field("remedy_id", .uuid, .required, .references(CaseRemedy.schema, .id))
            .field("agency_id", .uuid, .required)
            .field("applicant", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("applied_on", .string, .required)
            .field("paid_on", .string, .required)
            .field("approved_by_id", .uuid, .required)
            .field("approved_by_name", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(LiabilityIntake.schema)
            .id()
            .field("source_kind", .string, .required)
            .field("source_id", .uuid, .required)
            .field("case_id", .uuid, .required, .references(EnforcementCase.schema, .id))
            .field("agency_id", .uuid, .required)
            .field("opened_on", .string, .required)
            .field("summary", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "source_kind", "source_id", name: "uq_liability_intake_source")
            .create()
        try await database.schema(CaseDecision.schema).field("fine_fen", .int64).update()
        if let sql = database as? any SQLDatabase {
            try await Self.backfillFineFen(sql)
            for (name, table, columns) in [("idx_case_payments_case", CasePayment.schema, ["case_id"]),
                                           ("idx_case_payments_agency_paid", CasePayment.schema, ["agency_id", "paid_on"]),
                                           ("idx_case_remedies_case", CaseRemedy.schema, ["case_id"]),
                                           ("idx_case_remedies_agency_result", CaseRemedy.schema, ["agency_id", "result_on"]),
                                           ("idx_case_refunds_case", CaseRefund.schema, ["case_id"]),
                                           ("idx_case_enforcement_steps_case", CaseEnforcementStep.schema, ["case_id"]),
                                           ("idx_liability_intake_agency", LiabilityIntake.schema, ["agency_id", "opened_on"])] {
                var create = sql.create(index: name).on(table)
                for column in columns { create = create.column(column) }
                try await create.run()
            }
        }
    }

    /// Existing decisions get the fine of their sanction (`PenaltySanction.fineAmount`, whole 元) in 分.
    static func backfillFineFen(_ sql: any SQLDatabase) async throws {
        try await SanctionAmountSQL.backfill(sql, column: "fine_fen", key: "fineAmount")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseDecision.schema).deleteField("fine_fen").update()
        for schema in [LiabilityIntake.schema, CaseRefund.schema, CaseRemedy.schema, CaseEnforcementStep.schema, CasePayment.schema] {
            try await database.schema(schema).delete()
        }
    }
}
