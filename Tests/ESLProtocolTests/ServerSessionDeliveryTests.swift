import Testing
@testable import ESLProtocol

/// The per-listener event decision: subscription, filters (docs/protocol.md, "Filters"), myevents
/// (docs/protocol.md, "myevents").
@Suite struct ServerSessionDeliveryTests {
    private func event(_ headers: (String, String)...) -> ESLEvent {
        ESLEvent(headers: headers.map { (name: $0.0, value: $0.1) })
    }

    private func listening(_ commands: String...) -> ESLServerSession {
        var session = ESLServerSession(password: "p")
        _ = session.send("auth p\n\n")
        for command in commands { _ = session.send(command + "\n\n") }
        return session
    }

    private let heartbeat = ESLEvent(headers: [(name: "Event-Name", value: "HEARTBEAT"), (name: "Core-UUID", value: "abc")])

    @Test func nothingWithoutEvents() {
        let session = listening()
        #expect(!session.wantsEvent(heartbeat))
    }

    @Test func typeAndAll() {
        #expect(listening("event plain HEARTBEAT").wantsEvent(heartbeat))
        #expect(!listening("event plain CHANNEL_CREATE").wantsEvent(heartbeat))
        #expect(listening("event plain ALL").wantsEvent(heartbeat))
        #expect(!listening("event plain ALL", "nixevent HEARTBEAT").wantsEvent(heartbeat))
        #expect(listening("event plain ALL", "nixevent HEARTBEAT").wantsEvent(event(("Event-Name", "API"))))
    }

    @Test func customSubclasses() {
        let custom = event(("Event-Name", "CUSTOM"), ("Event-Subclass", "sofia::register"))
        let bare = event(("Event-Name", "CUSTOM"))
        #expect(!listening("event plain CUSTOM").wantsEvent(custom))
        #expect(listening("event plain CUSTOM").wantsEvent(bare))
        #expect(listening("event plain CUSTOM sofia::register").wantsEvent(custom))
        #expect(!listening("event plain CUSTOM other::one").wantsEvent(custom))
        #expect(listening("event plain ALL").wantsEvent(custom))
        // A subclass word without CUSTOM before it is not a subscription.
        #expect(!listening("event plain sofia::register").wantsEvent(custom))
    }

    @Test func positiveFiltersAreOred() {
        let session = listening("event plain ALL", "filter Event-Name HEARTBEAT", "filter Event-Name API")
        #expect(session.wantsEvent(heartbeat))
        #expect(session.wantsEvent(event(("Event-Name", "API"))))
        #expect(!session.wantsEvent(event(("Event-Name", "CHANNEL_CREATE"))))
    }

    @Test func comparisonIsWholeStringAndCaseInsensitive() {
        let session = listening("event plain ALL", "filter Event-Name heartbeat")
        #expect(session.wantsEvent(heartbeat))
        #expect(!session.wantsEvent(event(("Event-Name", "HEARTBEATS"))))
        #expect(listening("event plain ALL", "filter event-name HEARTBEAT").wantsEvent(heartbeat))
    }

    @Test func negativeFilterVetoes() {
        let session = listening("event plain ALL", "filter Event-Name /.*/", "filter Core-UUID -abc")
        #expect(!session.wantsEvent(heartbeat))
        #expect(session.wantsEvent(event(("Event-Name", "HEARTBEAT"), ("Core-UUID", "xyz"))))
        // Only negative filters: everything is dropped.
        #expect(!listening("event plain ALL", "filter Core-UUID -nothing").wantsEvent(heartbeat))
    }

    @Test func lastSignDecidesPolarity() {
        #expect(!listening("event plain ALL", "filter Event-Name +-HEARTBEAT").wantsEvent(heartbeat))
        #expect(listening("event plain ALL", "filter Event-Name -+HEARTBEAT").wantsEvent(heartbeat))
    }

    @Test func eventWithoutTheFilteredHeaderIsDropped() {
        #expect(!listening("event plain ALL", "filter Unique-ID x").wantsEvent(heartbeat))
    }

    @Test func regexFilters() {
        #expect(listening("event plain ALL", "filter Event-Name /^HEART/").wantsEvent(heartbeat))
        #expect(listening("event plain ALL", "filter Event-Name /BEA/").wantsEvent(heartbeat))
        #expect(!listening("event plain ALL", "filter Event-Name /^heart/").wantsEvent(heartbeat))
        #expect(listening("event plain ALL", "filter Event-Name /^heart/i").wantsEvent(heartbeat))
        #expect(!listening("event plain ALL", "filter Event-Name /^HEART").wantsEvent(heartbeat))
        let multiline = event(("Event-Name", "API"), ("X", "a\nb"))
        #expect(!listening("event plain ALL", "filter X /a.b/").wantsEvent(multiline))
        #expect(listening("event plain ALL", "filter X /a.b/s").wantsEvent(multiline))
    }

    @Test func myeventsOnlyTheControlledChannel() {
        let uuid = "77777777-7777-4777-8777-777777777777"
        let core = FakeCore(channels: [uuid: [:]])
        var session = ESLServerSession(password: "p")
        _ = session.send("auth p\n\n", core: core)
        _ = session.send("myevents \(uuid)\n\n", core: core)
        #expect(session.wantsEvent(event(("Event-Name", "CHANNEL_ANSWER"), ("Unique-ID", uuid))))
        #expect(!session.wantsEvent(event(("Event-Name", "CHANNEL_ANSWER"), ("Unique-ID", "other"))))
        #expect(!session.wantsEvent(event(("Event-Name", "CHANNEL_ANSWER"))))
        // Not one of the 23 myevents types.
        #expect(!session.wantsEvent(event(("Event-Name", "HEARTBEAT"), ("Unique-ID", uuid))))
        let job = event(("Event-Name", "BACKGROUND_JOB"), ("Job-Owner-UUID", uuid))
        #expect(!session.wantsEvent(job))
        _ = session.send("event plain BACKGROUND_JOB\n\n", core: core)
        #expect(session.wantsEvent(job))
        #expect(!session.wantsEvent(event(("Event-Name", "BACKGROUND_JOB"), ("Job-Owner-UUID", "other"))))
    }

    @Test func myeventsWithAnUnknownUUIDWantsAnyUniqueID() {
        var session = ESLServerSession(password: "p")
        _ = session.send("auth p\n\n")
        #expect(session.reply("myevents 00000000-dead-beef-0000-000000000000\n\n") == "+OK Events Enabled")
        #expect(session.wantsEvent(event(("Event-Name", "CHANNEL_ANSWER"), ("Unique-ID", "anything"))))
        #expect(!session.wantsEvent(event(("Event-Name", "CHANNEL_ANSWER"))))
    }
}
