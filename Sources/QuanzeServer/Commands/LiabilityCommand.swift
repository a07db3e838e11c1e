import Fluent
import Foundation
import QuanzeCore
import Vapor

/// `quanze liability oversee`: the oversight of the pursuer (issue 6 item 8). Opens an intake item against
/// the pursuing body for every item past its intake deadline without an outcome and every matter past its
/// decision deadline, where the jurisdiction's profile has `liability_pursuer_liable`. Idempotent; the same
/// sweep runs whenever the intake list is read.
struct LiabilityCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "oversee")
        var action: String
    }

    var help: String { "责任追究：oversee 检查追究机关逾期（逾期未立案、逾期未作出决定的，转为对追究机关的线索）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "oversee" else { throw CommandFailure("未知操作：\(signature.action)（应为 oversee）") }
        let app = context.application
        let r = try await PursuerOversight.sweep(services: app.services, on: app.db)
        context.console.print("checked \(r.checked) lapsed items and matters; opened \(r.opened) items against the pursuing body")
    }
}
