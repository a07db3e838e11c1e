import Fluent
import QuanzeCore
import Vapor

/// 开放数据 on the portal: the index with each dataset's schema, and each dataset as JSON and CSV.
/// Public (no sign-in); no personal data (see `OpenData`).
struct OpenDataController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let o = routes.grouped("open-data")
        o.get(use: index)
        for dataset in OpenData.catalog where dataset.available {
            o.get("\(dataset.name).json", use: { req in try OpenData.json(try await table(req, dataset.name), today: req.today) })
            o.get("\(dataset.name).csv", use: { req in OpenData.csv(try await table(req, dataset.name)) })
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        OpenDataPage().render().response()
    }

    func table(_ req: Request, _ name: String) async throws -> OpenData.Table {
        switch name {
        case OpenData.bodies.name: return try await OpenData.bodiesTable(on: req.db)
        case OpenData.powerItems.name: return try await OpenData.powerItemsTable(on: req.db)
        case OpenData.assessmentResults.name: return try await OpenData.assessmentResultsTable(on: req.db)
        case OpenData.decisions.name:
            var page = 1
            if let raw = req.query[String.self, at: "page"] {
                guard let p = Int(raw), (1...100_000).contains(p) else { throw AppError.validation("page", "须为 1 至 100000 的整数") }
                page = p
            }
            return try await OpenData.decisionsTable(page: page, on: req.db)
        default:
            var year = req.today.year
            if let raw = req.query[String.self, at: "year"] {
                guard let y = Int(raw), (2000...2100).contains(y) else { throw AppError.validation("year", "须为 2000 至 2100 的年份") }
                year = y
            }
            return try await OpenData.statisticsTable(year: year, on: req.db)
        }
    }
}
