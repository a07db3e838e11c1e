import Foundation
import QuanzeCore
import Vapor

struct ComplaintFileInput: Content, Sendable {
    var fileName: String
    /// The file, base64-encoded (at most 5 MB once decoded).
    var contentBase64: String
}

/// A complaint on the portal (no sign-in).
struct PublicComplaintInput: Content, StrictInput {
    var agencyId: UUID
    var subjectKind: ComplaintSubjectKind
    var subjectText: String?
    var content: String
    var anonymous: Bool
    var name: String?
    var phone: String?
    var attachments: [ComplaintFileInput]?
    enum CodingKeys: String, CodingKey, CaseIterable { case agencyId, subjectKind, subjectText, content, anonymous, name, phone, attachments }
    typealias Keys = CodingKeys
}

/// A complaint registered by staff from a call, a letter or the mailbox.
struct ComplaintRegisterInput: Content, StrictInput {
    var agencyId: UUID
    var subjectKind: ComplaintSubjectKind
    var subjectText: String?
    var content: String
    var anonymous: Bool
    var name: String?
    var phone: String?
    var channel: ComplaintChannel
    var receivedOn: String?
    var attachments: [ComplaintFileInput]?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case agencyId, subjectKind, subjectText, content, anonymous, name, phone, channel, receivedOn, attachments
    }
    typealias Keys = CodingKeys
}

struct ComplaintTrackInput: Content, StrictInput {
    var trackingCode: String
    enum CodingKeys: String, CodingKey, CaseIterable { case trackingCode }
    typealias Keys = CodingKeys
}

struct ComplaintRefuseInput: Content, StrictInput {
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case reason }
    typealias Keys = CodingKeys
}

struct ComplaintAssignInput: Content, StrictInput {
    var handlerId: UUID
    enum CodingKeys: String, CodingKey, CaseIterable { case handlerId }
    typealias Keys = CodingKeys
}

struct ComplaintVerifyInput: Content, StrictInput {
    var finding: ComplaintFinding
    var findingText: String
    enum CodingKeys: String, CodingKey, CaseIterable { case finding, findingText }
    typealias Keys = CodingKeys
}

struct ComplaintReplyInput: Content, StrictInput {
    var replyText: String
    enum CodingKeys: String, CodingKey, CaseIterable { case replyText }
    typealias Keys = CodingKeys
}

struct ComplaintCloseInput: Content, StrictInput {
    var note: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case note }
    typealias Keys = CodingKeys
}

struct ComplaintReviewInput: Content, StrictInput {
    var result: ComplaintReviewResult
    var note: String
    enum CodingKeys: String, CodingKey, CaseIterable { case result, note }
    typealias Keys = CodingKeys
}

extension Array where Element == ComplaintFileInput {
    func decoded() throws -> [(fileName: String, content: Data)] {
        guard count <= ComplaintRules.maxAttachments else {
            throw AppError("TOO_MANY_ATTACHMENTS", .unprocessableEntity, "附件不能超过 \(ComplaintRules.maxAttachments) 个（当前 \(count) 个）",
                           details: ErrorDetails(field: "attachments"))
        }
        return try enumerated().map { i, f in
            guard let data = Data(base64Encoded: f.contentBase64) else {
                throw AppError.validation("attachments[\(i)].contentBase64", "不是有效的 base64 编码", code: "invalid")
            }
            return (f.fileName, data)
        }
    }
}
