import Foundation
import Testing
@testable import QuanzeCore

/// jilin inherits national; its effective profile says where each entry comes from.
@Suite("继承与覆盖 Effective profiles")
struct EffectiveProfileTests {
    func jilin() throws -> EffectiveProfile {
        try #require(try ProfileRegistry.bundled().effective(id: "jilin"))
    }

    @Test func lineage() throws {
        #expect(try jilin().lineage == ["jilin", "national"])
    }

    @Test func inheritsNationalSanctions() throws {
        let jilin = try jilin()
        #expect(jilin.catalogs.agencySanctions.map(\.entry.code) == ["rectify_within_deadline", "circulate_criticism", "revoke_merit_eligibility"])
        #expect(jilin.catalogs.agencySanctions.allSatisfy { $0.origin == "national" && $0.inherited })
        let sanction = try #require(jilin.sanction("off_duty_training"))
        #expect(sanction.originLabel == "继承自 national")
    }

    @Test func inheritsNationalStatutoryDeadlines() throws {
        let decide = try #require(try jilin().deadline("penalty_decision"))
        #expect(decide.origin == "national")
        #expect(decide.entry.value == 90)
    }

    @Test func addsItsOwnDeadlines() throws {
        let jilin = try jilin()
        let adjust = try #require(jilin.deadline("power_list_adjustment"))
        #expect(adjust.origin == "jilin" && !adjust.inherited && adjust.overrides == nil)
        #expect(adjust.entry.value == 1 && adjust.entry.unit == .months)
        #expect(adjust.entry.unit.deadlineUnit == nil)
        #expect(adjust.entry.source.article == "三(二)")
        let ack = try #require(jilin.deadline("complaint_acknowledgement"))
        #expect(ack.entry.value == 5 && ack.entry.unit.deadlineUnit == .workingDays)
        #expect(ack.entry.source.article == "五(三)")
        #expect(adjust.originLabel == "本级")
    }

    @Test func overridesNationalEntriesInPlace() throws {
        let jilin = try jilin()
        let authority = try #require(jilin.provision("assessment_authority"))
        #expect(authority.origin == "jilin")
        #expect(authority.overrides == "national")
        #expect(authority.originLabel == "本级（覆盖 national）")
        #expect(authority.entry.source.document == "吉政办发〔2016〕91号")
        let national = try ProfileRegistry.bundled().national
        let index = { (profile: EffectiveProfile) in profile.provisions.firstIndex { $0.entry.code == "assessment_authority" } }
        #expect(index(jilin) == index(national), "an override keeps the inherited position")
        let external = try #require(jilin.assessment.methods.first { $0.entry.code == "external_evaluation" })
        #expect(external.origin == "jilin" && external.overrides == "national")
    }

    @Test func gradesNameInheritedSanctions() throws {
        let jilin = try jilin()
        let unqualified = try #require(jilin.assessment.grades.first { $0.entry.code == "unqualified" })
        #expect(jilin.assessment.grades.map(\.entry.name) == ["优秀", "合格", "不合格"])
        let twoYears = try #require(unqualified.entry.consequences.first { $0.consecutiveYears == 2 })
        #expect(twoYears.sanctions.compactMap { jilin.sanction($0)?.entry.name } == ["调离执法岗位", "取消执法资格"])
        #expect(jilin.assessment.scale?.origin == "national")
    }

    @Test func nationalHasNothingInherited() throws {
        let national = try ProfileRegistry.bundled().national
        #expect(national.lineage == ["national"])
        #expect(national.deadlines.allSatisfy { !$0.inherited && $0.origin == "national" })
    }
}
