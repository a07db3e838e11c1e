import Fluent
import QuanzeCore
import Vapor

/// 执法主体, 辖区与规则, 规则配置 and 工作日历 pages.
struct ReferencePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let console = routes.grouped("console")
        console.get("agencies", use: agencies)
        console.get("jurisdictions", use: jurisdictions)
        console.post("jurisdictions", use: createJurisdiction)
        console.post("jurisdictions", ":jurisdictionID", "profile", use: chooseProfile)
        console.get("profiles", use: profiles)
        console.get("profiles", "compare", use: compareProfiles)
        console.get("profiles", ":profileID", use: profile)
        console.get("calendar", use: calendar)
        console.post("calendar", use: addYear)
    }

    @Sendable func agencies(req: Request) async throws -> Response {
        let p = try req.require(.systemAdmin, .supervisor, .reviewer, .legalOfficer, .officer)
        let list = try await AgencyQueries.scoped(for: p, on: req.db).sort(\.$name).all()
        return AgenciesPage(principal: p, agencies: list).render().response()
    }

    @Sendable func jurisdictions(req: Request) async throws -> Response {
        try await jurisdictionsPage(req, message: nil)
    }

    struct ProfileForm: Content { var profileId: String? }

    @Sendable func chooseProfile(req: Request) async throws -> Response {
        try req.require(.systemAdmin)
        let form = try req.content.decode(ProfileForm.self)
        guard let j = try await Jurisdiction.find(try req.uuidParameter("jurisdictionID"), on: req.db) else { throw AppError.notFound }
        try await ProfileAssignment.assign(form.profileId ?? "", to: j, req: req)
        return try await jurisdictionsPage(req, message: "\(j.name)的规则配置已设为 \(j.profileID)。")
    }

    struct JurisdictionForm: Content {
        var regionCode: String?
        var name: String?
        var governmentName: String?
        var legalOfficeName: String?
        var profileId: String?
    }

    @Sendable func createJurisdiction(req: Request) async throws -> Response {
        try req.require(.systemAdmin)
        let f = try req.content.decode(JurisdictionForm.self)
        do {
            let j = try await JurisdictionService.create(.init(regionCode: f.regionCode ?? "", name: f.name ?? "",
                                                               governmentName: f.governmentName ?? "", legalOfficeName: f.legalOfficeName ?? "",
                                                               profileID: f.profileId ?? ""), req: req)
            return try await jurisdictionsPage(req, message: "已登记辖区：\(j.governmentName)。")
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            return try await jurisdictionsPage(req, message: nil, error: e.message, status: e.status)
        }
    }

    private func jurisdictionsPage(_ req: Request, message: String?, error: String? = nil,
                                   status: HTTPResponseStatus = .ok) async throws -> Response {
        let p = try req.require(.systemAdmin, .supervisor, .reviewer)
        let q = Jurisdiction.query(on: req.db).sort(\.$name)
        if !p.has(.systemAdmin) { q.filter(\.$id == (p.jurisdictionID ?? UUID())) }
        return JurisdictionsPage(principal: p, jurisdictions: try await q.all(), profiles: req.services.profiles.all,
                                 message: message, error: error).render().response(status: status)
    }

    @Sendable func profiles(req: Request) async throws -> Response {
        let p = try req.requireAny(APIProfilesController.readers)
        let used = Dictionary(grouping: try await Jurisdiction.query(on: req.db).all(), by: \.profileID).mapValues { $0.map(\.name) }
        return ProfilesPage(principal: p, profiles: req.services.profiles.all, usedBy: used).render().response()
    }

    /// Two profiles side by side; without a query, the form (the API's validation otherwise).
    @Sendable func compareProfiles(req: Request) async throws -> Response {
        let p = try req.requireAny(APIProfilesController.readers)
        let all = req.services.profiles.all
        guard !(req.url.query ?? "").isEmpty else {
            return ProfileComparePage(principal: p, profiles: all, comparison: nil).render().response()
        }
        let (left, right) = try ProfileCompareQuery.resolve(req)
        return ProfileComparePage(principal: p, profiles: all, comparison: ProfileComparison(left: left, right: right)).render().response()
    }

    @Sendable func profile(req: Request) async throws -> Response {
        let p = try req.requireAny(APIProfilesController.readers)
        guard let profile = req.services.profiles.effective(id: req.parameters.get("profileID") ?? "") else { throw AppError.notFound }
        return ProfilePage(principal: p, profile: profile).render().response()
    }

    @Sendable func calendar(req: Request) async throws -> Response {
        try await calendarPage(req).render().response()
    }

    struct YearForm: Content { var yearJSON: String? }

    @Sendable func addYear(req: Request) async throws -> Response {
        try req.require(.systemAdmin)
        let json = try req.content.decode(YearForm.self).yearJSON ?? ""
        do {
            let year: CalendarYear
            do {
                year = try CalendarYear.decode(json: Data(json.utf8))
            } catch let e as CalendarDataError {
                throw AppError("CALENDAR_DATA_INVALID", .unprocessableEntity, e.message)
            }
            try await CalendarQueries.add(year, req: req)
            var page = try await calendarPage(req)
            page.message = "已录入 \(year.year) 年放假安排（\(year.notice)）。"
            return page.render().response()
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            var page = try await calendarPage(req)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    private func calendarPage(_ req: Request) async throws -> CalendarPage {
        let p = try req.requireAny(APIProfilesController.readers)
        let cal = try await req.services.calendar.calendar(on: req.db, now: req.now)
        let year = (try? req.query.get(Int.self, at: "year")).flatMap { (2000...2199).contains($0) ? $0 : nil }
            ?? LocalDate(instant: req.now).year
        var page = CalendarPage(principal: p, calendar: cal, year: year, years: try await CalendarQueries.summaries(req))
        if req.method == .GET, let startRaw = try? req.query.get(String.self, at: "start") {
            let valueRaw = (try? req.query.get(String.self, at: "value")) ?? ""
            let unitRaw = (try? req.query.get(String.self, at: "unit")) ?? DeadlineUnit.calendarDays.rawValue
            page.calc = ["start": startRaw, "value": valueRaw, "unit": unitRaw]
            if let start = LocalDate(iso: startRaw), let value = Int(valueRaw), let unit = DeadlineUnit(rawValue: unitRaw),
               let r = try? cal.deadline(value: value, unit: unit, from: start) {
                page.result = r
            } else {
                page.error = "请填写有效的起算日（YYYY-MM-DD）和 0 至 \(WorkCalendar.maximumPeriod) 的期限。"
            }
        }
        return page
    }
}
