import Foundation
import Testing
@testable import QuanzeCore

@Suite("定期轮岗: rotation period arithmetic on real dates")
struct RotationCheckTests {
    func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    @Test("five years end on the same day number; the officer is due on that day, not the day before")
    func sameDay() {
        #expect(RotationCheck.dueDate(start: d("2021-11-20"), value: 5, unit: .years) == d("2026-11-20"))
        #expect(RotationCheck.overdue(start: d("2021-11-20"), today: d("2026-11-20"), value: 5, unit: .years))
        #expect(!RotationCheck.overdue(start: d("2021-11-21"), today: d("2026-11-20"), value: 5, unit: .years))
        #expect(!RotationCheck.overdue(start: d("2021-11-20"), today: d("2026-11-19"), value: 5, unit: .years))
    }

    @Test("a start on 29 February falls due on the 28th in a common year")
    func leapDay() {
        #expect(RotationCheck.dueDate(start: d("2020-02-29"), value: 5, unit: .years) == d("2025-02-28"))
        #expect(RotationCheck.dueDate(start: d("2020-02-29"), value: 4, unit: .years) == d("2024-02-29"))
        #expect(RotationCheck.dueDate(start: d("2024-08-31"), value: 6, unit: .months) == d("2025-02-28"))
        #expect(RotationCheck.dueDate(start: d("2026-01-01"), value: 30, unit: .calendarDays) == d("2026-01-31"))
    }

    @Test("working days and non-positive values give no rotation date")
    func noPeriod() {
        #expect(RotationCheck.dueDate(start: d("2020-01-01"), value: 5, unit: .workingDays) == nil)
        #expect(RotationCheck.dueDate(start: d("2020-01-01"), value: 0, unit: .years) == nil)
        #expect(!RotationCheck.overdue(start: d("2000-01-01"), today: d("2026-01-01"), value: 0, unit: .years))
    }

    @Test("whole years on the post")
    func years() {
        #expect(RotationCheck.fullYears(from: d("2019-03-01"), to: d("2026-11-20")) == 7)
        #expect(RotationCheck.fullYears(from: d("2021-11-21"), to: d("2026-11-20")) == 4)
        #expect(RotationCheck.fullYears(from: d("2021-11-20"), to: d("2026-11-20")) == 5)
        #expect(RotationCheck.fullYears(from: d("2027-01-01"), to: d("2026-11-20")) == 0)
    }

    @Test("the 分解职权 rules quote their seeds verbatim", .enabled(if: SeedQuoteTests.seedDirectory != nil))
    func quotes() throws {
        let directory = try #require(SeedQuoteTests.seedDirectory)
        for rule in PostRules.all {
            let seed = try #require(rule.source.seed)
            let text = try String(contentsOf: directory.appendingPathComponent(seed), encoding: .utf8)
            let scope = rule.source.part.map { SeedParts.text(of: $0, in: text) } ?? text
            #expect(scope.contains(rule.quote), "「\(rule.quote)」 not in \(seed) \(rule.source.part ?? "")")
        }
    }
}
