import Fluent
import Foundation
import QuanzeCore

/// The working-day calendar: the bundled official data plus years an administrator added.
/// The merged calendar is cached for `ttl` seconds, so instances sharing one database see an
/// added year within that time. A bundled year always wins over an earlier upload of the same year.
actor CalendarStore {
    private let official: WorkCalendar
    private var merged: (calendar: WorkCalendar, at: Date)?
    private let ttl: TimeInterval = 60

    init(official: WorkCalendar) {
        self.official = official
    }

    func calendar(on db: any Database, now: Date) async throws -> WorkCalendar {
        if let m = merged, now >= m.at, now.timeIntervalSince(m.at) < ttl { return m.calendar }
        var cal = official
        for record in try await CalendarYearRecord.query(on: db).sort(\.$id).all() where !official.covers(record.id ?? 0) {
            cal = try cal.adding(try CalendarYear.decode(json: Data(record.data.utf8)))
        }
        merged = (cal, now)
        return cal
    }

    func invalidate() { merged = nil }
}
