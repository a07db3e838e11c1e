import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("Pages: portal, workbench, profile sources, calendar")
struct PageTests {
    func page(_ app: Application, _ path: String, as user: String? = nil) async throws -> String {
        var headers = HTTPHeaders()
        if let user { headers = try await app.signIn(user).headers }
        var body = ""
        try await app.testing().test(.GET, path, headers: headers) { res in
            #expect(res.status == .ok, "\(path): \(res.status)")
            body = res.body.string
        }
        return body
    }

    @Test("the public portal lists the bodies without signing in")
    func portal() async throws {
        try await withTestApp { app, _ in
            let home = try await page(app, "/")
            #expect(home.contains("<html lang=\"zh\">"))
            #expect(home.contains("行政执法公示"))
            #expect(home.contains("长春市人民政府"))
            let list = try await page(app, "/agencies")
            #expect(list.contains("长春市城市管理行政执法局"))
            #expect(list.contains("相对集中行使处罚权的组织"))
        }
    }

    @Test("the navigation shows only the modules the role may use")
    func navigation() async throws {
        try await withTestApp { app, _ in
            let sys = try await page(app, "/console", as: "sysadmin")
            #expect(sys.contains("aria-label=\"主导航\""))
            #expect(sys.contains(">用户管理<"))
            #expect(!sys.contains(">安全审计<"))
            let audit = try await page(app, "/console", as: "auditadmin")
            #expect(audit.contains(">安全审计<"))
            #expect(!audit.contains(">用户管理<"))
            #expect(!audit.contains(">规则配置<"))
            let officer = try await page(app, "/console", as: "officer.amr1")
            #expect(!officer.contains(">用户管理<"))
            #expect(officer.contains("本单位执法人员账号"))
        }
    }

    @Test("the profile page shows every rule with its source (seed file + article)")
    func profileSources() async throws {
        try await withTestApp { app, _ in
            let national = try await page(app, "/console/profiles/national", as: "supervisor1")
            #expect(national.contains("规则配置："))
            #expect(national.contains("依据：行政处罚法 第六十条"))
            #expect(national.contains("000_e748949df243188f.txt") || national.contains("003_70cd4ff1a2ae84d9.txt"))
            let jilin = try await page(app, "/console/profiles/jilin", as: "supervisor1")
            #expect(jilin.contains("001_0f2d1a5e9a94fac7.txt"))
            #expect(jilin.contains("继承自 national"))
            #expect(jilin.contains("1个月"))
        }
    }

    @Test("the calendar computes a deadline over the 2025 国庆 break and shows its legal source")
    func calendarPage() async throws {
        try await withTestApp { app, _ in
            let value = "5".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let unit = "工作日".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let body = try await page(app, "/console/calendar?year=2026&start=2025-09-30&value=\(value)&unit=\(unit)", as: "legal.amr")
            #expect(body.contains("届满日：2025-10-14"))
            #expect(body.contains("依据：行政处罚法 第八十五条"))
            #expect(body.contains("2026 年 2 月"))
            #expect(body.contains("2026-02-14 调休上班"))
        }
    }

    @Test("the account page masks the phone and shows role and scope")
    func account() async throws {
        try await withTestApp { app, _ in
            let body = try await page(app, "/console/account", as: "officer.amr1")
            #expect(body.contains("139****0102"))
            #expect(!body.contains("13904310102"))
            #expect(body.contains("长春市市场监督管理局（本单位）"))
        }
    }
}
