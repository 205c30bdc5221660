import TestSupport
import Testing
@testable import ESLProtocol

@Suite struct SubscriptionsTests {
    /// (command line, captured Reply-Text) for every command a capture sent on its one connection.
    private func exchanges(_ name: String) throws -> [(line: String, reply: String)] {
        let capture = try Captures.load(name)
        var result: [(String, String)] = []
        var pending: [String] = []
        for record in capture.records {
            if record.isClient {
                pending.append(record.firstLine)
            } else if record.isServer, record.labelContentType == "command/reply", !pending.isEmpty {
                let reply = record.data.split(separator: "\n").first { $0.hasPrefix("Reply-Text: ") }.map { String($0.dropFirst(12)) }
                result.append((pending.removeFirst(), reply ?? ""))
            }
        }
        return result
    }

    /// Replays subscription commands of a capture through a mirror and checks that each outcome the
    /// mirror computes is the one the switch replied.
    private func replay(_ name: String) throws -> ESLSubscriptions {
        var subscriptions = ESLSubscriptions()
        var checked = 0
        for (line, reply) in try exchanges(name) {
            let verb = String(line.prefix { $0 != " " })
            let arguments = String(line.dropFirst(verb.count).drop { $0 == " " })
            switch verb {
            case "filter" where line.hasPrefix("filter "):
                #expect(subscriptions.applyFilter(arguments).replyText == reply, "\(name): \(line)")
            case "filter":
                // Bare `filter` does not match the switch's `filter ` prefix test: not a filter command.
                #expect(reply == "-ERR command not found")
            case "event":
                let recognised = subscriptions.applyEvent(arguments)
                let expected = recognised > 0 ? "+OK event listener enabled \(subscriptions.format.rawValue)" : "-ERR no keywords supplied"
                #expect(expected == reply, "\(name): \(line)")
            case "nixevent":
                let recognised = subscriptions.applyNixevent(arguments)
                #expect((recognised > 0 ? "+OK events nixed" : "-ERR no keywords supplied") == reply, "\(name): \(line)")
            case "noevents":
                let wasListening = subscriptions.applyNoevents()
                #expect((wasListening ? "+OK no longer listening for events" : "-ERR not listening for events") == reply, "\(name): \(line)")
            default:
                continue
            }
            checked += 1
        }
        #expect(checked > 0)
        return subscriptions
    }

    @Test func filterCapture16() throws {
        let subscriptions = try replay("16")
        #expect(subscriptions.filters.isEmpty, "`filter delete all` emptied the list")
        #expect(!subscriptions.isListening, "noevents at the end")
    }

    @Test func nixeventCapture17() throws {
        let subscriptions = try replay("17")
        #expect(!subscriptions.isListening)
        #expect(subscriptions.customSubclasses.isEmpty)
    }

    @Test func noeventsCapture18() throws {
        _ = try replay("18")
    }

    @Test func stateAlongCapture17() throws {
        var subscriptions = ESLSubscriptions()
        subscriptions.applyEvent("plain ALL")
        #expect(subscriptions.isAllEnabled)
        #expect(subscriptions.applyNixevent("HEARTBEAT RE_SCHEDULE") == 2)
        #expect(!subscriptions.isAllEnabled, "nixing one type expands ALL into the individual types")
        #expect(!subscriptions.isSubscribed(to: "HEARTBEAT"))
        #expect(!subscriptions.isSubscribed(to: "RE_SCHEDULE"))
        #expect(subscriptions.isSubscribed(to: "CHANNEL_CREATE"))
        #expect(subscriptions.isSubscribed(to: "CERT_RELOAD"))
        #expect(subscriptions.types.count == ESLEventName.all.count - 2)
        subscriptions.applyEvent("plain HEARTBEAT CHANNEL_CREATE")
        #expect(subscriptions.isSubscribed(to: "HEARTBEAT"))
        subscriptions.applyEvent("plain CUSTOM foo::bar")
        #expect(subscriptions.customSubclasses == ["foo::bar"])
        #expect(subscriptions.applyNixevent("ALL") == 1)
        #expect(!subscriptions.isListening)
        #expect(subscriptions.customSubclasses == ["foo::bar"], "nixevent ALL keeps the custom subclass set")
    }

    // MARK: Unit rules of docs/protocol.md, "Subscriptions"

    @Test func eventAllSubscribesToEverything() {
        var subscriptions = ESLSubscriptions()
        #expect(subscriptions.applyEvent("all") == 1)
        #expect(subscriptions.isAllEnabled)
        for name in ESLEventName.all {
            #expect(subscriptions.isSubscribed(to: name))
        }
    }

    @Test func nixeventAllClearsEveryTypeButKeepsSubclasses() {
        var subscriptions = ESLSubscriptions()
        subscriptions.applyEvent("json CUSTOM a::b c::d")
        subscriptions.applyEvent("HEARTBEAT ALL")
        #expect(subscriptions.applyNixevent("ALL") == 1)
        #expect(subscriptions.types.isEmpty)
        #expect(!subscriptions.isSubscribed(to: "HEARTBEAT"))
        #expect(subscriptions.customSubclasses == ["a::b", "c::d"])
        #expect(subscriptions.format == .json)
    }

    @Test func nixingOneTypeWhileAllIsOn() {
        var subscriptions = ESLSubscriptions()
        subscriptions.applyEvent("ALL")
        #expect(subscriptions.applyNixevent("channel_create") == 1)
        #expect(!subscriptions.isAllEnabled)
        #expect(!subscriptions.isSubscribed(to: "CHANNEL_CREATE"))
        #expect(subscriptions.isSubscribed(to: "CHANNEL_DESTROY"))
        #expect(subscriptions.isSubscribed(to: "CUSTOM"))
        #expect(!subscriptions.types.contains("ALL"))
    }

    @Test func customTakesEveryFollowingWordAsASubclass() {
        var subscriptions = ESLSubscriptions()
        #expect(subscriptions.applyEvent("plain CUSTOM sofia::register HEARTBEAT sofia::unregister") == 1)
        #expect(subscriptions.customSubclasses == ["sofia::register", "HEARTBEAT", "sofia::unregister"])
        #expect(!subscriptions.isSubscribed(to: "HEARTBEAT"), "a word after CUSTOM is a subclass, not a type")
        #expect(subscriptions.isSubscribed(to: "CUSTOM"))
        // A subclass word without CUSTOM before it is ignored.
        #expect(subscriptions.applyEvent("plain sofia::expire") == 0)
        #expect(!subscriptions.customSubclasses.contains("sofia::expire"))
        #expect(subscriptions.applyNixevent("CUSTOM sofia::register") == 1)
        #expect(subscriptions.customSubclasses == ["HEARTBEAT", "sofia::unregister"])
        #expect(subscriptions.isSubscribed(to: "CUSTOM"), "nixevent CUSTOM <subclass> only removes subclasses")
    }

    @Test(arguments: [
        ("SWITCH_EVENT_CHANNEL_CREATE", "CHANNEL_CREATE"),
        ("switch_event_heartbeat", "HEARTBEAT"),
        ("SWITCH_EVENT_ALL", "ALL"),
        ("XXXXXXXXXXXXXAPI", "API"),
        ("channel_answer", "CHANNEL_ANSWER"),
        ("Cert_Reload", "CERT_RELOAD"),
    ])
    func eventNamesResolveLikeTheSwitch(_ word: String, _ name: String) {
        #expect(ESLEventName.resolve(word) == name)
        var subscriptions = ESLSubscriptions()
        #expect(subscriptions.applyEvent("plain \(word)") == 1)
        #expect(subscriptions.isSubscribed(to: name))
    }

    @Test(arguments: ["SWITCH_EVENT_", "NOT_AN_EVENT", "SWITCH_EVENT_NOPE", "HEART", "", "SWITCH_EVENTHEARTBEAT"])
    func unknownWordsAreSkipped(_ word: String) {
        #expect(ESLEventName.resolve(word) == nil)
        var subscriptions = ESLSubscriptions()
        #expect(subscriptions.applyEvent("plain \(word)") == 0)
        #expect(!subscriptions.isListening)
    }

    @Test func eventNumbersFollowTheSpec() {
        #expect(ESLEventName.number(of: "CUSTOM") == 0)
        #expect(ESLEventName.number(of: "HEARTBEAT") == 50)
        #expect(ESLEventName.number(of: "CHANNEL_DATA") == 63)
        #expect(ESLEventName.number(of: "CERT_RELOAD") == 92)
        #expect(ESLEventName.number(of: "ALL") == 93)
        #expect(ESLEventName.allNumber == 93)
        #expect(ESLEventName.all.count == 93)
        #expect(!ESLEventName.all.contains("ALL"), "`all` lists the real types only")
        #expect(Set(ESLEventName.all).count == ESLEventName.all.count)
        #expect(ESLEventName.number(of: "heartbeat") == nil, "numbers are looked up by canonical name")
    }

    @Test func formatSwitching() {
        var subscriptions = ESLSubscriptions()
        #expect(subscriptions.format == .plain)
        #expect(subscriptions.applyEvent("json") == 0, "`event json` alone: -ERR no keywords supplied")
        #expect(subscriptions.format == .json, "…but the format change still applies")
        subscriptions.applyEvent("XML HEARTBEAT")
        #expect(subscriptions.format == .xml)
        subscriptions.applyEvent("HEARTBEAT plain")
        #expect(subscriptions.format == .xml, "a format word counts only as the first word")
        subscriptions.applyEvent("bogus HEARTBEAT")
        #expect(subscriptions.format == .xml)
        subscriptions.applyNoevents()
        #expect(subscriptions.format == .xml, "noevents keeps the format")
    }

    @Test func noeventsKeepsFilters() {
        var subscriptions = ESLSubscriptions()
        subscriptions.applyFilter("Event-Name HEARTBEAT")
        subscriptions.applyEvent("CUSTOM x::y")
        let first = subscriptions.applyNoevents()
        let second = subscriptions.applyNoevents()
        #expect(first)
        #expect(!second)
        #expect(subscriptions.customSubclasses.isEmpty)
        #expect(subscriptions.filters == [.init(header: "Event-Name", value: "HEARTBEAT")])
    }

    @Test func filterRules() {
        var subscriptions = ESLSubscriptions()
        #expect(subscriptions.applyFilter("Unique-ID  some value with spaces").replyText == "+OK filter added. [Unique-ID]=[some value with spaces]")
        #expect(subscriptions.applyFilter("add Event-Name /^CHANNEL_/i").replyText == "+OK filter added. [Event-Name]=[/^CHANNEL_/i]")
        subscriptions.applyFilter("Event-Name -HEARTBEAT")
        subscriptions.applyFilter("Event-Name HEARTBEAT")
        #expect(subscriptions.filters.count == 4)
        // Delete by header (any case) and exact value.
        #expect(subscriptions.applyFilter("delete event-name HEARTBEAT") == .deleted(header: "event-name", value: "HEARTBEAT"))
        #expect(subscriptions.filters.map(\.value) == ["some value with spaces", "/^CHANNEL_/i", "-HEARTBEAT"])
        subscriptions.applyFilter("delete EVENT-NAME")
        #expect(subscriptions.filters.map(\.header) == ["Unique-ID"])
        #expect(subscriptions.applyFilter("Event-Name") == .invalidSyntax)
        #expect(subscriptions.applyFilter("delete") == .invalidSyntax)
        #expect(subscriptions.applyFilter("delete all").replyText == "+OK filter deleted. [all][]")
        #expect(subscriptions.filters.isEmpty)
    }

    @Test func applyAcceptedCommandLines() {
        var subscriptions = ESLSubscriptions()
        subscriptions.applyAccepted(commandLine: "events json CHANNEL_ANSWER")
        #expect(subscriptions.format == .json)
        #expect(subscriptions.isSubscribed(to: "CHANNEL_ANSWER"))
        subscriptions.applyAccepted(commandLine: "log")
        #expect(subscriptions.logLevel == 7)
        subscriptions.applyAccepted(commandLine: "log info")
        #expect(subscriptions.logLevel == 6)
        subscriptions.applyAccepted(commandLine: "log foo")
        #expect(subscriptions.logLevel == 6, "a refused level word changes nothing")
        subscriptions.applyAccepted(commandLine: "nolog")
        #expect(subscriptions.logLevel == nil)
        subscriptions.applyAccepted(commandLine: "filter Event-Name HEARTBEAT")
        #expect(subscriptions.filters.count == 1)
        subscriptions.applyAccepted(commandLine: "nixevent CHANNEL_ANSWER")
        #expect(!subscriptions.isListening)
        subscriptions.applyAccepted(commandLine: "api status")
        #expect(subscriptions == {
            var expected = ESLSubscriptions()
            expected.format = .json
            expected.applyFilter("Event-Name HEARTBEAT")
            return expected
        }())
    }
}
