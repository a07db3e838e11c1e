import Fluent
import Foundation

/// A year's holiday notice added by an administrator after the bundled data (e.g. 2027 once published).
/// `data` holds the same JSON format as the bundled calendar file.
final class CalendarYearRecord: Model, @unchecked Sendable {
    static let schema = "calendar_years"

    @ID(custom: "year", generatedBy: .user) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "notice") var notice: String
    @Field(key: "data") var data: String
    @OptionalField(key: "added_by") var addedBy: String?

    init() {}

    init(year: Int, notice: String, data: String, addedBy: String?) {
        self.id = year
        self.notice = notice
        self.data = data
        self.addedBy = addedBy
    }
}
