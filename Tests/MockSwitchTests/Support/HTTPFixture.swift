import MockSwitch

/// The mock with its HTTP face on a free port and a hand-moved clock; its own heartbeat and
/// scheduler are slowed to an hour, so only what a test publishes reaches the listeners.
struct HTTPFixture {
    let mock: MockSwitchServer
    let clock: ManualClock

    var core: SwitchCore { mock.core }
    var port: Int { mock.httpPort ?? 0 }

    static func start(_ compatibility: EventSinkCompatibility = .legacy, clock: ManualClock = ManualClock(TestSwitch.start),
                      core: SwitchCore? = nil) async throws -> HTTPFixture {
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        configuration.httpPort = 0
        configuration.heartbeatInterval = .seconds(3600)
        configuration.schedulerInterval = .seconds(3600)
        configuration.eventSinkCompatibility = compatibility
        let mock = try await MockSwitchServer.start(configuration, core: core ?? TestSwitch.make(clock: clock), logger: ConformanceTests.quiet)
        return HTTPFixture(mock: mock, clock: clock)
    }

    /// What `/api/event_sink?<query>` wrote (its Content-Type lines included).
    func sink(_ query: String) async throws -> String {
        HTTPWire.apiOutput(try await HTTPWire.get("/api/event_sink?" + query, port: port))
    }

    /// A HEARTBEAT of this switch, fired as the switch fires it.
    func heartbeat() {
        mock.publish(events: [core.heartbeat()[0]])
    }
}

/// event_sink's two reply wrappers (docs/http-face.md).
enum SinkWrapper {
    static func xml(_ fragment: String) -> String {
        "Content-Type: text/xml\n\n<?xml version=\"1.0\"?>\n<root>\n" + fragment + "</root>\n\n"
    }

    static func json(_ fragment: String) -> String {
        "Content-Type: application/json\n\n" + fragment
    }

    /// The listener block of the XML replies.
    static func listener(_ id: Int, _ format: String) -> String {
        " <listener>\n  <listen-id>\(id)</listen-id>\n  <format>\(format)</format>\n  <timeout>60</timeout>\n </listener>\n"
    }

    static func created(_ id: Int, _ format: String) -> String {
        "<data>\n <reply type=\"success\">Listener \(id) Created</reply>\n" + listener(id, format) + "</data>\n"
    }

    static func follows(_ id: Int, _ format: String) -> String {
        "<data>\n <reply type=\"success\">Current Events Follow</reply>\n" + listener(id, format)
    }

    static func jsonListener(_ id: Int, events: String? = nil) -> String {
        let head = "{\n\t\"listener\":\t{\n\t\t\"listen-id\":\t\(id),\n\t\t\"format\":\t\"json\",\n\t\t\"timeout\":\t60\n\t}"
        return head + (events.map { ",\n\t\"events\":\t\($0)\n}" } ?? "\n}")
    }
}
