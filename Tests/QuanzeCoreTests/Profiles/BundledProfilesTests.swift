import Foundation
import Testing
@testable import QuanzeCore

@Suite("内置规则配置 Bundled profiles")
struct BundledProfilesTests {
    static let registry = Result { try ProfileRegistry.bundled() }

    func load() throws -> ProfileRegistry { try Self.registry.get() }

    @Test func bundledRegistryLoadsNationalFirst() throws {
        let registry = try load()
        #expect(registry.all.first?.id == "national")
        #expect(registry.all.map(\.id).contains("jilin"))
        #expect(registry.profile(id: "jilin")?.inherits == "national")
        #expect(registry.profile(id: "nowhere") == nil)
        #expect(registry.effective(id: "nowhere") == nil)
    }

    /// (code, document, article, value, unit, extension value)
    static let nationalDeadlines: [(String, String, String, Int, PeriodUnit, Int?)] = [
        ("penalty_limitation", "行政处罚法", "第三十六条", 2, .years, nil),
        ("penalty_publication_withdrawal", "行政处罚法", "第四十八条", 3, .workingDays, nil),
        ("penalty_decision", "行政处罚法", "第六十条", 90, .calendarDays, nil),
        ("penalty_service", "行政处罚法", "第六十一条", 7, .workingDays, nil),
        ("penalty_hearing_request", "行政处罚法", "第六十四条", 5, .workingDays, nil),
        ("penalty_hearing_notice", "行政处罚法", "第六十四条", 7, .workingDays, nil),
        ("fine_payment", "行政处罚法", "第六十七条", 15, .calendarDays, nil),
        ("license_decision", "行政许可法", "第四十二条", 20, .workingDays, 10),
        ("license_joint_decision", "行政许可法", "第四十二条", 45, .workingDays, 15),
        ("license_hearing_held", "行政许可法", "第四十七条", 20, .workingDays, nil),
        ("license_hearing_notice", "行政许可法", "第四十八条", 7, .workingDays, nil),
        ("seizure_duration", "行政强制法", "第二十五条", 30, .calendarDays, 30),
        ("review_application", "行政复议法", "第二十条", 60, .calendarDays, nil),
        ("review_decision", "行政复议法", "第六十二条", 60, .calendarDays, 30),
        ("review_decision_simple", "行政复议法", "第六十二条", 30, .calendarDays, nil),
        ("litigation_filing", "行政诉讼法", "第四十六条", 6, .months, nil),
        ("litigation_after_review", "行政诉讼法", "第四十五条", 15, .calendarDays, nil),
        ("petition_acknowledgement", "信访工作条例", "第二十三条", 15, .calendarDays, nil),
        ("petition_handling", "信访工作条例", "第三十四条", 60, .calendarDays, 30),
        ("enforcement_decision_publication", "国办发〔2018〕118号", "二(三)", 20, .workingDays, nil),
        ("license_penalty_publication", "国办发〔2018〕118号", "二(三)", 7, .workingDays, nil),
    ]

    @Test(arguments: nationalDeadlines)
    func nationalDeadline(code: String, document: String, article: String, value: Int, unit: PeriodUnit, extra: Int?) throws {
        let national = try load().national
        let deadline = try #require(national.deadline(code)?.entry, "missing \(code)")
        #expect(deadline.value == value)
        #expect(deadline.unit == unit)
        #expect(deadline.extension?.value == extra)
        #expect(deadline.source.document == document)
        #expect(deadline.source.article == article)
        #expect(deadline.source.seed == nil, "statutes carry no seed")
    }

    @Test func nationalCatalogsFollowTheSeed() throws {
        let national = try load().national
        #expect(national.catalogs.agencySanctions.map(\.entry.name) == ["限期整改", "通报批评", "取消评比先进的资格"])
        #expect(national.catalogs.personSanctions.prefix(4).map(\.entry.name) == ["批评教育", "离岗培训", "调离执法岗位", "取消执法资格"])
        #expect(national.assessment.scale?.entry.points == 100)
        #expect(national.assessment.channels.count == 6)
        #expect(national.assessment.content.count == 7)
        #expect(national.assessment.methods.map(\.entry.code).starts(with: ["organizational_assessment", "self_assessment", "mutual_assessment"]))
    }

    @Test func everyBundledEntryHasASource() throws {
        for profile in try load().all {
            for (section, entry) in profile.allEntries {
                let where_ = "\(profile.id) \(section) \(entry.code)"
                #expect(!entry.source.document.trimmingCharacters(in: .whitespaces).isEmpty, "\(where_)")
                #expect(!entry.source.article.trimmingCharacters(in: .whitespaces).isEmpty, "\(where_)")
                if let seed = entry.source.seed {
                    #expect(seed.range(of: #"^\d{3}_[0-9a-f]{16}\.txt$"#, options: .regularExpression) != nil, "\(where_)")
                }
            }
        }
    }

    @Test func bundledProfilesRoundTripThroughJSON() throws {
        let registry = try load()
        let encoder = JSONEncoder()
        let files = try registry.all.map { (name: "\($0.id).json", data: try encoder.encode($0)) }
        let again = try ProfileRegistry(files: files)
        #expect(again.all == registry.all)
        _ = try encoder.encode(registry.effective(id: "jilin"))
    }
}
