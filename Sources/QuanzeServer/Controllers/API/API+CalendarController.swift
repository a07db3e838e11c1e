import Fluent
import QuanzeCore
import Vapor

/// The working-day calendar: coverage, deadline and working-day calculations, adding a year's notice.
struct APICalendarController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cal = routes.grouped("calendar")
        cal.get("years", use: years)
        cal.get("years", ":year", use: year)
        cal.post("years", use: addYear)
        cal.get("deadline", use: deadline)
        cal.get("working-days", use: workingDays)
    }

    @Sendable func years(req: Request) async throws -> [CalendarYearSummaryDTO] {
        try req.requireAny(APIProfilesController.readers)
        return try await CalendarQueries.summaries(req)
    }

    @Sendable func year(req: Request) async throws -> CalendarYear {
        try req.requireAny(APIProfilesController.readers)
        guard let y = req.parameters.get("year").flatMap(Int.init),
              let data = try await req.services.calendar.calendar(on: req.db, now: req.now).calendarYear(y) else { throw AppError.notFound }
        return data
    }

    @Sendable func addYear(req: Request) async throws -> Response {
        try req.require(.systemAdmin)
        guard let body = req.body.data, body.readableBytes > 0 else { throw AppError("MALFORMED_BODY", .badRequest, "请求体为空") }
        let year: CalendarYear
        do {
            year = try CalendarYear.decode(json: Data(body.readableBytesView))
        } catch let e as CalendarDataError {
            throw AppError("CALENDAR_DATA_INVALID", .unprocessableEntity, e.message)
        }
        try await CalendarQueries.add(year, req: req)
        return try await year.encodeResponse(status: .created, for: req)
    }

    @Sendable func deadline(req: Request) async throws -> DeadlineResult {
        try req.requireAny(APIProfilesController.readers)
        let start = try CalendarQueries.dateQuery(req, "start")
        guard let value = try? req.query.get(Int.self, at: "value") else {
            throw AppError.validation("value", "须为 0 至 3660 的整数", code: "required")
        }
        let unitRaw = (try? req.query.get(String.self, at: "unit")) ?? ""
        guard let unit = DeadlineUnit(rawValue: unitRaw) else {
            throw AppError.validation("unit", "须为“日”或“工作日”")
        }
        let calendar = try await req.services.calendar.calendar(on: req.db, now: req.now)
        do {
            return try calendar.deadline(value: value, unit: unit, from: start)
        } catch {
            throw AppError.validation("value", "须为 0 至 \(WorkCalendar.maximumPeriod) 的整数")
        }
    }

    @Sendable func workingDays(req: Request) async throws -> WorkingDayCount {
        try req.requireAny(APIProfilesController.readers)
        let from = try CalendarQueries.dateQuery(req, "from")
        let to = try CalendarQueries.dateQuery(req, "to")
        guard to.dayNumber - from.dayNumber <= WorkCalendar.maximumPeriod else {
            throw AppError.validation("to", "区间不得超过 \(WorkCalendar.maximumPeriod) 天")
        }
        return try await req.services.calendar.calendar(on: req.db, now: req.now).workingDays(from: from, to: to)
    }
}

extension WorkingDayCount: Content {}
