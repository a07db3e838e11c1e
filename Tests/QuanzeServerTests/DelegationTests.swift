import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("委托执法: validation, filing due (changchun 15日), may-act on term boundaries, scope, console, portal")
struct DelegationTests {
    static let amr = DemoIDs.uuid("agency:amr")
    static let penalty = DemoIDs.uuid("power:amr:XZCF-001")
    static let coercion = DemoIDs.uuid("power:amr:XZQZ-001")
    static let current = DemoIDs.uuid("delegation:current")

    static func body(delegator: UUID = amr, delegate: String = "healthsup", items: [UUID] = [penalty],
                     start: String = "2026-12-01", end: String = "2027-11-30", decided: String = "2026-11-02") -> String {
        let ids = items.map { "\"\($0)\"" }.joined(separator: ",")
        let delegateID = UUID(uuidString: delegate) ?? DemoIDs.uuid("agency:\(delegate)")
        return #"{"delegatingAgencyId":"\#(delegator)","delegateAgencyId":"\#(delegateID)","basis":"《中华人民共和国行政处罚法》第二十条","basisArticleIds":["\#(DemoIDs.uuid("article:foodsafety:第一百二十二条"))"],"powerItemIds":[\#(ids)],"termStart":"\#(start)","termEnd":"\#(end)","decisionOn":"\#(decided)"}"#
    }

    @Test("invalid delegations are refused with their codes and nothing is saved")
    func invalidRefused() async throws {
        try await withTestApp { app, _ in
            // setup: an unpublished item of amr, an item of another body, a body in another city
            let legal = try await app.token("legal.amr")
            let draft = try await app.send(.POST, "/api/v1/agencies/\(Self.amr)/power-items", legal,
                #"{"code":"XZCF-009","name":"草拟中的处罚事项","category":"penalty","basisArticleIds":["\#(DemoIDs.uuid("article:penalty2021:第四十二条"))"]}"#)
            let draftID = try #require(UUID(uuidString: try draft.content.get(String.self, at: "id")))
            let eco = try await app.send(.POST, "/api/v1/agencies/\(DemoIDs.uuid("agency:eco"))/power-items", try await app.token("legal.eco"),
                #"{"code":"HJ-001","name":"环境检查","category":"inspection","basisArticleIds":["\#(DemoIDs.uuid("article:penalty2021:第四十二条"))"]}"#)
            let ecoID = try #require(UUID(uuidString: try eco.content.get(String.self, at: "id")))
            let other = try await ScopeTests.addOtherCity(app)
            let before = try await Delegation.query(on: app.db).count()
            // MUT / validation
            let cases: [(String, String)] = [
                (Self.body(delegate: "amr"), "SELF_DELEGATION"),
                (Self.body(delegate: other.agency.uuidString), "OTHER_JURISDICTION"),
                (Self.body(delegate: "urban"), "DELEGATE_KIND_INVALID"),
                (Self.body(items: [draftID]), "POWER_NOT_PUBLISHED"),
                (Self.body(items: [ecoID]), "POWER_NOT_OWNED"),
                (Self.body(items: []), "POWER_ITEMS_REQUIRED"),
                (Self.body(items: [Self.coercion]), "POWER_NOT_DELEGABLE"),
                (Self.body(start: "2026-12-01", end: "2026-11-30"), "TERM_INVALID"),
                (Self.body(start: "2026-12-01", end: "2026-12-01"), "TERM_INVALID"),
                (Self.body(decided: "2026-12-02"), "DECISION_AFTER_TERM_START"),
                (Self.body(delegate: "foodteam", start: "2027-01-01", end: "2027-06-30"), "DELEGATION_OVERLAP"),
            ]
            for (body, code) in cases {
                let res = try await app.send(.POST, "/api/v1/delegations", legal, body)
                #expect(res.errorCode == code, "expected \(code), got \(res.status) \(res.body.string.prefix(200))")
                #expect(res.status == .unprocessableEntity)
            }
            // another body's 法制员 cannot record amr's delegation
            let eco2 = try await app.send(.POST, "/api/v1/delegations", try await app.token("legal.eco"), Self.body())
            #expect(eco2.errorCode == "OUT_OF_SCOPE")
            #expect(try await Delegation.query(on: app.db).count() == before)
            #expect(try await DelegationItem.query(on: app.db).count() == before)
            #expect(try await app.audits(.delegationCreate).isEmpty)
        }
    }

    @Test("filing is due 15 days after the written decision in changchun, with its source; overdue ones are listed first")
    func filingDue() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let res = try await app.send(.POST, "/api/v1/delegations", legal, Self.body())
            #expect(res.status == .created, "\(res.body.string.prefix(300))")
            let dto = try res.content.decode(DelegationDTO.self)
            #expect(dto.decisionOn == "2026-11-02")
            #expect(dto.filingDue == "2026-11-17")   // 2026-11-02 + 15 日, a Tuesday
            #expect(dto.filingDueSource?.contains("15日") == true)
            #expect(dto.filingDueSource?.contains("长春市全面落实行政执法责任制实施意见 二(一)3") == true)
            #expect(dto.filingDueSource?.contains("004_cacaddb37daf54c4.txt 篇十二") == true)
            #expect(dto.status == "draft" && dto.filingOverdue)   // today is 2026-11-20
            #expect(dto.powerItems.map(\.code) == ["XZCF-001"])
            #expect(try await app.audits(.delegationCreate).count == 1)

            let list = try await app.testing().sendRequest(.GET, "/api/v1/delegations", headers: .bearer(try await app.token("supervisor1")))
            let rows = try list.content.decode([DelegationDTO].self)
            #expect(rows.count == 4)
            #expect(rows.prefix(2).allSatisfy { $0.filingOverdue })
            #expect(Set(rows.prefix(2).map(\.id)) == [dto.id, DemoIDs.uuid("delegation:unfiled")])
            #expect(rows.first { $0.id == Self.current }?.filingOverdue == false)

            // a period ending on a weekend moves to the next working day: 2026-10-31 + 15 = Sunday 11-15 → 11-16
            let unfiled = try #require(rows.first { $0.id == DemoIDs.uuid("delegation:unfiled") })
            #expect(unfiled.decisionOn == "2026-10-31" && unfiled.filingDue == "2026-11-16")

            // where the profile sets no period (jilin), there is no due date and no warning
            let j = try #require(try await Jurisdiction.query(on: app.db).first())
            j.profileID = "jilin"
            try await j.save(on: app.db)
            let jilin = try await app.send(.POST, "/api/v1/delegations", legal, Self.body(delegate: "healthsup", items: [Self.penalty],
                                                                                           start: "2028-01-01", end: "2028-12-31"))
            let noDue = try jilin.content.decode(DelegationDTO.self)
            #expect(noDue.filingDue == nil && !noDue.filingOverdue)
        }
    }

    @Test("may-act: the last day of the term is allowed, the next day refused; outside the items or unfiled refused")
    func mayActBoundaries() async throws {
        try await withTestApp { app, _ in
            let food = DemoIDs.uuid("agency:foodteam"), team = DemoIDs.uuid("agency:amrteam")
            func check(_ agency: UUID, _ item: UUID, _ day: String) async throws -> DelegationCheck.Outcome {
                try await DelegationCheck.mayAct(agencyID: agency, powerItemID: item, on: LocalDate(iso: day)!, db: app.db)
            }
            // the current filed delegation runs 2026-08-21 … 2028-08-20
            let d = try #require(try await Delegation.find(Self.current, on: app.db))
            #expect((d.termStart, d.termEnd) == ("2026-08-21", "2028-08-20"))
            #expect(try await check(food, Self.penalty, "2026-08-21").code == "DELEGATED")
            #expect(try await check(food, Self.penalty, "2028-08-20").allowed)
            #expect(try await check(food, Self.penalty, "2028-08-21").code == "DELEGATION_EXPIRED")
            #expect(try await check(food, Self.penalty, "2026-08-20").code == "DELEGATION_NOT_STARTED")
            #expect(try await check(food, Self.coercion, "2026-11-20").code == "POWER_NOT_DELEGATED")
            #expect(try await check(DemoIDs.uuid("agency:eco"), Self.penalty, "2026-11-20").code == "POWER_NOT_HELD")
            #expect(try await check(Self.amr, Self.penalty, "2026-11-20").code == "OWN_POWER")
            // amrteam: an expired filed delegation (… 2026-08-20), then an unfiled one from 2026-11-01
            #expect(try await check(team, Self.penalty, "2026-08-20").allowed)
            #expect(try await check(team, Self.penalty, "2026-08-21").code == "DELEGATION_EXPIRED")
            #expect(try await check(team, Self.penalty, "2026-11-20").code == "DELEGATION_NOT_FILED")

            // through the API, by date
            let sup = try await app.token("supervisor1")
            let path = "/api/v1/agencies/\(food)/may-act?powerItemID=\(Self.penalty)&date="
            let last = try await app.testing().sendRequest(.GET, path + "2028-08-20", headers: .bearer(sup))
            #expect(try last.content.decode(MayActDTO.self).allowed)
            let after = try await app.testing().sendRequest(.GET, path + "2028-08-21", headers: .bearer(sup))
            let refused = try after.content.decode(MayActDTO.self)
            #expect(!refused.allowed && refused.code == "DELEGATION_EXPIRED" && refused.message.contains("2028-08-21"))
            let bad = try await app.testing().sendRequest(.GET, path + "2028-02-30", headers: .bearer(sup))
            #expect(bad.errorCode == "VALIDATION_FAILED")
            let eco = try await app.testing().sendRequest(.GET, path + "2028-08-20", headers: .bearer(try await app.token("legal.eco")))
            #expect(eco.status == .forbidden)

            // an early end: refused from that day on, earlier days stay allowed
            let ended = try await app.send(.POST, "/api/v1/delegations/\(Self.current)/terminate", sup, #"{"reason":"受委托组织机构调整"}"#)
            #expect(try ended.content.decode(DelegationDTO.self).status == "terminated")
            #expect(try await check(food, Self.penalty, "2026-11-20").code == "DELEGATION_EXPIRED")
            #expect(try await check(food, Self.penalty, "2026-11-19").allowed)
            #expect(try await app.send(.POST, "/api/v1/delegations/\(Self.current)/terminate", sup, #"{"reason":"再次"}"#).errorCode == "DELEGATION_TERMINATED")
            #expect(try await app.audits(.delegationTerminate).count == 1)
        }
    }

    @Test("filing by the legal office; another jurisdiction's supervisor and other bodies are refused")
    func filingAndScope() async throws {
        try await withTestApp { app, _ in
            let other = try await ScopeTests.addOtherCity(app)
            let outsider = try await app.token(other.supervisor)
            let unfiled = DemoIDs.uuid("delegation:unfiled")
            let filing = #"{"filedOn":"2026-11-20","filingRef":"长司委备〔2026〕21号","filingReport":"备案报告","entrustmentLetter":"行政执法委托书","announcementDocument":"公告文件"}"#
            #expect(try await app.send(.GET, "/api/v1/delegations/\(unfiled)", outsider).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, "/api/v1/delegations/\(unfiled)/file", outsider, filing).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/delegations", outsider).body.string == "[]")
            #expect(try await app.send(.GET, "/api/v1/delegations", try await app.token("legal.eco")).body.string == "[]")
            #expect(try await app.send(.GET, "/api/v1/delegations/\(unfiled)", try await app.token("legal.eco")).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, "/api/v1/delegations/\(unfiled)/file", try await app.token("legal.amr"), filing).status == .forbidden)
            let own = try await app.send(.GET, "/api/v1/delegations", try await app.token("officer.amr1"))
            #expect(try own.content.decode([DelegationDTO].self).count == 3)
            #expect(try await Delegation.find(unfiled, on: app.db)?.status == .draft)

            let sup = try await app.token("supervisor1")
            let missing = try await app.send(.POST, "/api/v1/delegations/\(unfiled)/file", sup,
                #"{"filedOn":"2026-11-20","filingRef":"x","filingReport":" ","entrustmentLetter":"委托书","announcementDocument":"公告"}"#)
            #expect(missing.errorCode == "VALIDATION_FAILED")
            let res = try await app.send(.POST, "/api/v1/delegations/\(unfiled)/file", sup, filing)
            let dto = try res.content.decode(DelegationDTO.self)
            #expect(dto.status == "filed" && dto.filedLate && !dto.filingOverdue)
            #expect(dto.history?.map(\.kind) == ["decided", "filed"])
            #expect(try await app.send(.POST, "/api/v1/delegations/\(unfiled)/file", sup, filing).errorCode == "ALREADY_FILED")
            #expect(try await app.audits(.delegationFile).count == 1)
            let ok = try await DelegationCheck.mayAct(agencyID: DemoIDs.uuid("agency:amrteam"), powerItemID: Self.penalty,
                                                      on: LocalDate(iso: "2026-11-20")!, db: app.db)
            #expect(ok.allowed)
        }
    }

    @Test("the console records a decision and its filing through forms with CSRF, and shows warnings and refusals")
    func console() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/delegations", headers: s.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("逾期未备案预警"))
                #expect(res.body.string.contains("长春市全面落实行政执法责任制实施意见 二(一)3"))
            }
            try await app.testing().test(.GET, "/console", headers: s.headers) { res in
                #expect(res.body.string.contains("有 1 项委托执法逾期未备案"))
            }
            try await app.testing().test(.GET, "/console/delegations/new?delegatingAgencyId=\(Self.amr)", headers: s.headers) { res in
                #expect(res.body.string.contains("XZCF-001"))
                #expect(res.body.string.contains("15日，自书面委托决定作出之日起"))
            }
            func form(_ pairs: [(String, String)]) -> ByteBuffer {
                let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
                return ByteBuffer(string: pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
                    .joined(separator: "&"))
            }
            var headers = s.headers
            headers.contentType = .urlEncodedForm
            let fields: [(String, String)] = [("delegatingAgencyId", Self.amr.uuidString),
                                              ("delegateAgencyId", DemoIDs.uuid("agency:healthsup").uuidString), ("basis", "行政处罚法第二十条"),
                                              ("powerItemIds[]", Self.penalty.uuidString), ("termStart", "2026-12-01"),
                                              ("termEnd", "2027-11-30"), ("decisionOn", "2026-11-19")]
            try await app.testing().test(.POST, "/console/delegations/new", headers: headers, body: form(fields)) { res in
                #expect(res.status == .forbidden)   // no CSRF token
            }
            let refused = fields.map { $0.0 == "delegateAgencyId" ? ($0.0, Self.amr.uuidString) : $0 }
            try await app.testing().test(.POST, "/console/delegations/new", headers: headers, body: form([("_csrf", s.csrf)] + refused)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("role=\"alert\""))
                #expect(res.body.string.contains("不能委托给自己"))
            }
            var location = ""
            try await app.testing().test(.POST, "/console/delegations/new", headers: headers, body: form([("_csrf", s.csrf)] + fields)) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            let created = try #require(try await Delegation.query(on: app.db).filter(\.$delegateAgency.$id == DemoIDs.uuid("agency:healthsup")).first())
            #expect(location == SiteURL.consoleDelegation(try created.requireID()))
            #expect(created.filingDue == "2026-12-04" && created.status == .draft)
            try await app.testing().test(.GET, location, headers: s.headers) { res in
                #expect(res.body.string.contains("草拟（未备案）"))
                #expect(res.body.string.contains("登记备案"))
            }
            let filing: [(String, String)] = [("_csrf", s.csrf), ("filedOn", "2026-11-20"), ("filingRef", "长司委备〔2026〕30号"),
                                              ("filingReport", "备案报告"), ("entrustmentLetter", "委托书"), ("announcementDocument", "公告")]
            try await app.testing().test(.POST, location + "/file", headers: headers, body: form(filing)) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已登记备案"))
                #expect(res.body.string.contains("长司委备〔2026〕30号"))
            }
            #expect(try await Delegation.find(created.requireID(), on: app.db)?.status == .filed)
            try await app.testing().test(.GET, SiteURL.consoleAgency(Self.amr), headers: s.headers) { res in
                #expect(res.body.string.contains("委托给：长春市食品安全稽查支队"))
                #expect(res.body.string.contains("委托给：长春市卫生健康综合监督执法支队"))
            }
        }
    }

    @Test("the portal shows filed delegations in force: on the delegator's list and on the delegate's page")
    func portal() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "/agencies/\(Self.amr)") { res in
                #expect(res.body.string.contains("委托给：长春市食品安全稽查支队（期限 2026-08-21 至 2028-08-20）"))
                #expect(!res.body.string.contains("委托给：长春市市场监管综合行政执法支队"))   // expired, and unfiled
            }
            try await app.testing().test(.GET, "/agencies/\(DemoIDs.uuid("agency:foodteam"))") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("受委托实施的事项"))
                #expect(res.body.string.contains("长春市市场监督管理局"))
                #expect(res.body.string.contains("XZCF-001"))
            }
            try await app.testing().test(.GET, "/api/v1/public/delegations") { res in
                let rows = try res.content.decode([PublicDelegationDTO].self)
                #expect(rows.map(\.delegateAgencyName) == ["长春市食品安全稽查支队"])
            }
        }
    }
}
