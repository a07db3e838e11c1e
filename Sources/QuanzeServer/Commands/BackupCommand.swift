import Vapor

/// `quanze backup <folder>`: a consistent copy while the server runs (see `Backup`).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "folder", help: "备份目录（不存在或为空）")
        var folder: String
    }

    var help: String { "在线备份：签发检查点，复制数据库（SQLite VACUUM INTO / pg_dump）、证据文件和签名密钥，并写出清单" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        do {
            let m = try await Backup.create(app: app, into: signature.folder, now: app.services.clock.now())
            context.console.success("备份完成：\(signature.folder)（\(m.storage)，\(m.files.count) 个文件，检查点 \(m.checkpoint.treeSize) 条记录，根哈希 \(m.checkpoint.rootHash)）")
        } catch let e as BackupError {
            context.console.error(e.description)
            throw CommandFailure("备份失败")
        }
    }
}

/// `quanze restore <folder> [--force]`, run with the server stopped and before the app opens its
/// database (so it is handled ahead of `configure`, see `QuanzeApp.run`).
enum RestoreCommand {
    static func run(arguments: [String], options: AppOptions) async throws {
        let rest = Array(arguments.drop { $0 != "restore" }.dropFirst())
        let force = rest.contains("--force")
        guard let folder = rest.first(where: { !$0.hasPrefix("-") }) else {
            print("用法：quanze restore <备份目录> [--force]")
            throw CommandFailure("缺少备份目录")
        }
        do {
            let report = try await Backup.restore(from: folder, options: options, force: force)
            print("恢复完成：检查点 \(report.manifest.checkpoint.treeSize) 条记录、根哈希 \(report.manifest.checkpoint.rootHash) 一致")
            print(report.recordsSummary)
            print(report.auditSummary)
        } catch let e as BackupError {
            FileHandle.standardError.write(Data("恢复失败：\(e.description)\n".utf8))
            throw CommandFailure("恢复失败")
        }
    }
}
