import Foundation
import Testing
@testable import QuanzeCore

@Suite("案卷评查 rules: standards, scores, the draw")
struct FileReviewCoreTests {
    @Test("the default standard sums to 100 and validates; other sums are refused")
    func standard() throws {
        try ReviewStandardCheck.validate(ReviewStandardCheck.defaultCriteria, passMark: 60)
        var c = ReviewStandardCheck.defaultCriteria
        c[0].points = 9.5
        #expect(throws: ReviewStandardError.pointsNotHundred(99.5)) { try ReviewStandardCheck.validate(c, passMark: 60) }
        c[0].points = 0
        #expect(throws: ReviewStandardError.invalidPoints("A1")) { try ReviewStandardCheck.validate(c, passMark: 60) }
        #expect(throws: ReviewStandardError.passMarkOutOfRange(101)) {
            try ReviewStandardCheck.validate(ReviewStandardCheck.defaultCriteria, passMark: 101)
        }
    }

    @Test("a score is 100 minus deductions, each within its criterion; the mean rounds to two decimals")
    func score() throws {
        let c = ReviewStandardCheck.defaultCriteria
        #expect(try ReviewScore.total([.init(code: "A1", points: 2.5, problem: "p", grounds: "g", advice: "a")], criteria: c) == 97.5)
        #expect(throws: ReviewScoreError.deductionOutOfRange("A1", max: 10)) {
            try ReviewScore.total([.init(code: "A1", points: 11, problem: "p", grounds: "g", advice: "a")], criteria: c)
        }
        #expect(throws: ReviewScoreError.unknownCriterion("Z9")) {
            try ReviewScore.total([.init(code: "Z9", points: 1, problem: "p", grounds: "g", advice: "a")], criteria: c)
        }
        #expect(ReviewScore.mean([100, 90, 85]) == 91.67)
        #expect(ReviewScore.mean([]) == nil)
    }

    @Test("the draw depends only on its input: same seed, same files in the same order; body order is canonical")
    func draw() throws {
        let catalog = (1...20).map { "长市监立字〔2026〕\($0)号" }
        let input = FileReviewDraw.Input(seed: String(repeating: "0f", count: 32), bodies: [
            .init(key: "b", strata: FileReviewDraw.singleStratum(catalog, sampleSize: 3)),
            .init(key: "a", strata: FileReviewDraw.singleStratum(["x1", "x2"], sampleSize: 3)),
        ])
        let first = try FileReviewDraw.run(input)
        #expect(first.count == 5)
        #expect(first.prefix(2).allSatisfy { $0.body == "a" })
        var shuffled = input
        shuffled.bodies.reverse()
        shuffled.bodies[0].strata[0].caseNumbers.reverse()
        #expect(try FileReviewDraw.run(shuffled) == first)
        var other = input
        other.seed = String(repeating: "f0", count: 32)
        #expect(try FileReviewDraw.run(other).map(\.caseNumber) != first.map(\.caseNumber))
        #expect(throws: DrawError.invalidSeed) { try FileReviewDraw.run(.init(seed: "xyz", bodies: [])) }
    }

    @Test("strata (the lead's extension point) are drawn in order from one stream")
    func strata() throws {
        let input = FileReviewDraw.Input(seed: String(repeating: "11", count: 32), bodies: [
            .init(key: "a", strata: [.init(label: "预检查发现问题", caseNumbers: ["f1", "f2", "f3"], count: 2),
                                     .init(label: "其他", caseNumbers: ["o1", "o2", "o3", "o4"], count: 1)]),
        ])
        let picks = try FileReviewDraw.run(input)
        #expect(picks.map(\.stratum) == ["预检查发现问题", "预检查发现问题", "其他"])
        #expect(picks.map(\.order) == [1, 2, 3])
    }
}
