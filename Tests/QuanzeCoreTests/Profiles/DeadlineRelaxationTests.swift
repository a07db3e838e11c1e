import Foundation
import Testing
@testable import QuanzeCore

/// "A profile may add, never relax", by the direction each period binds.
@Suite("期限不得放宽 Deadline relaxation")
struct DeadlineRelaxationTests {
    typealias F = ProfileFixtures

    /// (child deadline JSON, relaxed?)
    static let cases: [(String, Bool, String)] = [
        (F.deadline("decide", value: "90"), false, "same 90 日"),
        (F.deadline("decide", value: "60"), false, "shorter 60 日"),
        (F.deadline("decide", value: "91"), true, "longer 91 日"),
        (F.deadline("decide", value: "50", unit: "工作日"), false, "50 工作日 can never exceed 90 日"),
        (F.deadline("decide", value: "60", unit: "工作日"), true, "60 工作日 may exceed 90 日"),
        (F.deadline("decide", value: "3", unit: "月"), true, "3 月 may exceed 90 日"),
        (F.deadline("decide", value: "60", more: #""extension": {"value": 40, "unit": "日"}"#), true, "extension adds up past 90 日"),
        (F.deadline("decide", value: "60", more: #""extension": {"value": 30, "unit": "日"}"#), false, "60 + 30 = 90 日"),
        (F.deadline("decide", value: "60", more: #""bound": "固定""#), true, "bound changed"),
        (F.deadline("license", value: "15", unit: "工作日", more: #""extension": {"value": 15, "unit": "工作日"}"#), false, "15 + 15 = 30 工作日"),
        (F.deadline("license", value: "20", unit: "工作日", more: #""extension": {"value": 11, "unit": "工作日"}"#), true, "20 + 11 > 20 + 10"),
        (F.deadline("notice", value: "10", unit: "工作日", more: #""bound": "下限""#), false, "longer minimum notice"),
        (F.deadline("notice", value: "5", unit: "工作日", more: #""bound": "下限""#), true, "shorter minimum notice"),
        (F.deadline("apply", value: "60", more: #""bound": "固定""#), false, "fixed period restated"),
        (F.deadline("apply", value: "30", more: #""bound": "固定""#), true, "fixed period shortened"),
        (F.deadline("apply", value: "90", more: #""bound": "固定""#), true, "fixed period lengthened"),
    ]

    @Test(arguments: cases)
    func relaxation(child: String, relaxed: Bool, label: String) {
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(deadlines: child))])
        let flagged = problems.contains { $0.kind == .relaxedDeadline && $0.file == "child.json" && $0.section == "deadlines" }
        #expect(flagged == relaxed, "\(label): \(problems)")
        #expect(problems.allSatisfy { $0.kind == .relaxedDeadline }, "\(label): \(problems)")
    }

    @Test func grandchildMayNotRelaxWhatTheParentTightened() {
        let parent = F.child(id: "province", deadlines: F.deadline("decide", value: "60"))
        let grandchild = F.child(id: "city", inherits: "province", deadlines: F.deadline("decide", value: "75"))
        let problems = F.problems([("national.json", F.national), ("province.json", parent), ("city.json", grandchild)])
        #expect(problems.has(.relaxedDeadline, file: "city.json", section: "deadlines", code: "decide"))
        #expect(problems.first?.message.contains("province") == true)
    }
}
