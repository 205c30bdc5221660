/// The dialplan applications the mock runs (mod_dptools' answer, park, set …).
extension CallScript {
    /// Runs `steps` on a leg until one of them keeps the channel (park) or the leg hangs up.
    mutating func runSteps(_ uuid: String, _ steps: [Dialplan.Step]) {
        for step in steps {
            guard let leg = book.legs[uuid], leg.hangupCause == nil else { return }
            beginExecute(uuid, step.application, step.data)
            switch step.application {
            case "set", "export":
                let parts = step.data.split(separator: "=", maxSplits: 1).map(String.init)
                if let name = parts.first { self[uuid].variables.set(name, parts.count > 1 ? parts[1] : nil) }
            case "unset":
                self[uuid].variables.set(step.data, nil)
            case "pre_answer":
                preAnswer(uuid)
            case "answer":
                if let partner = leg.loopbackPartner, book.legs[partner] != nil { answer(partner) }
                answer(uuid)
                self[uuid].variables.set("endpoint_disposition", "ANSWER")
            case "park", "echo":
                // The channel stays here until something moves or hangs it up.
                self[uuid].parked = step.application == "park"
                if step.application == "park" { fire("CHANNEL_PARK", uuid, .park) }
                return
            case "hangup":
                completeExecute(uuid)
                return
            default:
                break
            }
            completeExecute(uuid)
        }
    }
}
