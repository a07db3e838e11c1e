import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("移送与执法决定公开: transfer to a body or the judicial organs, publication, withdrawal and its proof")
struct CaseTransferTests {
    static let eco = DemoIDs.uuid("agency:eco")
    static let pendingToAMR = DemoIDs.uuid("transfer:urban-to-amr")

    static func file(_ app: Application, _ token: String, party: String? = nil) async throws -> UUID {
        let body = party.map { CaseTests.filing(party: $0, filedOn: LocalDate(instant: app.services.clock.now()).iso) }
            ?? CaseTests.filing(filedOn: LocalDate(instant: app.services.clock.now()).iso)
        let res = try await app.send(.POST, "/api/v1/cases", token, body)
        #expect(res.status == .created, "\(res.body.string)")
        return try CaseTests.id(res)
    }

    static func transferBody(to agency: UUID) -> String {
        #"{"kind":"agency","toAgencyId":"\#(agency)","reason":"当事人排放污水，属于生态环境部门职责。","materials":["立案审批表","现场检查笔录"]}"#
    }

    static let acceptBody = #"{"powerItemId":"\#(CaseTests.penalty)","procedure":"penalty_ordinary","officers":[{"officerId":"\#(CaseTests.officer(0))","role":"lead"},{"officerId":"\#(CaseTests.officer(2))","role":"assist"}]}"#

    @Test("a case goes to another body and ends as 已移送; a closed case cannot be transferred; the receiving inbox lists it")
    func transferToBody() async throws {
        try await withTestApp { app, _ in
            let handler = try await app.token("officer.amr1")
            let id = try await Self.file(app, handler)
            // Refusals first: to itself, to no body, without materials.
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/transfers", handler, Self.transferBody(to: DemoIDs.uuid("agency:amr"))).errorCode == "TRANSFER_TO_SELF")
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/transfers", handler, #"{"kind":"agency","reason":"x","materials":["a"]}"#).errorCode == "VALIDATION_FAILED")
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/transfers", handler,
                                       #"{"kind":"agency","toAgencyId":"\#(Self.eco)","reason":"x","materials":[]}"#).errorCode == "VALIDATION_FAILED")
            // Another body's officer cannot transfer it.
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/transfers", try await app.token("officer.eco1"), Self.transferBody(to: Self.eco)).status == .forbidden)
            let sent = try await app.send(.POST, "/api/v1/cases/\(id)/transfers", handler, Self.transferBody(to: Self.eco))
            #expect(sent.status == .created, "\(sent.body.string)")
            #expect(try sent.content.get(String.self, at: "status") == "pending")
            #expect(!sent.body.string.contains("acceptanceDue"))   // no period to accept is set anywhere
            let c = try #require(try await EnforcementCase.find(id, on: app.db))
            #expect(c.stage == .closed)
            #expect(c.closingReason == .transferred)
            #expect(c.closedOn == "2026-11-20")
            #expect(try await CaseDeadline.query(on: app.db).filter(\.$enforcementCase.$id == id).filter(\.$metOn == nil).count() == 0)
            // A closed case is not transferred again, to a body or to the judicial organs.
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/transfers", handler, Self.transferBody(to: DemoIDs.uuid("agency:urban"))).errorCode == "CASE_CLOSED")
            // Journalled: event + record entry in the case stream, audited.
            let entries = try await RecordLog.entries(stream: CaseJournal.stream(id), on: app.db)
            #expect(entries.last?.kind == "case.transfer")
            #expect(try await CaseEvent.query(on: app.db).filter(\.$enforcementCase.$id == id).filter(\.$kind == "transfer").count() == 1)
            #expect(try await app.audits(.caseTransfer).count == 1)
            // 生态环境's inbox shows it pending; 市场监管's own list shows it too.
            let inbox = try await app.send(.GET, "/api/v1/case-transfers?status=pending", try await app.token("legal.eco"))
            #expect(try inbox.content.decode([CaseTransferDTO].self).contains { $0.caseId == id && $0.toAgencyId == Self.eco })
            #expect(try await app.send(.GET, "/api/v1/case-transfers?status=bogus", handler).errorCode == "VALIDATION_FAILED")
            // Only 生态环境's staff accept: 市场监管 cannot accept its own transfer.
            let tid = try #require(UUID(uuidString: try sent.content.get(String.self, at: "id")))
            #expect(try await app.send(.POST, "/api/v1/case-transfers/\(tid)/accept", handler, Self.acceptBody).status == .forbidden)
            // The console case page shows it ended as 已移送.
            let session = try await app.signIn("officer.amr1")
            try await app.testing().test(.GET, SiteURL.consoleCase(id), headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已移送"))
                #expect(res.body.string.contains(Self.ecoName))
            }
            // Lists read 已移送 too, not 结案归档.
            let listed = try await app.send(.GET, "/api/v1/cases?q=\(c.number)", handler)
            #expect(listed.body.string.contains(#""stageLabel":"已移送""#), "\(listed.body.string)")
        }
    }

    static let ecoName = "长春市生态环境局"

    /// An anonymous GET (the portal).
    static func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        var out: TestingHTTPResponse?
        try await app.testing().test(.GET, path) { out = $0 }
        return try #require(out)
    }

    @Test("the receiving body must accept by filing (source 移送, linked); nobody else accepts; it cannot pass it on again")
    func acceptance() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let inbox = try await app.send(.GET, "/api/v1/case-transfers?status=pending", legal)
            let pending = try inbox.content.decode([CaseTransferDTO].self).first { $0.id == Self.pendingToAMR }
            #expect(pending?.fromAgencyName == "长春市城市管理行政执法局")
            // Not the receiving body → 403; a bad body → 400; nothing filed.
            let before = try await EnforcementCase.query(on: app.db).count()
            #expect(try await app.send(.POST, "/api/v1/case-transfers/\(Self.pendingToAMR)/accept", try await app.token("officer.eco1"), Self.acceptBody).status == .forbidden)
            #expect(try await app.send(.POST, "/api/v1/case-transfers/\(Self.pendingToAMR)/accept", try await app.token("supervisor1"), Self.acceptBody).status == .forbidden)
            #expect(try await app.send(.POST, "/api/v1/case-transfers/\(Self.pendingToAMR)/accept", legal, #"{"procedure":"penalty_ordinary","officers":[]}"#).errorCode == "VALIDATION_FAILED")
            #expect(try await EnforcementCase.query(on: app.db).count() == before)
            let accepted = try await app.send(.POST, "/api/v1/case-transfers/\(Self.pendingToAMR)/accept", try await app.token("officer.amr1"), Self.acceptBody)
            #expect(accepted.status == .created, "\(accepted.body.string)")
            let newID = try #require(UUID(uuidString: try accepted.content.get(String.self, at: "caseId")))
            let c = try #require(try await EnforcementCase.find(newID, on: app.db))
            #expect(c.source == .referral)
            #expect(c.$agency.id == DemoIDs.uuid("agency:amr"))
            let t = try #require(try await CaseTransfer.find(Self.pendingToAMR, on: app.db))
            #expect(t.status == .accepted)
            #expect(t.$acceptedCase.id == newID)
            // The parties come from the sending case.
            #expect(try await CaseParty.query(on: app.db).filter(\.$enforcementCase.$id == newID).first()?.name == "长春某超市有限公司")
            // Both cases journal it.
            #expect(try await RecordLog.entries(stream: CaseJournal.stream(newID), on: app.db).map(\.kind).contains("case.transfer_received"))
            #expect(try await RecordLog.entries(stream: CaseJournal.stream(t.$enforcementCase.id), on: app.db).last?.kind == "case.transfer_accepted")
            #expect(try await app.audits(.caseTransferAccept).count == 1)
            // Accepted once.
            #expect(try await app.send(.POST, "/api/v1/case-transfers/\(Self.pendingToAMR)/accept", legal, Self.acceptBody).errorCode == "TRANSFER_ALREADY_ACCEPTED")
            // The received case may neither be refused nor passed on to another body (004_* 篇十二).
            let again = try await app.send(.POST, "/api/v1/cases/\(newID)/transfers", legal, Self.transferBody(to: Self.eco))
            #expect(again.errorCode == "TRANSFER_NOT_ALLOWED_AGAIN")
            #expect(again.body.string.contains("篇十二"))
            #expect(try await EnforcementCase.find(newID, on: app.db)?.stage == .filed)
            // Both transfers of the case are listed on it.
            let list = try await app.send(.GET, "/api/v1/cases/\(newID)/transfers", legal)
            #expect(try list.content.decode([CaseTransferDTO].self).map(\.id) == [Self.pendingToAMR])
        }
    }

    @Test("a suspected crime goes to the judicial organs with organ, crime, date and receipt; the case is suspended")
    func judicial() async throws {
        try await withTestApp { app, _ in
            let handler = try await app.token("officer.amr1")
            let id = try await Self.file(app, handler)
            let incomplete = #"{"kind":"judicial","organ":"public_security","reason":"涉嫌犯罪","materials":["检验报告"]}"#
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/transfers", handler, incomplete).errorCode == "VALIDATION_FAILED")
            let body = #"{"kind":"judicial","organ":"public_security","organName":"长春市公安局","suspectedCrime":"生产、销售不符合安全标准的食品罪","receiptNumber":"长公受字〔2026〕88号","reason":"抽检致病性微生物超标，涉嫌构成犯罪。","materials":["检验报告","询问笔录"],"transferredOn":"2026-11-20"}"#
            let sent = try await app.send(.POST, "/api/v1/cases/\(id)/transfers", handler, body)
            #expect(sent.status == .created, "\(sent.body.string)")
            #expect(try sent.content.get(String.self, at: "status") == "judicial")
            #expect(try sent.content.get(String.self, at: "receiptNumber") == "长公受字〔2026〕88号")
            #expect(try sent.content.get(String.self, at: "source").contains("第十七条"))
            let c = try #require(try await EnforcementCase.find(id, on: app.db))
            #expect(c.suspended)
            #expect(c.stage == .filed)
            #expect(c.closingReason == nil)
            let limits = try await CaseDeadline.query(on: app.db).filter(\.$enforcementCase.$id == id).filter(\.$metOn == nil).all()
            #expect(!limits.isEmpty && limits.allSatisfy { $0.clock.isSuspended })
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/transfers", handler, body).errorCode == "ALREADY_TRANSFERRED_TO_JUDICIAL")
            #expect(try await RecordLog.entries(stream: CaseJournal.stream(id), on: app.db).last?.kind == "case.judicial_transfer")
            #expect(try await app.audits(.caseJudicialTransfer).count == 1)
            // The record is kept: the body resumes the case if the organ hands it back.
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/clock", handler, #"{"action":"resume","reason":"公安机关决定不予立案，退回本机关"}"#).status == .ok)
        }
    }

    /// Files a penalty case for a natural person and walks it to a decision on the clock's day.
    static func decidedPersonCase(_ app: Application) async throws -> UUID {
        let handler = try await app.token("officer.amr1")
        let person = #"{"kind":"person","name":"张三丰","identifier":"220102199003071235","address":"长春市朝阳区"}"#
        let id = try await Self.file(app, handler, party: person)
        let path = "/api/v1/cases/\(id)"
        for stage in ["investigation", "review"] {
            #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"\#(stage)"}"#).status == .ok)
        }
        #expect(try await app.send(.POST, "\(path)/advance", handler,
                                   #"{"to":"notice","sanction":{"kinds":["fine"],"fineAmount":3000},"partyKind":"person"}"#).status == .ok)
        let decision = #"{"factsAndEvidence":"当事人张三丰（身份证号220102199003071235，电话13804310000）无证经营食品。","basis":"《中华人民共和国食品安全法》第一百二十二条","content":"对张三丰罚款3000元","performance":"自收到本决定书之日起十五日内缴纳","sanction":{"kinds":["fine"],"fineAmount":3000},"partyKind":"person","collectingBank":"中国工商银行长春分行"}"#
        let decided = try await app.send(.POST, "\(path)/decision", try await app.token("officer.amr2"), decision)
        #expect(decided.status == .ok, "\(decided.body.string)")
        return id
    }

    static func cst(_ iso: String) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let d = LocalDate(iso: iso)!
        return c.date(from: DateComponents(year: d.year, month: d.month, day: d.day, hour: 10))!
    }

    @Test("publication: 7 工作日 across 国庆 2026 (10-10 is a working day), masked on the portal, late shown red, withdrawal within 3 工作日")
    func publication() async throws {
        try await withTestApp { app, clock in
            clock.set(Self.cst("2026-09-29"))
            let id = try await Self.decidedPersonCase(app)
            let pub = try #require(try await DecisionPublication.query(on: app.db).filter(\.$enforcementCase.$id == id).first())
            // 09-30, (10-01…10-07 holiday), 10-08, 10-09, 10-10 (调休 working Saturday), 10-12, 10-13, 10-14.
            #expect(pub.due == "2026-10-14")
            #expect(pub.ruleCode == "license_penalty_publication")
            #expect(pub.source.document == "国办发〔2018〕118号")
            #expect(pub.status == .pending)
            // The period runs as a case limit too (the 预警看板 shows it).
            let limit = try await CaseDeadline.query(on: app.db).filter(\.$enforcementCase.$id == id).filter(\.$code == "license_penalty_publication").first()
            #expect(limit?.due == "2026-10-14")
            // Not on the portal before it is published.
            let pubID = try pub.requireID()
            try await app.testing().test(.GET, SiteURL.publicDecision(pubID)) { res in #expect(res.status == .notFound) }
            let listed = try await Self.get(app, "/api/v1/public/decisions?per=200")
            #expect(try !listed.content.decode(PublicDecisionPageDTO.self).items.contains { $0.id == pubID })
            // Late: still unpublished on 10-15 → red on the board.
            clock.set(Self.cst("2026-10-15"))
            let legal = try await app.token("legal.amr")
            let board = try await app.send(.GET, "/api/v1/case-warnings", legal)
            #expect(try board.content.decode([WarningRow].self).contains { $0.caseID == id && $0.level == .red && $0.deadline.contains("公开") })
            let mine = try await app.send(.GET, "/api/v1/decision-publications?status=pending", legal)
            #expect(try mine.content.decode([DecisionPublicationDTO].self).first { $0.id == pubID }?.late == true)
            // Only the body's 法制员 publishes.
            #expect(try await app.send(.POST, "/api/v1/decision-publications/\(pubID)/publish", try await app.token("officer.amr1")).status == .forbidden)
            #expect(try await app.send(.POST, "/api/v1/decision-publications/\(pubID)/publish", try await app.token("legal.eco")).status == .forbidden)
            let published = try await app.send(.POST, "/api/v1/decision-publications/\(pubID)/publish", legal)
            #expect(published.status == .ok, "\(published.body.string)")
            #expect(try published.content.get(Bool.self, at: "late"))
            #expect(try await app.send(.POST, "/api/v1/decision-publications/\(pubID)/publish", legal).errorCode == "PUBLICATION_NOT_PENDING")
            // Masked on the portal: no name, ID number or phone of the person.
            for path in [SiteURL.publicDecision(pubID), "\(SiteURL.publicDecisions)?q=%E5%BC%A0"] {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .ok)
                    let html = res.body.string
                    #expect(!html.contains("张三丰"), "\(path)")
                    #expect(!html.contains("220102199003071235"))
                    #expect(!html.contains("13804310000"))
                    #expect(html.contains("张**"))
                    #expect(html.contains("罚款3000元"))
                }
            }
            let json = try await Self.get(app, "/api/v1/public/decisions/\(pubID)")
            #expect(!json.body.string.contains("张三丰") && !json.body.string.contains("13804310000"))
            // Withdrawal: revoked by 复议 on 09-30 → 3 工作日: 10-08, 10-09, 10-10.
            clock.set(Self.cst("2026-10-16"))
            #expect(try await app.send(.POST, "/api/v1/decision-publications/\(pubID)/withdraw", legal, #"{"basis":"x"}"#).errorCode == "VALIDATION_FAILED")
            let withdrawn = try await app.send(.POST, "/api/v1/decision-publications/\(pubID)/withdraw", legal,
                                               #"{"reason":"处罚决定已被行政复议决定撤销","basis":"长府复决字〔2026〕5号","resultOn":"2026-09-30"}"#)
            #expect(withdrawn.status == .ok, "\(withdrawn.body.string)")
            #expect(try withdrawn.content.get(String.self, at: "withdrawalDue") == "2026-10-10")
            #expect(try withdrawn.content.get(Bool.self, at: "withdrawalLate"))
            try await app.testing().test(.GET, SiteURL.publicDecision(pubID)) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已撤回") || res.body.string.contains("撤回"))
                #expect(res.body.string.contains("处罚决定已被行政复议决定撤销"))
                #expect(!res.body.string.contains("张**") && !res.body.string.contains("罚款3000元"))
            }
            #expect(try await app.send(.POST, "/api/v1/decision-publications/\(pubID)/withdraw", legal, #"{"reason":"再次"}"#).errorCode == "PUBLICATION_ALREADY_WITHDRAWN")
            let kinds = try await RecordLog.entries(stream: CaseJournal.stream(id), on: app.db).map(\.kind)
            #expect(kinds.contains("case.published") && kinds.last == "case.publication_withdrawn")
            #expect(try await app.audits(.decisionPublish).count == 1)
            #expect(try await app.audits(.decisionWithdraw).count == 1)
        }
    }

    @Test("the service withdraws on a 复议 result: due 3 工作日 after the result, a pending publication never shows")
    func withdrawByService() async throws {
        try await withTestApp { app, clock in
            clock.set(Self.cst("2026-09-29"))
            let id = try await Self.decidedPersonCase(app)
            clock.set(Self.cst("2026-10-09"))
            let req = Request(application: app, on: app.eventLoopGroup.next())
            let done = try await DecisionPublicityService.withdraw(caseID: id, reason: "复议机关变更处罚决定", basis: "长府复决字〔2026〕9号",
                                                                   on: LocalDate(iso: "2026-10-08")!, req: req)
            // 10-09, 10-10 (调休), 10-12.
            #expect(done.withdrawalDue == "2026-10-12")
            #expect(!done.withdrawalLate)
            #expect(done.publishedOn == nil && done.publicText == nil)
            // Called again for the same result (or for a case without a publication): nothing to do.
            #expect(try await DecisionPublicityService.withdrawIfPublished(caseID: id, reason: "再次", basis: "x", on: LocalDate(iso: "2026-10-08")!, req: req) == nil)
            #expect(try await DecisionPublicityService.withdrawIfPublished(caseID: UUID(), reason: "x", basis: "x", on: LocalDate(iso: "2026-10-08")!, req: req) == nil)
            let page = try await Self.get(app, "/api/v1/public/decisions?per=200")
            #expect(try !page.content.decode(PublicDecisionPageDTO.self).items.contains { $0.id == done.id })
        }
    }

    @Test("a published decision shows the inclusion proof of its publication entry in the latest signed checkpoint")
    func inclusionProof() async throws {
        try await withTestApp { app, _ in
            let id = try await Self.decidedPersonCase(app)
            let legal = try await app.token("legal.amr")
            let pub = try #require(try await DecisionPublication.query(on: app.db).filter(\.$enforcementCase.$id == id).first())
            let pubID = try pub.requireID()
            #expect(try await app.send(.POST, "/api/v1/decision-publications/\(pubID)/publish", legal).status == .ok)
            // Before a checkpoint covers it: "the next checkpoint".
            try await app.testing().test(.GET, SiteURL.publicDecision(pubID)) { res in
                #expect(res.body.string.contains("下一个检查点"))
            }
            let cp = try await RecordLog.signCheckpoint(settings: app.services.records, now: app.services.clock.now(), on: app.db)
            let shown = try await Self.get(app, "/api/v1/public/decisions/\(pubID)")
            let dto = try shown.content.decode(PublicDecisionDTO.self)
            #expect(dto.checkpointTreeSize == cp.treeSize)
            let index = try #require(dto.recordIndex)
            let entry = try #require(try await RecordLog.entry(index: index, on: app.db))
            #expect(entry.kind == "case.published")
            let proofURL = try #require(dto.inclusionProofUrl)
            let proof = try await Self.get(app, proofURL)
            let p = try proof.content.decode(RecordInclusionDTO.self)
            #expect(p.leafHash == entry.leafHash && p.rootHash == cp.rootHash)
            #expect(MerkleTree(algorithm: .sha256).verifyInclusion(index: Int(index), treeSize: Int(cp.treeSize), leafHash: Hex.decode(p.leafHash)!,
                                                                   proof: p.auditPath.map { Hex.decode($0)! }, root: Hex.decode(cp.rootHash)!))
            try await app.testing().test(.GET, SiteURL.publicDecision(pubID)) { res in
                #expect(res.body.string.contains("已纳入树大小为 \(cp.treeSize) 的已签名检查点"))
            }
        }
    }

    @Test("demo: transfers, a judicial transfer and published, late and withdrawn decisions")
    func demo() async throws {
        try await withTestApp { app, _ in
            let transfers = try await CaseTransfer.query(on: app.db).all()
            #expect(transfers.contains { $0.status == .accepted && $0.$acceptedCase.id != nil })
            #expect(transfers.contains { $0.status == .pending })
            #expect(transfers.contains { $0.kind == .judicial })
            let pubs = try await DecisionPublication.query(on: app.db).all()
            #expect(pubs.filter { $0.status == .published }.count >= 3)
            #expect(pubs.contains { $0.status == .withdrawn && $0.publishedOn != nil })
            #expect(pubs.contains { p in p.publishedOn.map { $0 > p.due } == true })
            try await app.testing().test(.GET, SiteURL.publicDecisions) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已撤回"))
            }
            let session = try await app.signIn("legal.amr")
            for path in [SiteURL.consoleCaseTransfers, SiteURL.consoleDecisionPublications] {
                try await app.testing().test(.GET, path, headers: session.headers) { res in #expect(res.status == .ok, "\(path)") }
            }
        }
    }
}
