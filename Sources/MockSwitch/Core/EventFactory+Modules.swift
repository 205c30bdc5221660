import ESLProtocol
import SwitchCatalog

/// MODULE_LOAD, MODULE_UNLOAD and RELOADXML (capture 72).
extension EventFactory {
    /// The order `switch_loadable_module_process` walks a module's interfaces in.
    static let registrationOrder: [SwitchInterface.Kind] = [
        .endpoint, .codec, .dialplan, .timer, .application, .api, .jsonAPI, .file, .chat, .say, .management, .limit, .generic,
    ]

    /// One MODULE_LOAD per interface, in registration order.
    public func moduleLoaded(_ module: SwitchModule, time: Int64? = nil) -> [ESLEvent] {
        Self.ordered(module).map { interface in
            var event = makeEvent("MODULE_LOAD", source: .moduleProcess(interface.kind), time: time)
            addInterfaceHeaders(interface, to: &event, described: interface.kind != .limit)
            event.addHeader("key", module.name)
            event.addHeader("filename", module.filename)
            return event
        }
    }

    /// One MODULE_UNLOAD per interface: applications leave out `key` and `filename`, and a limit
    /// interface sends its type and name only (switch_loadable_module_unprocess).
    public func moduleUnloaded(_ module: SwitchModule, time: Int64? = nil) -> [ESLEvent] {
        Self.ordered(module).map { interface in
            var event = makeEvent("MODULE_UNLOAD", source: .moduleUnprocess(interface.kind), time: time)
            addInterfaceHeaders(interface, to: &event, described: interface.kind != .limit)
            if interface.kind != .application && interface.kind != .limit {
                event.addHeader("key", module.name)
                event.addHeader("filename", module.filename)
            }
            return event
        }
    }

    /// RELOADXML: the XML registry was read again.
    public func reloadXML(time: Int64? = nil) -> ESLEvent {
        makeEvent("RELOADXML", source: .xmlOpenRoot, time: time)
    }

    /// A module's interfaces in registration order.
    static func ordered(_ module: SwitchModule) -> [SwitchInterface] {
        Self.registrationOrder.flatMap { kind in module.interfaces.filter { $0.kind == kind } }
    }

    private func addInterfaceHeaders(_ interface: SwitchInterface, to event: inout ESLEvent, described: Bool) {
        event.addHeader("type", interface.kind.rawValue)
        event.addHeader("name", interface.name)
        if described, interface.kind == .application || interface.kind == .api {
            event.addHeader("description", interface.description)
            event.addHeader("syntax", interface.syntax)
        }
    }
}

extension SourceLocation {
    static let xmlOpenRoot = SourceLocation(file: "switch_xml.c", function: "switch_xml_open_root", line: 2421)

    static func moduleProcess(_ kind: SwitchInterface.Kind) -> SourceLocation {
        let line = switch kind {
        case .application: 330
        case .api: 390
        case .limit: 720
        default: 390
        }
        return SourceLocation(file: "switch_loadable_module.c", function: "switch_loadable_module_process", line: line)
    }

    static func moduleUnprocess(_ kind: SwitchInterface.Kind) -> SourceLocation {
        let line = switch kind {
        case .application: 1240
        case .api: 1297
        case .limit: 1611
        default: 1297
        }
        return SourceLocation(file: "switch_loadable_module.c", function: "switch_loadable_module_unprocess", line: line)
    }
}
