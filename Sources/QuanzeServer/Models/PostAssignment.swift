import Fluent
import Foundation

/// An officer on a post from `startDate` (YYYY-MM-DD) until `endDate` (nil while current). The
/// start date is kept for 定期轮岗 (`002_*` 永政办〔2015〕98号 五(一)).
final class PostAssignment: Model, @unchecked Sendable {
    static let schema = "post_assignments"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "post_id") var post: EnforcementPost
    @Parent(key: "officer_id") var officer: Officer
    @Field(key: "start_date") var startDate: String
    @OptionalField(key: "end_date") var endDate: String?

    init() {}

    init(id: UUID? = nil, postID: UUID, officerID: UUID, startDate: String) {
        self.id = id
        self.$post.id = postID
        self.$officer.id = officerID
        self.startDate = startDate
    }

    var isCurrent: Bool { endDate == nil }
}
