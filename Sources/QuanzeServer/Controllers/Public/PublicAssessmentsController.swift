import Fluent
import QuanzeCore
import Vapor

/// Portal: published assessment results of bodies, and the evaluation card.
struct PublicAssessmentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assessments", use: index)
        routes.get("evaluate", use: card)
        routes.post("evaluate", use: submit)
    }

    struct CardForm: Content { var code: String?; var agencyId: String?; var rating: String?; var comment: String? }

    @Sendable func index(req: Request) async throws -> Response {
        let plans = try await APIAssessmentsController().published(req: req)
        return PublicAssessmentsPage(plans: plans).render().response()
    }

    private func agencies(_ req: Request) async throws -> [Agency] {
        try await Agency.query(on: req.db).filter(\.$isLegalOffice == false).filter(\.$status == .announced).sort(\.$name).all()
    }

    @Sendable func card(req: Request) async throws -> Response {
        EvaluationCardPage(agencies: try await agencies(req), code: req.query[String.self, at: "code"].map { String($0.prefix(20)) } ?? "").render().response()
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let form = (try? req.content.decode(CardForm.self)) ?? CardForm()
        do {
            try await req.requirePortalRate(.evaluation)
            _ = try await EvaluationService.submit(.init(agencyID: form.agencyId.flatMap(UUID.init(uuidString:)), code: form.code,
                                                         rating: Int(form.rating ?? "") ?? 0, comment: form.comment), req: req)
            return EvaluationCardPage(agencies: try await agencies(req), message: "感谢您的评议，已提交。").render().response()
        } catch let e as AppError where [.unprocessableEntity, .conflict, .notFound, .tooManyRequests].contains(e.status) {
            return EvaluationCardPage(agencies: try await agencies(req), error: "\(e.message)（\(e.code)）", code: form.code ?? "")
                .render().response(status: e.status)
        }
    }
}
