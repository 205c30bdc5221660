// The code of every ```swift block in the DocC articles (Sources/*/*.docc), word for word apart from
// its `import` lines: compiled here so the documentation cannot drift from the API, run against
// the mock switch by DocumentationSnippetTests, and matched with the articles by that suite.
import ESLClient
import ESLProtocol
import MockSwitch
import NIOCore
import Testing

// MARK: ESLClient: Getting started

func switchStatus(port: Int = 8021) async throws -> ESLAPIResponse {
    let fs = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
    let status = try await fs.api("status")
    print(status)  // the output, as fs_cli shows it: "UP 0 years, 0 days, …"
    if status.isError {
        print("the switch refused:", status.text)
    }
    let reply = try await fs.command("log 6")
    print(reply)  // +OK log level 6 [6]
    await fs.exit()
    return status
}

// MARK: ESLClient: Streaming events

func channelEventsOfOneCall(port: Int = 8021) async throws -> [ESLEvent] {
    let fs = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
    _ = try await fs.command(.event(.plain, ["CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE"]))
    _ = try await fs.api("originate", "loopback/7000 &hangup()")
    var events: [ESLEvent] = []
    for await notification in fs.notifications {
        switch notification {
        case .event(let event):
            print(event)  // CHANNEL_CREATE (86 headers)
            events.append(event)
            if event.name == "CHANNEL_HANGUP_COMPLETE" {
                await fs.exit()
                return events
            }
        case .disconnected(let error):
            throw error
        default:
            continue
        }
    }
    return events
}

// MARK: ESLClient: Background jobs

func statusInTheBackground(port: Int = 8021) async throws -> ESLBackgroundJob {
    let fs = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
    let job = try await fs.bgapi("status") { accepted in
        print(accepted)  // +OK Job-UUID: 3f1c…, as soon as the switch has taken the job
    }
    print(job)  // bgapi status: UP 0 years, 0 days, … (+7 lines)
    if job.isError {
        print("failed:", job.output)
    }
    await fs.exit()
    return job
}

// MARK: ESLClient: Outbound mode

func answerOneCall(on listener: ESLOutboundListener) async throws -> String? {
    for await call in listener.connections {
        let channel = try await call.connect()  // the call's CHANNEL_DATA event
        print(channel["Caller-Destination-Number"] ?? "")
        _ = try await call.command(.execute("answer"))
        _ = try await call.command(.execute("hangup", "NORMAL_CLEARING"))
        await call.close()
        return channel["Unique-ID"]
    }
    return nil
}

// MARK: ESLProtocol: Frames and messages

func messages(in bytes: [UInt8]) throws -> [ESLMessage] {
    var buffer = ByteBuffer(bytes: bytes)
    var decoder = ESLFrameDecoder()
    let frames = try decoder.decodeAll(&buffer)  // whole frames only; a partial one stays in `buffer`
    return frames.map(ESLMessage.init(frame:))
}

func statusCommandBytes() throws -> ByteBuffer {
    try ESLCommand.api("status").encoded()  // "api status\n\n"
}

// MARK: MockSwitch: a test fixture

@Test func statusSaysTheSwitchIsUp() async throws {
    var configuration = MockSwitchConfiguration()
    configuration.listenPort = 0  // any free port
    let mock = try await MockSwitchServer.start(configuration)

    let fs = try await ESLConnection.connect(host: mock.host, port: mock.port, password: configuration.password)
    let status = try await fs.api("status")
    #expect(status.text.hasPrefix("UP "))
    await fs.exit()
    await mock.stop()
}
