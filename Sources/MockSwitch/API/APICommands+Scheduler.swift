import ESLProtocol

/// The scheduler's API (captures 66, 71): tasks are added at once (ADD_SCHEDULE); deleting one
/// only marks it, and the scheduler's thread (``SwitchCore/schedulerTick()``) removes it, runs
/// due tasks and re-arms recurring ones.
extension APICommands {
    static let schedulerCommands: [String: APIImplementation] = [
        "sched_api": { argument, core in
            let words = argument.words
            guard words.count >= 3, let time = runtime(words[0], core) else {
                return APIOutput("-ERR Invalid syntax. USAGE: \(core.modules.command(named: "sched_api")?.syntax ?? "")\n")
            }
            // A trailing `&` runs the command in its own thread; the task looks the same.
            var command = argument.splitAtFirstSpace.tail.splitAtFirstSpace.tail.trimmingWhitespace
            if command.hasSuffix("&") { command.removeLast() }
            let task = core.scheduleTask(description: "sched_api_function", group: words[1], runtime: time.runtime,
                                         interval: time.interval, command: command)
            var output = APIOutput("+OK Added: \(task.id)\n")
            output.events = [core.events.scheduleEvent("ADD_SCHEDULE", task)]
            return output
        },
        "sched_del": { argument, core in
            let count = core.commandState.withLockedValue { state in
                var count = 0
                for index in state.tasks.indices where !state.tasks[index].destroyed
                    && (String(state.tasks[index].id) == argument || state.tasks[index].group == argument) {
                    state.tasks[index].destroyed = true
                    count += 1
                }
                return count
            }
            return APIOutput("+OK Deleted: \(count)\n")
        },
        "unsched_api": { argument, core in
            guard let id = Int(argument) else { return APIOutput("") }
            // A task already marked still counts: the thread has not removed it yet.
            let found = core.commandState.withLockedValue { state -> Bool in
                guard let index = state.tasks.firstIndex(where: { $0.id == id }) else { return false }
                state.tasks[index].destroyed = true
                return true
            }
            return APIOutput(found ? "+OK\n" : "-ERR No such id\n")
        },
        "sched_hangup": { argument, core in
            let words = argument.words
            guard words.count >= 2, let time = runtime(words[0], core) else { return APIOutput("-USAGE: [+]<time> <uuid> [<cause>]\n") }
            guard core.channelExists(words[1]) else { return APIOutput("-ERR No such channel!\n") }
            let cause = words.count > 2 ? " " + words[2] : ""
            return scheduleChannelTask("switch_ivr_schedule_hangup", uuid: words[1], time, command: "uuid_kill \(words[1])\(cause)", reply: "+OK\n", core)
        },
        "sched_transfer": { argument, core in
            let words = argument.words
            guard words.count >= 3, let time = runtime(words[0], core) else {
                return APIOutput("-USAGE: [+]<time> <uuid> <extension> [<dialplan>] [<context>]\n")
            }
            guard core.channelExists(words[1]) else { return APIOutput("-ERR No such channel!\n") }
            return scheduleChannelTask("switch_ivr_schedule_transfer", uuid: words[1], time,
                                       command: "uuid_transfer \(words[1]) " + words[2...].joined(separator: " "), reply: "+OK\n", core)
        },
        // The switch schedules a broadcast without checking the UUID.
        "sched_broadcast": { argument, core in
            let words = argument.words
            guard words.count >= 3, let time = runtime(words[0], core) else {
                return APIOutput("-USAGE: [[+]<time>|@time] <uuid> <path> [aleg|bleg|both]\n")
            }
            return scheduleChannelTask("switch_ivr_schedule_broadcast", uuid: words[1], time,
                                       command: "uuid_broadcast " + words[1...].joined(separator: " "), reply: "+OK Message scheduled\n", core)
        },
    ]

    /// `+N` seconds from now, `@N` every N seconds (first run in N), or an absolute epoch.
    private static func runtime(_ word: String, _ core: SwitchCore) -> (runtime: Int64, interval: Int64)? {
        let now = core.clock.now().floorDiv(1_000_000)
        if word.hasPrefix("+") { return Int64(word.dropFirst()).map { (now + $0, 0) } }
        if word.hasPrefix("@") { return Int64(word.dropFirst()).map { (now + $0, $0) } }
        return Int64(word).map { ($0, 0) }
    }

    /// A task in the channel's group that runs a channel command when due.
    private static func scheduleChannelTask(_ description: String, uuid: String, _ time: (runtime: Int64, interval: Int64),
                                            command: String, reply: String, _ core: SwitchCore) -> APIOutput {
        let task = core.scheduleTask(description: description, group: uuid, runtime: time.runtime, interval: time.interval, command: command)
        var output = APIOutput(reply)
        output.events = [core.events.scheduleEvent("ADD_SCHEDULE", task)]
        return output
    }
}

extension EventFactory {
    /// ADD_SCHEDULE / DEL_SCHEDULE / RE_SCHEDULE for one task; DEL_SCHEDULE comes from the
    /// scheduler's thread.
    func scheduleEvent(_ name: String, _ task: ScheduledTask) -> ESLEvent {
        let source = switch name {
        case "ADD_SCHEDULE": SourceLocation(file: "switch_scheduler.c", function: "switch_scheduler_add_task_ex", line: 266)
        case "RE_SCHEDULE": SourceLocation.reschedule
        default: SourceLocation(file: "switch_scheduler.c", function: "task_thread_loop", line: 151)
        }
        var event = makeEvent(name, source: source)
        event.addHeader("Task-ID", String(task.id))
        event.addHeader("Task-Desc", task.description)
        event.addHeader("Task-Group", task.group)
        event.addHeader("Task-Runtime", String(task.runtime))
        return event
    }
}
