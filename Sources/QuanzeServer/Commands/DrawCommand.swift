import Fluent
import Foundation
import QuanzeCore
import Vapor

/// `quanze draw verify --plan <id>`: re-runs a plan's 双随机 draw from the database and compares it
/// with the stored result. `quanze draw run --input plan.json`: re-runs a draw offline from the
/// public JSON (`GET /api/v1/public/inspection-plans/:id`, or a bare draw input) and prints it.
/// Both exit non-zero when the draw cannot be re-run or does not match.
struct DrawCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify | run | review")
        var action: String
        @Option(name: "plan", help: "抽查计划 ID（verify）或案卷评查方案 ID（review）")
        var plan: String?
        @Option(name: "input", help: "公示数据 JSON 文件（run）")
        var input: String?
    }

    var help: String { "双随机抽取：verify 按数据库中的公布数据重新抽取并比对；run 按下载的公示 JSON 离线重新抽取；review 重新抽取案卷评查方案的案卷并比对" }

    func run(using context: CommandContext, signature: Signature) async throws {
        switch signature.action {
        case "verify": try await verify(context, planID: signature.plan)
        case "run": try run(context, path: signature.input)
        case "review": try await review(context, planID: signature.plan)
        default: throw CommandFailure("未知操作：\(signature.action)（应为 verify 或 run）")
        }
    }

    private func verify(_ context: CommandContext, planID raw: String?) async throws {
        guard let raw, let id = UUID(uuidString: raw) else { throw CommandFailure("请用 --plan 指定抽查计划 ID") }
        let db = context.application.db
        guard let plan = try await InspectionPlan.find(id, on: db) else { throw CommandFailure("抽查计划不存在：\(raw)") }
        guard let v = try await InspectionQueries.verify(plan, on: db) else { throw CommandFailure("抽查计划尚未抽取") }
        context.console.print("计划：\(plan.name)  算法：\(v.input.algorithm)  种子：\(v.input.seed)")
        context.console.print("对象库摘要：\(plan.poolDigest ?? "")（\(v.poolDigestMatches ? "一致" : "不一致")）")
        Self.print(v.recomputed, context)
        if v.matches {
            context.console.success("验证一致：重新抽取的结果与保存的抽取结果相同")
        } else {
            context.console.error("验证不一致：\(v.error ?? "重新抽取的结果与保存的不同")")
            throw CommandFailure("抽取结果验证失败")
        }
    }

    /// `quanze draw review --plan <id>`: re-runs a 案卷评查 plan's draw (quanze-review-draw-v1).
    private func review(_ context: CommandContext, planID raw: String?) async throws {
        guard let raw, let id = UUID(uuidString: raw) else { throw CommandFailure("请用 --plan 指定案卷评查方案 ID") }
        let db = context.application.db
        guard let plan = try await ReviewPlan.find(id, on: db) else { throw CommandFailure("案卷评查方案不存在：\(raw)") }
        let v: FileReviewPlanService.Verification
        do { v = try await FileReviewPlanService.verify(plan, on: db) } catch let e as AppError { throw CommandFailure(e.message) }
        context.console.print("方案：\(plan.name)  算法：\(v.algorithm)  种子：\(v.seed)")
        for f in v.files { context.console.print("  \(f.body)  \(f.order)  \(f.caseNumber)  [\(f.stratum)]") }
        if v.matches {
            context.console.success("验证一致：重新抽取的案卷与保存的抽取结果相同")
        } else {
            context.console.error("验证不一致：重新抽取的案卷与保存的不同")
            throw CommandFailure("抽取结果验证失败")
        }
    }

    private func run(_ context: CommandContext, path: String?) throws {
        guard let path else { throw CommandFailure("请用 --input 指定公示数据 JSON 文件") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("无法读取文件：\(path)") }
        guard let input = try? Self.input(from: data) else { throw CommandFailure("不是有效的公示数据或抽取输入：\(path)") }
        let result = try Self.draw(input)
        context.console.print("算法：\(input.algorithm)  种子：\(input.seed)")
        context.console.print("对象库摘要：\(RandomDraw.poolDigest(input.objects))")
        Self.print(result, context)
        if let published = try? JSONDecoder().decode(Published.self, from: data).assignments {
            let stored = published.map { DrawAssignment(order: $0.order, object: $0.objectCode, inspectors: $0.inspectors.map(\.certificateNumber)) }
            guard stored == result else {
                context.console.error("与文件中公布的抽取结果不一致")
                throw CommandFailure("抽取结果验证失败")
            }
            context.console.success("与文件中公布的抽取结果一致")
        }
    }

    private static func draw(_ input: DrawInput) throws -> [DrawAssignment] {
        switch Result(catching: { () throws(DrawError) -> [DrawAssignment] in try RandomDraw.run(input) }) {
        case .success(let r): return r
        case .failure(let e): throw CommandFailure("无法抽取：\(e.description)")
        }
    }

    /// The public plan JSON (its `draw` key) or a bare draw input.
    static func input(from data: Data) throws -> DrawInput {
        struct Wrapper: Decodable { var draw: DrawInput }
        if let w = try? JSONDecoder().decode(Wrapper.self, from: data) { return w.draw }
        return try JSONDecoder().decode(DrawInput.self, from: data)
    }

    private struct Published: Decodable {
        struct Seat: Decodable { var certificateNumber: String }
        struct Row: Decodable { var order: Int; var objectCode: String; var inspectors: [Seat] }
        var assignments: [Row]
    }

    private static func print(_ result: [DrawAssignment], _ context: CommandContext) {
        for a in result { context.console.print("\(a.order)\t\(a.object)\t\(a.inspectors.joined(separator: " "))") }
    }
}
