extension ConsoleSettings {
    /// Applies one configuration line; returns why it was ignored, if it was.
    ///
    /// Keys are fs_cli's (`read_config()`), case-insensitive, plus the keys the FreeSWITCH docs list but
    /// fs_cli ignores (`interrupt`, `retry`, `reconnect`, `no-color`) and fscli's `color` and `no-pane`.
    mutating func apply(_ setting: ProfileCatalog.Setting) -> ConfigProblem? {
        let key = setting.key.lowercased()
        let value = setting.value
        func problem(_ message: String) -> ConfigProblem {
            ConfigProblem(path: setting.path, line: setting.line, message: message)
        }
        func number(in range: ClosedRange<Int>) -> Int? {
            guard let number = Int(value), range.contains(number) else { return nil }
            return number
        }
        switch key {
        case "host":
            guard !value.isEmpty else { return problem("'host' is empty; ignored") }
            host = value
            fleet = []
        case "hosts":
            let entries = value.split(separator: ",").map { String($0).trimmingBlanks }.filter { !$0.isEmpty }
            guard !entries.isEmpty else { return problem("'hosts' is empty; ignored") }
            switch SwitchTarget.parseList(entries) {
            case .success(let targets): setSwitches(targets)
            case .failure(let error): return problem("'hosts': \(error.message); ignored")
            }
        case "port":
            guard let port = number(in: 1...65535) else { return problem("'port' must be 1-65535, not '\(value)'; ignored") }
            self.port = port
        case "user": user = value.isEmpty ? nil : value
        case "password": password = value
        case "debug":
            guard let level = number(in: 0...7) else { return problem("'debug' must be 0-7, not '\(value)'; ignored") }
            debugLevel = level
        case "loglevel": logLevel = value.isEmpty ? nil : value
        case "quiet": quiet = Self.eslTrue(value)
        case "log-uuid": logUUID = Self.eslTrue(value)
        case "log-uuid-short": logUUIDShort = Self.eslTrue(value)
        case "log-uuid-length":
            guard let length = number(in: 0...Int.max) else {
                return problem("'log-uuid-length' must be a whole number, 0 for the full UUID, not '\(value)'; ignored")
            }
            logUUIDLength = length
        case "batchmode": batchMode = Self.eslTrue(value)
        case "no-history-file": noHistoryFile = Self.eslTrue(value)
        case "no-pane": noPane = Self.eslTrue(value)
        case "prompt-string": promptString = value.isEmpty ? nil : value
        case "prompt-color", "input-text-color", "output-text-color":
            guard let color = TerminalColor(configValue: value) else {
                let names = TerminalColor.allCases.map(\.rawValue).joined(separator: ", ")
                return problem("'\(key)' must be one of \(names), not '\(value)'; ignored")
            }
            switch key {
            case "prompt-color": promptColor = color
            case "input-text-color": inputTextColor = color
            default: outputTextColor = color
            }
        case "timeout", "connect-timeout":
            guard let milliseconds = number(in: 0...Int.max) else {
                return problem("'\(key)' must be milliseconds (0 for no limit), not '\(value)'; ignored")
            }
            let duration: Duration? = milliseconds == 0 ? nil : .milliseconds(milliseconds)
            if key == "timeout" { requestTimeout = duration } else { connectTimeout = duration }
        case "retry": connectAttempts = Self.eslTrue(value) ? 1 + Self.attemptsPerRetry : 1
        case "reconnect": reconnect = Self.eslTrue(value)
        case "interrupt": interruptExits = Self.eslTrue(value)
        case "no-color": colorMode = Self.eslTrue(value) ? .never : .auto
        case "color":
            guard let mode = ColorMode(rawValue: value.lowercased()) else {
                return problem("'color' must be auto, always or never, not '\(value)'; ignored")
            }
            colorMode = mode
        case "mock-traffic":
            guard let rate = Double(value), rate > 0, rate <= 10_000 else {
                return problem("'mock-traffic' must be more than 0 and at most 10000 calls a second, not '\(value)'; ignored")
            }
            mockTraffic = rate
        case "mock-extension":
            // The number and the applications are checked when the built-in switch starts.
            guard let equals = value.firstIndex(of: "="), equals != value.startIndex, value.index(after: equals) != value.endIndex else {
                return problem("'mock-extension' must be NUMBER=APP[:ARGS],APP[:ARGS]..., not '\(value)'; ignored")
            }
            mockExtensions.append(value)
        case "execute":
            return problem("'execute' is not read from files (fs_cli ignores it too); use -x")
        default:
            return applyFunctionKey(key, value) ? nil : problem("unknown key '\(setting.key)'; ignored")
        }
        return nil
    }

    /// `key_F1`…`key_F12` and `key_toggle_F1`…`key_toggle_F12` (`key` already lowercased).
    private mutating func applyFunctionKey(_ key: String, _ value: String) -> Bool {
        if key.hasPrefix("key_toggle_f"), let number = Int(key.dropFirst(12)), FunctionKeys.numbers.contains(number) {
            functionKeys.setToggle(value, for: number)
            return true
        }
        if key.hasPrefix("key_f"), let number = Int(key.dropFirst(5)), FunctionKeys.numbers.contains(number) {
            functionKeys.setCommand(value, for: number)
            return true
        }
        return false
    }

    /// Connection attempts each `-r` adds (fs_cli: 120, one second apart).
    public static let attemptsPerRetry = 120

    /// libesl's `esl_true`: yes, on, true, enabled, active, allow (any case) or a non-zero integer.
    public static func eslTrue(_ value: String) -> Bool {
        if ["yes", "on", "true", "enabled", "active", "allow"].contains(value.lowercased()) { return true }
        if let number = Int(value) { return number != 0 }
        return false
    }
}
