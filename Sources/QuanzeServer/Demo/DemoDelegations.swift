import Fluent
import Foundation
import QuanzeCore

/// Demo 委托执法, one in each state, dated from the loading day: 长春市市场监督管理局 delegates its
/// food-licence penalty (XZCF-001) to 长春市食品安全稽查支队 (filed, in force) and, earlier, to the
/// 市场监管综合行政执法支队 (expired); a newer decision to that 支队 is not filed and past its
/// 15-day filing period (changchun, 004_* 篇十二 二(一)3).
enum DemoDelegations {
    /// 长春市食品安全稽查支队, a confirmed and announced 受委托组织 (a row of `DemoAgencies`).
    static let delegateKey = "foodteam"

    static func load(on db: any Database, now: Date, services: AppServices) async throws {
        let today = LocalDate(instant: now)
        let current = today.adding(months: -3)
        let expired = today.adding(months: -27)
        let pending = today.adding(days: -20)
        try await create("current", to: delegateKey, decided: current, months: 24, filedAfter: 10, services: services, on: db)
        try await create("expired", to: "amrteam", decided: expired, months: 24, filedAfter: 12, services: services, on: db)
        try await create("unfiled", to: "amrteam", decided: pending, months: 12, filedAfter: nil, services: services, on: db)
    }

    private static func create(_ key: String, to delegate: String, decided: LocalDate, months: Int, filedAfter: Int?,
                               services: AppServices, on db: any Database) async throws {
        let d = Delegation()
        d.id = DemoIDs.uuid("delegation:\(key)")
        d.$jurisdiction.id = DemoIDs.uuid(DemoData.jurisdictionKey)
        d.$delegatingAgency.id = DemoIDs.uuid("agency:amr")
        d.$delegateAgency.id = DemoIDs.uuid("agency:\(delegate)")
        d.basis = "《中华人民共和国行政处罚法》第二十条；《中华人民共和国食品安全法》第一百二十二条"
        d.basisArticleIDs = [DemoIDs.uuid("article:foodsafety:第一百二十二条")]
        d.decisionOn = decided.iso
        d.termStart = decided.adding(days: 1).iso
        d.termEnd = decided.adding(days: 1).adding(months: months).adding(days: -1).iso
        d.status = .draft
        d.createdBy = "legal.amr"
        let due = try await DelegationDeadline.filingDue(decidedOn: decided, jurisdictionID: d.$jurisdiction.id, services: services, on: db)
        d.filingDue = due?.date.iso
        d.filingDueSource = due?.source
        if let days = filedAfter {
            d.status = .filed
            d.filedOn = decided.adding(days: days).iso
            d.filingRef = "长司委备〔\(decided.year)〕\(days)号"
            d.filingReport = "关于委托实施食品经营违法行为行政处罚的备案报告"
            d.entrustmentLetter = "长市监委〔\(decided.year)〕\(days)号 行政执法委托书"
            d.announcementDocument = "长春市市场监督管理局公告〔\(decided.year)〕第\(days)号"
            d.filedBy = "supervisor1"
        }
        try await d.create(on: db)
        try await DelegationItem(delegationID: d.id!, powerItemID: DemoIDs.uuid("power:amr:XZCF-001")).create(on: db)
        try await DelegationEvent(delegationID: d.id!, kind: "decided", summary: "作出书面委托决定（\(decided.iso)）", actor: "legal.amr").create(on: db)
        if let filed = d.filedOn {
            try await DelegationEvent(delegationID: d.id!, kind: "filed", summary: "备案（\(filed)，\(d.filingRef ?? "")）", actor: "supervisor1").create(on: db)
        }
    }
}
