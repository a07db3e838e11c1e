import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// Two rule profiles side by side (issue 6 item 1), on the bundled henan, henan-yongcheng and
/// guizhou-education profiles; and the profile page's new columns.
@Suite("规则配置对照 profile comparison")
struct ProfileCompareTests {
    func row(_ c: ProfileComparison, _ section: String, _ code: String) -> ProfileComparison.Row? {
        c.sections.first { $0.key == section }?.rows.first { $0.code == code }
    }

    @Test("the API marks equal, different, only-left and only-right codes, with each side's source")
    func api() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("supervisor1")
            let res = try await app.send(.GET, "/api/v1/profiles/compare?left=henan&right=henan-yongcheng", token)
            #expect(res.status == .ok, "\(res.body.string.prefix(300))")
            let c = try res.content.decode(ProfileComparison.self)
            #expect(c.left.lineage == ["henan", "national"] && c.right.lineage == ["henan-yongcheng", "henan", "national"])
            // 永城 inherits 河南 第二十三条 unchanged.
            let decision = try #require(row(c, "deadlines", LiabilityCodes.decision))
            #expect(decision.status == .equal && decision.right?.inherited == true && decision.right?.origin == "henan")
            #expect(decision.left?.summary.contains("30日（可延长20日）") == true && decision.left?.source.article == "第二十三条")
            // 永城 六 rewrites 责令改正 for bodies; 五(三) adds 暂扣 with its effect.
            #expect(row(c, "catalogs.agencySanctions", "rectify_within_deadline")?.status == .different)
            let suspend = try #require(row(c, "catalogs.personSanctions", "suspend_certificate"))
            #expect(suspend.status == .onlyRight && suspend.left == nil && suspend.right?.effect == .suspendCertificate)
            #expect(suspend.right?.source.seed == "002_e33f53bb2a1e2b48.txt")
            #expect(row(c, "apportionment", "collective_decision")?.status == .equal)

            let g = try await app.send(.GET, "/api/v1/profiles/compare?left=henan&right=guizhou-education", token)
            let gc = try g.content.decode(ProfileComparison.self)
            let gd = try #require(row(gc, "deadlines", LiabilityCodes.decision))
            #expect(gd.status == .different && gd.right?.summary.hasPrefix("60日") == true && gd.right?.source.article == "第十五条")
            #expect(row(gc, "deadlines", LiabilityCodes.intake)?.status == .onlyLeft)
            let collective = try #require(row(gc, "apportionment", "collective_decision"))
            #expect(collective.status == .different && collective.left?.when == .collectiveDecision)
            #expect(collective.left?.summary == "支持错误意见者（相应）、持正确意见者（不承担）")
            #expect(row(gc, "apportionment", "head_liability")?.status == .onlyRight)
        }
    }

    @Test("the query is validated: missing or empty 400, unknown parameter 400, unknown profile 404")
    func validation() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            for (query, status, code) in [
                ("left=henan", HTTPStatus.badRequest, "PROFILE_COMPARE_PARAMETER_REQUIRED"),
                ("", .badRequest, "PROFILE_COMPARE_PARAMETER_REQUIRED"),
                ("left=&right=henan", .badRequest, "PROFILE_COMPARE_PARAMETER_REQUIRED"),
                ("left=henan&right=", .badRequest, "PROFILE_COMPARE_PARAMETER_REQUIRED"),
                ("left=henan&right=national&extra=1", .badRequest, "PROFILE_COMPARE_PARAMETER_UNKNOWN"),
                ("left=henan&right=atlantis", .notFound, "PROFILE_NOT_FOUND"),
                ("left=atlantis&right=henan", .notFound, "PROFILE_NOT_FOUND"),
            ] {
                let res = try await app.send(.GET, "/api/v1/profiles/compare?\(query)", token)
                #expect(res.status == status, "\(query) → \(res.status)")
                #expect(res.errorCode == code, "\(query) → \(res.body.string.prefix(200))")
            }
            let audit = try await app.token("auditadmin")
            #expect(try await app.send(.GET, "/api/v1/profiles/compare?left=henan&right=national", audit).status == .forbidden)
        }
    }

    @Test("the console page shows both sides with sources and the marks; the form alone without a query")
    func page() async throws {
        try await withTestApp { app, _ in
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, SiteURL.consoleProfileComparison(left: "henan", right: "henan-yongcheng"), headers: session.headers) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("规则配置对照"))
                #expect(html.contains(#"data-status="only_right""#) && html.contains(#"data-status="equal""#) && html.contains(#"data-status="different""#))
                #expect(html.contains("suspend_certificate") && html.contains("暂扣《河南省行政执法证》"))
                #expect(html.contains("依据：") && html.contains("第二十三条") && html.contains("五(三)"))
                #expect(html.contains("继承自 henan"))
                #expect(html.contains("效果：suspend_certificate"))
            }
            try await app.testing().test(.GET, SiteURL.consoleProfileCompare, headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#"name="left""#) && !res.body.string.contains("data-status"))
            }
            try await app.testing().test(.GET, SiteURL.consoleProfileComparison(left: "henan", right: "atlantis"), headers: session.headers) { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test("the profile page shows triggers, effects, detectors and the gravity section")
    func profilePage() async throws {
        try await withTestApp { app, _ in
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, SiteURL.consoleProfile("henan"), headers: session.headers) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("collective_decision") && html.contains("持正确意见者（不承担）"))
                #expect(html.contains("revoke_qualification") && html.contains("self_corrected"))
                #expect(html.contains("情节与处理的对应") && html.contains("本配置未规定情节与处理的对应。"))
                #expect(html.contains("/console/profiles/compare?left=henan&amp;right=national") || html.contains("/console/profiles/compare?left=henan&right=national"))
            }
            // The API's profile carries the new fields as the schema describes them.
            let token = try await app.token("supervisor1")
            let res = try await app.send(.GET, "/api/v1/profiles/henan-yongcheng", token)
            let profile = try res.content.decode(EffectiveProfile.self)
            #expect(profile.sanction("suspend_certificate")?.entry.effect == .suspendCertificate)
            #expect(res.body.string.contains(#""when":"collective_decision""#) && res.body.string.contains(#""gravity":[]"#))
        }
    }
}
