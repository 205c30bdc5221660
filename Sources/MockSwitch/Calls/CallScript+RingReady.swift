extension CallScript {
    /// `uuid_ring_ready` on a leg that is not ringing, in early media or answered yet: it rings
    /// (CALLSTATE RINGING, CHANNEL_PROGRESS), as a ringing user's leg does; otherwise nothing.
    mutating func ringReady(_ uuid: String) {
        let leg = self[uuid]
        guard !leg.isAnswered, (leg.profile?.progressMediaAt ?? 0) == 0, (leg.profile?.progressAt ?? 0) == 0 else { return }
        let time = now
        self[uuid].profile?.progressAt = time
        callState(uuid, .ringing)
        fire("CHANNEL_PROGRESS", uuid, .markRinging)
    }
}
