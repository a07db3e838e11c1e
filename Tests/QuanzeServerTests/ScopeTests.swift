import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("Scope: a caller outside scope gets 403, never another body's data")
struct ScopeTests {
    /// A second city with one body and a supervisor, to test cross-jurisdiction refusals.
    static func addOtherCity(_ app: Application) async throws -> (agency: UUID, supervisor: String) {
        let j = Jurisdiction(regionCode: "220200", name: "吉林市", governmentName: "吉林市人民政府",
                             legalOfficeName: "吉林市司法局", profileID: "jilin")
        try await j.create(on: app.db)
        let a = Agency(jurisdictionID: try j.requireID(), name: "吉林市市场监督管理局", uscc: nil, kind: .statutoryOrgan,
                       level: "市级", managementMode: .territorial)
        try await a.create(on: app.db)
        let u = User(username: "supervisor.jl", displayName: "吉林监督", passwordHash: try await app.password.async.hash(DemoData.password),
                     jurisdictionID: try j.requireID(), agencyID: nil, mustChangePassword: false)
        try await u.create(on: app.db)
        try await RoleGrant(userID: try u.requireID(), role: .supervisor, grantedBy: nil).create(on: app.db)
        return (try a.requireID(), "supervisor.jl")
    }

    @Test("a 法制员 reads its own body and gets OUT_OF_SCOPE for another body")
    func legalOfficer() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            try await app.testing().test(.GET, "/api/v1/agencies/\(DemoIDs.uuid("agency:amr"))", headers: .bearer(token)) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("长春市市场监督管理局"))
            }
            try await app.testing().test(.GET, "/api/v1/agencies/\(DemoIDs.uuid("agency:eco"))", headers: .bearer(token)) { res in
                #expect(res.status == .forbidden)
                #expect(res.errorCode == "OUT_OF_SCOPE")
                #expect(!res.body.string.contains("生态环境局"))
            }
            try await app.testing().test(.GET, "/api/v1/agencies", headers: .bearer(token)) { res in
                let names = try res.content.decode([AgencyDTO].self).map(\.name)
                #expect(names == ["长春市市场监督管理局"])
            }
            #expect(try await app.audits(.accessDenied).first?.actorName == "legal.amr")
        }
    }

    @Test("a 执法人员 of one body cannot read another body")
    func officer() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("officer.eco1")
            try await app.testing().test(.GET, "/api/v1/agencies/\(DemoIDs.uuid("agency:amr"))", headers: .bearer(token)) { res in
                #expect(res.errorCode == "OUT_OF_SCOPE")
            }
        }
    }

    @Test("a 监督员 sees its whole jurisdiction and nothing of another city")
    func supervisor() async throws {
        try await withTestApp { app, _ in
            let other = try await Self.addOtherCity(app)
            let token = try await app.token("supervisor1")
            try await app.testing().test(.GET, "/api/v1/agencies", headers: .bearer(token)) { res in
                let list = try res.content.decode([AgencyDTO].self)
                #expect(list.count == DemoAgencies.rows.count)
                #expect(!list.contains { $0.name.hasPrefix("吉林市") })
            }
            try await app.testing().test(.GET, "/api/v1/agencies/\(other.agency)", headers: .bearer(token)) { res in
                #expect(res.errorCode == "OUT_OF_SCOPE")
            }
            let otherToken = try await app.token(other.supervisor)
            try await app.testing().test(.GET, "/api/v1/agencies/\(DemoIDs.uuid("agency:amr"))", headers: .bearer(otherToken)) { res in
                #expect(res.errorCode == "OUT_OF_SCOPE")
            }
            try await app.testing().test(.GET, "/api/v1/jurisdictions", headers: .bearer(otherToken)) { res in
                #expect((try? res.content.decode([JurisdictionDTO].self).map(\.name)) == ["吉林市"])
            }
            let s = try await app.signIn(other.supervisor)
            try await app.testing().test(.GET, "/console/agencies", headers: s.headers) { res in
                #expect(res.body.string.contains("吉林市市场监督管理局"))
                #expect(!res.body.string.contains("长春市"))
            }
        }
    }
}
