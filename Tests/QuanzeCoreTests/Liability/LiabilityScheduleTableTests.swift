import Foundation
import Testing
@testable import QuanzeCore

/// Table-driven: each bundled profile's liability deadlines on real 2026 calendar dates (the official calendar: 国庆
/// 10-01…10-07 off, Saturday 10-10 worked), each case naming its article. The fixture-profile tests in
/// ScheduleRecusalConsequenceTests check the counting rules; these check the shipped profiles carry them.
@Suite("责任追究期限 per bundled profile on 2026 dates")
struct LiabilityScheduleTableTests {
    enum Step: Sendable {
        case decision(extension: Int)
        case collective
        case filing
        case appealWindow
        case appealDecision(extension: Int)
    }

    struct Row: Sendable, CustomStringConvertible {
        var profile: String
        var article: String
        var step: Step
        var from: String
        /// Expected due date; nil = 未规定 (no rule); a code = refused.
        var due: String?
        var refused: String? = nil
        var description: String { "\(profile) \(article) \(step) from \(from)" }
    }

    static let rows: [Row] = [
        // henan 河南省行政执法过错责任追究办法
        Row(profile: "henan", article: "第二十三条", step: .decision(extension: 0), from: "2026-06-01", due: "2026-07-01"),
        Row(profile: "henan", article: "第二十三条", step: .decision(extension: 20), from: "2026-06-01", due: "2026-07-21"),
        Row(profile: "henan", article: "第二十三条", step: .decision(extension: 21), from: "2026-06-01", due: nil, refused: "EXTENSION_EXCEEDS_CAP"),
        Row(profile: "henan", article: "第二十五条", step: .appealWindow, from: "2026-11-20", due: "2026-11-30"),
        Row(profile: "henan", article: "第二十五条", step: .appealDecision(extension: 0), from: "2026-11-20", due: "2026-12-10"),
        Row(profile: "henan", article: "第二十五条", step: .appealDecision(extension: 10), from: "2026-11-20", due: "2026-12-21"),
        Row(profile: "henan", article: "第二十五条", step: .appealDecision(extension: 11), from: "2026-11-20", due: nil, refused: "EXTENSION_EXCEEDS_CAP"),
        Row(profile: "henan", article: "（未规定备案期限）", step: .filing, from: "2026-11-20", due: nil),
        // hangzhou 杭州市行政执法责任制规定: 工作日
        Row(profile: "hangzhou", article: "第四十八条", step: .decision(extension: 0), from: "2026-09-21", due: "2026-11-09"),
        Row(profile: "hangzhou", article: "第四十八条", step: .decision(extension: 15), from: "2026-09-21", due: "2026-11-30"),
        Row(profile: "hangzhou", article: "第四十八条", step: .decision(extension: 16), from: "2026-09-21", due: nil, refused: "EXTENSION_EXCEEDS_CAP"),
        Row(profile: "hangzhou", article: "第四十九条", step: .filing, from: "2026-11-20", due: "2026-12-11"),
        Row(profile: "hangzhou", article: "（申诉依法律规定，未规定期限）", step: .appealWindow, from: "2026-11-20", due: nil),
        // shandong 山东省行政执法错案责任追究办法
        Row(profile: "shandong-wrongful-case", article: "第十七条（届满日为调休上班的星期六）", step: .decision(extension: 0), from: "2026-09-10", due: "2026-10-10"),
        Row(profile: "shandong-wrongful-case", article: "第十七条", step: .decision(extension: 20), from: "2026-09-10", due: "2026-10-30"),
        Row(profile: "shandong-wrongful-case", article: "第十九条", step: .collective, from: "2026-09-24", due: "2026-10-09"),
        Row(profile: "shandong-wrongful-case", article: "第二十五条（届满日星期六顺延）", step: .appealWindow, from: "2026-11-20", due: "2026-12-07"),
        Row(profile: "shandong-wrongful-case", article: "第二十五条", step: .appealDecision(extension: 0), from: "2026-11-20", due: "2026-12-21"),
        Row(profile: "shandong-wrongful-case", article: "第二十五条", step: .appealDecision(extension: 5), from: "2026-11-20", due: nil, refused: "EXTENSION_NOT_ALLOWED"),
        // heilongjiang 黑龙江省行政执法责任制规定
        Row(profile: "heilongjiang", article: "第三十九条", step: .appealWindow, from: "2026-06-01", due: "2026-07-01"),
        Row(profile: "heilongjiang", article: "第三十九条", step: .appealDecision(extension: 0), from: "2026-07-01", due: "2026-07-31"),
        Row(profile: "heilongjiang", article: "第三十九条", step: .appealDecision(extension: 1), from: "2026-07-01", due: nil, refused: "EXTENSION_NOT_ALLOWED"),
        Row(profile: "heilongjiang", article: "（未规定决定期限）", step: .decision(extension: 0), from: "2026-07-01", due: nil),
        // guizhou-education 贵州省教育行政执法责任追究办法
        Row(profile: "guizhou-education", article: "第十五条（届满日星期日顺延）", step: .decision(extension: 0), from: "2026-07-01", due: "2026-08-31"),
        Row(profile: "guizhou-education", article: "第十五条", step: .decision(extension: 1), from: "2026-07-01", due: nil, refused: "EXTENSION_NOT_ALLOWED"),
        Row(profile: "guizhou-education", article: "（未规定申诉期限）", step: .appealWindow, from: "2026-07-01", due: nil),
    ]

    static let bundled = Result { try ProfileRegistry.bundled() }
    static func registry() throws -> ProfileRegistry { try bundled.get() }

    @Test("due dates and extensions", arguments: rows)
    func row(_ r: Row) throws {
        let profile = try #require(try Self.registry().effective(id: r.profile))
        let s = LiabilitySchedule(profile: profile, calendar: officialWorkCalendar)
        let from = try #require(LocalDate(iso: r.from))
        func run() throws -> LiabilityDue? {
            switch r.step {
            case .decision(let e): try s.decisionDue(filedOn: from, extension: e)
            case .collective: try s.collectiveDecisionDue(concludedOn: from)
            case .filing: try s.filingDue(decidedOn: from)
            case .appealWindow: try s.appealWindowEnd(receivedOn: from)
            case .appealDecision(let e): try s.appealDecisionDue(appealedOn: from, extension: e)
            }
        }
        if let code = r.refused {
            let refusal = ScheduleRecusalConsequenceTests.refusal { _ = try run() }
            #expect(refusal?.code == code, "\(r)")
            return
        }
        let due = try run()
        #expect(due?.date.iso == r.due, "\(r): \(due?.explanation ?? "nil")")
        if let due, !r.article.hasPrefix("（") {
            #expect(r.article.hasPrefix(due.source.article), "\(r): source \(due.source)")
        }
    }
}
