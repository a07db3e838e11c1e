import Fluent

/// 委托执法: delegations, their delegated 职权事项 and their history.
struct CreateDelegation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Delegation.schema)
            .id()
            .field("jurisdiction_id", .uuid, .required, .references(Jurisdiction.schema, .id))
            .field("delegating_agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("delegate_agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("basis", .string, .required)
            .field("basis_article_ids", .string, .required)
            .field("term_start", .string, .required)
            .field("term_end", .string, .required)
            .field("decision_on", .string, .required)
            .field("filing_due", .string)
            .field("filing_due_source", .string)
            .field("status", .string, .required)
            .field("filed_on", .string)
            .field("filing_ref", .string)
            .field("filing_report", .string)
            .field("entrustment_letter", .string)
            .field("announcement_document", .string)
            .field("filed_by", .string)
            .field("terminated_on", .string)
            .field("termination_reason", .string)
            .field("created_by", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(DelegationItem.schema)
            .id()
            .field("delegation_id", .uuid, .required, .references(Delegation.schema, .id, onDelete: .cascade))
            .field("power_item_id", .uuid, .required, .references(PowerItem.schema, .id))
            .unique(on: "delegation_id", "power_item_id")
            .create()
        try await database.schema(DelegationEvent.schema)
            .id()
            .field("delegation_id", .uuid, .required, .references(Delegation.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("summary", .string, .required)
            .field("actor", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DelegationEvent.schema).delete()
        try await database.schema(DelegationItem.schema).delete()
        try await database.schema(Delegation.schema).delete()
    }
}
