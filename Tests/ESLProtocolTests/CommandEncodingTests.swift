import NIOCore
import TestSupport
import Testing
@testable import ESLProtocol

/// One typed command and the exact bytes a capture shows a client sending for it.
struct CapturedSend: Sendable, CustomTestStringConvertible {
    let capture: String
    let bytes: String
    let command: ESLCommand

    init(_ capture: String, _ bytes: String, _ command: ESLCommand) {
        self.capture = capture
        self.bytes = bytes
        self.command = command
    }

    var testDescription: String { "\(capture): \(bytes.debugDescription)" }
}

@Suite struct CommandEncodingTests {
    static let sends: [CapturedSend] = [
        .init("01", "auth ClueCon\n\n", .auth(password: "ClueCon")),
        .init("01", "exit\n\n", .exit),
        .init("26", "...\n\n", ESLCommand(line: "...")),
        .init("26", "blah blah blah\n\n", ESLCommand(line: "blah blah blah")),
        .init("04", "api status\n\n", .api("status")),
        .init("05", "api version short\n\n", .api("version", "short")),
        .init("05", "api switchname\n\n", .api("switchname")),
        .init("07", "api show channels as json\n\n", .api("show", "channels as json")),
        .init("09", "api console_complete show \n\n", .api("console_complete", "show ")),
        .init("09", "api console_complete c=3;show\n\n", .api("console_complete", "c=3;show")),
        .init("21", "api uuid_kill b9cc9a61-80a1-41a9-9da1-a01308023845\n\n", .api("uuid_kill", "b9cc9a61-80a1-41a9-9da1-a01308023845")),
        .init("40", "api status\nconsole_execute: true\n\n", .api("status", consoleExecute: true)),
        .init("41", "api show channels as json\nconsole_execute: true\n\n", .api("show", "channels as json", consoleExecute: true)),
        .init("43", "api reloadxml\nconsole_execute: true\n\n", .api("reloadxml", consoleExecute: true)),
        .init("12", "bgapi status\n\n", .bgapi("status")),
        .init("12", "bgapi version\nJob-UUID: 11111111-2222-3333-4444-555555555555\n\n", .bgapi("version", jobUUID: "11111111-2222-3333-4444-555555555555")),
        .init("27a", "bgapi originate loopback/7000/default &socket(127.0.0.1:8084 async full)\n\n", .bgapi("originate", "loopback/7000/default &socket(127.0.0.1:8084 async full)")),
        .init("12", "event plain BACKGROUND_JOB\n\n", .event(.plain, ["BACKGROUND_JOB"])),
        .init("12", "event json BACKGROUND_JOB\n\n", .event(.json, ["BACKGROUND_JOB"])),
        .init("13", "event plain ALL\n\n", .event(.plain, ["ALL"])),
        .init("14", "event json ALL\n\n", .event(.json, ["ALL"])),
        .init("15", "event xml HEARTBEAT\n\n", .event(.xml, ["HEARTBEAT"])),
        .init("20", "event plain CUSTOM capture::test\n\n", .event(.plain, ["CUSTOM", "capture::test"])),
        .init("24", "event plain CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE CHANNEL_HANGUP CHANNEL_HANGUP_COMPLETE CHANNEL_DESTROY\n\n",
              .event(.plain, ["CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY"])),
        .init("50", "event plain SHUTDOWN MODULE_UNLOAD\n\n", .event(.plain, ["SHUTDOWN", "MODULE_UNLOAD"])),
        .init("17", "nixevent HEARTBEAT RE_SCHEDULE\n\n", .nixevent(["HEARTBEAT", "RE_SCHEDULE"])),
        .init("17", "nixevent ALL\n\n", .nixevent(["ALL"])),
        .init("17", "nixevent\n\n", .nixevent([])),
        .init("18", "noevents\n\n", .noevents),
        .init("16", "filter Event-Name HEARTBEAT\n\n", .filter("Event-Name", "HEARTBEAT")),
        .init("16", "filter delete Event-Name HEARTBEAT\n\n", .filterDelete("Event-Name", "HEARTBEAT")),
        .init("16", "filter delete Unique-ID\n\n", .filterDelete("Unique-ID")),
        .init("16", "filter delete all\n\n", .filterDeleteAll),
        .init("19", "log debug\n\n", .log(.debug)),
        .init("19", "log\n\n", .log(nil)),
        .init("43", "log info\n\n", .log(.info)),
        .init("19", "nolog\n\n", .nolog),
        .init("20", "sendevent CUSTOM\nEvent-Subclass: capture::test\nX-Capture: json\nContent-Length: 23\n\nhello world\nsecond line",
              .sendevent("CUSTOM", headers: [("Event-Subclass", "capture::test"), ("X-Capture", "json")], body: ByteBuffer(string: "hello world\nsecond line"))),
        .init("20", "sendevent CUSTOM\nEvent-Subclass: capture::nobody\nX-Capture: nobody\n\n",
              .sendevent("CUSTOM", headers: [("Event-Subclass", "capture::nobody"), ("X-Capture", "nobody")])),
        .init("24", "sendmsg fec80206-50ee-461e-b3f3-324e7bca315f\ncall-command: execute\nexecute-app-name: playback\nexecute-app-arg: tone_stream://%(300,0,800)\n\n",
              .sendmsg(uuid: "fec80206-50ee-461e-b3f3-324e7bca315f", headers: [("call-command", "execute"), ("execute-app-name", "playback"), ("execute-app-arg", "tone_stream://%(300,0,800)")])),
        .init("24", "sendmsg fec80206-50ee-461e-b3f3-324e7bca315f\ncall-command: execute\nexecute-app-name: playback\nexecute-app-arg: tone_stream://%(300,0,800)\n\n",
              .execute("playback", "tone_stream://%(300,0,800)", uuid: "fec80206-50ee-461e-b3f3-324e7bca315f")),
        .init("24", "sendmsg fec80206-50ee-461e-b3f3-324e7bca315f\ncall-command: hangup\nhangup-cause: NORMAL_CLEARING\n\n",
              .hangup(uuid: "fec80206-50ee-461e-b3f3-324e7bca315f", cause: "NORMAL_CLEARING")),
        .init("24", "sendmsg 00000000-dead-beef-0000-000000000000\ncall-command: hangup\n\n", .hangup(uuid: "00000000-dead-beef-0000-000000000000")),
        .init("24", "sendmsg\ncall-command: hangup\n\n", .hangup()),
        .init("27", "sendmsg\ncall-command: execute\nexecute-app-name: playback\nexecute-app-arg: tone_stream://%(200,0,600)\nevent-lock: true\n\n",
              .execute("playback", "tone_stream://%(200,0,600)", eventLock: true)),
        .init("27", "sendmsg\ncall-command: hangup\nhangup-cause: NORMAL_CLEARING\n\n", .hangup(cause: "NORMAL_CLEARING")),
        .init("27", "connect\n\n", .connect),
        .init("27", "myevents\n\n", .myevents()),
        .init("27", "linger 5\n\n", .linger(seconds: 5)),
        .init("27", "getvar channel_name\n\n", .getvar("channel_name")),
        .init("23", "myevents 8844be66-474e-4304-9bff-1972f412ad04\n\n", .myevents(uuid: "8844be66-474e-4304-9bff-1972f412ad04")),
        .init("29", "myevents d4cd163c-1acf-4820-87f3-df74d174bef6 json\n\n", .myevents(uuid: "d4cd163c-1acf-4820-87f3-df74d174bef6", format: .json)),
        .init("25", "linger\n\n", .linger()),
        .init("25", "linger 10\n\n", .linger(seconds: 10)),
        .init("25", "nolinger\n\n", .nolinger),
        .init("25", "resume\n\n", .resume),
        .init("25", "divert_events on\n\n", .divertEvents(true)),
        .init("25", "getvar foo\n\n", .getvar("foo")),
    ]

    @Test(arguments: sends)
    func typedCommandEncodesToTheCapturedBytes(_ send: CapturedSend) throws {
        let capture = try Captures.load(send.capture)
        #expect(capture.clientRecords.map(\.data).contains(send.bytes), "the expected bytes are not in capture \(send.capture)")
        let encoded = try send.command.encoded()
        #expect(encoded.bytes == Array(send.bytes.utf8))
        var appended = ByteBuffer(string: "X")
        try send.command.encode(into: &appended)
        #expect(appended.bytes == Array(("X" + send.bytes).utf8))
        // The switch side decodes it back into a frame with the same command line.
        var decoder = ESLFrameDecoder()
        var buffer = encoded
        let frame = try #require(try decoder.decode(&buffer))
        #expect(frame.commandLine == send.command.line)
        #expect(buffer.readableBytes == 0)
    }

    /// Capture 20's first sendevent carries its own Content-Type header and a stray blank line after
    /// the body (which the switch skips).
    @Test func sendeventWithContentTypeOfCapture20() throws {
        let command = ESLCommand.sendevent(
            "CUSTOM",
            headers: [("Event-Subclass", "capture::test"), ("X-Capture", "plain"), ("Content-Type", "text/plain")],
            body: ByteBuffer(string: "hello world\nsecond line"))
        let captured = try Captures.load("20").clientRecords[2].data
        #expect(try command.encoded().bytes + Array("\n\n".utf8) == Array(captured.utf8))
    }

    @Test func userauthFollowsLibesl() throws {
        let command = ESLCommand.userauth(user: "1000@default", password: "s3cret")
        #expect(try command.encoded().bytes == Array("userauth 1000@default:s3cret\n\n".utf8))
        #expect(command.replyKind == .commandReply)
    }

    @Test func replyKinds() {
        #expect(ESLCommand.api("status").replyKind == .apiResponse)
        #expect(ESLCommand.api("status", consoleExecute: true).replyKind == .apiResponse)
        #expect(ESLCommand.connect.replyKind == .channelData)
        for command in [ESLCommand.bgapi("status"), .event(.plain, ["ALL"]), .exit, .auth(password: "x"), .sendmsg(headers: []), .log(.info), .filterDeleteAll] {
            #expect(command.replyKind == .commandReply, "\(command.line)")
        }
        #expect(ESLCommand(line: "API STATUS").verb == "api")
        #expect(ESLCommand.filterDelete("A", "b").verb == "filter")
    }

    @Test(arguments: [
        ESLCommand(line: "api status\nexit"),
        ESLCommand(line: "api status\r"),
        ESLCommand(line: ""),
        .api("status\n\nexit"),
        .auth(password: "ClueCon\nexit"),
        .filter("Event-Name", "HEARTBEAT\r\n"),
        .event(.plain, ["HEARTBEAT\nnoevents"]),
        .sendmsg(headers: [("execute-app-arg", "a\nb")]),
        .sendmsg(headers: [("call\ncommand", "x")]),
        .sendmsg(headers: [("call:command", "x")]),
        .sendmsg(headers: [("", "x")]),
        .bgapi("status", jobUUID: "x\r"),
        .sendevent("CUSTOM", headers: [("X-Value", "line1\rline2")]),
    ])
    func lineBreaksAndBadHeaderNamesAreRefused(_ command: ESLCommand) throws {
        let error = #expect(throws: ESLProtocolError.self) { try command.encoded() }
        #expect(error?.code == .invalidCommand)
        // Nothing half-written: a refused command leaves the outgoing buffer as it was.
        var buffer = ByteBuffer(string: "before")
        #expect(throws: ESLProtocolError.self) { try command.encode(into: &buffer) }
        #expect(buffer.bytes == Array("before".utf8))
    }

    @Test func descriptionHidesPasswords() {
        let auth = ESLCommand.auth(password: "ClueCon")
        #expect(auth.description == "auth ********")
        #expect(!"\(auth)".contains("ClueCon"))
        let userauth = ESLCommand.userauth(user: "1000@default", password: "pa:ss word")
        #expect(userauth.description == "userauth 1000@default:********")
        #expect(!userauth.description.contains("pa:ss"))
        #expect(!ESLCommand(line: "AUTH secret").description.contains("secret"))
        #expect(ESLCommand.api("status").description == "api status")
    }

    @Test func equalityCoversHeadersAndBody() {
        #expect(ESLCommand.bgapi("status", jobUUID: "a") == .bgapi("status", jobUUID: "a"))
        #expect(ESLCommand.bgapi("status", jobUUID: "a") != .bgapi("status", jobUUID: "b"))
        #expect(ESLCommand.sendevent("X", body: ByteBuffer(string: "1")) != .sendevent("X", body: ByteBuffer(string: "2")))
        #expect(ESLCommand.api("status") != ESLCommand(line: "api status"), "reply kind differs")
        #expect(Set([ESLCommand.nolog, .nolog, .noevents]).count == 2)
    }
}

@Suite struct LogLevelTests {
    @Test(arguments: [
        ("debug", ESLLogLevel.debug), ("DEBUG", .debug), ("7", .debug), ("4", .warning), ("info", .info),
        ("Err", .err), ("crit", .crit), ("console", .console), ("0", .console), ("disable", .disable), ("NOTICE", .notice),
    ])
    func wordsTheSwitchAccepts(_ word: String, _ level: ESLLogLevel) {
        #expect(ESLLogLevel(word: word) == level)
    }

    /// Spellings the switch answers `-ERR invalid log level` (capture 19: `log foo`; docs/protocol.md, "Log levels").
    @Test(arguments: ["foo", "error", "warn", "critical", "", "64"])
    func wordsTheSwitchRefuses(_ word: String) {
        #expect(ESLLogLevel(word: word) == nil)
    }

    /// docs/protocol.md, "Log levels": a numeric word is clamped, `< 0` becomes 0 (console); only the word `disable`
    /// is -1.
    @Test(arguments: ["-1", "-5"])
    func negativeNumbersClampToConsole(_ word: String) {
        #expect(ESLLogLevel(word: word) == .console)
    }

    @Test func namesAndOrder() {
        #expect(ESLLogLevel.allCases.map(\.name) == ["DISABLE", "CONSOLE", "ALERT", "CRIT", "ERR", "WARNING", "NOTICE", "INFO", "DEBUG"])
        #expect(ESLLogLevel.allCases.map(\.rawValue) == Array(-1...7))
        #expect(ESLLogLevel.debug > .info)
        #expect(ESLLogLevel.disable < .console)
    }
}

@Suite struct CommandSecrecyTests {
    @Test func refusedAuthKeepsThePasswordOutOfTheError() {
        for command in [ESLCommand.auth(password: "Clue\nCon"), .userauth(user: "1000@default", password: "se\ncret")] {
            let error = #expect(throws: ESLProtocolError.self) { try command.encoded() }
            #expect(error?.context.isEmpty == true)
            #expect(error.map { "\($0)".contains("Con") || "\($0)".contains("cret") } == false)
        }
    }

    @Test func eventWithoutFormatIsPlain() throws {
        #expect(try ESLCommand.event(["ALL"]).encoded() == ByteBuffer(string: "event plain ALL\n\n"))
    }
}
