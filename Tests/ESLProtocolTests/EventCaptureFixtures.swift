import Foundation
import NIOCore
import TestSupport

/// Event frames from the real FreeSWITCH captures in `Tests/Fixtures/captures` (see its README).
struct CapturedEventFrame: CustomStringConvertible {
    /// Capture file name, e.g. `21_loopback_call_plain.json`.
    var file: String
    /// Index of the record within the capture.
    var record: Int
    /// `text/event-plain`, `text/event-json` or `text/event-xml`.
    var contentType: String
    /// The frame body: the serialized event, byte for byte.
    var body: [UInt8]

    var description: String { "\(file) record \(record) (\(contentType))" }
    var buffer: ByteBuffer { ByteBuffer(bytes: body) }
}

enum EventCaptures {
    /// The same directory the frame-level tests read.
    static var directory: URL { Captures.directory }

    /// Every S->C record of every capture whose envelope says `text/event-*`.
    static let frames: [CapturedEventFrame] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var frames: [CapturedEventFrame] = []
        for file in files.sorted() where file.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
                  let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let records = root["records"] as? [[String: Any]] else { continue }
            for (index, record) in records.enumerated() {
                guard record["dir"] as? String == "S->C", let text = record["data"] as? String else { continue }
                let bytes = Array(text.utf8)
                guard let split = blankLine(in: bytes) else { continue }
                let envelope = String(decoding: bytes[..<split], as: UTF8.self)
                guard let type = envelope.split(separator: "\n")
                    .first(where: { $0.hasPrefix("Content-Type: text/event-") })?
                    .dropFirst("Content-Type: ".count) else { continue }
                frames.append(CapturedEventFrame(
                    file: file, record: index, contentType: String(type), body: Array(bytes[(split + 2)...])))
            }
        }
        return frames
    }()

    static func frames(ofType type: String) -> [CapturedEventFrame] {
        frames.filter { $0.contentType == type }
    }

    /// The S->C records of one capture, whole (envelope included).
    static func serverRecords(_ file: String) -> [[UInt8]] {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let records = root["records"] as? [[String: Any]] else { return [] }
        return records.compactMap { record in
            guard record["dir"] as? String == "S->C", let text = record["data"] as? String else { return nil }
            return Array(text.utf8)
        }
    }

    private static func blankLine(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for i in 0..<(bytes.count - 1) where bytes[i] == 0x0A && bytes[i + 1] == 0x0A {
            return i
        }
        return nil
    }
}
