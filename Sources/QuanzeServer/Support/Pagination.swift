import Vapor

/// `?page=&per=` with bounds; page numbers start at 1.
struct PageRequest: Sendable {
    var page: Int
    var per: Int

    static func from(_ req: Request, defaultPer: Int = 50, maxPer: Int = 200) throws -> PageRequest {
        let page = try req.query.get(Int?.self, at: "page") ?? 1
        let per = try req.query.get(Int?.self, at: "per") ?? defaultPer
        guard page >= 1, page <= 100_000 else { throw AppError.validation("page", "页码须为 1 至 100000 的整数") }
        guard per >= 1, per <= maxPer else { throw AppError.validation("per", "每页条数须为 1 至 \(maxPer) 的整数") }
        return PageRequest(page: page, per: per)
    }

    var offset: Int { (page - 1) * per }
}

struct PageInfo: Content, Sendable {
    var page: Int
    var per: Int
    var total: Int
}
