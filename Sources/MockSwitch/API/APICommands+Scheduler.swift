import ESLProtocol

/// The scheduler's API (captures 66, 71). Tasks are kept and listed (`show tasks`) but the mock
/// does not run them when they fall due.
extension APICommands {
    static let schedulerCommands: [String: APIImplementation] = [
        "sched_api": { argument, core in
            let words = argument.words
            guard words.count >= 3, let runtime = runtime(words[0], core) else {
                return APIOutput("-ERR Invalid syntax. USAGE: \(core.modules.command(named: "sched_api")?.syntax ?? "")\n")
            }
            var command = words[2...].joined(separator: " ")
            if command.hasSuffix("&") { command.removeLast() }
            let task = addTask(description: command, group: words[1], runtime: runtime, core)
            var output = APIOutput("+OK Added: \(task.id)\n")
            output.events = [core.events.scheduleEvent("ADD_SCHEDULE", task)]
            return output
        },
        "sched_del": { argument, core in
            let removed = core.commandState.withLockedValue { state in
                let matching = state.tasks.filter { String($0.id) == argument || $0.group == argument }
                state.tasks.removeAll { task in matching.contains { $0.id == task.id } }
                return matching
            }
            var output = APIOutput("+OK Deleted: \(removed.count)\n")
            output.events = removed.map { core.events.scheduleEvent("DEL_SCHEDULE", $0) }
            return output
        },
        "unsched_api": { argument, core in
            guard let id = Int(argument) else { return APIOutput("") }
            let removed = core.commandState.withLockedValue { state -> ScheduledTask? in
                guard let index = state.tasks.firstIndex(where: { $0.id == id }) else { return nil }
                return state.tasks.remove(at: index)
            }
            guard let removed else { return APIOutput("-ERR No such id\n") }
            var output = APIOutput("+OK Removed\n")
            output.events = [core.events.scheduleEvent("DEL_SCHEDULE", removed)]
            return output
        },
        "sched_hangup": { argument, core in
            let words = argument.words
            guard words.count >= 2 else { return APIOutput("-USAGE: [+]<time> <uuid> [<cause>]\n") }
            guard core.channelExists(words[1]) else { return APIOutput("-ERR No such channel!\n") }
            return notSimulated("sched_hangup")
        },
        "sched_transfer": { argument, core in
            let words = argument.words
            guard words.count >= 3 else { return APIOutput("-USAGE: [+]<time> <uuid> <extension> [<dialplan>] [<context>]\n") }
            guard core.channelExists(words[1]) else { return APIOutput("-ERR No such channel!\n") }
            return notSimulated("sched_transfer")
        },
        // The switch schedules a broadcast without checking the UUID.
        "sched_broadcast": { argument, core in
            let words = argument.words
            guard words.count >= 3, let runtime = runtime(words[0], core) else {
                return APIOutput("-USAGE: [[+]<time>|@time] <uuid> <path> [aleg|bleg|both]\n")
            }
            let task = addTask(description: "broadcast", group: words[1], runtime: runtime, core)
            var output = APIOutput("+OK Message scheduled\n")
            output.events = [core.events.scheduleEvent("ADD_SCHEDULE", task)]
            return output
        },
    ]

    /// `+N` seconds from now, `@N` every N seconds (first run in N), or an absolute epoch.
    private static func runtime(_ word: String, _ core: SwitchCore) -> Int64? {
        let now = core.clock.now().floorDiv(1_000_000)
        if word.hasPrefix("+") || word.hasPrefix("@") { return Int64(word.dropFirst()).map { now + $0 } }
        return Int64(word)
    }

    private static func addTask(description: String, group: String, runtime: Int64, _ core: SwitchCore) -> ScheduledTask {
        core.scheduleTask(description: description, group: group, runtime: runtime)
    }
}

extension EventFactory {
    /// ADD_SCHEDULE / DEL_SCHEDULE for one task.
    func scheduleEvent(_ name: String, _ task: ScheduledTask, source: SourceLocation? = nil) -> ESLEvent {
        let source = source ?? (name == "ADD_SCHEDULE"
            ? SourceLocation(file: "switch_scheduler.c", function: "switch_scheduler_add_task_ex", line: 266)
            : SourceLocation(file: "switch_scheduler.c", function: "switch_scheduler_del_task_id", line: 317))
        var event = makeEvent(name, source: source)
        event.addHeader("Task-ID", String(task.id))
        event.addHeader("Task-Desc", task.description)
        event.addHeader("Task-Group", task.group)
        event.addHeader("Task-Runtime", String(task.runtime))
        return event
    }
}
