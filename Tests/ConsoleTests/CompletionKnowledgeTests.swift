import ESLProtocol
import Testing
@testable import Console

/// What the session learns from events for Tab completion: header names, channel UUIDs and sofia
/// profile names.
@Suite struct SessionStateLearningTests {
    private func learn(_ headers: [(String, String)], into state: inout CompletionKnowledge) {
        let event = ESLEvent(headers: headers.map { (name: $0.0, value: $0.1) })
        state.learn(EventSummary(event), headerNames: { event.headers.map(\.name) })
    }

    @Test func channelsComeAndGoAndHeaderNamesAreLearnt() {
        var state = CompletionKnowledge()
        learn([("Event-Name", "CHANNEL_CREATE"), ("Unique-ID", "aaaa-1"), ("Caller-ANI", "1000")], into: &state)
        learn([("Event-Name", "CHANNEL_ANSWER"), ("Unique-ID", "bbbb-2")], into: &state)
        #expect(state.channelUUIDs == ["aaaa-1", "bbbb-2"])
        #expect(state.headerNames.isSuperset(of: ["Event-Name", "Unique-ID", "Caller-ANI"]))
        learn([("Event-Name", "CHANNEL_DESTROY"), ("Unique-ID", "aaaa-1")], into: &state)
        #expect(state.channelUUIDs == ["bbbb-2"])
        // Not a channel event: its Unique-ID is not a channel to complete.
        learn([("Event-Name", "HEARTBEAT"), ("Unique-ID", "cccc-3")], into: &state)
        #expect(state.channelUUIDs == ["bbbb-2"])
    }

    @Test func sofiaCustomEventsNameTheirProfile() {
        var state = CompletionKnowledge()
        learn([("Event-Name", "CUSTOM"), ("Event-Subclass", "sofia::register"), ("profile-name", "internal")], into: &state)
        learn([("Event-Name", "CUSTOM"), ("Event-Subclass", "sofia::gateway_state"), ("profile-name", "external"), ("Gateway", "gw1")], into: &state)
        #expect(state.profileNames == ["internal", "external"])
        // A new subclass is a new kind of event: its header names are learnt too.
        #expect(state.headerNames.contains("Gateway"))
    }
}
