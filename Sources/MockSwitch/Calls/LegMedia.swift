/// What the media commands leave on a leg: its media bugs, its session heartbeat, its video
/// refresh mode. A loopback leg has no RTP, so this is all the media state it keeps.
struct LegMedia: Sendable {
    /// One media bug, as `uuid_buglist` prints it: the function that added it and its target.
    struct Bug: Sendable, Equatable {
        var function: String
        var target: String
    }

    /// The bugs in the order they were added (the switch appends to the session's list).
    var bugs: [Bug] = []
    /// The session heartbeat's interval in seconds, 0 when off.
    var heartbeatSeconds = 0
    /// Counts heartbeat changes, so a timer set for an older setting stops.
    var heartbeatGeneration = 0
    /// `uuid_video_refresh <uuid> manual` (CF_MANUAL_VID_REFRESH).
    var manualVideoRefresh = false
}
