import Fluent
import QuanzeCore
import Vapor

/// 导入权责清单 in the console: the body's 法制员 uploads a CSV file (multipart, with the CSRF token)
/// from the body's page and sees either “已导入 N 项” or every problem by row and column.
struct PowerListImportPagesController: RouteCollection {
    /// The file limit plus room for the multipart envelope.
    static let maxBody: ByteCount = "3mb"

    func boot(routes: any RoutesBuilder) throws {
        let base = routes.grouped("console", "agencies", ":agencyID", "power-items", "import")
        base.on(.POST, body: .collect(maxSize: Self.maxBody), use: upload)
            .userInfo[CSRFMiddleware.bodyLimitKey] = Self.maxBody.value
        base.get("template.csv", use: template)
    }

    struct Upload: Content {
        var file: File?
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let (p, agency) = try await ownAgency(req)
        var page = PowerListImportPage(principal: p, agency: agency)
        guard let file = (try? req.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            page.problems = [CSVRowProblem(row: nil, column: nil, message: "请选择要导入的 CSV 文件")]
            return page.render().response(status: .unprocessableEntity)
        }
        do {
            page.imported = try await PowerListImport.run(agency: agency, data: Data(file.data.readableBytesView), req: req)
            return page.render().response()
        } catch let e as AppError where e.code == PowerListImport.invalidCode {
            page.problems = e.details?.rows ?? []
            return page.render().response(status: .unprocessableEntity)
        }
    }

    /// The template: every column and one example row, UTF-8 with a byte-order mark.
    @Sendable func template(req: Request) async throws -> Response {
        _ = try await ownAgency(req)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: #"attachment; filename="power-list-template.csv""#)
        return Response(status: .ok, headers: headers, body: .init(string: PowerListTemplate.text))
    }

    private func ownAgency(_ req: Request) async throws -> (Principal, Agency) {
        let p = try req.require(.legalOfficer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard agency.id == p.agencyID else { throw AppError.outOfScope }
        return (p, agency)
    }
}
