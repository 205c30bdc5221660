/// A channel's caller profile (`switch_caller_profile_t`): the `Caller-*` headers of its events.
struct CallerProfile: Sendable, Hashable {
    var direction: String
    var dialplan = "xml"
    var callerIDName: String
    var callerIDNumber: String
    var originalCallerIDName: String
    var originalCallerIDNumber: String
    var calleeIDName = ""
    var calleeIDNumber = ""
    var ani: String
    var destinationNumber: String
    var uuid: String
    var source: String
    var context: String
    var channelName: String
    var createdAt: Int64
    /// `Profile-Index`: 1, and one more for each profile a transfer made.
    var index = 1
    /// When this profile was made, if not with the channel (a transfer's).
    var profileCreatedAt: Int64?
    var transferSource: String?
    /// `Caller-Logical-Direction` when it is not the direction (a transferred outbound leg's).
    var logicalDirection: String?
    var rdnis: String?
    /// The profile's timetable (`Caller-Channel-*-Time`), microseconds, 0 for "not yet".
    var answeredAt: Int64 = 0
    var progressAt: Int64 = 0
    var progressMediaAt: Int64 = 0
    var hangupAt: Int64 = 0
    var transferredAt: Int64 = 0
    var bridgedAt: Int64 = 0
    var lastHoldAt: Int64 = 0
    var holdAccumulated: Int64 = 0

    /// The headers in `switch_caller_profile_event_set_data`'s order, named `<prefix>-…`.
    func headers(prefix: String = "Caller") -> [(String, String)] {
        // A copy for the other leg has no profile index, and its logical direction is the
        // clone's default, inbound (capture 69).
        let isCopy = prefix == "Other-Leg"
        // Empty caller and callee ids are left out (captures 70, 76: no origination_caller_id_name).
        var out: [(String, String)] = [("Direction", direction), ("Logical-Direction", isCopy ? "inbound" : logicalDirection ?? direction),
                                       ("Dialplan", dialplan)]
        for (name, value) in [("Caller-ID-Name", callerIDName), ("Caller-ID-Number", callerIDNumber),
                              ("Orig-Caller-ID-Name", originalCallerIDName), ("Orig-Caller-ID-Number", originalCallerIDNumber),
                              ("Callee-ID-Name", calleeIDName), ("Callee-ID-Number", calleeIDNumber)] where !value.isEmpty {
            out.append((name, value))
        }
        out += [
            ("ANI", ani), ("Destination-Number", destinationNumber), ("Unique-ID", uuid), ("Source", source),
        ]
        if let transferSource { out.append(("Transfer-Source", transferSource)) }
        out.append(("Context", context))
        if let rdnis { out.append(("RDNIS", rdnis)) }
        out.append(("Channel-Name", channelName))
        if !isCopy { out.append(("Profile-Index", String(index))) }
        out += [
            ("Profile-Created-Time", String(profileCreatedAt ?? createdAt)), ("Channel-Created-Time", String(createdAt)),
            ("Channel-Answered-Time", String(answeredAt)), ("Channel-Progress-Time", String(progressAt)),
            ("Channel-Progress-Media-Time", String(progressMediaAt)), ("Channel-Hangup-Time", String(hangupAt)),
            ("Channel-Transfer-Time", String(transferredAt)), ("Channel-Resurrect-Time", "0"),
            ("Channel-Bridged-Time", String(bridgedAt)), ("Channel-Last-Hold", String(lastHoldAt)),
            ("Channel-Hold-Accum", String(holdAccumulated)),
            ("Screen-Bit", "true"), ("Privacy-Hide-Name", "false"), ("Privacy-Hide-Number", "false"),
        ]
        return out.map { ("\(prefix)-\($0.0)", $0.1) }
    }

    /// The copy the originator's events carry as its originatee's (`Other-Leg-*`): taken when
    /// the originate started, so its times are still zero (capture 69).
    var originatorCopy: CallerProfile {
        var copy = self
        copy.answeredAt = 0
        copy.progressAt = 0
        copy.progressMediaAt = 0
        copy.hangupAt = 0
        copy.transferredAt = 0
        copy.bridgedAt = 0
        copy.createdAt = 0
        copy.profileCreatedAt = nil
        return copy
    }
}
