import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("执行: 罚缴分离 payments, 加处罚款, closing, 复议/诉讼 results, refunds, liability intake, quarterly report")
struct CaseCollectionTests {
    static let amr = DemoIDs.uuid("agency:amr")
    static let decision = #"{"factsAndEvidence":"现场检查笔录证实当事人无证经营。","basis":"《中华人民共和国食品安全法》第一百二十二条","content":"罚款3000元","performance":"自收到本决定书之日起十五日内缴至指定银行","sanction":{"kinds":["fine"],"fineAmount":3000},"collectingBank":"中国工商银行长春分行"}"#

    /// A 简易程序 case fined 3000 元, decided on 2026-11-20; served too when `serve` (15 日, 第六十七条: due Monday 2026-12-07).
    static func finedCase(_ app: Application, serve: Bool = true) async throws -> UUID {
        let handler = try await app.token("officer.amr1")
        let filed = try await app.send(.POST, "/api/v1/cases", handler, CaseTests.filing(procedure: "penalty_simple"))
        let id = try CaseTests.id(filed)
        let noticed = try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler,
                                         #"{"to":"notice","sanction":{"kinds":["fine"],"fineAmount":3000},"partyKind":"organization"}"#)
        #expect(noticed.status == .ok, "\(noticed.body.string)")
        let decided = try await app.send(.POST, "/api/v1/cases/\(id)/decision", try await app.token("officer.amr2"), decision)
        #expect(decided.status == .ok, "\(decided.body.string)")
        if serve { #expect(try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"service"}"#).status == .ok) }
        return id
    }

    @Test("migrations 010 and 018 backfill fine_fen and confiscation_fen from the sanction in one statement, on both databases")
    func fineFenBackfill() async throws {
        try await withTestApp { app, _ in
            let id = try await Self.finedCase(app, serve: false)
            let sql = app.db as! any SQLDatabase
            try await sql.raw("UPDATE case_decisions SET fine_fen = NULL").run()
            try await CreateCollections.backfillFineFen(sql)
            let rows = try await sql.raw("SELECT case_id, fine_fen FROM case_decisions").all()
            #expect(!rows.isEmpty)
            for row in rows {
                #expect(try row.decode(column: "fine_fen", as: Int64?.self) != nil)
            }
            let ours = try #require(rows.first { (try? $0.decode(column: "case_id", as: UUID.self)) == id })
            #expect(try ours.decode(column: "fine_fen", as: Int64.self) == 300_000)
            // 018 fills confiscation_fen the same way.
            try await sql.raw(SQLQueryString("UPDATE case_decisions SET confiscation_fen = NULL, sanction = \(bind: #"{"kinds":["fine","confiscation"],"fineAmount":3000,"confiscationAmount":4321}"#) WHERE case_id = \(bind: id)")).run()
            try await SanctionAmountSQL.backfill(sql, column: "confiscation_fen", key: "confiscationAmount")
            let amounts = try await sql.raw(SQLQueryString("SELECT fine_fen, confiscation_fen FROM case_decisions WHERE case_id = \(bind: id)")).first()
            #expect(try amounts?.decode(column: "confiscation_fen", as: Int64.self) == 432_100)
            #expect(try await sql.raw("SELECT count(*) AS n FROM case_decisions WHERE confiscation_fen IS NULL").first()?.decode(column: "n", as: Int.self) == 0)
        }
    }

    /// Moves the test clock to a day (10:00 CST as at the start).
    static func at(_ iso: String, _ clock: FixedClock, start: Date) {
        let days = LocalDate(iso: iso)!.dayNumber - LocalDate(iso: "2026-11-20")!.dayNumber
        clock.set(start.addingTimeInterval(Double(days) * 86_400))
    }

    static func pay(_ amount: String, _ on: String, _ receipt: String) -> String {
        #"{"amount":"\#(amount)","paidOn":"\#(on)","receiptNumber":"\#(receipt)","channel":"bank"}"#
    }

    @Test("payments against the decision, 加处罚款 by the day and capped, overpayment refused, reversal, no closing while outstanding")
    func payments() async throws {
        try await withTestApp { app, clock in
            let start = clock.now()
            let handler = try await app.token("officer.amr1")
            let unserved = try await Self.finedCase(app, serve: false)
            // Before service there is no due date yet and so no late fee.
            let before = try await app.send(.GET, "/api/v1/cases/\(unserved)/payments", handler)
            #expect(try before.content.get(Bool.self, at: "hasFine"))
            #expect(try before.content.decode(CollectionDTO.self).due == nil)
            let id = try await Self.finedCase(app)
            let path = "/api/v1/cases/\(id)/payments"
            var shown = try await app.send(.GET, path, handler)
            // 15 日 from 2026-11-20 ends on Saturday 12-05 → the next working day, Monday 12-07.
            #expect(try shown.content.get(String.self, at: "due") == "2026-12-07")
            #expect(try shown.content.get(Int.self, at: "outstandingFen") == 300_000)
            #expect(try shown.content.get([String: String].self, at: "sources")["lateFee"]?.contains("第七十二条") == true)
            #expect(try await app.send(.POST, path, handler, Self.pay("100", "2026-11-19", "R-0")).errorCode == "PAYMENT_BEFORE_DECISION")
            #expect(try await app.send(.POST, path, handler, Self.pay("3000.001", "2026-11-20", "R-0")).errorCode == "VALIDATION_FAILED")
            #expect(try await app.send(.POST, path, handler, Self.pay("3000.01", "2026-11-20", "R-0")).errorCode == "PAYMENT_EXCEEDS_OUTSTANDING")
            // Another body's officer and a 监督员 cannot record.
            #expect(try await app.send(.POST, path, try await app.token("officer.eco1"), Self.pay("1", "2026-11-20", "R-X")).status == .forbidden)
            #expect(try await app.send(.POST, path, try await app.token("supervisor1"), Self.pay("1", "2026-11-20", "R-X")).status == .forbidden)
            Self.at("2026-11-25", clock, start: start)
            // A wrong entry is reversed, not edited; then recorded again.
            let wrong = try await app.send(.POST, path, handler, Self.pay("100.50", "2026-11-25", "R-1"))
            #expect(wrong.status == .created, "\(wrong.body.string)")
            let wrongID = try #require(try wrong.content.get([PaymentDTO].self, at: "payments").first?.id)
            #expect(try await app.send(.POST, path, handler, Self.pay("1", "2026-11-25", "R-1")).errorCode == "RECEIPT_DUPLICATE")
            let reversed = try await app.send(.POST, "\(path)/\(wrongID)/reversal", handler, #"{"reason":"金额录入错误，应为1000.50元"}"#)
            #expect(reversed.status == .created, "\(reversed.body.string)")
            #expect(try reversed.content.get(Int.self, at: "paidFineFen") == 0)
            #expect(try await app.send(.POST, "\(path)/\(wrongID)/reversal", handler, #"{"reason":"重复"}"#).errorCode == "PAYMENT_ALREADY_REVERSED")
            #expect(try await app.send(.POST, path, handler, Self.pay("1000.50", "2026-11-25", "R-2")).status == .created)
            #expect(try await CasePayment.query(on: app.db).filter(\.$enforcementCase.$id == id).count() == 3)
            // 2026-12-12: five days late (12-08 … 12-12), 3% of 3000 元 a day = 450 元.
            Self.at("2026-12-12", clock, start: start)
            shown = try await app.send(.GET, path, handler)
            #expect(try shown.content.get(Int.self, at: "lateDays") == 5)
            #expect(try shown.content.get(Int.self, at: "lateFeeFen") == 45_000)
            #expect(try shown.content.get(Int.self, at: "outstandingFen") == 300_000 - 100_050 + 45_000)
            // Never more than the fine: 2027-01-20 is 44 days late, 132% → capped at 3000 元.
            Self.at("2027-01-20", clock, start: start)
            shown = try await app.send(.GET, path, handler)
            #expect(try shown.content.get(Int.self, at: "lateDays") == 44)
            #expect(try shown.content.get(Int.self, at: "lateFeeFen") == 300_000)
            Self.at("2026-12-12", clock, start: start)
            // Closing with the fine outstanding is refused.
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"execution"}"#).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"closed"}"#).errorCode == "FINE_OUTSTANDING")
            #expect(try await app.send(.POST, path, handler, Self.pay("2449.51", "2026-12-12", "R-3")).errorCode == "PAYMENT_EXCEEDS_OUTSTANDING")
            let paid = try await app.send(.POST, path, handler, Self.pay("2449.50", "2026-12-12", "R-3"))
            #expect(paid.status == .created, "\(paid.body.string)")
            #expect(try paid.content.get(Int.self, at: "outstandingFen") == 0)
            #expect(try paid.content.get(Int.self, at: "paidLateFeeFen") == 45_000)
            #expect(try paid.content.get(String?.self, at: "paidOffOn") == "2026-12-12")
            let deadline = try await CaseDeadline.query(on: app.db).filter(\.$enforcementCase.$id == id).filter(\.$code == "fine_payment").first()
            #expect(deadline?.metOn == "2026-12-12")
            // The fee stops on the day the fine was paid off.
            Self.at("2026-12-20", clock, start: start)
            #expect(try await app.send(.GET, path, handler).content.get(Int.self, at: "lateFeeFen") == 45_000)
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"closed"}"#).status == .ok)
            // Every step in the journal and the record stream, audited.
            let kinds = try await RecordLog.entries(stream: CaseJournal.stream(id), on: app.db).map(\.kind)
            #expect(kinds.filter { $0 == "case.payment" }.count == 3)
            #expect(kinds.contains("case.payment_reversal"))
            #expect(try await app.audits(.casePayment).count == 3)
            #expect(try await app.audits(.casePaymentReverse).count == 1)
        }
    }

    @Test("an enforcement step lets a case with an unpaid fine be closed")
    func enforcementStep() async throws {
        try await withTestApp { app, clock in
            let start = clock.now()
            let handler = try await app.token("officer.amr1")
            let id = try await Self.finedCase(app)
            Self.at("2027-01-10", clock, start: start)
            _ = try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"execution"}"#)
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"closed"}"#).errorCode == "FINE_OUTSTANDING")
            let step = try await app.send(.POST, "/api/v1/cases/\(id)/enforcement-steps", handler,
                                          #"{"kind":"court_enforcement","takenOn":"2027-01-10","note":"已申请朝阳区人民法院强制执行"}"#)
            #expect(step.status == .created, "\(step.body.string)")
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"closed"}"#).status == .ok)
        }
    }

    @Test("复议 days excluded from the fee; 维持 opens nothing, 撤销 opens an intake item, counts, and allows a refund up to what was paid")
    func remedies() async throws {
        try await withTestApp { app, clock in
            let start = clock.now()
            let handler = try await app.token("officer.amr1")
            let legal = try await app.token("legal.amr")
            let id = try await Self.finedCase(app)
            let base = "/api/v1/cases/\(id)"
            #expect(try await app.send(.POST, "\(base)/payments", handler, Self.pay("1000", "2026-11-20", "RM-1")).status == .created)
            let statsBefore = try await RemedyStatistics.reversals(agencyID: Self.amr, year: 2026, on: app.db)
            let intakeBefore = try await LiabilityIntake.query(on: app.db).count()
            Self.at("2026-12-02", clock, start: start)
            let apply = #"{"kind":"reconsideration","organ":"长春市人民政府","appliedOn":"2026-12-01","receivedOn":"2026-12-02"}"#
            #expect(try await app.send(.POST, "\(base)/remedies", handler, apply).status == .forbidden)
            let applied = try await app.send(.POST, "\(base)/remedies", legal, apply)
            #expect(applied.status == .created, "\(applied.body.string)")
            let first = try #require(try applied.content.get([RemedyDTO].self, at: "remedies").first)
            // 行政复议法 第二十条: 60 日 from knowing the decision (served 2026-11-20).
            #expect(first.windowDue == "2027-01-19")
            #expect(first.late == false)
            #expect(try await app.send(.POST, "\(base)/remedies", legal, apply).errorCode == "REMEDY_PENDING")
            Self.at("2026-12-10", clock, start: start)
            let upheld = try await app.send(.POST, "\(base)/remedies/\(first.id)/result", legal,
                                            #"{"result":"upheld","decidedOn":"2026-12-10","documentNumber":"长府复决字〔2026〕88号"}"#)
            #expect(upheld.status == .ok, "\(upheld.body.string)")
            #expect(try await LiabilityIntake.query(on: app.db).count() == intakeBefore)
            // 维持 leaves the decision's publication as it was.
            #expect(try await DecisionPublication.query(on: app.db).filter(\.$enforcementCase.$id == id).first()?.status != .withdrawn)
            #expect(try await app.send(.POST, "\(base)/remedies/\(first.id)/result", legal,
                                       #"{"result":"revoked","decidedOn":"2026-12-10","documentNumber":"X"}"#).errorCode == "REMEDY_ALREADY_DECIDED")
            // 诉讼 after the 复议 decision: 15 日 from it (行政诉讼法 第四十五条) → 2026-12-25.
            Self.at("2026-12-20", clock, start: start)
            let sued = try await app.send(.POST, "\(base)/remedies", legal,
                                          #"{"kind":"litigation","organ":"长春市朝阳区人民法院","appliedOn":"2026-12-15","receivedOn":"2026-12-16"}"#)
            #expect(sued.status == .created, "\(sued.body.string)")
            let second = try #require(try sued.content.get([RemedyDTO].self, at: "remedies").first { $0.kind == .litigation })
            #expect(second.windowDue == "2026-12-25")
            // Due 12-07 (12-05 is a Saturday). Late days 12-08 … 12-20 = 13, less 复议 12-08 … 12-10 (3) and 诉讼
            // pending 12-15 … 12-20 (6): 4 days, 360 元.
            let shown = try await app.send(.GET, "\(base)/payments", handler)
            #expect(try shown.content.get(Int.self, at: "lateDays") == 4)
            #expect(try shown.content.get(Int.self, at: "lateFeeFen") == 36_000)
            #expect(try shown.content.get(Int.self, at: "pausedDays") == 9, "\(shown.body.string)")
            // Refund only after a result that removes the fine.
            let refund = #"{"remedyId":"\#(second.id)","applicant":"长春某食品有限公司","amount":"1000.00","appliedOn":"2026-12-20","paidOn":"2026-12-20"}"#
            #expect(try await app.send(.POST, "\(base)/refunds", legal, refund).errorCode == "REFUND_NOT_APPLICABLE")
            let revoked = try await app.send(.POST, "\(base)/remedies/\(second.id)/result", legal,
                                             #"{"result":"revoked","decidedOn":"2026-12-20","documentNumber":"（2026）吉0104行初123号"}"#)
            #expect(revoked.status == .ok, "\(revoked.body.string)")
            #expect(try revoked.content.get(Int.self, at: "fineFen") == 0)
            #expect(try revoked.content.get(Int.self, at: "outstandingFen") == 0)
            // 撤销 withdraws the decision's publication with the reason, due 3 工作日 after the result (行政处罚法 第四十八条).
            let publication = try #require(try await DecisionPublication.query(on: app.db).filter(\.$enforcementCase.$id == id).first())
            #expect(publication.status == .withdrawn && publication.resultOn == "2026-12-20" && publication.withdrawalDue == "2026-12-23")
            #expect(publication.withdrawalReason?.contains("撤销") == true)
            let items = try await LiabilityIntake.query(on: app.db).filter(\.$caseID == id).all()
            #expect(items.count == 1)
            #expect(items.first?.sourceKind == "remedy_result")
            #expect(items.first?.status == "pending")
            let stats = try await RemedyStatistics.reversals(agencyID: Self.amr, year: 2026, on: app.db)
            #expect(stats.decided == statsBefore.decided + 2)
            #expect(stats.reversals == statsBefore.reversals + 1)
            #expect(try await RemedyStatistics.reversals(agencyID: Self.amr, year: 2025, on: app.db).decided == 0)
            // The intake list: the legal office and the 监督员, not an officer.
            let list = try await app.send(.GET, "/api/v1/liability-intake", try await app.token("supervisor1"))
            #expect(try list.content.decode([LiabilityIntakeDTO].self).contains { $0.caseId == id })
            #expect(try await app.send(.GET, "/api/v1/liability-intake", handler).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/liability-intake", try await app.token("legal.eco")).content.decode([LiabilityIntakeDTO].self).isEmpty)
            // Refunds: by the 法制员, never more than paid.
            #expect(try await app.send(.POST, "\(base)/refunds", handler, refund).status == .forbidden)
            #expect(try await app.send(.POST, "\(base)/refunds", legal, refund.replacingOccurrences(of: "1000.00", with: "1000.01")).errorCode == "REFUND_EXCEEDS_PAID")
            let refunded = try await app.send(.POST, "\(base)/refunds", legal, refund)
            #expect(refunded.status == .created, "\(refunded.body.string)")
            #expect(try refunded.content.get(Int.self, at: "refundedFen") == 100_000)
            #expect(try await app.send(.POST, "\(base)/refunds", legal, refund.replacingOccurrences(of: "1000.00", with: "0.01")).errorCode == "REFUND_EXCEEDS_PAID")
            #expect(try await app.audits(.caseRemedyResult).count == 2)
            #expect(try await app.audits(.caseRefund).count == 1)
        }
    }

    @Test("变更 removes the difference; a refund beyond it is refused")
    func changed() async throws {
        try await withTestApp { app, clock in
            let legal = try await app.token("legal.amr")
            let id = try await Self.finedCase(app)
            let base = "/api/v1/cases/\(id)"
            #expect(try await app.send(.POST, "\(base)/payments", try await app.token("officer.amr1"), Self.pay("3000", "2026-11-20", "CH-1")).status == .created)
            let applied = try await app.send(.POST, "\(base)/remedies", legal,
                                             #"{"kind":"reconsideration","organ":"长春市人民政府","appliedOn":"2026-11-20","receivedOn":"2026-11-20"}"#)
            let r = try #require(try applied.content.get([RemedyDTO].self, at: "remedies").first)
            #expect(try await app.send(.POST, "\(base)/remedies/\(r.id)/result", legal,
                                       #"{"result":"changed","decidedOn":"2026-11-20","documentNumber":"长府复决字〔2026〕90号"}"#).errorCode == "VALIDATION_FAILED")
            let changed = try await app.send(.POST, "\(base)/remedies/\(r.id)/result", legal,
                #"{"result":"changed","decidedOn":"2026-11-20","documentNumber":"长府复决字〔2026〕90号","newSanction":{"kinds":["fine"],"fineAmount":2000}}"#)
            #expect(changed.status == .ok, "\(changed.body.string)")
            #expect(try changed.content.get(Int.self, at: "fineFen") == 200_000)
            let refund = #"{"remedyId":"\#(r.id)","applicant":"长春某食品有限公司","amount":"1000.01","appliedOn":"2026-11-20","paidOn":"2026-11-20"}"#
            #expect(try await app.send(.POST, "\(base)/refunds", legal, refund).errorCode == "REFUND_EXCEEDS_REMOVED")
            #expect(try await app.send(.POST, "\(base)/refunds", legal, refund.replacingOccurrences(of: "1000.01", with: "1000")).status == .created)
            #expect(try await LiabilityIntake.query(on: app.db).filter(\.$caseID == id).count() == 1)
        }
    }

    @Test("quarterly collection report: SQL figures equal the ledger's, scope per role, CSV")
    func quarterly() async throws {
        try await withTestApp { app, clock in
            let supervisor = try await app.token("supervisor1")
            let legal = try await app.token("legal.amr")
            let q = "/api/v1/fine-collections?year=2026&quarter=4&agencyId=\(Self.amr)"
            let before = try await app.send(.GET, q, legal).content.get(FineCollectionReport.Row.self, at: "total")
            let id = try await Self.finedCase(app)
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/payments", try await app.token("officer.amr1"), Self.pay("1200.40", "2026-11-20", "Q-1")).status == .created)
            let after = try await app.send(.GET, q, legal).content.get(FineCollectionReport.Row.self, at: "total")
            #expect(after.decidedCount == before.decidedCount + 1)
            #expect(after.decidedFen == before.decidedFen + 300_000)
            #expect(after.paymentCount == before.paymentCount + 1)
            #expect(after.collectedFineFen == before.collectedFineFen + 120_040)
            #expect(after.outstandingFen == before.outstandingFen + 300_000 - 120_040)
            // Every quarter of 2026 against sums over the rows (the demo's payments, late fees and refunds).
            let payments = try await CasePayment.query(on: app.db).filter(\.$agencyID == Self.amr).all()
            let refunds = try await CaseRefund.query(on: app.db).filter(\.$agencyID == Self.amr).all()
            let decisions = try await CaseDecision.query(on: app.db).all()
            #expect(refunds.count >= 0)
            var seenFee = false
            for quarter in 1...4 {
                let (from, to) = FineCollectionReport.range(year: 2026, quarter: quarter)
                let row = try await app.send(.GET, "/api/v1/fine-collections?year=2026&quarter=\(quarter)&agencyId=\(Self.amr)", supervisor)
                    .content.get([FineCollectionReport.Row].self, at: "rows").first
                let inQ = payments.filter { $0.paidOn >= from && $0.paidOn <= to }
                #expect(row?.collectedFineFen == inQ.reduce(0) { $0 + $1.fineFen })
                #expect(row?.collectedLateFeeFen == inQ.reduce(0) { $0 + $1.lateFeeFen })
                #expect(row?.paymentCount == inQ.count)
                #expect(row?.refundedFen == refunds.filter { $0.paidOn >= from && $0.paidOn <= to }.reduce(0) { $0 + $1.amountFen })
                let decided = decisions.filter { ($0.fineFen ?? 0) > 0 && $0.decidedOn >= from && $0.decidedOn <= to }
                #expect(row?.decidedFen == decided.reduce(0) { $0 + ($1.fineFen ?? 0) })
                if (row?.collectedLateFeeFen ?? 0) > 0 { seenFee = true }
            }
            #expect(seenFee, "the demo has late payments with 加处罚款")
            // A 监督员 sees every body of the jurisdiction; a 法制员 only the own body.
            let all = try await app.send(.GET, "/api/v1/fine-collections?year=2026&quarter=4", supervisor).content.get([FineCollectionReport.Row].self, at: "rows")
            #expect(all.count > 1)
            #expect(try await app.send(.GET, "/api/v1/fine-collections?year=2026&quarter=4", legal).content.get([FineCollectionReport.Row].self, at: "rows").count == 1)
            #expect(try await app.send(.GET, "/api/v1/fine-collections?agencyId=\(DemoIDs.uuid("agency:eco"))", legal).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/fine-collections?quarter=5", legal).errorCode == "VALIDATION_FAILED")
            #expect(try await app.send(.GET, "/api/v1/fine-collections", try await app.token("officer.amr1")).status == .forbidden)
            // Console: the case page's section and the CSV.
            let session = try await app.signIn("legal.amr")
            try await app.testing().test(.GET, "/console/cases/\(id)", headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("执行（罚缴分离）"))
                #expect(res.body.string.contains("第七十二条"))
                #expect(res.body.string.contains("1200.40元"))
            }
            try await app.testing().test(.GET, "/console/fine-collections/csv?year=2026&quarter=4", headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.hasPrefix("执法主体,决定罚款件数"))
                #expect(res.body.string.contains("合计"))
            }
            try await app.testing().test(.GET, "/console/liability-intake", headers: session.headers) { res in
                #expect(res.status == .ok)
            }
            _ = clock
        }
    }

    @Test("console: payment and 复议 forms on the case page, refusals shown on the page")
    func consoleForms() async throws {
        try await withTestApp { app, _ in
            let id = try await Self.finedCase(app)
            let officer = try await app.signIn("officer.amr1")
            func post(_ session: BrowserSession, _ path: String, _ form: [String: String]) async throws -> TestingHTTPResponse {
                var out: TestingHTTPResponse?
                try await app.testing().test(.POST, path, headers: session.headers, beforeRequest: { req in
                    var body = form
                    body["_csrf"] = session.csrf
                    try req.content.encode(body, as: .urlEncodedForm)
                }, afterResponse: { res in out = res })
                return try #require(out)
            }
            let base = "/console/cases/\(id)"
            let over = try await post(officer, "\(base)/payments", ["amount": "3000.01", "paidOn": "2026-11-20", "receiptNumber": "C-1", "channel": "bank"])
            #expect(over.status == .badRequest)
            #expect(over.body.string.contains("超过应缴金额"))
            let ok = try await post(officer, "\(base)/payments", ["amount": "500", "paidOn": "2026-11-20", "receiptNumber": "C-1", "channel": "online"])
            #expect(ok.status == .ok)
            #expect(ok.body.string.contains("已登记缴款"))
            #expect(ok.body.string.contains("2500.00元"))
            // 复议 forms are the 法制员's.
            #expect(try await post(officer, "\(base)/remedies", ["remedyKind": "reconsideration"]).status == .forbidden)
            let legal = try await app.signIn("legal.amr")
            let applied = try await post(legal, "\(base)/remedies", ["remedyKind": "reconsideration", "organ": "长春市人民政府",
                                                                       "appliedOn": "2026-11-20", "receivedOn": "2026-11-20"])
            #expect(applied.status == .ok)
            #expect(applied.body.string.contains("已登记行政复议"))
            let remedy = try #require(try await CaseRemedy.query(on: app.db).filter(\.$enforcementCase.$id == id).first())
            let result = try await post(legal, "\(base)/remedies/\(try remedy.requireID())/result",
                                        ["result": "unlawful", "decidedOn": "2026-11-20", "documentNumber": "长府复决字〔2026〕91号"])
            #expect(result.status == .ok)
            #expect(result.body.string.contains("已转责任追究待处理"))
            try await app.testing().test(.GET, "/console/liability-intake", headers: legal.headers) { res in
                #expect(res.body.string.contains("确认违法"))
            }
        }
    }
}
