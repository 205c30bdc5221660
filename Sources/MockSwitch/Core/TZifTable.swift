/// The transition table of a compiled zone file (TZif, RFC 8536): when the offset from UTC changes,
/// and to what. Version 2 and later files carry the table twice, with 32-bit and then 64-bit times;
/// the 64-bit one is read when present.
struct TZifTable {
    var transitions: [Int64] = []
    var transitionTypes: [UInt8] = []
    var types: [(offset: Int, abbreviation: String)] = []

    init?(_ bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        guard let version = reader.header() else { return nil }
        var block = reader.block(timeSize: 4)
        if version >= 2 {
            // The 64-bit block follows the 32-bit one, behind a header of its own.
            guard block != nil, reader.header() != nil else { return nil }
            block = reader.block(timeSize: 8)
        }
        guard let block else { return nil }
        (transitions, transitionTypes, types) = block
        guard !types.isEmpty, transitionTypes.allSatisfy({ Int($0) < types.count }) else { return nil }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0
        var counts = (utc: 0, standard: 0, leap: 0, time: 0, type: 0, characters: 0)

        /// "TZif", the version, 15 reserved bytes and six counts; nil if this is no TZif file.
        mutating func header() -> Int? {
            guard position + 44 <= bytes.count, Array(bytes[position..<position + 4]) == Array("TZif".utf8) else { return nil }
            let versionByte = bytes[position + 4]
            position += 20
            var values: [Int] = []
            for _ in 0..<6 { values.append(Int(integer(4))) }
            counts = (values[0], values[1], values[2], values[3], values[4], values[5])
            return versionByte == 0 ? 1 : Int(versionByte) - Int(UInt8(ascii: "0"))
        }

        /// One data block whose times are `timeSize` bytes wide; nil if the file ends inside it.
        mutating func block(timeSize: Int) -> ([Int64], [UInt8], [(offset: Int, abbreviation: String)])? {
            let size = counts.time * timeSize + counts.time + counts.type * 6 + counts.characters
                + counts.leap * (timeSize + 4) + counts.standard + counts.utc
            guard position + size <= bytes.count else { return nil }
            let start = position
            let transitions = (0..<counts.time).map { _ in integer(timeSize) }
            let transitionTypes = Array(bytes[position..<position + counts.time])
            position += counts.time
            var raw: [(offset: Int, index: Int)] = []
            for _ in 0..<counts.type {
                let offset = Int(integer(4))
                position += 1  // is-DST flag
                raw.append((offset, Int(bytes[position])))
                position += 1
            }
            let characters = Array(bytes[position..<position + counts.characters])
            let types = raw.map { type in
                let tail = type.index < characters.count ? characters[type.index...] : []
                return (offset: type.offset, abbreviation: String(decoding: tail.prefix { $0 != 0 }, as: UTF8.self))
            }
            position = start + size
            return (transitions, transitionTypes, types)
        }

        /// A big-endian two's-complement integer of `width` bytes.
        mutating func integer(_ width: Int) -> Int64 {
            var value: UInt64 = 0
            for byte in bytes[position..<position + width] { value = value << 8 | UInt64(byte) }
            position += width
            let shift = UInt64(64 - width * 8)
            return Int64(bitPattern: value << shift) >> Int64(shift)
        }
    }
}
