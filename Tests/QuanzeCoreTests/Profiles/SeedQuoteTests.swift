import Foundation
import Testing
@testable import QuanzeCore

/// Every `quote` of a seed-sourced entry occurs verbatim in the cited seed file and 篇.
/// Runs where the seed texts are available (`QUANZE_SEEDS` or `/work/shared/seeds`).
@Suite("引文核对 Quotes match the seeds")
struct SeedQuoteTests {
    static let seedDirectory: URL? = {
        let path = ProcessInfo.processInfo.environment["QUANZE_SEEDS"] ?? "/work/shared/seeds"
        return FileManager.default.fileExists(atPath: path) ? URL(fileURLWithPath: path) : nil
    }()

    @Test(.enabled(if: seedDirectory != nil)) func quotesOccurInTheCitedText() throws {
        let directory = try #require(Self.seedDirectory)
        var checked = 0
        for profile in try ProfileRegistry.bundled().all {
            for (section, entry) in profile.allEntries {
                guard let quote = entry.quote, let seed = entry.source.seed else { continue }
                let text = try String(contentsOf: directory.appendingPathComponent(seed), encoding: .utf8)
                let scope = entry.source.part.map { SeedParts.text(of: $0, in: text) } ?? text
                #expect(scope.contains(quote), "\(profile.id) \(section) \(entry.code): 「\(quote)」 not in \(seed) \(entry.source.part ?? "")")
                checked += 1
            }
        }
        #expect(checked > 40)
    }

    @Test func partsAreCutAtTheirHeadings() {
        let text = "导言\n执法责任范文篇1\n甲\n执法责任范文篇2\n乙\n篇三:标题\n丙\n  篇一:内嵌\n丁\n篇四:标题\n戊"
        #expect(SeedParts.text(of: "篇1", in: text) == "甲")
        #expect(SeedParts.text(of: "篇2", in: text) == "乙")
        #expect(SeedParts.text(of: "篇三", in: text) == "丙\n  篇一:内嵌\n丁")
    }
}

/// Cuts a seed file holding several texts into its 篇: `执法责任范文篇9` (003_*) or `篇十:…` (004_*)
/// at the start of a line begins a part; indented headings belong to the part around them.
enum SeedParts {
    static func text(of part: String, in text: String) -> String {
        var lines: [Substring] = []
        var inside = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let name = heading(line) {
                if inside { break }
                inside = name == part
                continue
            }
            if inside { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }

    private static func heading(_ line: Substring) -> String? {
        if line.hasPrefix("执法责任范文篇") { return String(line.dropFirst("执法责任范文".count)) }
        if line.hasPrefix("篇"), let colon = line.firstIndex(of: ":") { return String(line[..<colon]) }
        return nil
    }
}
