/// The switch's event types by number (docs/events.md, "Event types", FreeSWITCH 1.11: `CERT_RELOAD` is 92 and
/// `ALL` 93; on 1.10 there is no `CERT_RELOAD`). Names are what travel on the wire.
public enum ESLEventName {
    /// Every event type name in enum order, without `ALL`.
    public static let all: [String] = [
        "CUSTOM", "CLONE", "CHANNEL_CREATE", "CHANNEL_DESTROY",
        "CHANNEL_STATE", "CHANNEL_CALLSTATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP",
        "CHANNEL_HANGUP_COMPLETE", "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_HOLD",
        "CHANNEL_UNHOLD", "CHANNEL_BRIDGE", "CHANNEL_UNBRIDGE", "CHANNEL_PROGRESS",
        "CHANNEL_PROGRESS_MEDIA", "CHANNEL_OUTGOING", "CHANNEL_PARK", "CHANNEL_UNPARK",
        "CHANNEL_APPLICATION", "CHANNEL_ORIGINATE", "CHANNEL_UUID", "API",
        "LOG", "INBOUND_CHAN", "OUTBOUND_CHAN", "STARTUP",
        "SHUTDOWN", "PUBLISH", "UNPUBLISH", "TALK",
        "NOTALK", "SESSION_CRASH", "MODULE_LOAD", "MODULE_UNLOAD",
        "DTMF", "MESSAGE", "PRESENCE_IN", "NOTIFY_IN",
        "PRESENCE_OUT", "PRESENCE_PROBE", "MESSAGE_WAITING", "MESSAGE_QUERY",
        "ROSTER", "CODEC", "BACKGROUND_JOB", "DETECTED_SPEECH",
        "DETECTED_TONE", "PRIVATE_COMMAND", "HEARTBEAT", "TRAP",
        "ADD_SCHEDULE", "DEL_SCHEDULE", "EXE_SCHEDULE", "RE_SCHEDULE",
        "RELOADXML", "NOTIFY", "PHONE_FEATURE", "PHONE_FEATURE_SUBSCRIBE",
        "SEND_MESSAGE", "RECV_MESSAGE", "REQUEST_PARAMS", "CHANNEL_DATA",
        "GENERAL", "COMMAND", "SESSION_HEARTBEAT", "CLIENT_DISCONNECTED",
        "SERVER_DISCONNECTED", "SEND_INFO", "RECV_INFO", "RECV_RTCP_MESSAGE",
        "SEND_RTCP_MESSAGE", "CALL_SECURE", "NAT", "RECORD_START",
        "RECORD_STOP", "PLAYBACK_START", "PLAYBACK_STOP", "CALL_UPDATE",
        "FAILURE", "SOCKET_DATA", "MEDIA_BUG_START", "MEDIA_BUG_STOP",
        "CONFERENCE_DATA_QUERY", "CONFERENCE_DATA", "CALL_SETUP_REQ", "CALL_SETUP_RESULT",
        "CALL_DETAIL", "DEVICE_STATE", "TEXT", "SHUTDOWN_REQUESTED",
        "CERT_RELOAD",
    ]

    /// The type of the event that carries a bgapi job's result (`Job-UUID`, body: the output).
    public static let backgroundJob = "BACKGROUND_JOB"

    /// The pseudo-type that subscribes to everything.
    public static let allKeyword = "ALL"

    /// The number of `ALL` (one past the last real type).
    public static var allNumber: Int { all.count }

    private static let numbers: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })

    /// Resolves a word as `switch_name_event` does: any case; a word longer than 13 characters also
    /// matches by its tail after the 13th, so `SWITCH_EVENT_CHANNEL_CREATE` names CHANNEL_CREATE.
    /// Returns the canonical upper-case name (or `ALL`), or `nil` for an unknown word.
    public static func resolve(_ word: String) -> String? {
        let upper = word.uppercased()
        if upper == allKeyword || numbers[upper] != nil { return upper }
        guard upper.utf8.count > 13 else { return nil }
        let tail = String(upper.dropFirst(13))
        if tail == allKeyword || numbers[tail] != nil { return tail }
        return nil
    }

    /// The enum number of a canonical name (`ALL` included), or `nil`.
    public static func number(of name: String) -> Int? {
        name == allKeyword ? allNumber : numbers[name]
    }
}
