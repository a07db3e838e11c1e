import Fluent
import Foundation
import SQLKit

/// 014: 投诉举报 (complaints, their steps, attachments, 责任倒查 findings, the yearly 登记编号 sequence), and
/// liability intake items without a case: `liability_intake.case_id` becomes nullable (a complaint about a
/// body or an officer has no case) and gains `subject_officer_id`. PostgreSQL alters the column; SQLite
/// cannot drop NOT NULL, so the table is rebuilt in plain SQL (new table, copy, drop, rename, indexes).
struct CreateComplaints: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Complaint.schema)
            .id()
            .field("number", .string, .required)
            .field("jurisdiction_id", .uuid, .required, .references(Jurisdiction.schema, .id))
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("subject_kind", .string, .required)
            .field("subject_text", .string)
            .field("subject_officer_id", .uuid, .references(Officer.schema, .id))
            .field("case_id", .uuid, .references(EnforcementCase.schema, .id))
            .field("channel", .string, .required)
            .field("anonymous", .bool, .required)
            .field("complainant_name", .string)
            .field("complainant_phone", .string)
            .field("content", .string, .required)
            .field("received_on", .string, .required)
            .field("status", .string, .required)
            .field("tracking_hash", .string, .required)
            .field("registered_by", .string, .required)
            .field("handler_id", .uuid)
            .field("handler_name", .string)
            .field("ack_due", .string)
            .field("ack_rule", .string)
            .field("acknowledged_on", .string)
            .field("reply_due", .string)
            .field("reply_rule", .string)
            .field("replied_on", .string)
            .field("accepted_on", .string)
            .field("refusal_reason", .string)
            .field("refused_by_id", .uuid)
            .field("refused_by_name", .string)
            .field("finding", .string)
            .field("finding_text", .string)
            .field("verified_by_name", .string)
            .field("reply_text", .string)
            .field("closed_on", .string)
            .field("closed_by_id", .uuid)
            .field("closed_by_name", .string)
            .field("review_result", .string)
            .field("review_note", .string)
            .field("reviewed_on", .string)
            .field("reviewed_by_name", .string)
            .field("created_at", .datetime)
            .unique(on: "number", name: "uq_complaints_number")
            .unique(on: "tracking_hash", name: "uq_complaints_tracking")
            .create()
        try await database.schema(ComplaintEvent.schema)
            .id()
            .field("complaint_id", .uuid, .required, .references(Complaint.schema, .id))
            .field("kind", .string, .required)
            .field("on_date", .string, .required)
            .field("summary", .string, .required)
            .field("actor", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ComplaintAttachment.schema)
            .id()
            .field("complaint_id", .uuid, .required, .references(Complaint.schema, .id))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("content", .data, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ComplaintLiabilityFinding.schema)
            .id()
            .field("complaint_id", .uuid, .required, .references(Complaint.schema, .id))
            .field("user_id", .uuid)
            .field("person_name", .string, .required)
            .field("step", .string, .required)
            .field("found_on", .string, .required)
            .field("reviewer_name", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ComplaintSequence.schema)
            .id()
            .field("jurisdiction_id", .uuid, .required, .references(Jurisdiction.schema, .id))
            .field("year", .int, .required)
            .field("last", .int, .required)
            .unique(on: "jurisdiction_id", "year", name: "uq_complaint_sequences")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for (name, table, columns) in [("idx_complaints_agency_received", Complaint.schema, ["agency_id", "received_on"]),
                                       ("idx_complaints_jurisdiction_received", Complaint.schema, ["jurisdiction_id", "received_on"]),
                                       ("idx_complaints_reply_due", Complaint.schema, ["reply_due"]),
                                       ("idx_complaint_events_complaint", ComplaintEvent.schema, ["complaint_id"]),
                                       ("idx_complaint_attachments_complaint", ComplaintAttachment.schema, ["complaint_id"]),
                                       ("idx_complaint_findings_complaint", ComplaintLiabilityFinding.schema, ["complaint_id"])] {
            var create = sql.create(index: name).on(table)
            for column in columns { create = create.column(column) }
            try await create.run()
        }
        if sql.dialect.name == "sqlite" {
            for statement in Self.sqliteRebuild(caseRequired: false) { try await sql.raw(SQLQueryString(statement)).run() }
        } else {
            try await sql.raw("ALTER TABLE liability_intake ALTER COLUMN case_id DROP NOT NULL").run()
            try await sql.raw("ALTER TABLE liability_intake ADD COLUMN subject_officer_id UUID").run()
        }
    }

    /// The SQLite rebuild of `liability_intake` (types as Fluent's SQLite driver writes them: UUID as BLOB,
    /// strings as TEXT, datetimes as REAL). `caseRequired` restores the original NOT NULL (revert).
    static func sqliteRebuild(caseRequired: Bool) -> [String] {
        let officer = caseRequired ? "" : ", \"subject_officer_id\" BLOB"
        let copyColumns = "\"id\", \"source_kind\", \"source_id\", \"case_id\", \"agency_id\", \"opened_on\", \"summary\", \"status\", \"created_at\""
        return [
            """
            CREATE TABLE "liability_intake_new" (
              "id" BLOB PRIMARY KEY,
              "source_kind" TEXT NOT NULL,
              "source_id" BLOB NOT NULL,
              "case_id" BLOB\(caseRequired ? " NOT NULL" : "") REFERENCES "cases" ("id"),
              "agency_id" BLOB NOT NULL,
              "opened_on" TEXT NOT NULL,
              "summary" TEXT NOT NULL,
              "status" TEXT NOT NULL,
              "created_at" REAL\(officer),
              CONSTRAINT "uq_liability_intake_source" UNIQUE ("source_kind", "source_id")
            )
            """,
            "INSERT INTO \"liability_intake_new\" (\(copyColumns)) SELECT \(copyColumns) FROM \"liability_intake\"\(caseRequired ? " WHERE \"case_id\" IS NOT NULL" : "")",
            "DROP TABLE \"liability_intake\"",
            "ALTER TABLE \"liability_intake_new\" RENAME TO \"liability_intake\"",
            "CREATE INDEX \"idx_liability_intake_agency\" ON \"liability_intake\" (\"agency_id\", \"opened_on\")",
        ]
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            if sql.dialect.name == "sqlite" {
                for statement in Self.sqliteRebuild(caseRequired: true) { try await sql.raw(SQLQueryString(statement)).run() }
            } else {
                try await sql.raw("DELETE FROM liability_intake WHERE case_id IS NULL").run()
                try await sql.raw("ALTER TABLE liability_intake DROP COLUMN subject_officer_id").run()
                try await sql.raw("ALTER TABLE liability_intake ALTER COLUMN case_id SET NOT NULL").run()
            }
        }
        for schema in [ComplaintSequence.schema, ComplaintLiabilityFinding.schema, ComplaintAttachment.schema, ComplaintEvent.schema, Complaint.schema] {
            try await database.schema(schema).delete()
        }
    }
}
