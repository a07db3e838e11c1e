import Foundation

/// 加处罚款: a fine not paid by its due date accrues 3% of the fine per day, never more than the
/// fine (行政处罚法 第七十二条); the days while 复议 or litigation is pending are not counted
/// (第七十三条). Amounts in 分 to stay exact.
public enum LateFee {
    public static let source = CaseSources.penaltyLaw("第七十二条")
    public static let ratePercentPerDay = 3

    /// The late fee in 分 for a fine of `fineYuan` due on `due`, as of `asOf` (or the payment day),
    /// without the days inside `pauses` (closed intervals of pending 复议/诉讼).
    public static func amount(fineYuan: Int, due: LocalDate, asOf: LocalDate, pauses: [ClosedRange<LocalDate>] = []) -> (days: Int, fen: Int) {
        guard asOf > due else { return (0, 0) }
        var days = 0
        var day = due.adding(days: 1)
        while day <= asOf {
            if !pauses.contains(where: { $0.contains(day) }) { days += 1 }
            day = day.adding(days: 1)
        }
        let fineFen = fineYuan * 100
        let fee = min(fineFen, fineFen * ratePercentPerDay * days / 100)
        return (days, fee)
    }

    /// `1234.56元`.
    public static func yuan(_ fen: Int) -> String { String(fen / 100) + "." + String(format: "%02d", fen % 100) + "元" }
}
