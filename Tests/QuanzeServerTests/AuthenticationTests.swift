import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("Sign-in, lockout, sessions, CSRF, tokens")
struct AuthenticationTests {
    @Test("login succeeds with the right password, is audited, and reaches the 工作台")
    func loginSuccess() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console", headers: s.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<h1>工作台</h1>"))
                #expect(res.body.string.contains("辖区执法主体"))
            }
            let entry = try #require(try await app.audits(.loginSuccess).first)
            #expect(entry.actorName == "supervisor1")
            #expect(entry.outcome == "success")
        }
    }

    @Test("wrong password shows 用户名或密码错误 and is audited as a failure")
    func wrongPassword() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.POST, "/api/v1/auth/token", beforeRequest: { req in
                try req.content.encode(["username": "supervisor1", "password": "Wrong#2026x"], as: .json)
            }, afterResponse: { res in
                #expect(res.status == .unauthorized)
                #expect(res.errorCode == "INVALID_CREDENTIALS")
                #expect(res.body.string.contains("用户名或密码错误"))
            })
            let entry = try #require(try await app.audits(.loginFailure).first)
            #expect(entry.target == "supervisor1")
            #expect(entry.outcome == "failure")
        }
    }

    @Test("5 failures lock the account for 15 minutes; the lock is audited and lifts at 15:00")
    func lockout() async throws {
        try await withTestApp { app, clock in
            func attempt(_ password: String) async throws -> (HTTPStatus, String?) {
                var out: (HTTPStatus, String?) = (.ok, nil)
                try await app.testing().test(.POST, "/api/v1/auth/token", beforeRequest: { req in
                    try req.content.encode(["username": "officer.amr1", "password": password], as: .json)
                }, afterResponse: { res in out = (res.status, res.errorCode) })
                return out
            }
            for _ in 1...4 { #expect(try await attempt("bad-Password1").1 == "INVALID_CREDENTIALS") }
            let fifth = try await attempt("bad-Password1")
            #expect(fifth.0 == .locked)
            #expect(fifth.1 == "ACCOUNT_LOCKED")
            #expect(try await app.audits(.accountLockout).count == 1)
            // The right password is refused while locked, and the refusal is audited.
            clock.advance(by: 14 * 60 + 59)
            #expect(try await attempt(DemoData.password).1 == "ACCOUNT_LOCKED")
            #expect(try await app.audits(.loginLocked).count == 1)
            clock.advance(by: 1)
            #expect(try await attempt(DemoData.password).0 == .created)
        }
    }

    @Test("parallel wrong passwords are all counted: exactly one lockout, no extra guesses")
    func parallelFailures() async throws {
        try await withTestApp { app, _ in
            let port = Int.random(in: 30_000...60_000)
            try await app.server.start(address: .hostname("127.0.0.1", port: port))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 1...8 {
                    group.addTask {
                        _ = try await app.client.post("http://127.0.0.1:\(port)/api/v1/auth/token") { req in
                            try req.content.encode(["username": "officer.amr2", "password": "bad-Password1"], as: .json)
                        }
                    }
                }
                try await group.waitForAll()
            }
            await app.server.shutdown()
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "officer.amr2").first())
            #expect(user.lockedUntil != nil)
            #expect(try await app.audits(.accountLockout).count == 1)
            // Failures counted before the lock (5) plus refusals while locked make up all 8 attempts.
            let failures = try await app.audits(.loginFailure).filter { $0.target == "officer.amr2" }.count
            let refusedWhileLocked = try await app.audits(.loginLocked).count
            #expect(failures == 5)
            #expect(failures + refusedWhileLocked == 8)
        }
    }

    @Test("a session idle for more than 30 minutes expires, is audited, and the page asks to sign in again")
    func idleTimeout() async throws {
        try await withTestApp { app, clock in
            let s = try await app.signIn("legal.amr")
            clock.advance(by: 29 * 60)
            try await app.testing().test(.GET, "/api/v1/me", headers: s.headers) { res in #expect(res.status == .ok) }
            clock.advance(by: 30 * 60 + 1)
            try await app.testing().test(.GET, "/api/v1/me", headers: s.headers) { res in
                #expect(res.status == .unauthorized)
                #expect(res.errorCode == "SESSION_EXPIRED")
            }
            #expect(try await app.audits(.sessionExpired).count == 1)
            // Dead sessions that are never used again are swept at the next sign-in of anyone.
            let other = try await app.signIn("legal.eco")
            clock.advance(by: 31 * 60)
            _ = try await app.signIn("officer.eco1")
            #expect(try await UserSession.query(on: app.db).filter(\.$tokenHash == TokenDigest.sha256Hex(other.cookie)).count() == 0)
            try await app.testing().test(.GET, "/console", headers: s.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/console/login") == true)
            }
        }
    }

    @Test("an account with an initial password must change it first; the policy is enforced")
    func forcedPasswordChange() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("newstaff")
            try await app.testing().test(.GET, "/console", headers: s.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/console/account/password")
            }
            try await app.testing().test(.GET, "/api/v1/me/dashboard", headers: s.headers) { res in
                #expect(res.errorCode == "PASSWORD_CHANGE_REQUIRED")
            }
            // Too weak: two character classes.
            var h = s.headers
            h.replaceOrAdd(name: "X-CSRF-Token", value: s.csrf)
            try await app.testing().test(.POST, "/api/v1/me/password", headers: h, beforeRequest: { req in
                try req.content.encode(["currentPassword": DemoData.password, "newPassword": "abcdefgh1"], as: .json)
            }, afterResponse: { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("too_few_classes"))
            })
            try await app.testing().test(.POST, "/api/v1/me/password", headers: h, beforeRequest: { req in
                try req.content.encode(["currentPassword": DemoData.password, "newPassword": "Xin-Gang2026"], as: .json)
            }, afterResponse: { res in #expect(res.status == .ok) })
            try await app.testing().test(.GET, "/console", headers: s.headers) { res in #expect(res.status == .ok) }
            #expect(try await app.audits(.passwordChange).first?.outcome == "success")
        }
    }

    @Test("demo accounts are refused outside demo mode")
    func demoAccountsRefused() async throws {
        try await withTestApp(demoMode: false) { app, _ in
            try await app.testing().test(.POST, "/api/v1/auth/token", beforeRequest: { req in
                try req.content.encode(["username": "sysadmin", "password": DemoData.password], as: .json)
            }, afterResponse: { res in
                #expect(res.status == .forbidden)
                #expect(res.errorCode == "DEMO_ACCOUNT_REFUSED")
            })
            #expect(try await app.audits(.loginFailure).first?.outcome == "denied")
        }
    }

    @Test("a form posted without the CSRF token is refused with CSRF_INVALID and audited")
    func csrfMissing() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("secadmin")
            try await app.testing().test(.POST, "/console/security-policy", headers: s.headers, beforeRequest: { req in
                try req.content.encode(["lockoutThreshold": "3"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("防伪令牌"))
            })
            try await app.testing().test(.POST, "/api/v1/me/tokens", headers: s.headers, beforeRequest: { req in
                try req.content.encode(["name": "x"], as: .json)
            }, afterResponse: { res in #expect(res.errorCode == "CSRF_INVALID") })
            #expect(try await app.audits(.csrfRejected).count == 2)
            // The login form needs its double-submit token too.
            try await app.testing().test(.POST, "/console/login", beforeRequest: { req in
                try req.content.encode(["username": "secadmin", "password": DemoData.password], as: .urlEncodedForm)
            }, afterResponse: { res in #expect(res.status == .forbidden) })
        }
    }

    @Test("logout ends the session (audited); the cookie no longer works")
    func logout() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("reviewer1")
            try await app.testing().test(.POST, "/console/logout", headers: s.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": s.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in #expect(res.status == .seeOther) })
            #expect(try await app.audits(.logout).first?.actorName == "reviewer1")
            try await app.testing().test(.GET, "/api/v1/me", headers: s.headers) { res in #expect(res.status == .unauthorized) }
        }
    }

    @Test("bearer tokens: a bad token is refused; a revoked token stops working")
    func tokens() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "/api/v1/me", headers: .bearer("not-a-token")) { res in
                #expect(res.status == .unauthorized)
                #expect(res.errorCode == "INVALID_TOKEN")
            }
            let token = try await app.token("officer.eco1")
            var id = ""
            try await app.testing().test(.GET, "/api/v1/me/tokens", headers: .bearer(token)) { res in
                id = (try? res.content.get(String.self, at: 0, "id")) ?? ""
            }
            try await app.testing().test(.DELETE, "/api/v1/me/tokens/\(id)", headers: .bearer(token)) { res in #expect(res.status == .ok) }
            try await app.testing().test(.GET, "/api/v1/me", headers: .bearer(token)) { res in #expect(res.status == .unauthorized) }
            #expect(try await app.audits(.tokenRevoke).count == 1)
        }
    }
}
