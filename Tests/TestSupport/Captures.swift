import Foundation
import NIOCore

/// One record of a capture's `.json` file: a client send, one server frame, or a note.
public struct CaptureRecord: Decodable, Sendable {
    /// `S->C`, `C->S` or `NOTE`.
    public let dir: String
    /// Seconds since connect.
    public let t: Double
    /// For S->C: the content type in parentheses, then an optional connection tag such as `[O]`.
    public let label: String
    /// The exact bytes, as text (every capture is valid UTF-8).
    public let data: String

    public var isServer: Bool { dir == "S->C" }
    public var isClient: Bool { dir == "C->S" }

    public var bytes: [UInt8] { Array(data.utf8) }
    public var buffer: ByteBuffer { ByteBuffer(string: data) }

    /// The body of a server frame: everything after the first blank line.
    public var body: String {
        guard let range = data.range(of: "\n\n") else { return "" }
        return String(data[range.upperBound...])
    }

    /// The connection tag (`A`, `B`, `X`, `O`, …) or `""` when the capture has one connection.
    public var connection: String {
        guard label.hasSuffix("]"), let open = label.lastIndex(of: "[") else { return "" }
        return String(label[label.index(after: open)..<label.index(before: label.endIndex)])
    }

    /// The content type the capture tool wrote into the label, e.g. `text/event-plain`.
    public var labelContentType: String? {
        guard isServer, label.hasPrefix("(") else { return nil }
        return String(label.dropFirst().prefix { $0 != " " && $0 != ")" })
    }

    /// The first line of the data, without its line end (a client packet's command line).
    public var firstLine: String {
        // Bytes, not Characters: "\r\n" is a single Character in Swift.
        var line = data.utf8.prefix { $0 != 0x0A }
        while line.last == 0x0D { line = line.dropLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// Whether this send carries anything but line ends (the switch skips bare CR/LF).
    public var hasContent: Bool { data.utf8.contains { $0 != 0x0A && $0 != 0x0D } }
}

/// A capture file: one scenario recorded against a real FreeSWITCH 1.11.1 (or the real fs_cli).
public struct Capture: Decodable, Sendable {
    public let scenario: String
    public let description: String
    public let records: [CaptureRecord]

    public var serverRecords: [CaptureRecord] { records.filter(\.isServer) }
    public var clientRecords: [CaptureRecord] { records.filter(\.isClient) }

    /// Connection tags in order of first appearance.
    public var connections: [String] {
        var seen: [String] = []
        for record in records where record.isServer || record.isClient {
            if !seen.contains(record.connection) { seen.append(record.connection) }
        }
        return seen
    }

    /// Every S->C byte, concatenated.
    public var serverBytes: [UInt8] { serverRecords.flatMap(\.bytes) }

    /// Every C->S byte of one connection, concatenated.
    public func clientBytes(connection: String) -> [UInt8] {
        clientRecords.filter { $0.connection == connection }.flatMap(\.bytes)
    }

    /// The body of the server frame that answered the client send whose first line is `command`.
    public func reply(to command: String) -> String? {
        guard let sent = records.firstIndex(where: { $0.isClient && $0.data.hasPrefix(command + "\n") }) else { return nil }
        return records[(sent + 1)...].first { $0.isServer }?.body
    }

    /// The server frames whose label contains `text`.
    public func frames(labelled text: String) -> [CaptureRecord] {
        records.filter { $0.isServer && $0.label.contains(text) }
    }
}

/// Finds and loads the real FreeSWITCH captures kept in `Tests/Fixtures/captures`.
public enum Captures {
    /// `<repo>/Tests/Fixtures/captures`; this file is `<repo>/Tests/TestSupport/Captures.swift`.
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Captures.swift
        .deletingLastPathComponent()  // TestSupport
        .appendingPathComponent("Fixtures")
        .appendingPathComponent("captures")

    /// The file names of every capture (`01_auth_ok.json`, …), sorted.
    public static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// Loads a capture by file name, with or without `.json`, or by its number prefix (`"27a"`).
    public static func load(_ name: String) throws -> Capture {
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

    /// The records of one capture; with `connection` (`A`, `B`, …) only that connection's records,
    /// for captures that interleave several connections.
    public static func records(_ name: String, connection: String? = nil) throws -> [CaptureRecord] {
        let records = try load(name).records
        guard let connection else { return records }
        return records.filter { $0.connection == connection }
    }
}
