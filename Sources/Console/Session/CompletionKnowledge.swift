
/// What the session has learnt from events for Tab completion: header names, SIP profile names
/// and the channels up (bounded).
struct CompletionKnowledge: Sendable {
    /// Header names seen in events, for completing `/filter` (bounded).
    var headerNames = Set<String>()
    /// SIP profile names seen in events (`profile-name`), for completing `sofia … profile`.
    var profileNames = Set<String>()
    /// Channels seen created and not yet destroyed, for completing UUIDs (bounded).
    var channelUUIDs = Set<String>()
    /// The switch answered console_complete with an error (no such API, not permitted): complete
    /// locally from now on.
    var switchCannotComplete = false

    static let maxHeaderNames = 2_000
    static let maxChannels = 10_000

    /// Event names whose headers were learnt: events of one kind carry much the same headers, and
    /// reading every header of every event would cost more than showing it.
    var learntEventNames = Set<String>()

    /// Learns header names and channel UUIDs from an event, for completion; `headerNames` (all of
    /// the event's) is asked for only the first time an event of its kind is seen.
    mutating func learn(_ summary: EventSummary, headerNames eventHeaderNames: () -> [String]) {
        let name = summary.name
        if headerNames.count < Self.maxHeaderNames, learntEventNames.count < Self.maxHeaderNames,
           learntEventNames.insert(name == "CUSTOM" ? name + (summary.subclass ?? "") : name).inserted {
            headerNames.formUnion(eventHeaderNames())
        }
        // sofia's CUSTOM events (sofia::register, …) name their profile.
        if name == "CUSTOM", let profile = summary.profileName, !profile.isEmpty, profileNames.count < Self.maxHeaderNames {
            profileNames.insert(profile)
        }
        guard name.hasPrefix("CHANNEL_"), let uuid = summary.uniqueID, !uuid.isEmpty else { return }
        switch name {
        case "CHANNEL_DESTROY":
            channelUUIDs.remove(uuid)
        case "CHANNEL_CREATE", "CHANNEL_PARK", "CHANNEL_ANSWER", "CHANNEL_STATE", "CHANNEL_CALLSTATE":
            if channelUUIDs.count < Self.maxChannels { channelUUIDs.insert(uuid) }
        default:
            break
        }
    }
}
