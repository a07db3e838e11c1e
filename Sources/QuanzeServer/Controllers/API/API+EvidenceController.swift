import Fluent
import QuanzeCore
import Vapor

/// 证据文件: upload (raw body, streamed; type recognised from the content) and download.
/// Attaching a file to a case is a `RecordLog` entry of kind `evidence` naming its sha256.
struct APIEvidenceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "evidence", body: .stream, use: upload)
        routes.get("evidence", ":sha256", use: download)
    }

    /// `POST /api/v1/evidence?name=<original file name>` with the file as the raw body.
    @Sendable func upload(req: Request) async throws -> Response {
        let p = try req.require(.officer, .legalOfficer, .supervisor)
        let name = try req.query[String.self, at: "name"].map { try TextInput.name($0, field: "name", max: 100) }
        let store = EvidenceStore(settings: req.services.records)
        let length = req.headers.first(name: .contentLength).flatMap(Int.init)
        let stored = try await store.store(req.body, declaredLength: length, originalName: name, uploader: p.username,
                                           now: req.now, on: req.db)
        if stored.created {
            try await req.audit(.evidenceUpload, .success, target: stored.file.id, detail: "\(stored.file.mediaType) \(stored.file.size) 字节")
        }
        return try await EvidenceDTO(stored.file).encodeResponse(status: stored.created ? .created : .ok, for: req)
    }

    @Sendable func download(req: Request) async throws -> Response {
        try req.require(.officer, .legalOfficer, .supervisor, .reviewer)
        guard let sha = req.parameters.get("sha256"), EvidenceStore.isSHA256(sha),
              let file = try await EvidenceFile.find(sha, on: req.db) else { throw AppError.notFound }
        let path = EvidenceStore(settings: req.services.records).path(sha)
        guard FileManager.default.fileExists(atPath: path) else {
            throw AppError("EVIDENCE_MISSING", .notFound, "证据文件已登记但存储中找不到，请运行 quanze records verify")
        }
        let res = try await req.fileio.asyncStreamFile(at: path)
        res.headers.replaceOrAdd(name: .contentType, value: file.mediaType)
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(sha)\"")
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: "X-Content-SHA256", value: sha)
        return res
    }
}
