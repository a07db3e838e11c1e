import Foundation
import Testing
@testable import QuanzeCore

@Suite struct DiscretionScaleTests {
    /// 食品安全法 第一百二十二条 (货值不足一万元: 五万元以上十万元以下), four levels sharing end figures.
    let scale = DiscretionScale(levels: [
        DiscretionLevel(circumstance: "轻微", allowedKinds: [.warning, .fine, .confiscation], minAmount: 50_000, maxAmount: 60_000),
        DiscretionLevel(circumstance: "一般", allowedKinds: [.fine, .confiscation], minAmount: 60_000, maxAmount: 75_000),
        DiscretionLevel(circumstance: "较重", allowedKinds: [.fine, .confiscation], minAmount: 75_000, maxAmount: 90_000),
        DiscretionLevel(circumstance: "严重", allowedKinds: [.fine, .confiscation, .revokeLicence], minAmount: 90_000, maxAmount: 100_000),
    ], factors: [
        DiscretionFactor(kind: .mitigating, text: "主动消除或者减轻违法行为危害后果", basis: "行政处罚法 第三十二条"),
        DiscretionFactor(kind: .aggravating, text: "被责令改正后拒不改正"),
    ])

    private func code(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let error as CaseRuleViolation { return error.code } catch { return "\(error)" }
    }

    private func measure(_ level: String?, _ sanction: PenaltySanction, _ factors: [String] = [], reason: String? = nil) throws -> DiscretionMeasure {
        try scale.measure(circumstance: level, sanction: sanction, factors: factors, reason: reason)
    }

    @Test func aWellFormedScaleHasNoProblems() {
        #expect(scale.problems().isEmpty)
    }

    @Test func levelsAreNamedDistinctListedAndDoNotOverlap() {
        func codes(_ levels: [DiscretionLevel], _ factors: [DiscretionFactor] = []) -> [String] {
            DiscretionScale(levels: levels, factors: factors).problems().map { "\($0.field):\($0.code)" }
        }
        #expect(codes([]) == ["tiers:count"])
        #expect(codes([.init(circumstance: " ", allowedKinds: [.warning])]) == ["tiers[0].circumstance:required"])
        #expect(codes([.init(circumstance: "一般", allowedKinds: [.warning]), .init(circumstance: "一般", allowedKinds: [.warning])])
                == ["tiers[1].circumstance:duplicate"])
        #expect(codes([.init(circumstance: "一般", allowedKinds: [])]) == ["tiers[0].allowedKinds:required"])
        #expect(codes([.init(circumstance: "一般", allowedKinds: [.fine], minAmount: 300, maxAmount: 200)]) == ["tiers[0].maxAmount:range"])
        #expect(codes([.init(circumstance: "一般", allowedKinds: [.fine])]) == ["tiers[0].minAmount:fine_range_required"])
        #expect(codes([.init(circumstance: "一般", allowedKinds: [.warning], minAmount: 1)]) == ["tiers[0].minAmount:range_without_fine"])
        // Sharing an end figure is allowed; more than that overlaps, an open upper end too.
        #expect(codes([.init(circumstance: "轻", allowedKinds: [.fine], minAmount: 0, maxAmount: 100),
                       .init(circumstance: "重", allowedKinds: [.fine], minAmount: 100, maxAmount: 200)]).isEmpty)
        #expect(codes([.init(circumstance: "轻", allowedKinds: [.fine], minAmount: 0, maxAmount: 101),
                       .init(circumstance: "重", allowedKinds: [.fine], minAmount: 100, maxAmount: 200)]) == ["tiers[1].minAmount:overlap"])
        #expect(codes([.init(circumstance: "重", allowedKinds: [.fine], minAmount: 100),
                       .init(circumstance: "轻", allowedKinds: [.fine], maxAmount: 150)]) == ["tiers[1].minAmount:overlap"])
        // A warning-only level has no range and overlaps nothing.
        #expect(codes([.init(circumstance: "初次", allowedKinds: [.warning]), .init(circumstance: "再次", allowedKinds: [.fine], minAmount: 500, maxAmount: 3000)]).isEmpty)
        #expect(codes([.init(circumstance: "一般", allowedKinds: [.warning])],
                      [.init(kind: .mitigating, text: "初次违法"), .init(kind: .aggravating, text: "初次违法"), .init(kind: .aggravating, text: "")])
                == ["aggravatingFactors[0].text:duplicate", "aggravatingFactors[1].text:required"])
    }

    @Test func theLevelFixesTheKindsAndTheRange() throws {
        #expect(code { _ = try measure(nil, .init(kinds: [.fine], fineAmount: 70_000)) } == "DISCRETION_LEVEL_UNKNOWN")
        #expect(code { _ = try measure("特别严重", .init(kinds: [.fine], fineAmount: 70_000)) } == "DISCRETION_LEVEL_UNKNOWN")
        #expect(code { _ = try measure("一般", .init(kinds: [.warning])) } == "PENALTY_KIND_NOT_ALLOWED")
        #expect(code { _ = try measure("一般", .init(kinds: [.fine, .revokeLicence], fineAmount: 70_000)) } == "PENALTY_KIND_NOT_ALLOWED")
        #expect(code { _ = try measure("严重", .init(kinds: [.fine, .revokeLicence], fineAmount: 95_000)) } == nil)
        // Outside every level: refused whatever the reason.
        #expect(code { _ = try measure("严重", .init(kinds: [.fine], fineAmount: 180_000), reason: "规模大") } == "AMOUNT_OUTSIDE_ALL_LEVELS")
        #expect(code { _ = try measure("轻微", .init(kinds: [.fine], fineAmount: 49_999), reason: "减轻") } == "AMOUNT_OUTSIDE_ALL_LEVELS")
        // Outside the chosen level but inside another: reason needed, then flagged for 法制审核.
        #expect(code { _ = try measure("一般", .init(kinds: [.fine], fineAmount: 95_000)) } == "DISCRETION_REASON_REQUIRED")
        let outside = try measure("一般", .init(kinds: [.fine], fineAmount: 95_000), reason: "持续时间长")
        #expect(outside.outsideLevel)
        let inside = try measure("一般", .init(kinds: [.fine], fineAmount: 75_000))
        #expect(!inside.outsideLevel && inside.level.circumstance == "一般")
        // A level stored before kinds were recorded allows every kind.
        let legacy = DiscretionScale(levels: [.init(circumstance: "一般", allowedKinds: [], minAmount: 10, maxAmount: 20)])
        #expect(code { _ = try legacy.measure(circumstance: "一般", sanction: .init(kinds: [.closure]), factors: [], reason: nil) } == nil)
    }

    @Test func factorsComeFromTheLists() throws {
        #expect(code { _ = try measure("一般", .init(kinds: [.fine], fineAmount: 70_000), ["态度好"]) } == "DISCRETION_FACTOR_UNKNOWN")
        let m = try measure("一般", .init(kinds: [.fine], fineAmount: 70_000), ["被责令改正后拒不改正", "主动消除或者减轻违法行为危害后果", "被责令改正后拒不改正"])
        #expect(m.factors.map(\.kind) == [.aggravating, .mitigating])
        #expect(m.factors[1].citation == "主动消除或者减轻违法行为危害后果（行政处罚法 第三十二条）")
        #expect(DiscretionSources.kindsAndRange.article == "第四条(二)")
    }

    @Test func consistencyFiguresAndTukeyFences() {
        // Type-7 quartiles of 1…9 ×1000: Q1 3000, median 5000, Q3 7000, IQR 4000 → fences −3000 / 13000.
        let f = DiscretionConsistency.figures([9000, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000])!
        #expect(f.count == 9 && f.min == 1000 && f.max == 9000 && f.median == 5000 && f.mean == 5000)
        #expect(f.q1 == 3000 && f.q3 == 7000 && f.lowFence == -3000 && f.highFence == 13000)
        #expect(DiscretionConsistency.quantile([10, 20], 0.5) == 15)
        // n = 6 with one far amount: Q1 = 70 250, Q3 = 72 750, IQR 2 500 → high fence 76 500.
        let g = DiscretionConsistency.figures([70_000, 70_000, 71_000, 72_000, 73_000, 99_000])!
        #expect(g.q1 == 70_250 && g.q3 == 72_750)
        #expect(g.highFence == 76_500)
        let range = DiscretionRange(circumstance: "一般", minAmount: 60_000, maxAmount: 100_000)
        #expect(DiscretionConsistency.reasons(99_000, range: range, figures: g) == [.aboveFence])
        #expect(DiscretionConsistency.reasons(73_000, range: range, figures: g).isEmpty)
        #expect(DiscretionConsistency.reasons(59_000, range: range, figures: g) == [.outsideLevel, .belowFence])
        // Fewer than five: no fences, only the level's range counts.
        let small = DiscretionConsistency.figures([1, 1000, 1_000_000])!
        #expect(small.lowFence == nil && small.highFence == nil)
        #expect(DiscretionConsistency.reasons(1_000_000, range: range, figures: small) == [.outsideLevel])
        #expect(DiscretionConsistency.figures([]) == nil)
    }
}
