import ESLProtocol
import MockSwitch
import NIOCore
import TestSupport
import Testing

/// log/data frames compared with capture 19 (headers exact, body after normalising stamp and CPU).
@Suite struct LogLineTests {
    static func frame(_ line: ESLLogLine) -> String { String(buffer: line.frame.encoded) }

    @Test func reloadxmlAndLogLinesMatchCapture19() throws {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        let captured = try Captures.load("19_log").frames(labelled: "log/data")
        #expect(captured.count == 3)
        let reload = core.executeAPI("reloadxml", "")
        #expect(reload.logLines.count == 1)
        #expect(Normalise.text(Self.frame(reload.logLines[0])) == Normalise.text(captured[0].data))
        let notice = core.executeAPI("log", "NOTICE capture-test notice line")
        #expect(notice.body == "+OK\n")
        #expect(Normalise.text(Self.frame(notice.logLines[0])) == Normalise.text(captured[1].data))
        let err = core.executeAPI("log", "ERR capture-test err line")
        #expect(Normalise.text(Self.frame(err.logLines[0])) == Normalise.text(captured[2].data))
    }

    /// The stamp: local date, 6-digit microseconds, CPU with two decimals, level, file:line.
    @Test func bodyFormat() {
        let clock = ManualClock(1_795_704_432_241_198)
        let factory = LogLineFactory(clock: clock.clock)
        let line = factory.line(level: 6, "Timezone reloaded 597 definitions",
                                source: SourceLocation(file: "switch_time.c", function: "switch_load_timezones", line: 1436),
                                idleCPU: 99.625)
        #expect(line.text == "2026-11-26 14:47:12.241198 99.63% [INFO] switch_time.c:1436 Timezone reloaded 597 definitions\n")
        #expect(line.userData.isEmpty && line.textChannel == 0)
    }
}
