import ESLProtocol

extension SwitchCore {
    /// A `sendmsg` for a live channel (spec §2.5): `call-command: execute` runs an application
    /// (`execute-app-name`, `execute-app-arg`, `loops`), `hangup` hangs up with `hangup-cause`.
    /// Returns the events fired now; later ones (a playback's end, the hangup's teardown) are
    /// published by the engine.
    public func deliverMessage(to uuid: String, _ message: ESLEvent) -> (events: [ESLEvent], logLines: [ESLLogLine]) {
        guard leg(uuid) != nil else { return ([], []) }
        switch message["call-command"]?.lowercased() {
        case "execute":
            guard let app = message["execute-app-name"] else { return ([], []) }
            let argument = message["execute-app-arg"] ?? ""
            let loops = Int(message["loops"] ?? "") ?? 1
            if app == "playback" {
                var length = Duration.zero
                let now = withCalls { length = $0.startPlayback(uuid, argument, loops: loops) }
                calls.later(length) { self.withCalls { $0.finishPlayback(uuid, argument) } }
                return now
            }
            return withCalls { $0.runSteps(uuid, [Dialplan.Step(app, argument)], hangUpAtEnd: false) }
        case "hangup":
            let cause = message["hangup-cause"].flatMap(HangupCause.canonical) ?? "NORMAL_CLEARING"
            let now = withCalls { $0.beginHangup(uuid, cause: cause) }
            calls.later { self.withCalls { $0.finishHangup(uuid) } }
            return now
        default:
            return ([], [])
        }
    }
}
