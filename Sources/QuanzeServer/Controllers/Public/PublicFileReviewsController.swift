import Fluent
import Foundation
import Plot
import QuanzeCore
import Vapor

/// 案卷评查 results on the portal (`/file-reviews`, `GET /api/v1/public/file-reviews`): for every plan
/// whose files are all confirmed by the 法制办 and whose 申辩 are all decided, each body's number of
/// files, mean score (百分制, 第十条(七)、第十五条) and failing files. Bodies only: no reviewer,
/// officer or party names, no case numbers.
struct PublicFileReviewsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("file-reviews", use: page)
        routes.grouped("api", "v1").get("public", "file-reviews", use: api)
    }

    @Sendable func page(req: Request) async throws -> Response {
        PublicFileReviewsPage(plans: try await PublicFileReviews.load(on: req.db)).render().response()
    }

    @Sendable func api(req: Request) async throws -> [PublicFileReviewPlanDTO] {
        try await PublicFileReviews.load(on: req.db)
    }
}

struct PublicFileReviewBodyDTO: Content {
    var agencyId: UUID
    var agencyName: String
    var files: Int
    var meanScore: Double?
    var failing: Int
}

struct PublicFileReviewPlanDTO: Content {
    var id: UUID
    var name: String
    var kind: ReviewPlanKind
    var kindLabel: String
    var year: Int
    var periodFrom: String
    var periodTo: String
    var passMark: Double
    var bodies: [PublicFileReviewBodyDTO]
}

enum PublicFileReviews {
    /// Plans with results final: drawn, at least one file, every file confirmed, no 申辩 undecided.
    static func load(on db: any Database) async throws -> [PublicFileReviewPlanDTO] {
        let plans = try await ReviewPlan.query(on: db).filter(\.$status != .cataloging).sort(\.$year, .descending).sort(\.$name).all()
        var out: [PublicFileReviewPlanDTO] = []
        for plan in plans {
            let planID = try plan.requireID()
            let sheets = try await ReviewSheet.query(on: db).filter(\.$planID == planID).all()
            guard !sheets.isEmpty, sheets.allSatisfy({ $0.stage == .confirmed && ($0.contestedOn == nil || $0.contestOutcome != nil) }) else { continue }
            let pass = try await ReviewStandard.find(plan.standardID, on: db)?.passMark ?? ReviewStandardCheck.defaultPassMark
            let bodies = try await ReviewPlanBody.query(on: db).filter(\.$planID == planID).sort(\.$agencyName).all()
            out.append(PublicFileReviewPlanDTO(
                id: planID, name: plan.name, kind: plan.kind, kindLabel: plan.kind.label, year: plan.year, periodFrom: plan.periodFrom,
                periodTo: plan.periodTo, passMark: pass,
                bodies: bodies.map { b in
                    let finals = sheets.filter { $0.agencyID == b.agencyID }.compactMap(\.finalScore)
                    return PublicFileReviewBodyDTO(agencyId: b.agencyID, agencyName: b.agencyName, files: finals.count,
                                                   meanScore: ReviewScore.mean(finals), failing: finals.filter { $0 < pass }.count)
                }))
        }
        return out
    }
}

/// The portal page: one table per plan, bodies with their mean scores.
struct PublicFileReviewsPage {
    let plans: [PublicFileReviewPlanDTO]

    func render() -> HTML {
        Layout.publicPage(title: "案卷评查结果", content: .div(
            .h1(.text("行政处罚案卷评查结果")),
            .p(.text("评查结果以各行政执法部门被抽查案卷的平均分（百分制）表示；只列出全部案卷已经法制办确认、申辩均已认定的评查方案。"),
               .span(.class("source"), .text("依据：通州区行政处罚案卷评查工作规范 第十条(七)、第十五条"))),
            .if(plans.isEmpty, .p(.class("empty"), .text("暂无已完成的案卷评查。"))),
            .forEach(plans) { plan in
                .section(.class("card"),
                         .h2(.text("\(plan.name)（\(plan.kindLabel)，案卷期间 \(plan.periodFrom) 至 \(plan.periodTo)）")),
                         UI.table(caption: "\(plan.name)：各单位平均分（合格 \(ReviewScore.format(plan.passMark)) 分）",
                                  headers: ["执法部门", "评查案卷数", "平均分", "不合格案卷数"], rows: plan.bodies.map { b in
                                      [.text(b.agencyName), .text("\(b.files)"), .text(b.meanScore.map(ReviewScore.format) ?? "无案卷"), .text("\(b.failing)")]
                                  }))
            }
        ))
    }
}
