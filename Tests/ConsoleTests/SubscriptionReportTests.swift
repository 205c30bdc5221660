import Console
import ESLProtocol
import Testing

@Suite struct SubscriptionReportTests {
    @Test func noSubscriptionsNeedNoCommands() {
        let none = ESLSubscriptions()
        #expect(SubscriptionReport.restoreCommands(none).isEmpty)
        #expect(SubscriptionReport.lines(none) == ["events: none", "filters: none", "log level: off"])
        #expect(SubscriptionReport.summary(none) == "no events, no log")
    }

    @Test func eventAllIsRestoredAsAllAlone() {
        // `event plain ALL` also turns on every single type; ALL alone says so.
        var subscriptions = ESLSubscriptions()
        subscriptions.applyEvent("plain ALL")
        subscriptions.applyFilter("Event-Name CHANNEL_CREATE")
        subscriptions.logLevel = ESLLogLevel.debug.rawValue
        #expect(SubscriptionReport.restoreCommands(subscriptions) == [
            .event(.plain, ["ALL"]), .filter("Event-Name", "CHANNEL_CREATE"), .log(.debug),
        ])
        #expect(SubscriptionReport.lines(subscriptions) == [
            "events: plain ALL", "filters: Event-Name CHANNEL_CREATE", "log level: debug (7)",
        ])
        #expect(SubscriptionReport.summary(subscriptions) == "events plain ALL, 1 filter, log debug (7)")
    }

    @Test func allComesFirstAndCustomSubclassesLast() {
        var subscriptions = ESLSubscriptions()
        subscriptions.applyEvent("xml ALL")
        subscriptions.applyEvent("CUSTOM sofia::register conference::maintenance")
        #expect(SubscriptionReport.restoreCommands(subscriptions) == [
            .event(.xml, ["ALL", "CUSTOM", "conference::maintenance", "sofia::register"]),
        ])
    }

    @Test func typesSortedThenCustomAndItsSubclasses() {
        var subscriptions = ESLSubscriptions()
        subscriptions.applyEvent("json CUSTOM sofia::register conference::maintenance")
        subscriptions.applyEvent("HEARTBEAT CHANNEL_CREATE")
        let words = ["CHANNEL_CREATE", "HEARTBEAT", "CUSTOM", "conference::maintenance", "sofia::register"]
        #expect(SubscriptionReport.restoreCommands(subscriptions) == [.event(.json, words)])
        #expect(SubscriptionReport.lines(subscriptions) == [
            "events: json " + words.joined(separator: " "), "filters: none", "log level: off",
        ])
        #expect(SubscriptionReport.summary(subscriptions) == "events json " + words.joined(separator: " ") + ", no log")
    }

    @Test func bareCustomWithoutSubclasses() {
        var subscriptions = ESLSubscriptions()
        subscriptions.applyEvent("CUSTOM")
        #expect(SubscriptionReport.restoreCommands(subscriptions) == [.event(.plain, ["CUSTOM"])])
    }

    @Test func filtersKeepTheirOrder() {
        var subscriptions = ESLSubscriptions()
        subscriptions.applyEvent("plain CHANNEL_ANSWER")
        subscriptions.applyFilter("Unique-ID 6f1c")
        subscriptions.applyFilter("add Event-Name CHANNEL_ANSWER")
        subscriptions.applyFilter("Caller-Caller-ID-Number /^10/")
        #expect(SubscriptionReport.restoreCommands(subscriptions) == [
            .event(.plain, ["CHANNEL_ANSWER"]),
            .filter("Unique-ID", "6f1c"), .filter("Event-Name", "CHANNEL_ANSWER"), .filter("Caller-Caller-ID-Number", "/^10/"),
        ])
        #expect(SubscriptionReport.lines(subscriptions)[1]
            == "filters: Unique-ID 6f1c; Event-Name CHANNEL_ANSWER; Caller-Caller-ID-Number /^10/")
        #expect(SubscriptionReport.summary(subscriptions) == "events plain CHANNEL_ANSWER, 3 filters, no log")
    }

    @Test func filtersAndLogWithoutEvents() {
        var subscriptions = ESLSubscriptions()
        subscriptions.applyFilter("Event-Name HEARTBEAT")
        subscriptions.applyAccepted(commandLine: "log info")
        #expect(SubscriptionReport.restoreCommands(subscriptions) == [.filter("Event-Name", "HEARTBEAT"), .log(.info)])
        #expect(SubscriptionReport.lines(subscriptions) == ["events: none", "filters: Event-Name HEARTBEAT", "log level: info (6)"])
        #expect(SubscriptionReport.summary(subscriptions) == "no events, 1 filter, log info (6)")
    }

    @Test func logLevelsOutsideTheSwitchsAreShownButNotSent() {
        var subscriptions = ESLSubscriptions()
        subscriptions.logLevel = -1
        #expect(SubscriptionReport.restoreCommands(subscriptions) == [.log(.disable)])
        subscriptions.logLevel = 9
        #expect(SubscriptionReport.restoreCommands(subscriptions).isEmpty)
        #expect(SubscriptionReport.lines(subscriptions)[2] == "log level: 9")
    }

    /// Sending the restore commands to a fresh connection gives it the same subscriptions.
    @Test(arguments: [
        ["plain ALL"], ["json ALL", "CUSTOM a::b"], ["xml HEARTBEAT CHANNEL_CREATE"], ["CUSTOM x::y z::w", "API"],
    ])
    func restoreCommandsRebuildTheSameSubscriptions(_ events: [String]) {
        var original = ESLSubscriptions()
        for event in events { original.applyEvent(event) }
        original.applyFilter("Event-Name HEARTBEAT")
        original.applyFilter("Unique-ID 6f1c")
        original.logLevel = ESLLogLevel.notice.rawValue
        var restored = ESLSubscriptions()
        for command in SubscriptionReport.restoreCommands(original) {
            restored.applyAccepted(commandLine: command.line)
        }
        #expect(restored == original)
    }
}
