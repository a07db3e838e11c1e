import Testing
@testable import QuanzeCore

/// The pre-check allocation of the 案卷评查 draw (platform rule, docs/case-file-review.md).
@Suite("案卷评查 pre-check strata")
struct FileReviewStrataTests {
    let catalog = (1...10).map { "C\($0)" }

    func counts(_ s: [FileReviewDraw.Stratum]) -> [Int] { s.map(\.count) }

    @Test("half of the quota, rounded up, from the flagged cases; the rest from the others")
    func half() {
        let s = FileReviewDraw.findingsStrata(catalog, flagged: ["C1", "C2", "C3", "C4", "C5", "C6", "C7"], sampleSize: 5)
        #expect(s.map(\.label) == [FileReviewDraw.flaggedLabel, FileReviewDraw.otherLabel])
        #expect(counts(s) == [3, 2])
        #expect(s[0].caseNumbers.count == 7 && s[1].caseNumbers.count == 3)
    }

    @Test("few findings: every flagged case, the others fill the quota; few others: the flagged fill it")
    func fewFindings() {
        #expect(counts(FileReviewDraw.findingsStrata(catalog, flagged: ["C9"], sampleSize: 5)) == [1, 4])
        #expect(counts(FileReviewDraw.findingsStrata(catalog, flagged: [], sampleSize: 4)) == [0, 4])
        #expect(counts(FileReviewDraw.findingsStrata(catalog, flagged: Set(catalog.dropFirst()), sampleSize: 5)) == [4, 1])
        #expect(counts(FileReviewDraw.findingsStrata(catalog, flagged: ["C1"], sampleSize: 50)) == [1, 9])
        #expect(counts(FileReviewDraw.findingsStrata([], flagged: [], sampleSize: 3)) == [0, 0])
    }

    @Test("a stratified input re-runs to the same files, each from its stratum")
    func reproducible() throws {
        let flagged: Set<String> = ["C2", "C5", "C7"]
        let input = FileReviewDraw.Input(seed: String(repeating: "3c", count: 32), bodies: [
            .init(key: "a", strata: FileReviewDraw.findingsStrata(catalog, flagged: flagged, sampleSize: 4)),
        ])
        let a = try FileReviewDraw.run(input), b = try FileReviewDraw.run(input)
        #expect(a == b)
        #expect(a.count == 4)
        #expect(a.filter { $0.stratum == FileReviewDraw.flaggedLabel }.allSatisfy { flagged.contains($0.caseNumber) })
        #expect(a.filter { $0.stratum == FileReviewDraw.flaggedLabel }.count == 2)
        #expect(a.filter { $0.stratum == FileReviewDraw.otherLabel }.allSatisfy { !flagged.contains($0.caseNumber) })
    }
}
