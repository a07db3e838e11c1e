import Fluent
import Foundation
import QuanzeCore

/// The working-day calendar: the bundled official data plus years an administrator added.
actor CalendarStore {
    private let official: WorkCalendar
    private var merged: WorkCalendar?

    init(official: WorkCalendar) {
        self.official = official
    }

    func calendar(on db: any Database) async throws -> WorkCalendar {
        if let merged { return merged }
        var cal = official
        for record in try await CalendarYearRecord.query(on: db).sort(\.$id).all() {
            let year = try JSONDecoder().decode(CalendarYear.self, from: Data(record.data.utf8))
            cal = try cal.adding(year)
        }
        merged = cal
        return cal
    }

    func invalidate() { merged = nil }
}
