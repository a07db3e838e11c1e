import Crypto
import Fluent
import Foundation
import Vapor
import QuanzeCore

/// Evidence files (证据文件), stored content-addressed: `<data dir>/evidence/ab/cd/<sha256>`, one file
/// per distinct content (an identical upload reuses it). Written to a temporary file while hashing,
/// flushed, then renamed into place, so a file under its name is always complete. The type is
/// recognised from the content (`EvidenceMediaType.sniff`) and its size limit enforced while reading.
struct EvidenceStore {
    let directory: String

    init(settings: RecordSettings) { directory = settings.evidenceDirectory }

    static func relativePath(_ sha256: String) -> String {
        "evidence/\(sha256.prefix(2))/\(sha256.dropFirst(2).prefix(2))/\(sha256)"
    }

    func path(_ sha256: String) -> String {
        ((directory as NSString).deletingLastPathComponent as NSString).appendingPathComponent(Self.relativePath(sha256))
    }

    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    struct Stored: Sendable {
        var file: EvidenceFile
        var created: Bool
    }

    /// Reads `body` to a temporary file, refusing unknown types (415) and oversize files (413) as
    /// soon as they show, then moves it into place and records its row.
    func store<S: AsyncSequence>(_ body: S, declaredLength: Int?, originalName: String?, uploader: String?, now: Date,
                                 on db: any Database) async throws -> Stored where S.Element == ByteBuffer {
        if let declaredLength, declaredLength > EvidenceMediaType.maxSize { throw Self.tooLarge(nil) }
        let tmpDir = (directory as NSString).appendingPathComponent("tmp")
        try FileManager.default.createDirectory(atPath: tmpDir, withIntermediateDirectories: true)
        let tmp = (tmpDir as NSString).appendingPathComponent(UUID().uuidString)
        guard FileManager.default.createFile(atPath: tmp, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: tmp) else { throw EvidenceStoreError.cannotWrite }
        var moved = false
        defer {
            try? handle.close()
            if !moved { try? FileManager.default.removeItem(atPath: tmp) }
        }
        var hasher = SHA256()
        var size = 0
        var head: [UInt8] = []
        var type: EvidenceMediaType?
        for try await chunk in body {
            let bytes = Data(chunk.readableBytesView)
            size += bytes.count
            if type == nil {
                head.append(contentsOf: bytes.prefix(max(0, EvidenceMediaType.sniffLength - head.count)))
                if head.count >= EvidenceMediaType.sniffLength {
                    guard let t = EvidenceMediaType.sniff(head) else { throw Self.typeRefused }
                    type = t
                }
            }
            if size > (type?.maxSize ?? EvidenceMediaType.maxSize) { throw Self.tooLarge(type) }
            hasher.update(data: bytes)
            try handle.write(contentsOf: bytes)
        }
        if type == nil { type = EvidenceMediaType.sniff(head) }
        guard let type, size > 0 else { throw Self.typeRefused }
        if size > type.maxSize { throw Self.tooLarge(type) }
        try handle.synchronize()
        let sha = Hex.encode(Data(hasher.finalize()))
        let target = path(sha)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: target) {
            try? FileManager.default.removeItem(atPath: tmp)
        } else if rename(tmp, target) != 0 {
            throw EvidenceStoreError.cannotWrite
        }
        moved = true
        if let existing = try await EvidenceFile.find(sha, on: db) { return Stored(file: existing, created: false) }
        let file = EvidenceFile()
        file.id = sha
        file.size = Int64(size)
        file.mediaType = type.rawValue
        file.originalName = originalName
        file.storedPath = Self.relativePath(sha)
        file.uploadedBy = uploader
        file.createdAt = now
        do {
            try await file.create(on: db)
        } catch {
            // A concurrent upload of the same content recorded it first.
            if let existing = try await EvidenceFile.find(sha, on: db) { return Stored(file: existing, created: false) }
            throw error
        }
        return Stored(file: file, created: true)
    }

    /// Hashes the stored bytes of `sha256` (nil when the file is missing).
    func digest(of sha256: String) throws -> String? {
        guard let handle = FileHandle(forReadingAtPath: path(sha256)) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return Hex.encode(Data(hasher.finalize()))
    }

    static let typeRefused = AppError(
        "EVIDENCE_TYPE_REFUSED", .unsupportedMediaType,
        "证据文件类型不受支持：按文件内容识别，仅接受 JPEG、PNG 图片，PDF 文档，MP3、WAV、AMR、OGG 音频和 MP4 视频")

    static func tooLarge(_ type: EvidenceMediaType?) -> AppError {
        let limit = (type?.maxSize ?? EvidenceMediaType.maxSize) / EvidenceMediaType.megabyte
        return AppError("EVIDENCE_TOO_LARGE", .payloadTooLarge,
                        "证据文件过大：\(type.map { $0.label + "不超过" } ?? "证据文件不超过") \(limit) MB（图片和 PDF 20 MB，音频 50 MB，视频 200 MB）")
    }
}

enum EvidenceStoreError: Error, CustomStringConvertible {
    case cannotWrite

    var description: String { "无法写入证据文件存储目录" }
}
