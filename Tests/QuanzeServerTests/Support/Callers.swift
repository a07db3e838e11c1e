import Fluent
import Foundation
import NIOHTTP1
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// A signed-in browser: its session cookie and CSRF token.
struct BrowserSession: Sendable {
    let cookie: String
    let csrf: String

    var headers: HTTPHeaders {
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .cookie, value: "\(Cookies.session)=\(cookie)")
        return h
    }
}

extension Application {
    /// Signs in through the login form (with its pre-session CSRF cookie) and returns the session.
    func signIn(_ username: String, password: String = DemoData.password) async throws -> BrowserSession {
        var preCookie = ""
        try await testing().test(.GET, "/console/login") { res in
            preCookie = res.headers.setCookie?[Cookies.preSessionCSRF]?.string ?? ""
        }
        var session = ""
        try await testing().test(.POST, "/console/login", beforeRequest: { req in
            req.headers.replaceOrAdd(name: .cookie, value: "\(Cookies.preSessionCSRF)=\(preCookie)")
            try req.content.encode(["username": username, "password": password, "_csrf": preCookie], as: .urlEncodedForm)
        }, afterResponse: { res in
            #expect(res.status == .seeOther, "login of \(username) failed: \(res.status) \(res.body.string.prefix(300))")
            session = res.headers.setCookie?[Cookies.session]?.string ?? ""
        })
        let csrf = try await sessionCSRF(cookie: session)
        return BrowserSession(cookie: session, csrf: csrf)
    }

    private func sessionCSRF(cookie: String) async throws -> String {
        let hash = TokenDigest.sha256Hex(cookie)
        guard let s = try await UserSession.query(on: db).filter(\.$tokenHash == hash).first() else {
            Issue.record("no session row for cookie")
            return ""
        }
        return s.csrfToken
    }

    /// Gets an API token for a demo account.
    func token(_ username: String, password: String = DemoData.password) async throws -> String {
        var token = ""
        try await testing().test(.POST, "/api/v1/auth/token", beforeRequest: { req in
            try req.content.encode(["username": username, "password": password], as: .json)
        }, afterResponse: { res in
            #expect(res.status == .created, "token for \(username): \(res.status) \(res.body.string.prefix(300))")
            token = (try? res.content.get(String.self, at: "token")) ?? ""
        })
        return token
    }

    /// Sends a JSON body with a bearer token and returns the response.
    func send(_ method: HTTPMethod, _ path: String, _ token: String, _ body: String = "{}") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders.bearer(token)
        headers.contentType = .json
        var out: TestingHTTPResponse?
        try await testing().test(method, path, headers: headers, body: ByteBuffer(string: body)) { out = $0 }
        return try #require(out)
    }

    func userID(_ username: String) async throws -> UUID {
        try #require(try await User.query(on: db).filter(\.$username == username).first()?.id)
    }
}

extension HTTPHeaders {
    static func bearer(_ token: String) -> HTTPHeaders {
        var h = HTTPHeaders()
        h.bearerAuthorization = BearerAuthorization(token: token)
        return h
    }
}

extension TestingHTTPResponse {
    /// The stable error code of a JSON error response.
    var errorCode: String? { try? content.get(String.self, at: "error", "code") }
}
