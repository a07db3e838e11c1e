import Foundation

extension CalendarYear {
    /// Checks the rules every year's data must satisfy and throws the first violation:
    /// - the year lies in `supportedYears`, the notice is not empty, there is at least one holiday;
    /// - every date lies inside `year`, every name is non-empty;
    /// - no date appears twice in a list;
    /// - a working weekend is a Saturday or Sunday (调休上班 only moves weekends);
    /// - no date is both a holiday and a working weekend.
    public func validate() throws {
        guard Self.supportedYears.contains(year) else {
            throw CalendarDataError.yearOutOfRange(year)
        }
        guard !notice.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CalendarDataError.missingNotice(year: year)
        }
        guard !holidays.isEmpty else {
            throw CalendarDataError.noHolidays(year: year)
        }

        var holidayDates = Set<LocalDate>()
        for entry in holidays {
            try check(entry)
            guard holidayDates.insert(entry.date).inserted else {
                throw CalendarDataError.duplicateDate(year: year, date: entry.date)
            }
        }

        var workingDates = Set<LocalDate>()
        for entry in workingWeekends {
            try check(entry)
            guard entry.date.isWeekend else {
                throw CalendarDataError.workingWeekendNotWeekend(year: year, date: entry.date)
            }
            guard !holidayDates.contains(entry.date) else {
                throw CalendarDataError.holidayAlsoWorkingWeekend(year: year, date: entry.date)
            }
            guard workingDates.insert(entry.date).inserted else {
                throw CalendarDataError.duplicateDate(year: year, date: entry.date)
            }
        }
    }

    private func check(_ entry: CalendarHoliday) throws {
        guard entry.date.year == year else {
            throw CalendarDataError.dateOutsideYear(year: year, date: entry.date)
        }
        guard !entry.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CalendarDataError.emptyName(year: year, date: entry.date)
        }
        guard entry.name.unicodeScalars.count <= CalendarHoliday.maxNameLength,
              !entry.name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw CalendarDataError.badName(year: year, date: entry.date)
        }
    }
}
