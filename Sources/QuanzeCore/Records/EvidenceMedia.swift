import Foundation

/// Evidence file types accepted for the 全过程记录 (文字、音像记录), recognised by their content's
/// magic bytes, never by the declared name or Content-Type, each with a size limit:
/// images and PDF 20 MB, audio 50 MB, video 200 MB.
public enum EvidenceMediaType: String, Codable, CaseIterable, Sendable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case pdf = "application/pdf"
    case mp3 = "audio/mpeg"
    case wav = "audio/wav"
    case amr = "audio/amr"
    case ogg = "audio/ogg"
    case mp4 = "video/mp4"

    public static let megabyte = 1_048_576
    /// The largest limit: the upload route's body limit.
    public static let maxSize = 200 * megabyte
    /// Bytes `sniff` needs to decide.
    public static let sniffLength = 12

    public var maxSize: Int {
        switch self {
        case .jpeg, .png, .pdf: 20 * Self.megabyte
        case .mp3, .wav, .amr, .ogg: 50 * Self.megabyte
        case .mp4: 200 * Self.megabyte
        }
    }

    public var label: String {
        switch self {
        case .jpeg: "JPEG 图片"
        case .png: "PNG 图片"
        case .pdf: "PDF 文档"
        case .mp3: "MP3 音频"
        case .wav: "WAV 音频"
        case .amr: "AMR 音频"
        case .ogg: "OGG 音频"
        case .mp4: "MP4 视频"
        }
    }

    /// The type of a file starting with `prefix` (at least `sniffLength` bytes unless the file is shorter).
    public static func sniff<C: Collection>(_ prefix: C) -> EvidenceMediaType? where C.Element == UInt8 {
        let b = Array(prefix.prefix(sniffLength))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            b.count >= offset + magic.count && Array(b[offset..<offset + magic.count]) == magic
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts(Array("ID3".utf8)) || (b.count >= 2 && b[0] == 0xFF && b[1] & 0xE0 == 0xE0) { return .mp3 }
        if starts(Array("RIFF".utf8)) && starts(Array("WAVE".utf8), at: 8) { return .wav }
        if starts(Array("#!AMR".utf8)) { return .amr }
        if starts(Array("OggS".utf8)) { return .ogg }
        if starts(Array("ftyp".utf8), at: 4) { return .mp4 }
        return nil
    }
}
