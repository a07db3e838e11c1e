import Foundation

/// 定期轮岗 (`002_*` 永政办〔2015〕98号 五(一): 实行分岗设权、分级授权、定期轮岗): an officer who has
/// held the same post for the rotation period or longer is due to rotate. The seeds name the rule
/// but no number; the period comes from the jurisdiction's rule profile (deadline `post_rotation`).
public enum RotationCheck {
    /// The profile deadline code holding the rotation period.
    public static let deadlineCode = "post_rotation"

    /// The day the period ends for an assignment that started on `start`: calendar months and
    /// years count to the same day number (LocalDate.adding(months:)), days count whole days.
    /// Working days are not a meaningful rotation period and give nil.
    public static func dueDate(start: LocalDate, value: Int, unit: PeriodUnit) -> LocalDate? {
        guard value > 0 else { return nil }
        return unit.end(of: value, from: start)
    }

    /// Whether the officer has held the post for the whole period by `today`.
    public static func overdue(start: LocalDate, today: LocalDate, value: Int, unit: PeriodUnit) -> Bool {
        guard let due = dueDate(start: start, value: value, unit: unit) else { return false }
        return today >= due
    }

    /// Whole years from `start` to `today` (a year is complete on the same day number).
    public static func fullYears(from start: LocalDate, to today: LocalDate) -> Int {
        guard today > start else { return 0 }
        var years = today.year - start.year
        if start.adding(months: years * 12) > today { years -= 1 }
        return max(0, years)
    }
}
