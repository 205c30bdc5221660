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
