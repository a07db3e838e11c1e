import Testing
@testable import QuanzeCore

/// Real dates on the official 2026 calendar (国庆 2026-10-01…07, 10-10 a make-up working day).
@Suite struct CaseClockTests {
    let cal = officialWorkCalendar

    @Test func penaltyDecisionNinetyDaysWithASuspension() throws {
        var clock = CaseClock(start: calDay("2026-08-01"), value: 90, unit: .calendarDays)
        #expect(try clock.due(calendar: cal).date == calDay("2026-10-30"))
        try clock.suspend(on: calDay("2026-09-01"))
        #expect(clock.isSuspended)
        try clock.resume(on: calDay("2026-09-11"), calendar: cal)
        #expect(clock.suspendedDays == 10)
        #expect(try clock.due(calendar: cal).date == calDay("2026-11-09"))
    }

    @Test func seizureEndingInTheHolidayMovesToTheNextWorkingDayAndExtendsOnce() throws {
        var clock = CaseClock(start: calDay("2026-09-02"), value: 30, unit: .calendarDays)
        let due = try clock.due(calendar: cal)
        #expect(due.date == calDay("2026-10-08"))
        #expect(due.movedFrom == calDay("2026-10-02"))
        let rule = SourceRef(document: "行政强制法", article: "第二十五条")
        try clock.extend(by: 30, cap: 30, rule: rule)
        #expect(try clock.due(calendar: cal).date == calDay("2026-11-02"))
        do { try clock.extend(by: 1, cap: 30, rule: rule); Issue.record("second extension accepted") }
        catch { #expect(error.code == "EXTENSION_EXCEEDS_CAP") }
        var noExt = CaseClock(start: calDay("2026-09-02"), value: 90, unit: .calendarDays)
        do { try noExt.extend(by: 5, cap: nil, rule: rule); Issue.record("extension accepted") }
        catch { #expect(error.code == "EXTENSION_NOT_ALLOWED") }
    }

    @Test func licensingWorkingDaysAcrossNationalDay() throws {
        // 2026-09-25 (Fri) + 20 工作日: 09-28/29/30, 10-08/09, 10-10 (Saturday worked), 10-12…16, 10-19…23, 10-26…29.
        var clock = CaseClock(start: calDay("2026-09-25"), value: 20, unit: .workingDays)
        #expect(try clock.due(calendar: cal).date == calDay("2026-10-29"))
        // Suspended over the holiday: (09-30, 10-09] holds two working days (10-08, 10-09).
        try clock.suspend(on: calDay("2026-09-30"))
        try clock.resume(on: calDay("2026-10-09"), calendar: cal)
        #expect(clock.suspendedDays == 2)
        #expect(try clock.due(calendar: cal).date == calDay("2026-11-02"))
    }

    @Test func suspendTwiceOrResumeRunningIsRefused() throws {
        var clock = CaseClock(start: calDay("2026-08-01"), value: 90, unit: .calendarDays)
        do { try clock.resume(on: calDay("2026-08-02"), calendar: cal); Issue.record("accepted") } catch { #expect(error.code == "CLOCK_NOT_SUSPENDED") }
        try clock.suspend(on: calDay("2026-08-05"))
        do { try clock.suspend(on: calDay("2026-08-06")); Issue.record("accepted") } catch { #expect(error.code == "CLOCK_ALREADY_SUSPENDED") }
        do { try clock.resume(on: calDay("2026-08-04"), calendar: cal); Issue.record("accepted") } catch { #expect(error.code == "VALIDATION_FAILED") }
    }

    @Test func warningLevels() {
        let due = calDay("2026-11-25")
        #expect(WarningLevel.of(due: due, today: calDay("2026-11-19"), window: 5) == .none)
        #expect(WarningLevel.of(due: due, today: calDay("2026-11-20"), window: 5) == .yellow)
        #expect(WarningLevel.of(due: due, today: calDay("2026-11-25"), window: 5) == .yellow)
        #expect(WarningLevel.of(due: due, today: calDay("2026-11-26"), window: 5) == .red)
    }

    @Test func lateFeeOfArticle72() {
        let due = calDay("2026-11-01")
        #expect(LateFee.amount(fineYuan: 1000, due: due, asOf: due) == (0, 0))
        #expect(LateFee.amount(fineYuan: 1000, due: due, asOf: calDay("2026-11-11")) == (10, 30_000))
        // Capped at the fine itself after 34 days.
        #expect(LateFee.amount(fineYuan: 1000, due: due, asOf: calDay("2027-02-01")).fen == 100_000)
        // 复议 pending 11-03…11-05: those three days are not counted (第七十三条).
        let pause = calDay("2026-11-03")...calDay("2026-11-05")
        #expect(LateFee.amount(fineYuan: 1000, due: due, asOf: calDay("2026-11-11"), pauses: [pause]) == (7, 21_000))
        #expect(LateFee.yuan(21_005) == "210.05元")
    }
}
