import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("Bad input gets a clear refusal with a stable code")
struct ErrorHandlingTests {
    func post(_ app: Application, _ path: String, token: String?, body: String, contentType: HTTPMediaType = .json) async throws -> TestingHTTPResponse {
        var headers = token.map(HTTPHeaders.bearer) ?? HTTPHeaders()
        headers.contentType = contentType
        var out: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { res in out = res }
        return try #require(out)
    }

    @Test("unknown field → 400 UNKNOWN_FIELD naming it; wrong type → 422 naming the field; missing → 422")
    func fields() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("sysadmin")
            let unknown = try await post(app, "/api/v1/users", token: token, body: #"{"username":"abc","displayName":"甲","isAdmin":true}"#)
            #expect(unknown.status == .badRequest)
            #expect(unknown.errorCode == "UNKNOWN_FIELD")
            #expect(unknown.body.string.contains("isAdmin"))
            let wrongType = try await post(app, "/api/v1/users", token: token, body: #"{"username":123,"displayName":"甲"}"#)
            #expect(wrongType.status == .unprocessableEntity)
            #expect((try? wrongType.content.get(String.self, at: "error", "details", "field")) == "username")
            let missing = try await post(app, "/api/v1/users", token: token, body: #"{"username":"abc"}"#)
            #expect((try? missing.content.get(String.self, at: "error", "details", "field")) == "displayName")
            let invalid = try await post(app, "/api/v1/users", token: token, body: #"{"username":"A b","displayName":"甲","phone":"123"}"#)
            #expect(invalid.status == .unprocessableEntity)
            let fields = (try? invalid.content.get([FieldProblem].self, at: "error", "details", "problems"))?.map(\.field)
            #expect(fields == ["username", "phone"])
            let null = try await post(app, "/api/v1/users", token: token, body: #"{"username":"abc","displayName":"甲","phone":null}"#)
            #expect((try? null.content.get(String.self, at: "error", "details", "field")) == "phone")
            let control = try await post(app, "/api/v1/me/tokens", token: token, body: "{\"name\":\"a\\u0007b\"}")
            #expect((try? control.content.get(String.self, at: "error", "details", "problems", 0, "code")) == "control_character")
            #expect(try await app.audits(.requestRejected).count == 6)
        }
    }

    @Test("malformed JSON → 400 MALFORMED_BODY; wrong media type → 415; oversize body → 413")
    func bodies() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("sysadmin")
            #expect(try await post(app, "/api/v1/users", token: token, body: "{not json").errorCode == "MALFORMED_BODY")
            #expect(try await post(app, "/api/v1/users", token: token, body: "a=b", contentType: .urlEncodedForm).status == .unsupportedMediaType)
            // The body limit applies where the server collects the body from the socket, so this part
            // runs over a real connection.
            let big = String(repeating: "x", count: 300_000)
            var headers = HTTPHeaders.bearer(token)
            headers.contentType = .json
            try await app.testing(method: .running(port: Int.random(in: 30_000...60_000))).test(
                .POST, "/api/v1/users", headers: headers, body: ByteBuffer(string: #"{"username":"\#(big)"}"#)) { res in
                #expect(res.status == .payloadTooLarge)
                #expect(res.errorCode == "BODY_TOO_LARGE")
            }
        }
    }

    @Test("an undeclared method on a known path → 405 with Allow; an unknown path → 404 in JSON")
    func methods() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.DELETE, "/api/v1/profiles") { res in
                #expect(res.status == .methodNotAllowed)
                #expect(res.headers.first(name: .allow) == "GET")
                #expect(res.errorCode == "METHOD_NOT_ALLOWED")
            }
            try await app.testing().test(.GET, "/api/v1/nothing-here") { res in
                #expect(res.status == .notFound)
                #expect(res.errorCode == "NOT_FOUND")
            }
        }
    }

    @Test("pages show a Chinese error page; 403 says 无权访问")
    func pages() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("officer.amr1")
            try await app.testing().test(.GET, "/console/audit", headers: s.headers) { res in
                #expect(res.status == .forbidden)
                #expect(res.headers.contentType == .html)
                #expect(res.body.string.contains("<h1>无权访问</h1>"))
                #expect(res.body.string.contains("FORBIDDEN"))
            }
            try await app.testing().test(.GET, "/no/such/page") { res in
                #expect(res.body.string.contains("页面不存在"))
            }
        }
    }

    @Test("a failed multi-row change leaves nothing half-written")
    func transactional() async throws {
        try await withTestApp { app, _ in
            let before = try await User.query(on: app.db).count()
            let token = try await app.token("sysadmin")
            // A duplicate username is refused before anything is written.
            let dup = try await post(app, "/api/v1/users", token: token, body: #"{"username":"sysadmin","displayName":"重复"}"#)
            #expect(dup.errorCode == "USERNAME_TAKEN")
            #expect(try await User.query(on: app.db).count() == before)
            // Inside a transaction, a failure after the first write rolls the write back.
            await #expect(throws: (any Error).self) {
                try await app.db.transaction { tx in
                    try await User(username: "half", displayName: "半", passwordHash: "x", jurisdictionID: nil, agencyID: nil,
                                   mustChangePassword: true).create(on: tx)
                    try await RoleGrant(userID: UUID(), role: .officer, grantedBy: nil).create(on: tx)   // no such user: FK fails
                }
            }
            #expect(try await User.query(on: app.db).filter(\.$username == "half").count() == 0)
        }
    }
}
