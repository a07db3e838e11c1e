import Vapor

/// `quanze records verify|checkpoint|public-key`:
/// - verify: checks every entry, stream chain, checkpoint and evidence file; prints one line per
///   problem naming the entry index, stream position, checkpoint size or file, and exits non-zero;
/// - checkpoint: signs a checkpoint of the current log now and prints it (e.g. before a backup);
/// - public-key: prints the platform's verifier key.
struct RecordsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify、checkpoint 或 public-key")
        var action: String
    }

    var help: String { "全过程记录：校验（verify）、签发检查点（checkpoint）、输出公钥（public-key）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let settings = app.services.records
        switch signature.action {
        case "verify":
            let report = try await RecordVerifier.verify(settings: settings, on: app.db)
            for problem in report.problems { context.console.error(problem.description) }
            if report.ok {
                context.console.success(report.summary)
            } else {
                context.console.error(report.summary)
                throw CommandFailure("全过程记录校验失败")
            }
        case "checkpoint":
            let cp = try await RecordLog.signCheckpoint(settings: settings, now: app.services.clock.now(), on: app.db)
            context.console.print(cp.note, newLine: false)
        case "public-key":
            context.console.print(try RecordKeys.verifierKey(settings))
        default:
            throw CommandFailure("未知操作：\(signature.action)（应为 verify、checkpoint 或 public-key）")
        }
    }
}
