import SwitchCatalog

/// load, unload, reload, module_exists, reloadxml (captures 66, 72): they change the one module
/// table, so `help`, `show` and completion follow.
extension APICommands {
    static let moduleCommands: [String: APIImplementation] = [
        "module_exists": { argument, core in
            guard !argument.isEmpty else { return APIOutput("") }
            return APIOutput(core.modules.isLoaded(argument) ? "true" : "false")
        },
        "reloadxml": { _, core in
            var output = APIOutput("+OK [Success]\n")
            output.logLines = [core.log(level: 6, "Timezone reloaded 597 definitions", source: .timezonesReloaded)]
            output.events = [core.events.reloadXML()]
            return output
        },
        "load": { argument, core in
            guard let name = argument.words.first else { return APIOutput("-USAGE: <mod_name>\n") }
            var output = load(name, core)
            output.text = "+OK Reloading XML\n" + output.text
            output.events.insert(core.events.reloadXML(), at: 0)
            return output
        },
        "unload": { argument, core in
            guard let name = moduleArgument(argument) else { return APIOutput("-USAGE: [-f] <mod_name>\n") }
            return unload(name, core)
        },
        "reload": { argument, core in
            guard let name = moduleArgument(argument) else { return APIOutput("-USAGE: [-f] <mod_name>\n") }
            var output = unload(name, core)
            guard output.text == "+OK\n" else { return output }
            let loaded = load(name, core)
            output.text = "+OK Reloading XML\n" + loaded.text
            output.events += [core.events.reloadXML()] + loaded.events
            return output
        },
    ]

    /// The module name after an optional `-f`.
    private static func moduleArgument(_ argument: String) -> String? {
        argument.words.first { $0 != "-f" }
    }

    private static func load(_ name: String, _ core: SwitchCore) -> APIOutput {
        guard !core.modules.isLoaded(name) else { return APIOutput("-ERR [Module already loaded]\n") }
        guard SwitchModule.isAvailable(name) else { return APIOutput("-ERR [module load file routine returned an error]\n") }
        let module = SwitchModule.standard(named: name)
        core.modules.add(module)
        var output = APIOutput("+OK\n")
        output.events = core.events.moduleLoaded(module)
        return output
    }

    private static func unload(_ name: String, _ core: SwitchCore) -> APIOutput {
        guard core.modules.isLoaded(name) else { return APIOutput("-ERR [No such module!]\n") }
        // The core's built-in modules have no file to unload, and a switch cannot unload the
        // module that carries the listener it answers on.
        guard !name.hasPrefix("CORE_"), name != "mod_event_socket" else { return APIOutput("-ERR [Module is not unloadable]\n") }
        guard let module = core.modules.remove(name) else { return APIOutput("-ERR [No such module!]\n") }
        var output = APIOutput("+OK\n")
        output.events = core.events.moduleUnloaded(module)
        return output
    }
}
