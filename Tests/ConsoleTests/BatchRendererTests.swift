import ESLClient
import ESLProtocol
import NIOCore
import TestSupport
import Testing
@testable import Console

/// A burst rendered whole or in two halves, and events as frames or decoded: always the same text.
@Suite struct BatchRendererTests {
    /// Every plain event of a call capture, as frames.
    private static func capturedFrames() throws -> [ESLEventFrame] {
        try Captures.records("21_loopback_call_plain").compactMap { record in
            guard record.dir == "S->C", record.label.hasPrefix("(text/event-plain"),
                  let split = record.data.range(of: "\n\n") else { return nil }
            return ESLEventFrame(format: .plain, body: ByteBuffer(string: String(record.data[split.upperBound...])))
        }
    }

    private static func renderer(_ view: EventView) -> BatchRenderer {
        let palette = Palette(isEnabled: true)
        return BatchRenderer(
            logs: LogRenderer(palette: palette, uuidPrefixLength: nil), events: EventRenderer(palette: palette),
            palette: palette, filters: LogFilters(), view: view, format: .plain)
    }

    @Test(arguments: [EventView.compact, .full])
    func framesAndDecodedEventsLookTheSame(_ view: EventView) throws {
        let frames = try Self.capturedFrames()
        try #require(frames.count >= 10)
        let asFrames = Self.renderer(view).render(frames.map { ESLNotification.eventFrame($0) }[...])
        let decoded = Self.renderer(view).render(try frames.map { ESLNotification.event(try $0.decode()) }[...])
        #expect(asFrames.output == decoded.output)
        #expect(asFrames.lines == decoded.lines)
        #expect(asFrames.events == frames.count)
        #expect(asFrames.summaries.map(\.1.uniqueID) == decoded.summaries.map(\.1.uniqueID))
        #expect(asFrames.summaries.map { $0.0.headerNames } == decoded.summaries.map { $0.0.headerNames })
    }

    @Test func theRawViewOfAFrameIsItsWireText() throws {
        let frame = try #require(try Self.capturedFrames().first)
        let rendered = Self.renderer(.raw).render([.eventFrame(frame)])
        let envelope = "Content-Length: \(frame.text.utf8.count)\nContent-Type: text/event-plain\n\n"
        #expect(rendered.output == envelope + EventRenderer.withoutTrailingLineEnds(frame.text) + "\n\n")
    }

    @Test func aFrameThatCannotBeReadIsShownWhole() {
        let frame = ESLEventFrame(format: .plain, body: ByteBuffer(string: "Event-Name: CUSTOM\nbroken line\n\n"))
        let rendered = Self.renderer(.compact).render([.eventFrame(frame)])
        #expect(rendered.output.contains("undecodable event"))
        #expect(rendered.output.contains("broken line"))
        #expect(rendered.summaries.isEmpty)
        #expect(rendered.lines == 1)
    }

    @Test func twoHalvesMakeTheWhole() throws {
        let frames = try Self.capturedFrames()
        let batch = frames.map { ESLNotification.eventFrame($0) } + [.log(ESLLogLine(level: 7, file: "x.c", function: "f", line: 1, body: ByteBuffer(string: "a log line\n")))]
        let renderer = Self.renderer(.compact)
        let middle = batch.count / 2
        var halves = renderer.render(batch[..<middle])
        halves.append(renderer.render(batch[middle...]))
        let whole = renderer.render(batch[...])
        #expect(halves.output == whole.output)
        #expect(halves.lines == whole.lines)
        #expect(halves.events == whole.events)
        #expect(halves.summaries.map(\.1.uniqueID) == whole.summaries.map(\.1.uniqueID))
    }
}
