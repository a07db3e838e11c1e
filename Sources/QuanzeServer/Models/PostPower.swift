import Fluent
import Foundation

/// A power item held by a post. `overlapReason` is the written reason required when the same
/// power is held by a parallel post of another unit (交叉、重复, `000_*` 国办发〔2005〕37号 二(二)).
final class PostPower: Model, @unchecked Sendable {
    static let schema = "post_powers"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "post_id") var post: EnforcementPost
    @Parent(key: "item_id") var item: PowerItem
    @OptionalField(key: "overlap_reason") var overlapReason: String?

    init() {}

    init(id: UUID? = nil, postID: UUID, itemID: UUID, overlapReason: String?) {
        self.id = id
        self.$post.id = postID
        self.$item.id = itemID
        self.overlapReason = overlapReason
    }
}
