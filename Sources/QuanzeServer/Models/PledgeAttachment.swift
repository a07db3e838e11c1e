import Fluent
import Foundation

/// The scanned, signed pledge (PDF or image, at most 5 MB), stored in the database so that a
/// backup of the database holds it. One per pledge; a new upload replaces it.
final class PledgeAttachment: Model, @unchecked Sendable {
    static let schema = "pledge_attachments"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "pledge_id") var pledge: Pledge
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "content") var content: Data

    init() {}

    init(pledgeID: UUID, fileName: String, contentType: String, content: Data) {
        self.$pledge.id = pledgeID
        self.fileName = fileName
        self.contentType = contentType
        self.size = content.count
        self.content = content
    }
}
