import Vapor

/// `quanze audit verify`: recomputes the audit hash chain; exits with an error when a row was
/// edited or deleted.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "校验安全审计日志的哈希链（发现删除或篡改时以非零状态退出）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else { throw CommandFailure("未知操作：\(signature.action)（应为 verify）") }
        let result = try await AuditQueries.verify(on: context.application.db)
        if result.ok {
            context.console.success(result.summary)
        } else {
            context.console.error(result.summary)
            throw CommandFailure("审计链校验失败")
        }
    }
}
