/// A ZIP archive with stored (uncompressed) entries: local headers, the central directory and its end
/// record (PKWARE APPNOTE 6.3, no ZIP64 — each entry and the whole archive stay below 4 GiB). Names are
/// UTF-8 (general purpose flag bit 11). Enough for an OOXML package.
public struct ZipArchive: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var data: [UInt8]
        public init(name: String, data: [UInt8]) {
            self.name = name
            self.data = data
        }
    }

    public var entries: [Entry] = []
    /// MS-DOS date and time of every entry (default 1980-01-01 00:00, so that equal input gives equal bytes).
    public var dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    public var dosTime: UInt16 = 0

    public init() {}

    public mutating func add(_ name: String, _ text: String) { entries.append(Entry(name: name, data: Array(text.utf8))) }

    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: UInt16, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        for e in entries {
            let name = Array(e.name.utf8)
            let crc = CRC32.checksum(e.data)
            let offset = UInt32(out.count)
            u32(0x0403_4B50, &out)           // local file header signature
            u16(20, &out)                    // version needed (2.0)
            u16(0x0800, &out)                // flags: UTF-8 names
            u16(0, &out)                     // method: stored
            u16(dosTime, &out); u16(dosDate, &out)
            u32(crc, &out); u32(UInt32(e.data.count), &out); u32(UInt32(e.data.count), &out)
            u16(UInt16(name.count), &out); u16(0, &out)
            out += name
            out += e.data
            u32(0x0201_4B50, &central)       // central directory header signature
            u16(20, &central); u16(20, &central); u16(0x0800, &central); u16(0, &central)
            u16(dosTime, &central); u16(dosDate, &central)
            u32(crc, &central); u32(UInt32(e.data.count), &central); u32(UInt32(e.data.count), &central)
            u16(UInt16(name.count), &central); u16(0, &central); u16(0, &central)   // name, extra, comment lengths
            u16(0, &central); u16(0, &central); u32(0, &central)                    // disk, internal and external attributes
            u32(offset, &central)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out)               // end of central directory
        u16(0, &out); u16(0, &out)
        u16(UInt16(entries.count), &out); u16(UInt16(entries.count), &out)
        u32(UInt32(central.count), &out); u32(centralOffset, &out)
        u16(0, &out)
        return out
    }

    /// Reads a stored (uncompressed) archive back through its central directory: each entry's name,
    /// data and whether its CRC-32 matches. Nil when the bytes are not such an archive. For checks.
    public static func readStored(_ bytes: [UInt8]) -> [(name: String, data: [UInt8], crcOK: Bool)]? {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24 }
        guard bytes.count >= 22 else { return nil }
        let end = bytes.count - 22
        guard u32(end) == 0x0605_4B50 else { return nil }
        let count = u16(end + 10)
        var at = Int(u32(end + 16))
        var out: [(name: String, data: [UInt8], crcOK: Bool)] = []
        for _ in 0..<count {
            guard at + 46 <= bytes.count, u32(at) == 0x0201_4B50 else { return nil }
            let crc = u32(at + 16), size = Int(u32(at + 20)), nameLength = u16(at + 28)
            let extra = u16(at + 30), comment = u16(at + 32), local = Int(u32(at + 42))
            guard at + 46 + nameLength <= bytes.count, local + 30 <= bytes.count else { return nil }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard u32(local) == 0x0403_4B50, u16(local + 8) == 0 else { return nil }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            guard start + size <= bytes.count else { return nil }
            let data = Array(bytes[start..<(start + size)])
            out.append((name, data, CRC32.checksum(data) == crc))
            at += 46 + nameLength + extra + comment
        }
        return out
    }
}
