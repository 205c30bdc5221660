import Foundation
import NIOCore

/// One record of a capture's `.json` file: a client send, one server frame, or a note.
struct CaptureRecord: Decodable, Sendable {
    /// `S->C`, `C->S` or `NOTE`.
    let dir: String
    /// Seconds since connect.
    let t: Double
    /// For S->C: the content type in parentheses, then an optional connection tag such as `[O]`.
    let label: String
    /// The exact bytes, as text (every capture is valid UTF-8).
    let data: String

    var isServer: Bool { dir == "S->C" }
    var isClient: Bool { dir == "C->S" }

    var bytes: [UInt8] { Array(data.utf8) }
    var buffer: ByteBuffer { ByteBuffer(string: data) }

    /// The connection tag (`A`, `B`, `X`, `O`, …) or `""` when the capture has one connection.
    var connection: String {
        guard label.hasSuffix("]"), let open = label.lastIndex(of: "[") else { return "" }
        return String(label[label.index(after: open)..<label.index(before: label.endIndex)])
    }

    /// The content type the capture tool wrote into the label, e.g. `text/event-plain`.
    var labelContentType: String? {
        guard isServer, label.hasPrefix("(") else { return nil }
        return String(label.dropFirst().prefix { $0 != " " && $0 != ")" })
    }

    /// The first line of the data, without its line end (a client packet's command line).
    var firstLine: String {
        // Bytes, not Characters: "\r\n" is a single Character in Swift.
        var line = data.utf8.prefix { $0 != 0x0A }
        while line.last == 0x0D { line = line.dropLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// Whether this send carries anything but line ends (the switch skips bare CR/LF).
    var hasContent: Bool { data.utf8.contains { $0 != 0x0A && $0 != 0x0D } }
}

/// A capture file: one scenario recorded against a real FreeSWITCH.
struct Capture: Decodable, Sendable {
    let scenario: String
    let description: String
    let records: [CaptureRecord]

    var serverRecords: [CaptureRecord] { records.filter(\.isServer) }
    var clientRecords: [CaptureRecord] { records.filter(\.isClient) }

    /// Connection tags in order of first appearance.
    var connections: [String] {
        var seen: [String] = []
        for record in records where record.isServer || record.isClient {
            if !seen.contains(record.connection) { seen.append(record.connection) }
        }
        return seen
    }

    /// Every S->C byte, concatenated.
    var serverBytes: [UInt8] { serverRecords.flatMap(\.bytes) }

    /// Every C->S byte of one connection, concatenated.
    func clientBytes(connection: String) -> [UInt8] {
        clientRecords.filter { $0.connection == connection }.flatMap(\.bytes)
    }
}

/// Finds and loads the real FreeSWITCH captures kept in `Tests/Fixtures/captures`.
enum Captures {
    /// `<repo>/Tests/Fixtures/captures`; this file is `<repo>/Tests/ESLProtocolTests/Fixtures/Captures.swift`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Captures.swift
        .deletingLastPathComponent()  // Fixtures
        .deletingLastPathComponent()  // ESLProtocolTests
        .appendingPathComponent("Fixtures")
        .appendingPathComponent("captures")

    /// The file names of every capture (`01_auth_ok.json`, …), sorted.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// Loads a capture by file name, with or without `.json`, or by its number prefix (`"27a"`).
    static func load(_ name: String) throws -> Capture {
        let file: String
        if name.hasSuffix(".json") {
            file = name
        } else if let match = names.first(where: { $0.hasPrefix(name + "_") }) {
            file = match
        } else {
            file = name + ".json"
        }
        let data = try Data(contentsOf: directory.appendingPathComponent(file))
        return try JSONDecoder().decode(Capture.self, from: data)
    }

    /// The frame a server record holds, built independently of the decoder: the header block is
    /// everything up to the first blank line (the switch only ever uses bare LF), the body is the
    /// rest when the block has a Content-Length line.
    static func expectedFrame(of record: CaptureRecord) -> (headers: [UInt8], body: [UInt8]?) {
        let bytes = record.bytes
        var split = bytes.count
        for index in 0..<(bytes.count - 1) where bytes[index] == 0x0A && bytes[index + 1] == 0x0A {
            split = index + 1
            break
        }
        let head = Array(bytes[..<split])
        let rest = Array(bytes[min(split + 1, bytes.count)...])
        let hasLength = String(decoding: head, as: UTF8.self)
            .split(separator: "\n")
            .contains { $0.lowercased().hasPrefix("content-length:") }
        return (head, hasLength ? rest : nil)
    }
}

/// A deterministic generator for chunk sizes and fuzzing (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
