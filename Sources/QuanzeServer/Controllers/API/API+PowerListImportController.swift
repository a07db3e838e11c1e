import Fluent
import QuanzeCore
import Vapor

/// 导入权责清单 API: the body's 法制员 posts a CSV file's text as `{"csv": "…"}`; 201 with the
/// created drafts, or 422 CSV_INVALID listing every problem by row and column (nothing imported).
struct APIPowerListImportController: RouteCollection {
    /// The JSON body may be larger than the file's limit (escapes); the file limit itself is `PowerListCSV.maxBytes`.
    static let maxBody: ByteCount = "4mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "agencies", ":agencyID", "power-items", "import", body: .collect(maxSize: Self.maxBody), use: create)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard agency.id == p.agencyID else { throw AppError.outOfScope }
        let input = try req.decodeStrict(PowerListImportInput.self)
        let items = try await PowerListImport.run(agency: agency, data: Data(input.csv.utf8), req: req)
        return try await PowerListImportResultDTO(count: items.count, items: items).encodeResponse(status: .created, for: req)
    }
}
