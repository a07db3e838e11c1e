import Fluent
import QuanzeCore
import Vapor

/// 裁量基准 pages: the benchmarks in scope, the body's 法制员 records and revises them (levels with
/// their kinds and ranges, the listed 情节), and the 裁量一致性 report. Refusals re-render the form
/// with every problem; nothing is saved.
struct DiscretionPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "discretion-benchmarks", use: index)
        routes.post("console", "discretion-benchmarks", use: create)
        routes.get("console", "discretion-benchmarks", ":benchmarkID", use: show)
        routes.post("console", "discretion-benchmarks", ":benchmarkID", use: update)
        routes.get("console", "discretion-consistency", use: consistency)
    }

    static let readers: [Role] = [.supervisor, .reviewer, .legalOfficer, .officer]

    /// The benchmark form: violation, article, power, up to five levels (`c0…c4` name, `s0…` sanction,
    /// `k0[]…` kinds, `min0…`/`max0…` range) and the factor lists, one per line as `情节` or `情节｜依据`.
    struct Form: Decodable, Sendable {
        var violation = "", articleId = "", powerItemId = ""
        var levels: [DiscretionTierInput] = []
        var mitigating = "", aggravating = ""
        var amountProblems: [FieldProblem] = []

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init() {}

        init(_ b: DiscretionBenchmark) {
            violation = b.violation
            articleId = b.$article.id.uuidString
            powerItemId = b.$powerItem.id?.uuidString ?? ""
            levels = b.tiers.map { .init(circumstance: $0.circumstance, sanction: $0.sanction, allowedKinds: $0.allowedKinds.map(\.rawValue),
                                         minAmount: $0.minAmount, maxAmount: $0.maxAmount) }
            func lines(_ list: [DiscretionFactor]) -> String { list.map { f in f.basis.map { "\(f.text)｜\($0)" } ?? f.text }.joined(separator: "\n") }
            mitigating = lines(b.mitigatingFactors)
            aggravating = lines(b.aggravatingFactors)
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            func text(_ k: String) -> String { ((try? c.decodeIfPresent(String.self, forKey: Key(stringValue: k))) ?? nil) ?? "" }
            violation = text("violation")
            articleId = text("articleId")
            powerItemId = text("powerItemId")
            mitigating = text("mitigating")
            aggravating = text("aggravating")
            for i in 0..<DiscretionScale.maxLevels {
                let name = text("c\(i)"), sanction = text("s\(i)")
                let kinds = ((try? c.decodeIfPresent([String].self, forKey: Key(stringValue: "k\(i)"))) ?? nil) ?? []
                let (lo, hi) = (text("min\(i)"), text("max\(i)"))
                guard !(name.isEmpty && sanction.isEmpty && kinds.isEmpty && lo.isEmpty && hi.isEmpty) else { continue }
                func amount(_ raw: String, _ field: String) -> Int? {
                    guard !raw.isEmpty else { return nil }
                    guard let v = Int(raw), v >= 0 else {
                        amountProblems.append(FieldProblem(field: "tiers[\(levels.count)].\(field)", code: "invalid", message: "金额须为非负整数（元）"))
                        return nil
                    }
                    return v
                }
                levels.append(.init(circumstance: name, sanction: sanction, allowedKinds: kinds, minAmount: amount(lo, "minAmount"), maxAmount: amount(hi, "maxAmount")))
            }
        }

        static func factors(_ raw: String) -> [DiscretionFactorInput] {
            raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { line in
                let parts = line.split(maxSplits: 1, whereSeparator: { $0 == "｜" || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
                return DiscretionFactorInput(text: parts[0], basis: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
            }
        }

        func input() throws -> DiscretionBenchmarkService.Input {
            guard amountProblems.isEmpty else { throw AppError.validation(amountProblems) }
            guard let article = UUID(uuidString: articleId) else { throw AppError.validation("articleId", "请选择法定依据条文", code: "required") }
            return .init(powerItemID: UUID(uuidString: powerItemId), articleID: article, violation: violation, tiers: levels,
                         mitigating: Self.factors(mitigating), aggravating: Self.factors(aggravating))
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.requireAny(Self.readers)
        return try await listPage(req, p, form: nil).render().response()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer)
        guard let agencyID = p.agencyID, let agency = try await Agency.find(agencyID, on: req.db) else { throw AppError.outOfScope }
        let form = try req.content.decode(Form.self)
        do {
            let b = try await DiscretionBenchmarkService.create(agency: agency, try form.input(), req: req)
            return req.redirect(to: SiteURL.consoleDiscretionBenchmark(try b.requireID()), redirectType: .normal)
        } catch let e as AppError where [.badRequest, .unprocessableEntity].contains(e.status) {
            var page = try await listPage(req, p, form: form)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let p = try req.requireAny(Self.readers)
        let (b, agency) = try await DiscretionQueries.readable(req, p)
        return try await detailPage(req, p, b, agency, form: nil).render().response()
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (p, b, agency) = try await DiscretionQueries.manageable(req)
        let form = try req.content.decode(Form.self)
        do {
            let saved = try await DiscretionBenchmarkService.update(b, agency: agency, try form.input(), req: req)
            var page = try await detailPage(req, p, saved, agency, form: nil)
            page.message = "已保存裁量基准。此前作出的决定仍按当时的情节和幅度记载。"
            return page.render().response()
        } catch let e as AppError where [.badRequest, .unprocessableEntity].contains(e.status) {
            let fresh = try await DiscretionBenchmark.find(b.requireID(), on: req.db) ?? b
            var page = try await detailPage(req, p, fresh, agency, form: form)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    @Sendable func consistency(req: Request) async throws -> Response {
        let p = try req.requireAny(Self.readers)
        let (ids, agencyID, year) = try await DiscretionQueries.consistencyScope(req, p)
        let report = try await DiscretionConsistencyReport.load(agencyIDs: ids, agencyID: agencyID, year: year, on: req.db)
        let agencies = try await AgencyQueries.scoped(for: p, on: req.db).sort(\.$name).all()
        return DiscretionConsistencyPage(principal: p, report: report, agencies: agencies).render().response()
    }

    private func listPage(_ req: Request, _ p: Principal, form: Form?) async throws -> DiscretionListPage {
        let ids = try await AgencyQueries.scopedIDs(for: p, on: req.db)
        let rows = try await DiscretionQueries.rows(agencyIDs: ids, on: req.db)
        var page = DiscretionListPage(principal: p, rows: rows)
        if p.has(.legalOfficer), let agencyID = p.agencyID {
            page.editor = try await editor(req, agencyID: agencyID, form: form ?? Form())
        }
        return page
    }

    private func detailPage(_ req: Request, _ p: Principal, _ b: DiscretionBenchmark, _ agency: Agency, form: Form?) async throws -> DiscretionDetailPage {
        let dto = try await DiscretionQueries.dto(b, on: req.db)
        var page = DiscretionDetailPage(principal: p, benchmark: b, basis: dto.basis, agency: agency)
        if p.has(.legalOfficer), p.agencyID == agency.id {
            page.editor = try await editor(req, agencyID: try agency.requireID(), form: form ?? Form(b))
        }
        return page
    }

    private func editor(_ req: Request, agencyID: UUID, form: Form) async throws -> DiscretionForm {
        let items = try await PowerItem.query(on: req.db).filter(\.$agency.$id == agencyID).sort(\.$code).all()
        let norms = try await LegalNorm.query(on: req.db).filter(\.$status != .repealed).all().filter { $0.level.mayBeEnforcementBasis }
        let byID = Dictionary(uniqueKeysWithValues: norms.map { ($0.id!, $0) })
        let articles = byID.isEmpty ? [] : try await LegalArticle.query(on: req.db).filter(\.$norm.$id ~~ Array(byID.keys))
            .filter(\.$status != .repealed).sort(\.$ordinal).all()
        let citable = articles.compactMap { a in byID[a.$norm.id].map { (a.id!.uuidString, "《\($0.title)》\(a.number)") } }.sorted { $0.1 < $1.1 }
        return DiscretionForm(form: form, items: items.map { ($0.id!.uuidString, $0.code) }, articles: citable)
    }
}
