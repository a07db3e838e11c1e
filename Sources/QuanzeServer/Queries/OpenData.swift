import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 开放数据: what the portal already publishes, as machine-readable JSON and CSV with a stable,
/// versioned schema (docs/statistics.md). Public, no sign-in, no personal data: bodies are
/// organisations, power items are the published list, decisions carry only the text
/// `DecisionPublicityService` masked when it published them (a withdrawn decision only its body, number,
/// dates and the reason), statistics are counts and amounts per body.
enum OpenData {
    enum FieldType: String, Sendable, Codable { case string, integer, decimal, date, uuid }

    struct Field: Sendable, Codable, Equatable {
        var name: String
        var type: FieldType
        var nullable: Bool
        var description: String
    }

    struct Dataset: Sendable {
        var name: String
        var title: String
        var version: String
        var description: String
        var fields: [Field]
        /// False for a dataset another module provides once merged (listed so that its name is reserved).
        var available: Bool
        var note: String?
    }

    enum Value: Sendable, Encodable {
        case string(String?), integer(Int), decimal(String), date(String?), uuid(UUID?)

        var text: String {
            switch self {
            case .string(let s), .date(let s): s ?? ""
            case .integer(let n): String(n)
            case .decimal(let d): d
            case .uuid(let u): u?.uuidString.lowercased() ?? ""
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .string(let s), .date(let s):
                if let s { try c.encode(s) } else { try c.encodeNil() }
            case .integer(let n): try c.encode(n)
            case .decimal(let d): try c.encode(d)   // a string: "1234.56" (元, exact)
            case .uuid(let u):
                if let u { try c.encode(u.uuidString.lowercased()) } else { try c.encodeNil() }
            }
        }
    }

    static func f(_ name: String, _ type: FieldType, _ description: String, nullable: Bool = false) -> Field {
        Field(name: name, type: type, nullable: nullable, description: description)
    }

    static let bodies = Dataset(name: "bodies", title: "执法主体", version: "1.0",
        description: "已确认并公告的行政执法主体（含法律法规授权组织、受委托组织）。", fields: [
            f("id", .uuid, "主体标识"), f("name", .string, "名称"), f("uscc", .string, "统一社会信用代码", nullable: true),
            f("kind", .string, "主体类别代码（statutory_organ、authorized_org、entrusted_org、concentrated）"), f("kindLabel", .string, "主体类别"),
            f("level", .string, "层级"), f("managementMode", .string, "管理体制代码（territorial、vertical、dual）"),
            f("jurisdiction", .string, "所属辖区"), f("regionCode", .string, "行政区划代码", nullable: true),
            f("announcementRef", .string, "公告文号", nullable: true), f("announcedOn", .date, "公告日期", nullable: true),
            f("complaintChannels", .string, "投诉举报渠道（多项以“；”分隔）"),
        ], available: true)

    static let powerItems = Dataset(name: "power-items", title: "权责清单", version: "1.0",
        description: "已公布的职权事项（现行公布版本），含法定依据和办理时限。", fields: [
            f("id", .uuid, "事项标识"), f("code", .string, "事项编码"), f("agencyId", .uuid, "执法主体标识"), f("agencyName", .string, "执法主体"),
            f("name", .string, "事项名称"), f("category", .string, "职权类别代码（licensing、penalty、coercion、levy、benefit、inspection、confirmation、adjudication、reward、other）"),
            f("categoryLabel", .string, "职权类别"), f("version", .integer, "公布版本号"),
            f("statutoryLimit", .string, "法定时限（如“20工作日”）", nullable: true), f("promisedLimit", .string, "承诺时限", nullable: true),
            f("basis", .string, "法定依据（多条以“；”分隔）"), f("publishedOn", .date, "公布日期", nullable: true), f("flowchartUrl", .string, "流程图（SVG）地址"),
        ], available: true)

    static let decisions = Dataset(name: "decisions", title: "执法决定", version: "1.0",
        description: "执法决定公示的决定（已公开和已撤回）。当事人为自然人的姓名、身份证号、电话已按公示规则脱敏；已撤回的决定只保留主体、文号、日期和撤回理由。按公开日期倒序，每页 1000 条（page 参数）。", fields: [
            f("id", .uuid, "公示标识"), f("agencyId", .uuid, "执法主体标识"), f("agencyName", .string, "执法主体"),
            f("decisionNumber", .string, "决定文号"), f("procedure", .string, "执法类别"),
            f("caseTitle", .string, "案件名称", nullable: true), f("parties", .string, "当事人（脱敏）", nullable: true),
            f("facts", .string, "违法事实和证据（脱敏）", nullable: true), f("basis", .string, "执法依据", nullable: true),
            f("content", .string, "执法结论", nullable: true), f("decidedOn", .date, "决定日期"), f("publishedOn", .date, "公开日期"),
            f("status", .string, "状态代码（published、withdrawn）"), f("withdrawnOn", .date, "撤回日期", nullable: true),
            f("withdrawalReason", .string, "撤回理由", nullable: true),
        ], available: true)

    static let statistics = Dataset(name: "statistics", title: "执法统计", version: "1.0",
        description: "各执法主体按类别的年度执法统计（year 参数，默认本年）：件数及涉案款项数额，与执法统计报表同一口径。", fields: [
            f("year", .integer, "年度"), f("agencyId", .uuid, "执法主体标识"), f("agencyName", .string, "执法主体"), f("jurisdiction", .string, "所属辖区"),
            f("category", .string, "类别代码（licensing、penalty、coercion、inspection）"), f("categoryLabel", .string, "类别"),
            f("filedCount", .integer, "立案（受理）件数"), f("decidedCount", .integer, "作出决定件数"), f("closedCount", .integer, "结案件数"),
            f("fineYuan", .decimal, "罚款金额（元，两位小数）"), f("confiscationYuan", .decimal, "没收金额（元）"), f("collectedYuan", .decimal, "收缴罚没款（元）"),
            f("reconsiderationCount", .integer, "行政复议申请件数"), f("litigationCount", .integer, "行政诉讼起诉件数"),
            f("remedyDecidedCount", .integer, "复议诉讼审结件数"), f("reversalCount", .integer, "被撤销、变更、确认违法或责令履行件数"),
        ], available: true)

    /// 评议考核结果: the published results of plans assessing bodies (吉政办发〔2016〕91号 六(三): body results
    /// are published); officers' results are never published.
    static let assessmentResults = Dataset(name: "assessment-results", title: "评议考核结果", version: "1.0",
        description: "已公布的执法主体年度评议考核结果（百分制得分和等次），按年度倒序。", fields: [
            f("year", .integer, "年度"), f("planName", .string, "考核方案"), f("agencyId", .uuid, "执法主体标识"), f("agencyName", .string, "执法主体"),
            f("total", .decimal, "得分（百分制，两位小数）"), f("grade", .string, "等次代码（excellent、qualified、unqualified）"),
            f("gradeLabel", .string, "等次"), f("publishedOn", .date, "公布日期"),
        ], available: true)

    static let catalog = [bodies, powerItems, decisions, statistics, assessmentResults]
    static let pageSize = 1000

    struct Table: Sendable {
        var dataset: Dataset
        var records: [[Value]]
        var extra: [String: String] = [:]
    }

    // MARK: - Loading

    static func assessmentResultsTable(on db: any Database) async throws -> Table {
        let plans = try await AssessmentPlan.query(on: db).filter(\.$targetKind == .agency).filter(\.$status == .published)
            .sort(\.$year, .descending).sort(\.$name).all()
        var records: [[Value]] = []
        for plan in plans {
            let results = try await AssessmentResult.query(on: db).filter(\.$plan.$id == plan.requireID()).sort(\.$targetName).all()
            for r in results {
                records.append([.integer(plan.year), .string(plan.name), .uuid(r.targetID), .string(r.targetName),
                                .decimal(String(format: "%d.%02d", r.totalCenti / 100, r.totalCenti % 100)), .string(r.grade.rawValue),
                                .string(r.grade.label), .date(plan.publishedOn)])
            }
        }
        return Table(dataset: assessmentResults, records: records)
    }

    static func bodiesTable(on db: any Database) async throws -> Table {
        let agencies = try await Agency.query(on: db).filter(\.$status == .announced).sort(\.$name).all()
        let jurisdictions = Dictionary(uniqueKeysWithValues: try await Jurisdiction.query(on: db).all().map { ($0.id!, $0.name) })
        return Table(dataset: bodies, records: agencies.map { a -> [Value] in
            [.uuid(a.id), .string(a.name), .string(a.uscc), .string(a.kind.rawValue), .string(a.kind.label), .string(a.level),
             .string(a.managementMode.rawValue), .string(jurisdictions[a.$jurisdiction.id] ?? ""), .string(a.regionCode),
             .string(a.announcementRef), .date(a.announcedOn), .string(a.complaintChannels.joined(separator: "；"))]
        })
    }

    static func powerItemsTable(on db: any Database) async throws -> Table {
        let agencies = try await Agency.query(on: db).filter(\.$status == .announced).all()
        let agencyName = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) })
        let items = try await PowerItem.query(on: db).filter(\.$agency.$id ~~ Array(agencyName.keys)).sort(\.$code).all()
        let versions = try await PowerItemVersion.query(on: db).filter(\.$item.$id ~~ items.compactMap(\.id)).filter(\.$status == .published).all()
        let versionOf = Dictionary(versions.map { ($0.$item.id, $0) }, uniquingKeysWith: { a, b in a.version >= b.version ? a : b })
        let links = try await PowerItemBasis.query(on: db).filter(\.$version.$id ~~ versions.compactMap(\.id)).all()
        let articles = try await LegalArticle.query(on: db).filter(\.$id ~~ Array(Set(links.map { $0.$article.id }))).all()
        let norms = try await LegalNorm.query(on: db).filter(\.$id ~~ Array(Set(articles.map { $0.$norm.id }))).all()
        let normTitle = Dictionary(uniqueKeysWithValues: norms.map { ($0.id!, $0.title) })
        let articleText = Dictionary(uniqueKeysWithValues: articles.map { a in
            (a.id!, (title: normTitle[a.$norm.id] ?? "", ordinal: a.ordinal, text: "《\(normTitle[a.$norm.id] ?? "")》\(a.number)"))
        })
        let basesOf = Dictionary(grouping: links, by: { $0.$version.id })
        func limit(_ t: TimeLimit?) -> String? { t.map { "\($0.value)\($0.unit)" } }
        return Table(dataset: powerItems, records: items.compactMap { item -> [Value]? in
            guard let v = versionOf[item.id!] else { return nil }
            let basis = (basesOf[v.id!] ?? []).compactMap { articleText[$0.$article.id] }.sorted { ($0.title, $0.ordinal) < ($1.title, $1.ordinal) }
                .map(\.text).joined(separator: "；")
            return [.uuid(item.id), .string(item.code), .uuid(item.$agency.id), .string(agencyName[item.$agency.id] ?? ""), .string(v.name),
                    .string(v.category.rawValue), .string(v.category.label), .integer(v.version), .string(limit(v.statutoryLimitText?.value)),
                    .string(limit(v.promisedLimitText?.value)), .string(basis), .date(v.publishedAt.map { LocalDate(instant: $0).iso }),
                    .string(SiteURL.publicFlowchart(item.id!))]
        })
    }

    static func decisionsTable(page: Int, on db: any Database) async throws -> Table {
        let q = DecisionPublication.query(on: db).filter(\.$status ~~ [.published, .withdrawn]).filter(\.$publishedOn != nil)
        let total = try await q.count()
        let rows = try await q.sort(\.$publishedOn, .descending).sort(\.$id).range(((page - 1) * pageSize)..<(page * pageSize)).all()
        return Table(dataset: decisions, records: rows.map { p -> [Value] in
            let t = p.publicText
            let withdrawn = p.status == .withdrawn
            func shown(_ s: String?) -> Value { .string(withdrawn ? nil : s) }
            return [.uuid(p.id), .uuid(p.$agency.id), .string(t?.agencyName ?? ""), .string(t?.decisionNumber ?? ""), .string(t?.procedure ?? ""),
                    shown(t?.caseTitle), shown(t?.parties), shown(t?.facts), shown(t?.basis), shown(t?.content),
                    .date(p.decidedOn), .date(p.publishedOn), .string(p.status.rawValue), .date(p.withdrawnOn), .string(withdrawn ? p.withdrawalReason : nil)]
        }, extra: ["page": String(page), "pageSize": String(pageSize), "total": String(total)])
    }

    static func statisticsTable(year: Int, on db: any Database) async throws -> Table {
        let agencies = try await Agency.query(on: db).filter(\.$status == .announced).all()
        let jurisdictions = Dictionary(uniqueKeysWithValues: try await Jurisdiction.query(on: db).all().map { ($0.id!, $0.name) })
        let jurisdictionOf = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, jurisdictions[$0.$jurisdiction.id] ?? "") })
        let filter = EnforcementStatistics.Filter(year: year, from: LocalDate(year: year, month: 1, day: 1)!, to: LocalDate(year: year, month: 12, day: 31)!)
        let r = try await EnforcementStatistics.load(agencies: agencies, filter: filter, on: db)
        return Table(dataset: statistics, records: r.rows.map { row -> [Value] in
            [.integer(year), .uuid(row.agencyId), .string(row.agencyName), .string(row.agencyId.flatMap { jurisdictionOf[$0] } ?? ""),
             .string(row.category), .string(row.categoryLabel), .integer(row.filedCount), .integer(row.decidedCount), .integer(row.closedCount),
             .decimal(ExportCell.yuan(row.fineFen)), .decimal(ExportCell.yuan(row.confiscationFen)), .decimal(ExportCell.yuan(row.collectedFen)),
             .integer(row.reconsiderationCount), .integer(row.litigationCount), .integer(row.remedyDecidedCount), .integer(row.reversalCount)]
        }, extra: ["year": String(year)])
    }

    // MARK: - Output

    struct Document: Encodable {
        var dataset: String
        var title: String
        var version: String
        var generatedOn: String
        var fields: [Field]
        var parameters: [String: String]
        var records: [Record]
    }

    struct Record: Encodable {
        var names: [String]
        var values: [Value]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for (n, v) in zip(names, values) { try c.encode(v, forKey: Key(stringValue: n)) }
        }
    }

    static func json(_ t: Table, today: LocalDate) throws -> Response {
        let names = t.dataset.fields.map(\.name)
        let doc = Document(dataset: t.dataset.name, title: t.dataset.title, version: t.dataset.version, generatedOn: today.iso,
                           fields: t.dataset.fields, parameters: t.extra, records: t.records.map { Record(names: names, values: $0) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: "X-Dataset-Version", value: t.dataset.version)
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(doc)))
    }

    /// CSV: the header row is the field names (stable across versions of the same major number).
    static func csv(_ t: Table) -> Response {
        let table = ExportTable(title: t.dataset.title, headers: t.dataset.fields.map(\.name), rows: t.records.map { $0.map { .text($0.text) } })
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.inline, filename: "\(t.dataset.name).csv")
        headers.replaceOrAdd(name: "X-Dataset-Version", value: t.dataset.version)
        return Response(status: .ok, headers: headers, body: .init(string: table.csv()))
    }
}
