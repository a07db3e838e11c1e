import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("Account administration (系统管理员) and the security policy (安全管理员)")
struct AccountAdminTests {
    @Test("create → initial password shown once, must change; list masks phones; disable ends sessions")
    func lifecycle() async throws {
        try await withTestApp(demoMode: true) { app, _ in
            let sys = try await app.token("sysadmin")
            var headers = HTTPHeaders.bearer(sys)
            headers.contentType = .json
            var initial = ""
            try await app.testing().test(.POST, "/api/v1/users", headers: headers,
                                         body: ByteBuffer(string: #"{"username":"zhang.san","displayName":"张三","phone":"13812345678"}"#)) { res in
                #expect(res.status == .created)
                initial = (try? res.content.get(String.self, at: "initialPassword")) ?? ""
                #expect((try? res.content.get(Bool.self, at: "user", "mustChangePassword")) == true)
            }
            #expect(initial.count >= 8)
            try await app.testing().test(.GET, "/api/v1/users?q=zhang", headers: .bearer(sys)) { res in
                #expect(res.body.string.contains("138****5678"))
                #expect(!res.body.string.contains("13812345678"))
            }
            // Search is case-insensitive and treats % and _ literally, on both databases.
            try await app.testing().test(.GET, "/api/v1/users?q=ZHANG", headers: .bearer(sys)) { res in
                #expect((try? res.content.get(Int.self, at: "page", "total")) == 1)
            }
            try await app.testing().test(.GET, "/api/v1/users?q=%25", headers: .bearer(sys)) { res in
                #expect((try? res.content.get(Int.self, at: "page", "total")) == 0)
            }
            try await app.testing().test(.GET, "/api/v1/users?q=legal.", headers: .bearer(sys)) { res in
                #expect((try? res.content.get(Int.self, at: "page", "total")) == 5)   // 4 in 长春, 1 in 通州
            }
            let created = try await app.audits(.accountCreate).first
            #expect(created?.target == "zhang.san")
            #expect(created?.detail?.contains("13812345678") != true)
            // The new account signs in with its initial password and is sent to change it.
            let s = try await app.signIn("zhang.san", password: initial)
            let id = try await app.userID("zhang.san")
            try await app.testing().test(.PATCH, "/api/v1/users/\(id)", headers: headers, body: ByteBuffer(string: #"{"disabled":true}"#)) { res in
                #expect((try? res.content.get(Bool.self, at: "disabled")) == true)
            }
            try await app.testing().test(.GET, "/api/v1/me", headers: s.headers) { res in #expect(res.status == .unauthorized) }
            try await app.testing().test(.POST, "/api/v1/users/\(id)/reset-password", headers: .bearer(sys)) { res in
                #expect(((try? res.content.get(String.self, at: "initialPassword")) ?? "").count >= 8)
            }
            #expect(try await app.audits(.accountPasswordReset).count == 1)
        }
    }

    @Test("clearing a scope a held role needs is refused; otherwise it is cleared and audited")
    func clearScope() async throws {
        try await withTestApp { app, _ in
            let sys = try await app.token("sysadmin")
            var headers = HTTPHeaders.bearer(sys)
            headers.contentType = .json
            let officer = try await app.userID("officer.amr1")
            try await app.testing().test(.PATCH, "/api/v1/users/\(officer)", headers: headers, body: ByteBuffer(string: #"{"clearAgency":true}"#)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect((try? res.content.get(String.self, at: "error", "details", "problems", 0, "code")) == "required_by_role")
            }
            #expect(try await User.find(officer, on: app.db)?.$agency.id == DemoIDs.uuid("agency:amr"))
            let newstaff = try await app.userID("newstaff")
            try await app.testing().test(.PATCH, "/api/v1/users/\(newstaff)", headers: headers, body: ByteBuffer(string: #"{"clearAgency":true}"#)) { res in
                #expect(res.status == .ok)
            }
            #expect(try await User.find(newstaff, on: app.db)?.$agency.id == nil)
            #expect(try await app.audits(.accountUpdate).first?.detail?.contains("所属范围") == true)
        }
    }

    @Test("the policy may be tightened but never weakened below the baseline")
    func policy() async throws {
        try await withTestApp { app, _ in
            let sec = try await app.token("secadmin")
            var headers = HTTPHeaders.bearer(sec)
            headers.contentType = .json
            let weaker = #"{"passwordMinLength":6,"passwordMinClasses":3,"lockoutThreshold":5,"lockoutMinutes":15,"idleTimeoutMinutes":30}"#
            try await app.testing().test(.PUT, "/api/v1/security-policy", headers: headers, body: ByteBuffer(string: weaker)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect((try? res.content.get(String.self, at: "error", "details", "field")) == "passwordMinLength")
            }
            let tighter = #"{"passwordMinLength":10,"passwordMinClasses":3,"lockoutThreshold":3,"lockoutMinutes":30,"idleTimeoutMinutes":15}"#
            try await app.testing().test(.PUT, "/api/v1/security-policy", headers: headers, body: ByteBuffer(string: tighter)) { res in
                #expect(res.status == .ok)
            }
            #expect(try await app.audits(.policyUpdate).count == 1)
            // The new threshold applies: three failures now lock.
            for _ in 1...3 {
                try await app.testing().test(.POST, "/api/v1/auth/token", beforeRequest: { req in
                    try req.content.encode(["username": "reviewer1", "password": "Wrong#2026x"], as: .json)
                })
            }
            #expect(try await User.query(on: app.db).filter(\.$username == "reviewer1").first()?.lockedUntil != nil)
        }
    }
}
