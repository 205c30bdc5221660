import ESLProtocol
import Foundation
import NIOCore
import TestSupport
import Testing
@testable import ESLRecording

/// The recording format (docs/recording.md): what is written, that it reads back as written, and
/// that a reader refuses a damaged file with the place at fault.
@Suite struct RecordingFormatTests {
    static func frame(_ text: String) throws -> ESLFrame {
        var buffer = ByteBuffer(string: text)
        var decoder = ESLFrameDecoder()
        return try #require(try decoder.decode(&buffer))
    }

    static func text(_ records: [RecordedFrame]) -> ByteBuffer {
        var buffer = ByteBuffer()
        RecordingFormat.writeFirstLine(into: &buffer)
        for record in records {
            RecordingFormat.writeRecord(time: record.time, switchName: record.switchName, frame: record.frame, into: &buffer)
        }
        return buffer
    }

    @Test func aRecordIsTheTimeTheSwitchTheLengthAndTheFrameBytes() throws {
        let frame = try Self.frame("Content-Length: 7\nContent-Type: log/data\nLog-Level: 7\n\nhello\n\n")
        var buffer = ByteBuffer()
        RecordingFormat.writeFirstLine(into: &buffer)
        RecordingFormat.writeRecord(time: 1_764_769_126_000_042, switchName: "127.0.0.1:8021", frame: frame, into: &buffer)
        let frameText = "Content-Length: 7\nContent-Type: log/data\nLog-Level: 7\n\nhello\n\n"
        #expect(String(buffer: buffer) == "fscli-recording 1\n@1764769126.000042 127.0.0.1:8021 \(frameText.utf8.count)\n\(frameText)\n")
    }

    /// Every frame of every capture of a real FreeSWITCH, recorded and read back: the same bytes,
    /// times and names, in order.
    @Test func everyCapturedFrameReadsBackAsRecorded() throws {
        var records: [RecordedFrame] = []
        var time: Int64 = 1_764_769_126_000_000
        for name in Captures.names {
            var bytes = ByteBuffer(bytes: try Captures.load(name).serverBytes)
            var decoder = ESLFrameDecoder()
            for frame in try decoder.decodeAll(&bytes) {
                time += 1_337
                records.append(RecordedFrame(time: time, switchName: "[::1]:8021", frame: frame))
            }
        }
        #expect(records.count > 300)
        let parsed = try RecordingParser.parse(Self.text(records), source: "t")
        #expect(parsed.count == records.count)
        for (read, written) in zip(parsed, records) {
            #expect(read.time == written.time)
            #expect(read.switchName == written.switchName)
            #expect(Array(buffer: read.bytes) == Array(buffer: written.bytes))
        }
    }

    /// A body may hold anything, `@` lines and blank lines included: the length decides.
    @Test func aBodyThatLooksLikeRecordsIsStillOneFrame() throws {
        let body = "@1764769126.000042 x 5\n\nfscli-recording 1\n\n"
        let frame = try Self.frame("Content-Type: api/response\nContent-Length: \(body.utf8.count)\n\n\(body)")
        let parsed = try RecordingParser.parse(Self.text([RecordedFrame(time: 5, switchName: "a:1", frame: frame)]), source: "t")
        #expect(parsed.count == 1)
        #expect(parsed.first?.frame.bodyString == body)
        #expect(parsed.first?.time == 5)
    }

    @Test(arguments: [
        ("", 1, "empty"),
        ("fscli-recording 2\n", 1, "format \"2\""),
        ("pcap\n@1.000000 a 1\n", 1, "not an fscli recording"),
        ("fscli-recording 1\nContent-Type: x\n\n", 2, "expected a record line"),
        ("fscli-recording 1\n@1.000000 a\n", 2, "expected a record line"),
        ("fscli-recording 1\n@1.5 a 3\n", 2, "expected a record line"),
        ("fscli-recording 1\n@1.000000 a 17\nContent-Type: x\n\n\n@2.000000 a 40\nContent-Type: x\n", 6, "only 16 bytes follow"),
        ("fscli-recording 1\n@1.000000 a 17\nContent-Type: x\n\n\n@1.000000 a 17\nContent-Type: x\n\nXY", 9, "expected a line end"),
        ("fscli-recording 1\n@1.000000 a 4\nabc\n\n", 2, "not exactly one whole frame"),
    ] as [(String, Int, String)])
    func aDamagedFileIsRefusedWithItsLine(text: String, line: Int, words: String) {
        do {
            let records = try RecordingParser.parse(ByteBuffer(string: text), source: "incident.rec")
            Issue.record("parsed \(records.count) records from \(text.debugDescription)")
        } catch {
            #expect(error.line == line, "\(error.message)")
            #expect(error.message.hasPrefix("incident.rec: line \(line) (byte "), "\(error.message)")
            #expect(error.message.contains(words), "\(error.message)")
        }
    }

    // MARK: Files

    static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fscli-recording-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    static let sampleFrames = [
        "Content-Type: auth/request\n\n",
        "Content-Type: command/reply\nReply-Text: +OK accepted\n\n",
        "Content-Length: 40\nContent-Type: text/event-plain\n\nEvent-Name: HEARTBEAT\nEvent-Sequence: 9\n\n",
    ]

    @Test(arguments: ["plain.rec", "compressed.rec.gz"])
    func aFileWrittenReadsBackTheSame(name: String) async throws {
        let path = Self.temporaryPath(name)
        let writer = try RecordingWriter.open(path: path)
        var written: [RecordedFrame] = []
        for round in 0..<2_000 {
            let frame = try Self.frame(Self.sampleFrames[round % Self.sampleFrames.count])
            let record = RecordedFrame(time: 1_764_769_126_000_000 + Int64(round) * 250, switchName: "pbx\(round % 3):8021", frame: frame)
            writer.append(time: record.time, switchName: record.switchName, frame: frame)
            written.append(record)
        }
        #expect(await writer.close() == nil)
        #expect(writer.recordCount == written.count)
        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        if name.hasSuffix(".gz") {
            #expect(Array(raw.prefix(2)) == [0x1f, 0x8b], "gzip magic")
            #expect(raw.count < 20_000, "compressed: \(raw.count) bytes")
        } else {
            #expect(String(decoding: raw.prefix(18), as: UTF8.self) == "fscli-recording 1\n")
        }
        let read = try RecordingFile.read(path: path)
        #expect(read == written)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func anExistingFileIsReplaced() async throws {
        let path = Self.temporaryPath("again.rec")
        try Data(repeating: 0x41, count: 10_000).write(to: URL(fileURLWithPath: path))
        let writer = try RecordingWriter.open(path: path)
        writer.append(time: 1_000_000, switchName: "a:1", frame: try Self.frame(Self.sampleFrames[0]))
        await writer.close()
        #expect(try RecordingFile.read(path: path).count == 1)
    }

    @Test func aDirectoryOrAMissingDirectoryIsRefused() throws {
        let directory = (Self.temporaryPath("x") as NSString).deletingLastPathComponent
        #expect(throws: RecordingError("cannot record to \(directory): is a directory; give a file name")) {
            try RecordingWriter.open(path: directory)
        }
        #expect(throws: RecordingError("cannot record to /nonexistent-fscli/x.rec: No such file or directory")) {
            try RecordingWriter.open(path: "/nonexistent-fscli/x.rec")
        }
        #expect(throws: RecordingError("\(directory): is a directory; give a file name")) {
            try RecordingFile.read(path: directory)
        }
    }

    /// A full disk: /dev/full fails every write with ENOSPC.
    @Test func aFullDiskIsAMessageNotACrash() throws {
        #expect(throws: RecordingError("cannot record to /dev/full: No space left on device")) {
            try RecordingWriter.open(path: "/dev/full")
        }
    }

    /// Behind a disk that does not take the bytes (a FIFO nobody reads), the writer asks its
    /// readers to wait, and lets them go once the bytes are taken; nothing is dropped.
    @Test func aWriterBehindHoldsItsReadersAndLetsThemGo() async throws {
        let path = Self.temporaryPath("fifo.rec")
        #expect(mkfifo(path, 0o600) == 0)
        // The read end, open first so the writer's open does not wait; not read for now.
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let writer = try RecordingWriter.open(path: path, memoryLimit: 256 << 10)
        let frame = try Self.frame("Content-Length: 4000\nContent-Type: text/event-plain\n\n" + String(repeating: "x", count: 4_000))
        // 2 MB: far more than the pipe's buffer and the writer's limit.
        for round in 0..<500 { writer.append(time: Int64(round), switchName: "a:1", frame: frame) }
        let resumed = ResumeFlag()
        let held = writer.holdsReading(resume: { resumed.set() })
        #expect(held)
        #expect(!resumed.isSet)
        // Take everything: the writer catches up and lets its reader go; every record arrives.
        let taken = Task.detached { () -> [UInt8] in
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(reader, &chunk, chunk.count)
                if count == 0 { return bytes }  // the writer closed its end
                if count > 0 { bytes += chunk[..<count] } else { usleep(1_000) }
            }
        }
        let deadline = ContinuousClock.now + .seconds(120)
        while !resumed.isSet, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(resumed.isSet)
        #expect(await writer.close() == nil)
        let records = try RecordingParser.parse(ByteBuffer(bytes: await taken.value), source: "fifo")
        #expect(records.count == 500)
        #expect(records.last?.time == 499)
    }
}

final class ResumeFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
