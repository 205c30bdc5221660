import ESLProtocol
import SwitchCatalog

/// load, unload, reload, module_exists, reloadxml (captures 66, 72): they change the one module
/// table, so `help`, `show` and completion follow, and they log and fire what the switch does
/// (the XML reload's lines, each interface added or deleted, the module's scheduler tasks).
extension APICommands {
    static let moduleCommands: [String: APIImplementation] = [
        "module_exists": { argument, core in
            guard !argument.isEmpty else { return APIOutput("") }
            return APIOutput(core.modules.isLoaded(argument) ? "true" : "false")
        },
        "reloadxml": { _, core in
            var output = APIOutput("+OK [Success]\n")
            output.logLines = xmlReloadLines(core) + [timezonesReloaded(core)]
            output.events = [core.events.reloadXML()]
            return output
        },
        "load": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-USAGE: <mod_name>\n") }
            let name = argument
            var output = APIOutput("+OK Reloading XML\n")
            output.logLines = xmlReloadLines(core)
            output.events = [core.events.reloadXML()]
            output.append(load(name, core))
            return output
        },
        "unload": { argument, core in
            guard let name = moduleArgument(argument) else { return APIOutput("-USAGE: [-f] <mod_name>\n") }
            let step = unload(name, core)
            var output = APIOutput(step.text.isEmpty ? "+OK\n" : step.text)
            output.append(step, text: false)
            return output
        },
        "reload": { argument, core in
            guard let name = moduleArgument(argument) else { return APIOutput("-USAGE: [-f] <mod_name>\n") }
            // The XML is read again first; then the module goes and comes back. A failed unload
            // does not stop the load, and each step says which one failed.
            var output = APIOutput("+OK Reloading XML\n")
            output.logLines = xmlReloadLines(core)
            output.events = [core.events.reloadXML()]
            let unloaded = unload(name, core)
            output.text += unloaded.text.isEmpty ? "+OK module unloaded\n" : failure(unloaded.text, step: "unloading")
            output.append(unloaded, text: false)
            let loaded = load(name, core)
            output.append(loaded, text: false)
            output.text += loaded.text == "+OK\n" ? "+OK module loaded\n" : failure(loaded.text, step: "loading")
            return output
        },
    ]

    /// The module name: the whole argument, after a leading `-<flags> ` if there is one (a
    /// lone `-f` is taken as the name, as the switch does).
    private static func moduleArgument(_ argument: String) -> String? {
        var name = Substring(argument)
        if name.hasPrefix("-"), let space = name.firstIndex(of: " ") { name = name[name.index(after: space)...] }
        return name.isEmpty ? nil : String(name)
    }

    /// `-ERR [why]` as reload words it: `-ERR unloading module [why]`.
    private static func failure(_ text: String, step: String) -> String {
        "-ERR \(step) module " + text.dropFirst("-ERR ".count)
    }

    /// What one load or unload step produced: its reply line and what it logged and fired.
    struct ModuleStep {
        var text = ""
        var logLines: [ESLLogLine] = []
        var events: [ESLEvent] = []
    }

    /// Loads `name` after an XML reload: the timezone line of that reload comes after the
    /// loader's complaints and before the module's own lines.
    private static func load(_ name: String, _ core: SwitchCore) -> ModuleStep {
        var step = ModuleStep()
        guard !core.modules.isLoaded(name) else {
            step.text = "-ERR [Module already loaded]\n"
            step.logLines = [core.log(level: 4, "Module \(name) Already Loaded!", source: .moduleAlreadyLoaded), timezonesReloaded(core)]
            return step
        }
        let optional = core.optionalModules.first { $0.name == name }
        guard SwitchModule.isAvailable(name) || optional != nil else {
            let path = "\(SwitchModule.directory)/\(name).so"
            step.text = "-ERR [module load file routine returned an error]\n"
            step.logLines = [
                core.log(level: 2, "Error Loading module \(path)\n**\(path): cannot open shared object file: No such file or directory**",
                         source: .moduleLoadFailed),
                timezonesReloaded(core),
            ]
            return step
        }
        let module = optional ?? SwitchModule.standard(named: name, legacy: core.legacyCommands)
        core.modules.add(module)
        core.addCompletionRows(module.completionRows)
        if optional != nil { core.moduleLoadedOptional(module) }
        step.text = "+OK\n"
        step.logLines = [timezonesReloaded(core)]
        for task in ModuleTasks.tasks(of: name) {
            let added = core.scheduleTask(description: task.description, group: name, runtime: core.clock.now() / 1_000_000 + task.interval,
                                          interval: task.interval)
            step.events.append(core.events.scheduleEvent("ADD_SCHEDULE", added))
            step.logLines.append(core.log(level: 7, "Added task \(added.id) \(added.description) (\(added.group)) to run at \(added.runtime)",
                                          source: .taskAdded))
        }
        step.logLines.append(core.log(level: 0, "Successfully Loaded [\(name)]", source: .moduleLoaded))
        step.logLines += EventFactory.ordered(module).compactMap { interface in
            interfaceLine(interface, adding: true).map { core.log(level: 5, $0.text, source: $0.source) }
        }
        step.events += core.events.moduleLoaded(module)
        return step
    }

    private static func unload(_ name: String, _ core: SwitchCore) -> ModuleStep {
        var step = ModuleStep()
        guard core.modules.isLoaded(name) else {
            step.text = "-ERR [No such module!]\n"
            return step
        }
        // The core's built-in modules have no file to unload, a switch cannot unload the module
        // that carries the listener it answers on, and some modules refuse at load to go.
        guard !name.hasPrefix("CORE_"), name != "mod_event_socket", !SwitchModule.permanentNames.contains(name),
              let module = core.modules.remove(name) else {
            step.text = "-ERR [Module is not unloadable]\n"
            return step
        }
        for interface in EventFactory.ordered(module) {
            guard let line = interfaceLine(interface, adding: false) else { continue }
            step.logLines.append(core.log(level: 5, line.text, source: line.source))
            // Limit interfaces take no reference lock.
            if interface.kind != .limit {
                let lock = SourceLocation(file: line.source.file, function: line.source.function, line: line.source.line + 2)
                step.logLines.append(core.log(level: 7, "Write lock interface '\(interface.name)' to wait for existing references.", source: lock))
            }
        }
        step.logLines += [core.log(level: 0, "Stopping: \(name)", source: .moduleStopping),
                          core.log(level: 0, "\(name) unloaded.", source: .moduleUnloaded)]
        step.events = core.events.moduleUnloaded(module)
        core.removeCompletionRows(module.completionRows)
        core.moduleUnloadedOptional(module)
        // Its tasks go when the scheduler's thread next passes (DEL_SCHEDULE then).
        core.destroyTasks(group: name)
        return step
    }

    /// `Adding/Deleting Application|API Function|Limit interface '<name>'`, for the kinds the
    /// loader logs.
    private static func interfaceLine(_ interface: SwitchInterface, adding: Bool) -> (text: String, source: SourceLocation)? {
        let noun: String
        let lines: (add: Int, delete: Int)
        switch interface.kind {
        case .application: noun = "Application"; lines = (329, 1230)
        case .api: noun = "API Function"; lines = (389, 1285)
        case .limit: noun = "Limit interface"; lines = (717, 1608)
        default: return nil
        }
        let source = adding
            ? SourceLocation(file: "switch_loadable_module.c", function: "switch_loadable_module_process", line: lines.add)
            : SourceLocation(file: "switch_loadable_module.c", function: "switch_loadable_module_unprocess", line: lines.delete)
        return ("\(adding ? "Adding" : "Deleting") \(noun) '\(interface.name)'", source)
    }

    /// What reading the XML logs before the reload is done: the stock `vars.xml` sets the
    /// external addresses by STUN, which fails twice when no STUN server can be reached.
    static func xmlReloadLines(_ core: SwitchCore) -> [ESLLogLine] {
        guard core.stunSetFails else { return [] }
        let once = [core.log(level: 3, "STUN Failed! [Remote Address Error!]", source: .stunLookup),
                    core.log(level: 3, "stun-set failed.", source: .stunSet)]
        return once + once
    }

    static func timezonesReloaded(_ core: SwitchCore) -> ESLLogLine {
        core.log(level: 6, "Timezone reloaded 597 definitions", source: .timezonesReloaded)
    }
}

extension APIOutput {
    /// Adds a step's log lines and events, and its reply line when `text` is true.
    mutating func append(_ step: APICommands.ModuleStep, text: Bool = true) {
        if text { self.text += step.text }
        logLines += step.logLines
        events += step.events
    }
}

/// The scheduler tasks a module adds when it loads (and the scheduler deletes when it goes).
enum ModuleTasks {
    static func tasks(of module: String) -> [(description: String, interval: Int64)] {
        // mod_hash cleans its limit table every 15 minutes (the task re-arms itself).
        module == "mod_hash" ? [("limit_hash_cleanup", 900)] : []
    }
}

extension SourceLocation {
    static let moduleAlreadyLoaded = SourceLocation(file: "switch_loadable_module.c", function: "switch_loadable_module_load_module_ex", line: 1824)
    static let moduleLoadFailed = SourceLocation(file: "switch_loadable_module.c", function: "switch_loadable_module_load_file", line: 1754)
    static let moduleLoaded = SourceLocation(file: "switch_loadable_module.c", function: "switch_loadable_module_load_file", line: 1772)
    static let moduleStopping = SourceLocation(file: "switch_loadable_module.c", function: "do_shutdown", line: 2354)
    static let moduleUnloaded = SourceLocation(file: "switch_loadable_module.c", function: "do_shutdown", line: 2374)
    static let taskAdded = SourceLocation(file: "switch_scheduler.c", function: "switch_scheduler_add_task_ex", line: 263)
    static let taskDeleted = SourceLocation(file: "switch_scheduler.c", function: "task_thread_loop", line: 147)
    static let stunLookup = SourceLocation(file: "switch_stun.c", function: "switch_stun_ip_lookup", line: 927)
    static let stunSet = SourceLocation(file: "switch_xml.c", function: "preprocess_stun_set", line: 179)
}
