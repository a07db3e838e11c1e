import Foundation
import Testing
@testable import QuanzeCore

/// Small hand-written profiles for validation tests.
enum ProfileFixtures {
    static let lawSource = #"{"seed": null, "document": "某法", "article": "第一条"}"#

    /// A valid minimal national profile: one statute, one deadline of each bound, one sanction.
    static let national = """
    {
      "id": "national", "name": "全国", "jurisdiction": "全国",
      "documents": [{"code": "law", "title": "中华人民共和国某法", "shortTitle": "某法"}],
      "deadlines": [
        {"code": "decide", "name": "作出决定", "value": 90, "unit": "日", "source": \(lawSource)},
        {"code": "license", "name": "许可决定", "value": 20, "unit": "工作日",
         "extension": {"value": 10, "unit": "工作日"}, "source": \(lawSource)},
        {"code": "notice", "name": "听证通知", "value": 7, "unit": "工作日", "bound": "下限", "source": \(lawSource)},
        {"code": "apply", "name": "申请期限", "value": 60, "unit": "日", "bound": "固定", "source": \(lawSource)}
      ],
      "catalogs": {
        "agencySanctions": [{"code": "rectify", "name": "限期整改", "source": \(lawSource)}]
      }
    }
    """

    /// A child profile inheriting national whose deadlines are `deadlines` (a JSON array body).
    static func child(id: String = "child", inherits: String? = "national", deadlines: String = "",
                      extra: String = "") -> String {
        let parent = inherits.map { #""inherits": "\#($0)","# } ?? ""
        return """
        {
          "id": "\(id)", "name": "子配置", "jurisdiction": "某地", \(parent)
          "documents": [{"code": "local_rule", "title": "某地办法", "number": "某政发〔2020〕1号",
                         "seeds": [{"file": "009_test.txt", "part": "篇1"}]}],
          "deadlines": [\(deadlines)] \(extra.isEmpty ? "" : ",") \(extra)
        }
        """
    }

    /// A deadline entry citing the child's seed document.
    static func deadline(_ code: String, value: String = "10", unit: String = "日", more: String = "") -> String {
        """
        {"code": "\(code)", "name": "期限\(code)", "value": \(value), "unit": "\(unit)"\(more.isEmpty ? "" : ", ")\(more),
         "source": {"seed": "009_test.txt", "part": "篇1", "document": "某政发〔2020〕1号", "article": "第二条"}}
        """
    }

    /// Loads the files and returns the problems (empty when loading succeeds).
    static func problems(_ files: [(String, String)]) -> [ProfileProblem] {
        do {
            _ = try ProfileRegistry(files: files.map { (name: $0.0, data: Data($0.1.utf8)) })
            return []
        } catch let error as ProfileLoadError {
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    static func registry(_ files: [(String, String)]) throws -> ProfileRegistry {
        try ProfileRegistry(files: files.map { (name: $0.0, data: Data($0.1.utf8)) })
    }
}

extension Array where Element == ProfileProblem {
    /// Whether a problem of `kind` names `file`, `section` and `code`.
    func has(_ kind: ProfileProblemKind, file: String, section: String? = nil, code: String? = nil) -> Bool {
        contains { $0.kind == kind && $0.file == file && (section == nil || $0.section == section)
            && (code == nil || $0.code == code) }
    }
}
