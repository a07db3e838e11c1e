import Fluent
import QuanzeCore
import Vapor

/// Public 全过程记录 API: the latest signed checkpoint, consistency proofs between sizes, and
/// inclusion proofs of single leaves. Only hashes are public; entry contents are not.
struct APIPublicRecordsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("public", "records")
        r.get("checkpoint", use: checkpoint)
        r.get("consistency", use: consistency)
        r.get("entries", ":index", "inclusion", use: inclusion)
    }

    /// JSON by default; `?format=note` gives the signed note as a downloadable text file.
    @Sendable func checkpoint(req: Request) async throws -> Response {
        let format = req.query[String.self, at: "format"]
        guard format == nil || format == "json" || format == "note" else {
            throw AppError.validation("format", "取值须为 json 或 note")
        }
        let settings = req.services.records
        let cp = try await RecordLog.currentCheckpoint(settings: settings, now: req.now, on: req.db)
        if format == "note" {
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"checkpoint-\(cp.treeSize).txt\"")
            return Response(status: .ok, headers: headers, body: .init(string: cp.note))
        }
        return try await RecordCheckpointDTO(cp, verifierKey: try RecordKeys.verifierKey(settings)).encodeResponse(for: req)
    }

    @Sendable func consistency(req: Request) async throws -> RecordConsistencyDTO {
        let size = try await RecordLog.size(on: req.db)
        let from = try Self.count(req, "from", required: true)!
        let to = try Self.count(req, "to", required: true)!
        guard from >= 1 else { throw AppError.validation("from", "须不小于 1") }
        guard to <= size else { throw AppError.validation("to", "不能大于当前记录总数 \(size)") }
        guard from <= to else { throw AppError.validation("from", "不能大于 to") }
        let algorithm = req.services.records.algorithm
        let p = try await RecordLog.consistencyProof(from: from, to: to, algorithm: algorithm, on: req.db)
        return RecordConsistencyDTO(from: from, to: to, algorithm: algorithm.rawValue, fromRoot: Hex.encode(p.oldRoot),
                                    toRoot: Hex.encode(p.newRoot), proof: p.proof.map(Hex.encode))
    }

    /// `?size=` defaults to the latest checkpoint's size.
    @Sendable func inclusion(req: Request) async throws -> RecordInclusionDTO {
        guard let raw = req.parameters.get("index"), let index = Self.parse(raw) else { throw AppError.notFound }
        let current = try await RecordLog.size(on: req.db)
        let size: Int64
        if let given = try Self.count(req, "size", required: false) {
            guard given <= current else { throw AppError.validation("size", "不能大于当前记录总数 \(current)") }
            size = given
        } else {
            guard let latest = try await RecordLog.latestCheckpoint(on: req.db) else {
                throw AppError.validation("size", "尚无已签名检查点，请指定树大小", code: "required")
            }
            size = latest.treeSize
        }
        guard index < size else { throw AppError.validation("size", "须大于条目序号 \(index)") }
        let algorithm = req.services.records.algorithm
        let proof = try await RecordLog.inclusionProof(index: index, treeSize: size, algorithm: algorithm, on: req.db)
        return RecordInclusionDTO(proof, algorithm: algorithm, checkpoint: try await RecordLog.checkpoint(size: size, on: req.db))
    }

    /// A non-negative integer query value; present but empty or malformed is 422.
    static func count(_ req: Request, _ name: String, required: Bool) throws -> Int64? {
        guard let raw = req.query[String.self, at: name] else {
            if required { throw AppError.validation(name, "必填", code: "required") }
            return nil
        }
        guard let value = parse(raw) else { throw AppError.validation(name, "须为非负整数") }
        return value
    }

    static func parse(_ raw: String) -> Int64? {
        guard !raw.isEmpty, raw.count <= 15, raw.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int64(raw)
    }
}
