import ESLProtocol

/// The scheduler's task table: what `show tasks` lists, `sched_*` and module loads add, and
/// `sched_del`, `unsched_api` and module unloads remove.
extension SwitchCore {
    /// Adds a task with the next id.
    func scheduleTask(description: String, group: String, runtime: Int64, interval: Int64 = 0, command: String? = nil) -> ScheduledTask {
        commandState.withLockedValue { state in
            let task = ScheduledTask(id: state.nextTaskID, description: description, group: group, runtime: runtime,
                                     interval: interval, command: command)
            state.nextTaskID += 1
            state.tasks.append(task)
            return task
        }
    }

    /// Marks every task of `group` deleted (`switch_scheduler_del_task_group`).
    func destroyTasks(group: String) {
        commandState.withLockedValue { state in
            for index in state.tasks.indices where state.tasks[index].group == group { state.tasks[index].destroyed = true }
        }
    }

    /// The tasks `show tasks` lists: those the scheduler's thread has not removed.
    var scheduledTasks: [ScheduledTask] { commandState.withLockedValue { $0.tasks } }

    /// One pass of the scheduler's thread (`task_thread_loop`): runs the due tasks (a recurring
    /// one is re-armed with RE_SCHEDULE), then removes the run and deleted ones with
    /// `Deleting task …` and DEL_SCHEDULE. Call it about once a second; it returns what to
    /// publish. The switch never fires EXE_SCHEDULE.
    public func schedulerTick() -> (events: [ESLEvent], logLines: [ESLLogLine]) {
        let now = clock.now() / 1_000_000
        let due = commandState.withLockedValue { state -> [ScheduledTask] in
            var due: [ScheduledTask] = []
            for index in state.tasks.indices where !state.tasks[index].destroyed && state.tasks[index].runtime <= now {
                due.append(state.tasks[index])
                if state.tasks[index].interval > 0 {
                    state.tasks[index].runtime = now + state.tasks[index].interval
                } else {
                    state.tasks[index].destroyed = true
                }
            }
            return due
        }
        var events = sofiaRegistrationPass(now: now)
        var logLines: [ESLLogLine] = []
        for task in due {
            if let command = task.command {
                let split = command.splitAtFirstSpace
                if task.description == "switch_ivr_schedule_broadcast" || task.description == "switch_ivr_schedule_transfer" {
                    // A message queued to the channel: its thread acts on it a frame (20 ms)
                    // after this pass.
                    calls.later(.milliseconds(20)) { [self] in
                        let result = run(split.head, split.tail, wholeLine: nil)
                        return (result.events, result.logLines)
                    }
                } else {
                    // sched_api commands and a scheduled hangup act in the scheduler's thread.
                    let result = run(split.head, split.tail, wholeLine: nil)
                    events += result.events
                    logLines += result.logLines
                }
            }
            if task.interval > 0, let rearmed = scheduledTasks.first(where: { $0.id == task.id }) {
                events.append(self.events.scheduleEvent("RE_SCHEDULE", rearmed))
            }
        }
        let removed = commandState.withLockedValue { state -> [ScheduledTask] in
            let removed = state.tasks.filter(\.destroyed)
            state.tasks.removeAll(where: \.destroyed)
            return removed
        }
        for task in removed {
            logLines.append(log(level: 7, "Deleting task \(task.id) \(task.description) (\(task.group))", source: .taskDeleted))
            events.append(self.events.scheduleEvent("DEL_SCHEDULE", task))
        }
        return (events, logLines)
    }

    /// Numbers tasks from `next` on and renumbers the standing tasks named in `renumbering`
    /// (description → id): task ids count every task of the switch's life, so a replay of a
    /// switch that has run a while starts where it had got to.
    public func continueTaskNumbering(at next: Int, renumbering: [String: Int] = [:]) {
        commandState.withLockedValue { state in
            state.nextTaskID = next
            for index in state.tasks.indices {
                if let id = renumbering[state.tasks[index].description] { state.tasks[index].id = id }
            }
        }
    }

    /// The tasks the loaded modules start with (ids from 3 on: the core's heartbeat and
    /// check_ip hold 1 and 2 and are not in the task table).
    static func startupTasks(_ modules: ModuleRegistry, startSeconds: Int64) -> (tasks: [ScheduledTask], nextID: Int) {
        var tasks: [ScheduledTask] = []
        var id = 3
        for module in modules.modules {
            for task in ModuleTasks.tasks(of: module.name) {
                tasks.append(ScheduledTask(id: id, description: task.description, group: module.name, runtime: startSeconds + task.interval,
                                           interval: task.interval))
                id += 1
            }
        }
        return (tasks, max(id, 5))
    }
}
