/// The scheduler's task table: what `show tasks` lists, `sched_*` and module loads add, and
/// `sched_del`, `unsched_api` and module unloads remove.
extension SwitchCore {
    /// Adds a task with the next id.
    func scheduleTask(description: String, group: String, runtime: Int64) -> ScheduledTask {
        commandState.withLockedValue { state in
            let task = ScheduledTask(id: state.nextTaskID, description: description, group: group, runtime: runtime)
            state.nextTaskID += 1
            state.tasks.append(task)
            return task
        }
    }

    /// Removes every task of `group`, returning them.
    func removeTasks(group: String) -> [ScheduledTask] {
        commandState.withLockedValue { state in
            let removed = state.tasks.filter { $0.group == group }
            state.tasks.removeAll { $0.group == group }
            return removed
        }
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
                tasks.append(ScheduledTask(id: id, description: task.description, group: module.name, runtime: startSeconds + task.interval))
                id += 1
            }
        }
        return (tasks, max(id, 5))
    }
}
