import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("Calendar and rule profile API")
struct CalendarAndProfileAPITests {
    func deadline(_ app: Application, _ token: String, start: String, value: Int, unit: DeadlineUnit) async throws -> DeadlineResult? {
        var out: DeadlineResult?
        let u = unit.rawValue.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await app.testing().test(.GET, "/api/v1/calendar/deadline?start=\(start)&value=\(value)&unit=\(u)", headers: .bearer(token)) { res in
            out = try? res.content.decode(DeadlineResult.self)
        }
        return out
    }

    @Test("deadlines on real dates, with the rule cited; a year without data is provisional until its notice is added")
    func deadlines() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("supervisor1")
            // 行政处罚法 第六十一条: serve within 7 working days. From Thu 2026-02-12: 02-13 (1), Sat 02-14 调休 (2),
            // 春节 02-15…02-23 off, 02-24…02-27 (3–6), Sat 02-28 调休 (7) — 国办发明电〔2025〕7号.
            let spring = try #require(try await deadline(app, token, start: "2026-02-12", value: 7, unit: .workingDays))
            #expect(spring.date.iso == "2026-02-28")
            #expect(!spring.provisional)
            // 15 calendar days ending on Sunday 2026-12-27 move to Monday 2026-12-28.
            let calendarDays = try #require(try await deadline(app, token, start: "2026-12-12", value: 15, unit: .calendarDays))
            #expect(calendarDays.date.iso == "2026-12-28")
            #expect(calendarDays.rule.document == "民事诉讼法")
            let into2027 = try #require(try await deadline(app, token, start: "2026-12-20", value: 20, unit: .workingDays))
            #expect(into2027.provisional)
            #expect(into2027.uncoveredYears == [2027])

            let sys = try await app.token("sysadmin")
            let year2027 = #"{"year":2027,"notice":"测试用：2027年放假安排","holidays":[{"date":"2027-01-01","name":"元旦"}],"workingWeekends":[]}"#
            var headers = HTTPHeaders.bearer(sys)
            headers.contentType = .json
            try await app.testing().test(.POST, "/api/v1/calendar/years", headers: headers, body: ByteBuffer(string: year2027)) { res in
                #expect(res.status == .created)
            }
            let after = try #require(try await deadline(app, token, start: "2026-12-20", value: 20, unit: .workingDays))
            #expect(!after.provisional)
            #expect(try await app.audits(.calendarYearAdd).count == 1)
            let bundled = #"{"year":2025,"notice":"x","holidays":[{"date":"2025-01-01","name":"元旦"}],"workingWeekends":[]}"#
            try await app.testing().test(.POST, "/api/v1/calendar/years", headers: headers, body: ByteBuffer(string: bundled)) { res in
                #expect(res.errorCode == "CALENDAR_YEAR_BUNDLED")
            }
            let bad = #"{"year":2028,"notice":"x","holidays":[],"workingWeekends":[{"date":"2028-03-01","name":"x"}]}"#
            try await app.testing().test(.POST, "/api/v1/calendar/years", headers: headers, body: ByteBuffer(string: bad)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.errorCode == "CALENDAR_DATA_INVALID")
            }
        }
    }

    @Test("profiles are listed and shown with sources; a government chooses its profile (audited)")
    func profiles() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("supervisor1")
            try await app.testing().test(.GET, "/api/v1/profiles/national", headers: .bearer(token)) { res in
                let p = try? res.content.decode(EffectiveProfile.self)
                let fine = p?.deadline("penalty_decision")
                #expect(p?.deadlines.allSatisfy { !$0.entry.source.article.isEmpty } == true)
                #expect(fine == nil || fine?.entry.source.document == "行政处罚法")
            }
            try await app.testing().test(.GET, "/api/v1/profiles/nowhere", headers: .bearer(token)) { res in #expect(res.status == .notFound) }
            let sys = try await app.token("sysadmin")
            let j = try #require(try await Jurisdiction.query(on: app.db).first()?.id)
            var headers = HTTPHeaders.bearer(sys)
            headers.contentType = .json
            try await app.testing().test(.PUT, "/api/v1/jurisdictions/\(j)/profile", headers: headers, body: ByteBuffer(string: #"{"profileId":"national"}"#)) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.PUT, "/api/v1/jurisdictions/\(j)/profile", headers: headers, body: ByteBuffer(string: #"{"profileId":"atlantis"}"#)) { res in
                #expect(res.status == .unprocessableEntity)
            }
            #expect(try await Jurisdiction.find(j, on: app.db)?.profileID == "national")
            #expect(try await app.audits(.profileAssign).count == 1)
            // A new government is registered by the 系统管理员 (a fresh deployment's first step).
            let body = #"{"regionCode":"220200","name":"吉林市","governmentName":"吉林市人民政府","legalOfficeName":"吉林市司法局","profileId":"jilin"}"#
            try await app.testing().test(.POST, "/api/v1/jurisdictions", headers: headers, body: ByteBuffer(string: body)) { res in
                #expect(res.status == .created)
                #expect((try? res.content.get(String.self, at: "profileId")) == "jilin")
            }
            try await app.testing().test(.POST, "/api/v1/jurisdictions", headers: headers, body: ByteBuffer(string: body)) { res in
                #expect(res.errorCode == "REGION_CODE_TAKEN")
            }
            let bad = #"{"regionCode":"22","name":" ","governmentName":"x","legalOfficeName":"y","profileId":"national"}"#
            try await app.testing().test(.POST, "/api/v1/jurisdictions", headers: headers, body: ByteBuffer(string: bad)) { res in
                let fields = (try? res.content.get([FieldProblem].self, at: "error", "details", "problems"))?.map(\.field)
                #expect(fields == ["regionCode", "name"])
            }
            #expect(try await app.audits(.jurisdictionCreate).count == 1)
        }
    }
}

import Fluent
