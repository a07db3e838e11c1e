import Foundation
import Testing
@testable import QuanzeCore

@Suite("双随机 draw (quanze-draw-v1)")
struct RandomDrawTests {
    static let exampleSeed = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
    /// The worked example of docs/random-draw.md, as a third party would type it in (unsorted).
    static let example = DrawInput(
        seed: exampleSeed,
        objects: ["91220101MA14X0005G", "91220101MA14X00014", "91220101MA14X0003A", "91220101MA14X00027", "91220101MA14X0004D"],
        objectCount: 3, inspectors: ["JLCC-00004", "JLCC-00001", "JLCC-00003", "JLCC-00002"], inspectorsPerObject: 2,
        conflicts: [DrawConflict(inspector: "JLCC-00002", object: "91220101MA14X0003A")])

    static func seed(_ n: Int) -> String { String(format: "%064x", n) }

    @Test("the worked example of docs/random-draw.md gives its published output")
    func workedExample() throws {
        #expect(try RandomDraw.run(Self.example) == [
            DrawAssignment(order: 1, object: "91220101MA14X0005G", inspectors: ["JLCC-00002", "JLCC-00004"]),
            DrawAssignment(order: 2, object: "91220101MA14X0003A", inspectors: ["JLCC-00004", "JLCC-00003"]),
            DrawAssignment(order: 3, object: "91220101MA14X00027", inspectors: ["JLCC-00002", "JLCC-00004"]),
        ])
        #expect(RandomDraw.poolDigest(Self.example.objects) == "fa230bb596e5f1ac31b004a471d90cf0ece6123b9cab62d2b36b4f0a8a862c4d")
    }

    @Test("the stream's first words are those of the document")
    func streamWords() throws {
        var s = DrawStream(seed: try #require(DrawStream.seedBytes(hex: Self.exampleSeed)))
        #expect([s.next64(), s.next64(), s.next64()] == [4343817331530415494, 17203160017986384905, 16560192749416833417])
        #expect(s.counter == 3)
    }

    @Test("the same input gives the same draw; input order and seed case do not matter")
    func reproducible() throws {
        var shuffled = Self.example
        shuffled.objects.reverse()
        shuffled.inspectors.reverse()
        shuffled.seed = Self.exampleSeed.uppercased()
        #expect(try RandomDraw.run(shuffled) == RandomDraw.run(Self.example))
    }

    @Test("different seeds give different draws")
    func seedsDiffer() throws {
        var input = Self.example
        input.conflicts = []
        var outcomes = Set<String>()
        for n in 0..<20 {
            input.seed = Self.seed(n)
            outcomes.insert(try RandomDraw.run(input).map { "\($0.object):\($0.inspectors.joined(separator: ","))" }.joined(separator: ";"))
        }
        #expect(outcomes.count >= 18)
    }

    @Test("a recused inspector is never assigned to the object")
    func recusal() throws {
        let objects = (1...6).map { "OBJ\($0)" }
        let inspectors = (1...5).map { "INS\($0)" }
        let conflicts = [DrawConflict(inspector: "INS1", object: "OBJ1"), DrawConflict(inspector: "INS2", object: "OBJ1"),
                         DrawConflict(inspector: "INS3", object: "OBJ2")]
        for n in 0..<300 {
            let out = try RandomDraw.run(DrawInput(seed: Self.seed(n), objects: objects, objectCount: 6, inspectors: inspectors,
                                                   inspectorsPerObject: 3, conflicts: conflicts))
            #expect(out.count == 6)
            #expect(Set(out.map(\.object)).count == 6)
            for a in out {
                #expect(Set(a.inspectors).count == 3)
                for c in conflicts where c.object == a.object { #expect(!a.inspectors.contains(c.inspector)) }
            }
        }
    }

    @Test("objects and inspectors are drawn uniformly (chi-square over 4000 seeds)")
    func uniformity() throws {
        let objects = (0..<10).map { "O\($0)" }, inspectors = (0..<6).map { "I\($0)" }
        var objectHits = [String: Int](), inspectorHits = [String: Int]()
        let runs = 4000
        for n in 0..<runs {
            for a in try RandomDraw.run(DrawInput(seed: Self.seed(n), objects: objects, objectCount: 3, inspectors: inspectors, inspectorsPerObject: 2)) {
                objectHits[a.object, default: 0] += 1
                for i in a.inspectors { inspectorHits[i, default: 0] += 1 }
            }
        }
        // Each object is drawn with probability 3/10; each inspector is on 2/6 of the drawn objects.
        func chiSquare(_ hits: [String: Int], keys: [String], expected: Double) -> Double {
            keys.reduce(0) { $0 + pow(Double(hits[$1] ?? 0) - expected, 2) / expected }
        }
        // 99.9 % critical values: 27.88 (9 degrees of freedom), 20.52 (5).
        #expect(chiSquare(objectHits, keys: objects, expected: Double(runs) * 3 / 10) < 27.88)
        #expect(chiSquare(inspectorHits, keys: inspectors, expected: Double(runs) * 3 * 2 / 6) < 20.52)
    }

    @Test("uniform(n) stays in range and rejects the biased tail")
    func uniformRange() throws {
        var s = DrawStream(seed: Array(repeating: 7, count: 32))
        for n in [1, 2, 3, 7, 10, 1000, Int(Int32.max)] {
            for _ in 0..<50 { #expect((0..<n).contains(s.uniform(n))) }
        }
    }

    @Test("refusals name the problem and do not depend on the seed")
    func refusals() throws {
        func refusal(_ change: (inout DrawInput) -> Void) -> DrawError? {
            var input = Self.example
            change(&input)
            if case .failure(let e) = Result(catching: { () throws(DrawError) in try RandomDraw.run(input) }) { return e }
            return nil
        }
        #expect(refusal { $0.objectCount = 6 } == .objectCountOutOfRange(requested: 6, pool: 5))
        #expect(refusal { $0.objectCount = 0 } == .objectCountOutOfRange(requested: 0, pool: 5))
        #expect(refusal { $0.inspectorsPerObject = 1 } == .tooFewInspectorsPerObject(1))
        #expect(refusal { $0.seed = "xyz" } == .invalidSeed)
        #expect(refusal { $0.seed = String(repeating: "g", count: 64) } == .invalidSeed)
        #expect(refusal { $0.algorithm = "quanze-draw-v0" } == .unknownAlgorithm("quanze-draw-v0"))
        #expect(refusal { $0.objects.append("91220101MA14X00014") } == .duplicateObject("91220101MA14X00014"))
        #expect(refusal { $0.inspectors.append("JLCC-00001") } == .duplicateInspector("JLCC-00001"))
        let stranger = DrawConflict(inspector: "JLCC-09999", object: "91220101MA14X00014")
        #expect(refusal { $0.conflicts.append(stranger) } == .unknownConflict(stranger))
        // Three of four recused from an object that the seed would not even draw: still refused.
        let recused = ["JLCC-00001", "JLCC-00003", "JLCC-00004"].map { DrawConflict(inspector: $0, object: "91220101MA14X0004D") }
        #expect(refusal { $0.conflicts += recused } == .notEnoughInspectors(object: "91220101MA14X0004D", eligible: 1, required: 2))
        #expect(refusal { $0.inspectorsPerObject = 5 } == .notEnoughInspectors(object: "91220101MA14X00014", eligible: 4, required: 5))
    }

    @Test("the pool digest covers the codes only, in canonical order")
    func digest() {
        #expect(RandomDraw.poolDigest(["B", "A"]) == RandomDraw.poolDigest(["A", "B"]))
        #expect(RandomDraw.poolDigest(["A", "B"]) != RandomDraw.poolDigest(["A", "C"]))
        // SHA-256("A\nB\n")
        #expect(RandomDraw.poolDigest(["A", "B"]) == "daee1cd25194ae952d046ad9b9c81d3c07dc5332440b58d6d7461b248be56712")
    }

    @Test("the 双随机一公开 rules quote their seeds verbatim", .enabled(if: SeedQuoteTests.seedDirectory != nil))
    func quotes() throws {
        let directory = try #require(SeedQuoteTests.seedDirectory)
        for rule in InspectionRules.all {
            let seed = try #require(rule.source.seed)
            let text = try String(contentsOf: directory.appendingPathComponent(seed), encoding: .utf8)
            let scope = rule.source.part.map { SeedParts.text(of: $0, in: text) } ?? text
            #expect(scope.contains(rule.quote), "「\(rule.quote)」 not in \(seed) \(rule.source.part ?? "")")
        }
    }
}
