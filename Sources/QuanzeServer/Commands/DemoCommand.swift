import Vapor

/// `quanze demo`: migrate, then load the demo data set into an empty database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "载入演示数据（仅当数据库为空时）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        if try await DemoData.loadIfEmpty(app) {
            context.console.print(DemoData.banner)
        } else {
            context.console.warning("数据库不为空，未载入演示数据。")
        }
    }
}
