import ESLProtocol

/// One change to the calls in progress: the legs, the events fired so far, and the primitives
/// FreeSWITCH's state machine is made of (state changes, answer, execute, hangup), each firing
/// the event the switch fires at that point.
struct CallScript {
    var book: CallEngine.Book
    let core: SwitchCore
    let now: Int64
    private(set) var events: [ESLEvent] = []
    private(set) var logLines: [ESLLogLine] = []
    private(set) var touched: [String] = []
    /// Timed applications to resume later (playback, sleep).
    var continuations: [Continuation] = []
    /// The causes of the hangups this change began, by leg (they outlive a leg destroyed in it).
    var hangupCauses: [String: String] = [:]
    /// The legs this change answered (the same).
    var answered: Set<String> = []
    /// Connections the `socket` application asked for.
    var socketRequests: [OutboundSocketRequest] = []

    init(book: CallEngine.Book, core: SwitchCore, now: Int64) {
        self.book = book
        self.core = core
        self.now = now
    }

    subscript(_ uuid: String) -> CallLeg {
        get { book.legs[uuid]! }
        set {
            book.legs[uuid] = newValue
            if !touched.contains(uuid) { touched.append(uuid) }
        }
    }

    mutating func add(_ leg: CallLeg) {
        self[leg.uuid] = leg
    }

    mutating func remove(_ uuid: String) {
        book.legs.removeValue(forKey: uuid)
        if !touched.contains(uuid) { touched.append(uuid) }
    }

    mutating func nextSessionID() -> Int {
        defer { book.nextSessionID += 1 }
        return book.nextSessionID
    }

    /// An event made elsewhere, in this change's order.
    mutating func emit(_ event: ESLEvent) {
        events.append(event)
    }

    mutating func fire(_ name: String, _ uuid: String, _ source: SourceLocation,
                       _ parts: EventFactory.ChannelEventParts = .init()) {
        let event = core.events.channelEvent(name, self[uuid], source: source, time: now, parts)
        events.append(event)
    }

    /// An originated leg, its variables set, comes up as FreeSWITCH's originate brings it up:
    /// CHANNEL_CREATE and CHANNEL_ORIGINATE, then through ROUTING to CONSUME_MEDIA.
    mutating func routeOriginated(_ uuid: String) {
        self[uuid].state = .routing
        fire("CHANNEL_CREATE", uuid, .sessionRunCreate)
        fire("CHANNEL_ORIGINATE", uuid, .sessionRunOriginate)
        run(uuid, .routing)
        self[uuid].state = .consumeMedia
        run(uuid, .consumeMedia)
    }

    /// CHANNEL_STATE without variables, as the state machine fires it on each running state.
    mutating func run(_ uuid: String, _ state: ChannelState) {
        self[uuid].runningState = state
        fire("CHANNEL_STATE", uuid, .runningState, .init(variables: false))
    }

    /// CHANNEL_CALLSTATE: the new call state with the old one and the new number in front.
    mutating func callState(_ uuid: String, _ state: CallState) {
        let old = self[uuid].callState
        self[uuid].callState = state
        fire("CHANNEL_CALLSTATE", uuid, .setCallState, .init(
            leading: [("Original-Channel-Call-State", old.name), ("Channel-Call-State-Number", String(state.rawValue))],
            variables: false))
    }

    /// CHANNEL_ANSWER then CALLSTATE ACTIVE.
    mutating func answer(_ uuid: String) {
        guard !self[uuid].isAnswered else { return }
        let time = now
        self[uuid].profile?.answeredAt = time
        answered.insert(uuid)
        self[uuid].answerState = "answered"
        fire("CHANNEL_ANSWER", uuid, .markAnswered)
        callState(uuid, .active)
    }

    /// CHANNEL_PROGRESS_MEDIA and CALLSTATE EARLY, once (`pre_answer`).
    mutating func preAnswer(_ uuid: String) {
        guard !self[uuid].isAnswered, (self[uuid].profile?.progressMediaAt ?? 0) == 0 else { return }
        let time = now
        self[uuid].profile?.progressMediaAt = time
        self[uuid].answerState = "early"
        fire("CHANNEL_PROGRESS_MEDIA", uuid, .markPreAnswered)
        callState(uuid, .early)
    }

    /// The first half of `switch_core_session_exec`: the variables and CHANNEL_EXECUTE.
    mutating func beginExecute(_ uuid: String, _ app: String, _ data: String) {
        let applicationUUID = UUIDText.make()
        self[uuid].application = (app, data, applicationUUID)
        self[uuid].lastApplication = (app, data)
        // Each execution starts without the previous one's response (capture 75's second loop).
        self[uuid].variables.set("current_application_response", nil)
        self[uuid].variables.set("current_application", app)
        self[uuid].variables.set("current_application_data", data)
        var trailing = [("Application", app)]
        if !data.isEmpty { trailing.append(("Application-Data", data)) }
        trailing.append(("Application-UUID", applicationUUID))
        fire("CHANNEL_EXECUTE", uuid, .execute, .init(trailing: trailing))
        self[uuid].variables.set("current_application_data", data)
        self[uuid].variables.set("current_application", app)
    }

    /// CHANNEL_EXECUTE_COMPLETE for the running application; its response is what the last
    /// application left in `current_application_response` (capture 24).
    mutating func completeExecute(_ uuid: String) {
        guard let app = self[uuid].application else { return }
        let response = self[uuid].variables["current_application_response"] ?? "_none_"
        var trailing = [("Application", app.name)]
        if !app.data.isEmpty { trailing.append(("Application-Data", app.data)) }
        trailing += [("Application-Response", response), ("Application-UUID", app.uuid)]
        fire("CHANNEL_EXECUTE_COMPLETE", uuid, .executeComplete, .init(trailing: trailing))
    }

    mutating func log(_ level: Int, _ message: String, _ source: SourceLocation, _ uuid: String) {
        let line = core.log(level: level, message, source: source, channel: .session, userData: uuid)
        logLines.append(line)
    }
}
