import Fluent
import Foundation
import QuanzeCore

/// 培训记录: a training an officer attended, in 学时.
final class TrainingRecord: Model, @unchecked Sendable {
    static let schema = "training_records"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "officer_id") var officer: Officer
    /// YYYY-MM-DD.
    @Field(key: "held_on") var heldOn: String
    @Field(key: "title") var title: String
    @Field(key: "hours") var hours: Int

    init() {}

    init(officerID: UUID, heldOn: String, title: String, hours: Int) {
        self.$officer.id = officerID
        self.heldOn = heldOn
        self.title = title
        self.hours = hours
    }
}

/// 考核记录: a 法律知识考核 (公共/专业, or 补考) with its result.
final class ExamRecord: Model, @unchecked Sendable {
    static let schema = "exam_records"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "officer_id") var officer: Officer
    @Field(key: "taken_on") var takenOn: String
    @Field(key: "subject") var subject: String
    @Field(key: "score") var score: Int
    @Field(key: "passed") var passed: Bool

    init() {}

    init(officerID: UUID, takenOn: String, subject: String, score: Int, passed: Bool) {
        self.$officer.id = officerID
        self.takenOn = takenOn
        self.subject = subject
        self.score = score
        self.passed = passed
    }
}

/// 执法过错记录: a recorded fault; until processed (处理) it blocks the annual inspection.
final class FaultRecord: Model, @unchecked Sendable {
    static let schema = "fault_records"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "officer_id") var officer: Officer
    @Field(key: "occurred_on") var occurredOn: String
    @Field(key: "description") var description: String
    @OptionalField(key: "processed_on") var processedOn: String?
    @OptionalField(key: "outcome") var outcome: String?

    init() {}

    init(officerID: UUID, occurredOn: String, description: String) {
        self.$officer.id = officerID
        self.occurredOn = occurredOn
        self.description = description
    }
}
