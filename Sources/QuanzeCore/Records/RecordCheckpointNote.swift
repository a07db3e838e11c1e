import Crypto
import Foundation

/// A signed checkpoint of the record log, in the transparency-log "signed note" form
/// (C2SP tlog-checkpoint / signed-note):
///
///     <origin>\n
///     <tree size, decimal>\n
///     <root hash, base64>\n
///     hash <sha256|sm3>\n           (extension line: the log's hash algorithm)
///     time <ISO 8601 UTC>\n          (extension line: when it was signed)
///     \n
///     — <key name> <base64(4-byte key id ‖ 64-byte Ed25519 signature)>\n
///
/// The signature covers every byte before the blank line, including the final newline of the body.
/// Key id = first 4 bytes of SHA-256(key name ‖ "\n" ‖ 0x01 ‖ 32-byte public key) (0x01 = Ed25519).
public struct RecordCheckpointNote: Sendable, Equatable {
    public var origin: String
    public var treeSize: Int64
    public var rootHash: Data
    public var algorithm: RecordHashAlgorithm
    public var time: Date

    public init(origin: String, treeSize: Int64, rootHash: Data, algorithm: RecordHashAlgorithm, time: Date) {
        self.origin = origin
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.algorithm = algorithm
        self.time = time
    }

    public var body: String {
        "\(origin)\n\(treeSize)\n\(rootHash.base64EncodedString())\nhash \(algorithm.rawValue)\ntime \(Self.timeText(time))\n"
    }

    public func signed(keyName: String, key: Curve25519.Signing.PrivateKey) throws -> String {
        let signature = try key.signature(for: Data(body.utf8))
        let blob = Self.keyID(name: keyName, publicKey: key.publicKey) + signature
        return body + "\n— \(keyName) \(blob.base64EncodedString())\n"
    }

    public static func keyID(name: String, publicKey: Curve25519.Signing.PublicKey) -> Data {
        var input = Data(name.utf8)
        input.append(0x0A)
        input.append(0x01)
        input.append(publicKey.rawRepresentation)
        return Data(SHA256.hash(data: input).prefix(4))
    }

    /// The public key in the signed-note verifier-key form: `<name>+<hex key id>+<base64(0x01 ‖ key)>`.
    public static func verifierKey(name: String, publicKey: Curve25519.Signing.PublicKey) -> String {
        "\(name)+\(Hex.encode(keyID(name: name, publicKey: publicKey)))+\((Data([0x01]) + publicKey.rawRepresentation).base64EncodedString())"
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case badSignature

        public var description: String {
            switch self {
            case .malformed(let why): "检查点格式不正确：\(why)"
            case .badSignature: "检查点签名无效"
            }
        }
    }

    /// Parses `text` and checks its signature by `keyName`/`publicKey`.
    public static func verify(_ text: String, keyName: String, publicKey: Curve25519.Signing.PublicKey) throws -> RecordCheckpointNote {
        guard let split = text.range(of: "\n\n") else { throw ParseError.malformed("缺少签名部分") }
        let body = String(text[..<split.lowerBound]) + "\n"
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        guard lines.count >= 3 else { throw ParseError.malformed("正文行数不足") }
        guard let size = Int64(lines[1]), size >= 0, String(size) == lines[1] else { throw ParseError.malformed("树大小无效") }
        guard let root = Data(base64Encoded: lines[2]) else { throw ParseError.malformed("根哈希不是 base64") }
        var algorithm = RecordHashAlgorithm.sha256
        var time = Date(timeIntervalSince1970: 0)
        for line in lines.dropFirst(3) {
            if line.hasPrefix("hash "), let a = RecordHashAlgorithm(rawValue: String(line.dropFirst(5))) { algorithm = a }
            if line.hasPrefix("time "), let t = parseTime(String(line.dropFirst(5))) { time = t }
        }
        guard root.count == algorithm.digestSize else { throw ParseError.malformed("根哈希长度不符") }
        let prefix = "— \(keyName) "
        let signatures = text[split.upperBound...].split(separator: "\n").map(String.init)
        let expectedID = keyID(name: keyName, publicKey: publicKey)
        for line in signatures where line.hasPrefix(prefix) {
            guard let blob = Data(base64Encoded: String(line.dropFirst(prefix.count))), blob.count == 68,
                  blob.prefix(4) == expectedID else { continue }
            if publicKey.isValidSignature(blob.dropFirst(4), for: Data(body.utf8)) {
                return RecordCheckpointNote(origin: lines[0], treeSize: size, rootHash: root, algorithm: algorithm, time: time)
            }
        }
        throw ParseError.badSignature
    }

    static func timeText(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    static func parseTime(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)
    }
}
