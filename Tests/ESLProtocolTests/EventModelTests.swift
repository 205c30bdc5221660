import NIOCore
import Testing
@testable import ESLProtocol

@Suite struct EventModelTests {
    @Test func emptyEvent() {
        let event = ESLEvent()
        #expect(event.headerCount == 0)
        #expect(event.headers.isEmpty)
        #expect(event.body == nil)
        #expect(event.bodyString == nil)
        #expect(event.name == nil)
        #expect(event["anything"] == nil)
        #expect(event.arrayValues(named: "anything") == nil)
    }

    @Test func lookupsIgnoreASCIICaseAndKeepDuplicatesInOrder() {
        let event = ESLEvent(headers: [
            (name: "Event-Name", value: "CUSTOM"), (name: "Event-Subclass", value: "a::b"),
            (name: "X", value: "1"), (name: "x", value: "2"), (name: "Ü", value: "u"),
        ])
        #expect(event.name == "CUSTOM")
        #expect(event.subclass == "a::b")
        #expect(event["EVENT-NAME"] == "CUSTOM")
        #expect(event["x"] == "1")
        #expect(event.values(named: "X") == ["1", "2"])
        #expect(event["Ü"] == "u")
        #expect(event["ü"] == nil)  // only ASCII letters fold
        #expect(event.headerCount == 5)
        #expect(event.headers[3] == .init(name: "x", value: "2"))
    }

    @Test func addHeaderFollowsFreeSWITCHAndArraysRoundTrip() {
        var event = ESLEvent()
        event.addHeader("A", "")
        #expect(event.headerCount == 0)
        event.addHeader("A", "1")
        event.addArrayHeader("L", ["x", "y z", ""])
        event.addArrayHeader("Empty", [])
        #expect(event["L"] == "ARRAY::x|:y z|:")
        #expect(event.arrayValues(named: "l") == ["x", "y z", ""])
        #expect(event.arrayValues(named: "A") == ["1"])
        #expect(event.headerCount == 2)
    }

    @Test func removeHeadersAndEqualityIgnoreStorageLayout() {
        var a = ESLEvent(headers: [(name: "Drop", value: "zzz"), (name: "Keep", value: "1"), (name: "drop", value: "y")])
        a.removeHeaders(named: "DROP")
        let b = ESLEvent(headers: [(name: "Keep", value: "1")])
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        a.removeHeaders(named: "keep")
        #expect(a == ESLEvent())
    }

    @Test func equalityComparesNamesValuesOrderAndBody() {
        let base = ESLEvent(headers: [(name: "A", value: "1"), (name: "B", value: "2")], body: ByteBuffer(string: "x"))
        #expect(base == ESLEvent(headers: [(name: "A", value: "1"), (name: "B", value: "2")], body: ByteBuffer(string: "x")))
        #expect(base != ESLEvent(headers: [(name: "B", value: "2"), (name: "A", value: "1")], body: ByteBuffer(string: "x")))
        #expect(base != ESLEvent(headers: [(name: "A", value: "1"), (name: "B", value: "2")], body: ByteBuffer(string: "y")))
        #expect(base != ESLEvent(headers: [(name: "A", value: "1"), (name: "B", value: "2")]))
        #expect(base != ESLEvent(headers: [(name: "A1", value: ""), (name: "B", value: "2")], body: ByteBuffer(string: "x")))
        #expect(ESLEvent(headers: [], body: ByteBuffer()) != ESLEvent())  // json keeps an empty body
    }

    @Test func bodyIsMutable() {
        var event = ESLEvent()
        event.body = ByteBuffer(string: "héllo")
        #expect(event.bodyString == "héllo")
    }
}

@Suite struct FirstValuesTests {
    private let event = ESLEvent(headers: [
        (name: "Event-Name", value: "CHANNEL_CREATE"), (name: "variable_v10", value: "x"),
        (name: "Job-Command", value: "status"), (name: "Unique-ID", value: "u1"), (name: "unique-id", value: "u2"),
        (name: "Answer-State", value: "ringing"), (name: "A", value: "short"),
    ])

    @Test func findsEachNameOnceIgnoringCaseInTheGivenOrder() {
        let names = ESLHeaderNames(["UNIQUE-ID", "answer-state", "a", "Job-Command", "event-name"])
        #expect(event.firstValues(names) == ["u1", "ringing", "short", "status", "CHANNEL_CREATE"])
    }

    /// Names of the same length and the same last eight bytes apart from case must still be told
    /// apart, and a name that only shares a length with a header is absent.
    @Test func namesOfTheSameLengthAreNotConfused() {
        let names = ESLHeaderNames(["variable_v11", "Application", "Uptime-msec", "B", "Event-Namf", "Unique-IE"])
        #expect(event.firstValues(names) == [nil, nil, nil, nil, nil, nil])
        #expect(event.firstValues(ESLHeaderNames(["VARIABLE_V10"])) == ["x"])
    }

    @Test func noNamesAndAnEmptyEvent() {
        #expect(event.firstValues(ESLHeaderNames([])) == [])
        #expect(ESLEvent().firstValues(ESLHeaderNames(["Event-Name"])) == [nil])
    }
}
