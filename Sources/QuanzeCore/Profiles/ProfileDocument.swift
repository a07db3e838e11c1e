import Foundation

/// A source text a profile draws on: a seed document or a statute. Every entry's
/// `source.document` must name one of the documents of its profile or of an ancestor
/// (by `number`, `shortTitle` or `title`).
public struct ProfileDocument: Codable, Sendable, Hashable {
    public var code: String
    /// Full title, e.g. `国务院办公厅关于推行行政执法责任制的若干意见`.
    public var title: String
    /// Short title as cited, e.g. `行政处罚法`.
    public var shortTitle: String?
    /// Document number (文号), e.g. `国办发〔2005〕37号`.
    public var number: String?
    /// Edition or date, e.g. `2021年修订`.
    public var edition: String?
    /// Where the text is found among the seeds; empty for a statute.
    public var seeds: [SeedLocation]
    public var note: String?

    public init(code: String, title: String, shortTitle: String? = nil, number: String? = nil,
                edition: String? = nil, seeds: [SeedLocation] = [], note: String? = nil) {
        self.code = code
        self.title = title
        self.shortTitle = shortTitle
        self.number = number
        self.edition = edition
        self.seeds = seeds
        self.note = note
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, title, shortTitle, number, edition, seeds, note
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        title = try c.decode(String.self, forKey: .title)
        shortTitle = try c.decodeIfPresent(String.self, forKey: .shortTitle)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        edition = try c.decodeIfPresent(String.self, forKey: .edition)
        seeds = try c.decodeList([SeedLocation].self, forKey: .seeds)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    /// Whether a `SourceRef.document` names this document.
    public func isCited(as name: String) -> Bool {
        name == title || name == shortTitle || name == number
    }
}

/// A seed file and, where the file holds several texts, the 篇.
public struct SeedLocation: Codable, Sendable, Hashable {
    public var file: String
    public var part: String?

    public init(file: String, part: String? = nil) {
        self.file = file
        self.part = part
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, part
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        part = try c.decodeIfPresent(String.self, forKey: .part)
    }
}
