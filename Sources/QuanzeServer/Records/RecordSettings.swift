import Crypto
import Foundation
import QuanzeCore

/// The deployment's 全过程记录 settings: hash algorithm, checkpoint origin, evidence directory, and
/// the platform's Ed25519 signing key (from `QUANZE_RECORD_KEY`, else the key file
/// `<data dir>/record-signing.key`, created with mode 0600 on first use and never overwritten).
final class RecordSettings: @unchecked Sendable {
    let algorithm: RecordHashAlgorithm
    let origin: String
    let dataDirectory: String
    private let configuredKey: String?
    private let lock = NSLock()
    private var cached: Curve25519.Signing.PrivateKey?

    /// How old the latest checkpoint may get before the public endpoint signs a new one (when the log grew).
    static let checkpointInterval: TimeInterval = 10 * 60

    init(options: AppOptions) {
        algorithm = options.recordHash
        origin = options.recordOrigin
        dataDirectory = options.dataDirectory
        configuredKey = options.recordKey
    }

    var keyName: String { origin }
    var evidenceDirectory: String { (dataDirectory as NSString).appendingPathComponent("evidence") }
    var keyFile: String { (dataDirectory as NSString).appendingPathComponent("record-signing.key") }

    func signingKey() throws -> Curve25519.Signing.PrivateKey {
        try lock.withLock {
            if let cached { return cached }
            let key = try loadKey()
            cached = key
            return key
        }
    }

    func publicKey() throws -> Curve25519.Signing.PublicKey { try signingKey().publicKey }

    func check() throws -> RecordLogCheck {
        RecordLogCheck(algorithm: algorithm, keyName: keyName, publicKey: try publicKey())
    }

    private func loadKey() throws -> Curve25519.Signing.PrivateKey {
        if let configuredKey {
            guard let raw = Data(base64Encoded: configuredKey) else { throw RecordKeyError.invalid("QUANZE_RECORD_KEY") }
            return try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        }
        let fm = FileManager.default
        if let text = try? String(contentsOfFile: keyFile, encoding: .utf8) {
            guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw RecordKeyError.invalid(keyFile) }
            return try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        }
        try fm.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let key = Curve25519.Signing.PrivateKey()
        // O_EXCL: if another process created the file meanwhile, use its key instead.
        let fd = open(keyFile, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            guard let text = try? String(contentsOfFile: keyFile, encoding: .utf8),
                  let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw RecordKeyError.invalid(keyFile) }
            return try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        }
        let bytes = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        guard written == bytes.count else { throw RecordKeyError.invalid(keyFile) }
        return key
    }
}

enum RecordKeyError: Error, CustomStringConvertible {
    case invalid(String)

    var description: String {
        switch self {
        case .invalid(let source): "全过程记录签名密钥无效：\(source)（须为 32 字节 Ed25519 私钥的 base64）"
        }
    }
}

enum RecordKeys {
    /// The signed-note verifier key (`<name>+<key id>+<base64 key>`), as published on the portal.
    static func verifierKey(_ settings: RecordSettings) throws -> String {
        RecordCheckpointNote.verifierKey(name: settings.keyName, publicKey: try settings.publicKey())
    }
}
