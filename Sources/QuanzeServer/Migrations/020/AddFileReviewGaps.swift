import Fluent
import Foundation
import SQLKit

/// 020: 案卷评查 gaps (issue 5): whether a plan draws from the pre-check strata (platform rule,
/// docs/case-file-review.md), the two 评查员 assigned to each drawn file, and the day the 初评 sheet
/// got its second signature (for the 日常抽查 3 日 sheet deadline, 第十一条(四)).
struct AddFileReviewGaps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite: one ALTER TABLE … ADD COLUMN per update().
        try await database.schema(ReviewPlan.schema).field("stratified", .bool, .required, .sql(.default(false))).update()
        try await database.schema(ReviewSheet.schema).field("reviewer_a_id", .uuid).update()
        try await database.schema(ReviewSheet.schema).field("reviewer_a_name", .string).update()
        try await database.schema(ReviewSheet.schema).field("reviewer_b_id", .uuid).update()
        try await database.schema(ReviewSheet.schema).field("reviewer_b_name", .string).update()
        try await database.schema(ReviewSheet.schema).field("first_signed_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        for f in ["reviewer_a_id", "reviewer_a_name", "reviewer_b_id", "reviewer_b_name", "first_signed_on"] {
            try await database.schema(ReviewSheet.schema).deleteField(.string(f)).update()
        }
        try await database.schema(ReviewPlan.schema).deleteField("stratified").update()
    }
}
