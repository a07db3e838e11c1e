import Foundation
import Testing
@testable import QuanzeCore

/// Every validation failure names the file, the section and the entry code.
@Suite("规则配置校验 Profile validation")
struct ProfileValidationTests {
    typealias F = ProfileFixtures

    @Test func validFixturesLoad() throws {
        let registry = try F.registry([("national.json", F.national), ("child.json", F.child(deadlines: F.deadline("local")))])
        #expect(registry.all.map(\.id) == ["national", "child"])
        #expect(registry.effective(id: "child")?.deadline("decide")?.origin == "national")
    }

    @Test func unknownKeyNamesFileSectionAndEntry() {
        let child = F.child(deadlines: F.deadline("local", more: #""colour": "red""#))
        let problems = F.problems([("national.json", F.national), ("child.json", child)])
        #expect(problems.has(.unknownKey, file: "child.json", section: "deadlines", code: "local"))
        #expect(problems.first?.message.contains("colour") == true)
    }

    @Test func unknownKeysInsideSourceAndAtTopLevel() {
        let entry = F.deadline("local").replacingOccurrences(of: #""article": "第二条""#,
                                                               with: #""article": "第二条", "page": 3"#)
        let child = F.child(deadlines: entry, extra: #""author": "x""#)
        let problems = F.problems([("national.json", F.national), ("child.json", child)])
        #expect(problems.has(.unknownKey, file: "child.json", section: "deadlines", code: "local"))
        #expect(problems.contains { $0.kind == .unknownKey && $0.section == nil && $0.message.contains("author") })
    }

    @Test func allProblemsOfAFileAreReportedTogether() {
        let entries = [F.deadline("a", more: #""extra": 1"#), F.deadline("a"), F.deadline("b", value: "0")]
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(deadlines: entries.joined(separator: ",")))])
        #expect(problems.has(.unknownKey, file: "child.json", code: "a"))
        #expect(problems.has(.duplicateCode, file: "child.json", section: "deadlines", code: "a"))
        #expect(problems.has(.nonPositiveValue, file: "child.json", section: "deadlines", code: "b"))
    }

    @Test func missingSource() {
        let entry = #"{"code": "nosrc", "name": "无出处", "value": 5, "unit": "日"}"#
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(deadlines: entry))])
        #expect(problems.has(.missingSource, file: "child.json", section: "deadlines", code: "nosrc"))
    }

    @Test func emptyArticle() {
        let entry = F.deadline("blank").replacingOccurrences(of: "第二条", with: " ")
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(deadlines: entry))])
        #expect(problems.has(.emptyArticle, file: "child.json", section: "deadlines", code: "blank"))
    }

    @Test func duplicateCodeInACatalog() {
        let item = #"{"code": "warn", "name": "警告", "source": {"seed": "009_test.txt", "part": "篇1", "document": "某政发〔2020〕1号", "article": "第三条"}}"#
        let child = F.child(extra: #""catalogs": {"personSanctions": [\#(item), \#(item)]}"#)
        let problems = F.problems([("national.json", F.national), ("child.json", child)])
        #expect(problems.has(.duplicateCode, file: "child.json", section: "catalogs.personSanctions", code: "warn"))
    }

    @Test func badUnitIsRejectedWithAllowedValues() {
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(deadlines: F.deadline("odd", unit: "天")))])
        #expect(problems.has(.invalidValue, file: "child.json", section: "deadlines", code: "odd"))
        #expect(problems.first?.message.contains("工作日") == true)
    }

    @Test func wrongTypeIsRejected() {
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(deadlines: F.deadline("typed", value: #""90""#)))])
        #expect(problems.has(.invalidValue, file: "child.json", section: "deadlines", code: "typed"))
    }

    @Test func unknownEnumInApportionment() {
        let rule = #"{"code": "who", "name": "谁", "situation": "某情形", "liable": [{"party": "路人", "share": "主要"}], "source": {"seed": "009_test.txt", "part": "篇1", "document": "某政发〔2020〕1号", "article": "第四条"}}"#
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(extra: #""apportionment": [\#(rule)]"#))])
        #expect(problems.has(.invalidValue, file: "child.json", section: "apportionment", code: "who"))
    }

    @Test func malformedJSON() {
        let problems = F.problems([("national.json", F.national), ("child.json", #"{"id": "child", "#)])
        #expect(problems.has(.malformedJSON, file: "child.json"))
    }

    @Test func idMustMatchFileName() {
        let problems = F.problems([("national.json", F.national), ("other.json", F.child())])
        #expect(problems.has(.idMismatch, file: "other.json"))
    }

    @Test func unknownParent() {
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(inherits: "atlantis"))])
        #expect(problems.has(.unknownParent, file: "child.json", section: "inherits"))
    }

    @Test func missingParent() {
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(inherits: nil))])
        #expect(problems.has(.missingParent, file: "child.json"))
    }

    @Test func inheritanceCycleIsReportedInEachFile() {
        let problems = F.problems([("national.json", F.national),
                                   ("a.json", F.child(id: "a", inherits: "b")),
                                   ("b.json", F.child(id: "b", inherits: "a"))])
        #expect(problems.has(.inheritanceCycle, file: "a.json"))
        #expect(problems.has(.inheritanceCycle, file: "b.json"))
    }

    @Test func missingNational() {
        let problems = F.problems([("child.json", F.child())])
        #expect(problems.has(.missingNational, file: "national.json"))
    }

    @Test func noFilesAtAllIsAnError() {
        #expect(F.problems([]).has(.missingNational, file: "national.json"))
    }

    @Test func sanctionCodesAreUniqueAcrossBothCatalogs() {
        let item = #"{"code": "rectify", "name": "整改", "source": {"seed": "009_test.txt", "part": "篇1", "document": "某政发〔2020〕1号", "article": "第三条"}}"#
        let child = F.child(extra: #""catalogs": {"personSanctions": [\#(item)]}"#)
        let problems = F.problems([("national.json", F.national), ("child.json", child)])
        #expect(problems.has(.duplicateCode, file: "child.json", section: "catalogs.personSanctions", code: "rectify"))
    }

    @Test func relaxedStatutoryDeadline() {
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(deadlines: F.deadline("decide", value: "120")))])
        #expect(problems.has(.relaxedDeadline, file: "child.json", section: "deadlines", code: "decide"))
    }

    @Test func unknownDocumentAndSeedMismatch() {
        let wrongDoc = F.deadline("a").replacingOccurrences(of: "某政发〔2020〕1号", with: "不存在的文件")
        let wrongSeed = F.deadline("b").replacingOccurrences(of: #""part": "篇1""#, with: #""part": "篇2""#)
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(deadlines: wrongDoc + "," + wrongSeed))])
        #expect(problems.has(.unknownDocument, file: "child.json", section: "deadlines", code: "a"))
        #expect(problems.has(.seedMismatch, file: "child.json", section: "deadlines", code: "b"))
    }

    @Test func unknownSanctionReference() {
        let fault = #"{"code": "f", "name": "情形", "sanctions": ["rectify", "banish"], "source": {"seed": "009_test.txt", "part": "篇1", "document": "某政发〔2020〕1号", "article": "第五条"}}"#
        let problems = F.problems([("national.json", F.national), ("child.json", F.child(extra: #""catalogs": {"faultSituations": [\#(fault)]}"#))])
        #expect(problems.has(.unknownSanction, file: "child.json", section: "catalogs.faultSituations", code: "f"))
        #expect(problems.filter { $0.kind == .unknownSanction }.count == 1) // `rectify` is inherited from national
    }

    @Test func errorDescriptionNamesFileAndEntry() {
        do {
            _ = try F.registry([("national.json", F.national), ("child.json", F.child(deadlines: F.deadline("decide", value: "120")))])
            Issue.record("expected a ProfileLoadError")
        } catch let error as ProfileLoadError {
            let text = String(describing: error)
            #expect(text.contains("child.json"))
            #expect(text.contains("deadlines"))
            #expect(text.contains("decide"))
            #expect(text.contains("放宽"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
