import Foundation
@testable import QuanzeCore

/// A date from a literal written in a test (`"2025-10-01"`); a typo stops the test run loudly.
func calDay(_ iso: String) -> LocalDate {
    guard let d = LocalDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return d
}

func calEntry(_ iso: String, _ name: String) -> CalendarHoliday {
    CalendarHoliday(date: calDay(iso), name: name)
}

/// The bundled official calendar, loaded once per process.
let officialWorkCalendar: WorkCalendar = {
    do { return try WorkCalendar.official() } catch { preconditionFailure("official calendar: \(error)") }
}()

/// Invented 2027 data for tests only (the 2027 notice is not published yet): 元旦 on Friday 1 January,
/// a 春节 break 2027-02-06…02-12 with Sunday 2027-02-14 worked.
func invented2027() throws -> CalendarYear {
    var holidays = [calEntry("2027-01-01", "元旦")]
    for d in 6...12 { holidays.append(calEntry(String(format: "2027-02-%02d", d), "春节")) }
    return try CalendarYear(year: 2027, notice: "测试数据：2027年放假安排", holidays: holidays,
                            workingWeekends: [calEntry("2027-02-14", "春节")])
}

/// Deterministic pseudo-random numbers (CalendarTestRandom), so a failing property run can be repeated.
struct CalendarTestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
