extension ConsoleOptions {
    /// The options of a plain `-x` run, read without the full argument parser.
    ///
    /// Scripts call `fscli -x …` in loops, and the full parser's start-up (it reflects over the
    /// command's properties) costs several milliseconds each time. This reads only the common case:
    /// `-x`, `-H` (repeatable), `-P`, `-p`, `-u`, `--password-file`, `-t`, `-T`, `-q`, `-r`, `--json`, each as `-o value`,
    /// `--option value` or `--option=value`, and at least one `-x`. Anything else (a profile name,
    /// another option, a value that looks like an option, a repeated single-value option, a value
    /// that does not validate) gives nil, and the full parser decides, with its error messages.
    /// The test suite checks that both parsers agree whenever this one answers.
    public static func quickParse(_ arguments: [String]) -> ConsoleOptions? {
        var options = ConsoleOptions()
        var seen = Set<String>()
        var index = 0
        while index < arguments.count {
            var word = arguments[index]
            var inlineValue: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                inlineValue = String(word[word.index(after: equals)...])
                word = String(word[..<equals])
            }
            guard let option = QuickOption(word) else { return nil }
            index += 1
            guard option.takesValue else {
                guard inlineValue == nil else { return nil }
                switch option {
                case .quiet:
                    guard seen.insert(option.name).inserted else { return nil }
                    options.quiet = true
                case .json:
                    guard seen.insert(option.name).inserted else { return nil }
                    options.json = true
                case .retry:
                    options.retry += 1
                default:
                    return nil
                }
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                value = arguments[index]
                index += 1
            }
            if option != .execute && option != .host {
                guard seen.insert(option.name).inserted else { return nil }
            }
            switch option {
            case .execute: options.execute.append(value)
            case .host: options.hosts.append(value)
            case .port: guard let number = Int(value) else { return nil }; options.port = number
            case .password: options.password = value
            case .user: options.user = value
            case .passwordFile: options.passwordFile = value
            case .timeout: guard let number = Int(value) else { return nil }; options.timeout = number
            case .connectTimeout: guard let number = Int(value) else { return nil }; options.connectTimeout = number
            case .quiet, .retry, .json: return nil
            }
        }
        guard !options.execute.isEmpty else { return nil }
        do {
            try options.validate()
        } catch {
            return nil
        }
        return options
    }
}

/// The options ``ConsoleOptions/quickParse(_:)`` reads.
private enum QuickOption: String {
    case execute, host, port, password, user, passwordFile, timeout, connectTimeout, quiet, retry, json

    init?(_ word: String) {
        switch word {
        case "-x", "--execute": self = .execute
        case "-H", "--host": self = .host
        case "-P", "--port": self = .port
        case "-p", "--password": self = .password
        case "-u", "--user": self = .user
        case "--password-file": self = .passwordFile
        case "-t", "--timeout": self = .timeout
        case "-T", "--connect-timeout": self = .connectTimeout
        case "-q", "--quiet": self = .quiet
        case "-r", "--retry": self = .retry
        case "--json": self = .json
        default: return nil
        }
    }

    var name: String { rawValue }

    var takesValue: Bool { self != .quiet && self != .retry && self != .json }
}
