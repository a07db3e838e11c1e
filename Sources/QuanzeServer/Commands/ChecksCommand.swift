import Fluent
import Foundation
import QuanzeCore
import Vapor

/// `quanze checks run --year 2026 [--agency <id>]`: (re)runs the automatic pre-check over every
/// closed case of the year (closing year), of one body or all, and prints the figures and the time.
struct ChecksCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "run")
        var action: String
        @Option(name: "year", help: "结案年度（默认今年）")
        var year: Int?
        @Option(name: "agency", help: "执法主体 ID（默认全部）")
        var agency: String?
    }

    var help: String { "结案自动预审：run 重新预审某年度（某执法主体）的全部结案案件" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "run" else { throw CommandFailure("未知操作：\(signature.action)（应为 run）") }
        let app = context.application
        let year = signature.year ?? LocalDate(instant: app.services.clock.now()).year
        var agencyID: UUID?
        if let raw = signature.agency {
            guard let id = UUID(uuidString: raw), try await Agency.find(id, on: app.db) != nil else { throw CommandFailure("执法主体不存在：\(raw)") }
            agencyID = id
        }
        let start = ContinuousClock.now
        let r = try await CaseCheckService.run(agencyID: agencyID, year: year, services: app.services, on: app.db)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        try await app.services.audit.append(AuditEvent(action: .caseChecksRun, outcome: .success, actorName: "system",
                                                       detail: "命令行预审 \(year) 年：\(r.cases) 件，\(r.casesWithFindings) 件有问题，共 \(r.findings) 项"),
                                            on: app.db, now: app.services.clock.now())
        context.console.print("checked \(r.cases) closed cases of \(year) in \(String(format: "%.2f", seconds)) s"
                              + (seconds > 0 ? " (\(Int(Double(r.cases) / seconds)) cases/s)" : "")
                              + "; \(r.casesWithFindings) with findings, \(r.findings) findings")
    }
}
