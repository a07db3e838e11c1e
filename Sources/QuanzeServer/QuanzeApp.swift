import Fluent
import Logging
import QuanzeCore
import Vapor

/// The `quanze` executable's whole life: read options, configure, run the chosen command.
/// `serve` also accepts `--demo` (demo mode; loads the demo data into an empty database) and
/// `--no-auto-migrate`.
public enum QuanzeApp {
    public static func run(arguments: [String] = CommandLine.arguments) async throws {
        var args = arguments
        var flags = (demo: false, noAutoMigrate: false)
        // Vapor serves when no subcommand is given, too.
        let command = args.dropFirst().first
        let isHelp = args.contains("--help") || args.contains("-h")
        let isServe = !isHelp && (command == nil || command == "serve" || command?.hasPrefix("-") == true)
        if isServe, let i = args.firstIndex(of: "--demo") {
            args.remove(at: i)
            flags.demo = true
        }
        if isServe, let i = args.firstIndex(of: "--no-auto-migrate") {
            args.remove(at: i)
            flags.noAutoMigrate = true
        }
        var env = try Environment.detect(arguments: args)
        try LoggingSystem.bootstrap(from: &env) { level in
            { label in
                var handler = MaskingLogHandler(inner: StreamLogHandler.standardOutput(label: label))
                handler.logLevel = level
                return handler
            }
        }
        let app = try await Application.make(env)
        // Read after `Application.make`, which loads `.env` files into the environment.
        var options = AppOptions.fromEnvironment()
        if flags.demo { (options.demoMode, options.loadDemoData) = (true, true) }
        if command == "restore", !isHelp {
            // Before `configure`: the restore replaces the database the app would otherwise open.
            try await app.asyncShutdown()
            try await RestoreCommand.run(arguments: args, options: options)
            return
        }
        if flags.noAutoMigrate { options.autoMigrate = false }
        do {
            try await configure(app, options: options)
            app.asyncCommands.use(DemoCommand(), as: "demo")
            app.asyncCommands.use(UserCommand(), as: "user")
            app.asyncCommands.use(AuditCommand(), as: "audit")
            app.asyncCommands.use(RecordsCommand(), as: "records")
            app.asyncCommands.use(DrawCommand(), as: "draw")
            app.asyncCommands.use(BenchCommand(), as: "bench")
            app.asyncCommands.use(ChecksCommand(), as: "checks")
            app.asyncCommands.use(LiabilityCommand(), as: "liability")
            app.asyncCommands.use(BackupCommand(), as: "backup")
            if isServe {
                if options.autoMigrate { try await app.autoMigrate() }
                if options.loadDemoData, try await DemoData.loadIfEmpty(app) { print(DemoData.banner) }
                if options.demoMode { app.logger.warning("演示模式：演示账号可登录，请勿用于生产。") }
            }
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
