import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("Role grants: 三员分立, scope, no self-grants")
struct RoleGrantTests {
    func put(_ app: Application, _ token: String, user: UUID, role: Role) async throws -> (HTTPStatus, String?) {
        var out: (HTTPStatus, String?) = (.ok, nil)
        try await app.testing().test(.PUT, "/api/v1/users/\(user)/roles/\(role.rawValue)", headers: .bearer(token)) { res in
            out = (res.status, res.errorCode)
        }
        return out
    }

    @Test("giving an administrator a second administrator role is refused and audited")
    func twoAdminRoles() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("secadmin")
            let sysadmin = try await app.userID("sysadmin")
            let result = try await put(app, token, user: sysadmin, role: .auditAdmin)
            #expect(result == (.conflict, "ADMIN_ROLE_CONFLICT"))
            #expect(try await RoleService.roles(of: sysadmin, on: app.db) == [.systemAdmin])
            let entry = try #require(try await app.audits(.roleGrant).first)
            #expect(entry.outcome == "denied")
            #expect(entry.detail?.contains("ADMIN_ROLE_CONFLICT") == true)
        }
    }

    @Test("an administrator role with a business role is refused")
    func adminAndBusiness() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("secadmin")
            #expect(try await put(app, token, user: try await app.userID("supervisor1"), role: .auditAdmin).1 == "ADMIN_BUSINESS_CONFLICT")
        }
    }

    @Test("a business role needs its scope; granting and revoking works and is audited")
    func grantAndRevoke() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("secadmin")
            let newstaff = try await app.userID("newstaff")   // belongs to 卫健委 in the demo city
            #expect(try await put(app, token, user: newstaff, role: .officer).0 == .ok)
            #expect(try await put(app, token, user: newstaff, role: .supervisor).0 == .ok)
            let sysToken = try await app.token("sysadmin")
            try await app.testing().test(.POST, "/api/v1/users", headers: .bearer(sysToken), beforeRequest: { req in
                try req.content.encode(["username": "noscope", "displayName": "无范围"], as: .json)
            }, afterResponse: { res in #expect(res.status == .created) })
            #expect(try await put(app, token, user: try await app.userID("noscope"), role: .legalOfficer).1 == "ROLE_SCOPE_MISSING")
            try await app.testing().test(.DELETE, "/api/v1/users/\(newstaff)/roles/officer", headers: .bearer(token)) { res in
                #expect((try? res.content.decode(RoleListDTO.self).roles) == [.supervisor])
            }
            #expect(try await app.audits(.roleGrant).filter { $0.outcome == "success" }.count == 2)
            #expect(try await app.audits(.roleRevoke).count == 1)
        }
    }

    @Test("a 安全管理员 cannot grant roles to itself")
    func selfGrant() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("secadmin")
            #expect(try await put(app, token, user: try await app.userID("secadmin"), role: .reviewer).1 == "SELF_GRANT_FORBIDDEN")
        }
    }

    @Test("the console shows the refusal in Chinese")
    func consoleRefusal() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("secadmin")
            let sysadmin = try await app.userID("sysadmin")
            try await app.testing().test(.POST, "/console/users/\(sysadmin)/roles", headers: s.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": s.csrf, "role": "security_admin"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("role=\"alert\""))
                #expect(res.body.string.contains("安全管理员"))
            })
        }
    }
}
