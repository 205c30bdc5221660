import ESLProtocol
@testable import MockSwitch
import Testing

/// Where a listener notices that its controlled channel hung up.
@Suite struct ControlledChannelWatchTests {
    private static func event(_ name: String, _ uuid: String = "u") -> ESLEvent {
        ESLEvent(headers: [(name: "Event-Name", value: name), (name: "Channel-Name", value: "loopback/7000-a"), (name: "Unique-ID", value: uuid)])
    }

    @Test func inboundAndStaticListenersNoticeAtTheHangup() {
        for mode in [ESLServerSession.Mode.inbound, .outbound(channel: "u", async: false, full: true)] {
            var watch = ControlledChannelWatch(mode: mode)
            #expect(watch.observe(Self.event("CHANNEL_EXECUTE"), controlled: "u") == nil)
            #expect(watch.observe(Self.event("CHANNEL_HANGUP", "other"), controlled: "u") == nil)
            #expect(watch.observe(Self.event("CHANNEL_HANGUP"), controlled: "u") == "loopback/7000-a")
            watch.notice()
            #expect(watch.observe(Self.event("CHANNEL_HANGUP_COMPLETE"), controlled: "u") == nil)
            #expect(!watch.delivers(Self.event("CHANNEL_DESTROY"), controlled: "u", myEvents: true))
            #expect(watch.delivers(Self.event("CHANNEL_DESTROY"), controlled: "u", myEvents: false))
        }
    }

    @Test func asyncOutboundListenersNoticeAtTheReport() {
        var watch = ControlledChannelWatch(mode: .outbound(channel: "u", async: true, full: true))
        #expect(watch.observe(Self.event("CHANNEL_HANGUP"), controlled: "u") == nil)
        #expect(watch.delivers(Self.event("CHANNEL_STATE"), controlled: "u", myEvents: true))
        #expect(watch.observe(Self.event("CHANNEL_HANGUP_COMPLETE"), controlled: "u") == "loopback/7000-a")
        #expect(!watch.delivers(Self.event("CHANNEL_DESTROY"), controlled: "u", myEvents: true))
    }

    @Test func aHangupTheListenerRanItselfIsNoticedOnce() {
        var watch = ControlledChannelWatch(mode: .outbound(channel: "u", async: false, full: false))
        watch.notice()
        #expect(watch.observe(Self.event("CHANNEL_HANGUP"), controlled: "u") == nil)
        #expect(watch.noticed)
    }
}
