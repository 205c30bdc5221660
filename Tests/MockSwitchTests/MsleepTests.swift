import ESLClient
import ESLProtocol
@testable import MockSwitch
import TestSupport
import Testing

/// C's `atol`, which `msleep` reads its argument with.
@Suite struct CNumberTests {
    @Test(arguments: [
        ("300", 300), ("0", 0), ("007", 7),
        ("  42", 42), ("\t\n\u{0B}\u{0C}\r 7", 7),
        ("+15", 15), ("-15", -15),
        ("12abc", 12), ("3.9", 3), ("1 2", 1), ("0x10", 0), ("5ms", 5),
        ("", 0), ("   ", 0), ("abc", 0), ("-", 0), ("+", 0), ("- 5", 0), ("--5", 0), ("+-5", 0), ("a1", 0),
        ("\u{0663}", 0),  // ARABIC-INDIC DIGIT THREE is not a C digit
    ] as [(String, Int)])
    func atol(_ text: String, _ value: Int) {
        #expect(CNumber.atol(text) == value)
    }

    @Test func overflowSaturates() {
        #expect(CNumber.atol("9223372036854775807") == Int.max)
        #expect(CNumber.atol("9223372036854775808") == Int.max)
        #expect(CNumber.atol("99999999999999999999999999") == Int.max)
        #expect(CNumber.atol("-9223372036854775807") == -Int.max)
        #expect(CNumber.atol("-99999999999999999999999999") == Int.min)
        #expect(CNumber.atol("99999999999999999999999999x") == Int.max)
    }
}

/// `msleep` over a real socket: the listener is busy while it runs, as the switch's listener thread
/// is, so commands behind it are answered after it, in order; a bgapi msleep does not hold the
/// connection. Only the order of frames is checked, never how long anything took.
@Suite(.timeLimit(.minutes(3))) struct MsleepTests {
    private static func authenticated(_ mock: MockSwitchServer) async throws -> WireClient {
        let client = try await WireClient(port: mock.port)
        #expect(try await client.next()?.contentType == ESLContentType.authRequest)
        try await client.send("auth ClueCon\n\n")
        #expect(try await client.next()?.headers["Reply-Text"] == "+OK accepted")
        return client
    }

    @Test func apiMsleepAnswersPlusOKWithoutALineEnd() async throws {
        let mock = try await ServerBehaviourTests.start()
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        let response = try await connection.api("msleep", "300")
        #expect(response.text == "+OK")
        #expect(try await connection.api("msleep", "-5").text == "+OK", "a negative time sleeps 0 ms")
        await connection.close()
        await mock.stop()
    }

    @Test func commandsSentRightAfterMsleepAreAnsweredAfterIt() async throws {
        let mock = try await ServerBehaviourTests.start()
        let client = try await Self.authenticated(mock)
        // One write: the switch has read all three before the first is done.
        try await client.send("api msleep 300\n\nevent plain HEARTBEAT\n\napi echo after\n\n")
        let first = try #require(try await client.next())
        #expect(first.contentType == ESLContentType.apiResponse)
        #expect(first.bodyString == "+OK")
        #expect(first.headers["Content-Length"] == "3")
        let second = try #require(try await client.next())
        #expect(second.contentType == ESLContentType.commandReply)
        #expect(second.headers["Reply-Text"] == "+OK event listener enabled plain")
        let third = try #require(try await client.next())
        #expect(third.contentType == ESLContentType.apiResponse)
        #expect(third.bodyString == "after")
        await client.close()
        await mock.stop()
    }

    @Test func secondMsleepWaitsForTheFirst() async throws {
        let mock = try await ServerBehaviourTests.start()
        let client = try await Self.authenticated(mock)
        try await client.send("api msleep 200\n\napi msleep 100\n\napi echo last\n\n")
        #expect(try await client.next()?.bodyString == "+OK")
        #expect(try await client.next()?.bodyString == "+OK")
        #expect(try await client.next()?.bodyString == "last")
        await client.close()
        await mock.stop()
    }

    @Test func clientFIFOGivesEachRequestItsOwnReply() async throws {
        let mock = try await ServerBehaviourTests.start()
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        // Whichever is written first, replies come back in request order, so each caller gets its own.
        async let slow = connection.api("msleep", "300")
        async let fast = connection.api("echo", "fast")
        let (slowReply, fastReply) = try await (slow, fast)
        #expect(slowReply.text == "+OK")
        #expect(fastReply.text == "fast")
        await connection.close()
        await mock.stop()
    }

    @Test func bgapiMsleepJobArrivesAfterItsReplyWithoutHoldingTheConnection() async throws {
        let mock = try await ServerBehaviourTests.start()
        let client = try await Self.authenticated(mock)
        try await client.send("event plain BACKGROUND_JOB\n\n")
        #expect(try await client.next()?.headers["Reply-Text"] == "+OK event listener enabled plain")
        // One write, so the echo is read in the same turn as the bgapi.
        try await client.send("bgapi msleep 200\n\napi echo meanwhile\n\n")
        let reply = try #require(try await client.next())
        #expect(reply.contentType == ESLContentType.commandReply)
        let jobUUID = try #require(reply.headers["Job-UUID"])
        #expect(reply.headers["Reply-Text"] == "+OK Job-UUID: \(jobUUID)")
        let echo = try #require(try await client.next())
        #expect(echo.contentType == ESLContentType.apiResponse)
        #expect(echo.bodyString == "meanwhile", "the job runs aside; the connection is not held")
        let frame = try #require(try await client.next())
        #expect(frame.contentType == ESLContentType.eventPlain)
        let event = try ESLEvent.decodePlain(try #require(frame.body))
        #expect(event.name == "BACKGROUND_JOB")
        #expect(event["Job-UUID"] == jobUUID)
        #expect(event["Job-Command"] == "msleep")
        #expect(event["Job-Command-Arg"] == "200")
        #expect(event.bodyString == "+OK")
        await client.close()
        await mock.stop()
    }
}
