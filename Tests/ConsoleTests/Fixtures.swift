import Console

/// A file system and environment in memory, so no test reads the real home directory.
struct FixtureEnvironment {
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "No such file or directory" }
    }

    var files: [String: String] = [:]
    var variables: [String: String] = ["HOME": "/home/u"]
    var hostname = "pbx1"
    /// Permission bits by path; a file not listed has none to report.
    var modes: [String: UInt16] = [:]

    var environment: SettingsEnvironment {
        let files = files, modes = modes
        return SettingsEnvironment(variables: variables, hostname: hostname, readFile: { path in
            guard let text = files[path] else { throw Missing(path: path) }
            return text
        }, fileMode: { modes[$0] })
    }

    var resolver: SettingsResolver { SettingsResolver(environment: environment) }

    func resolve(_ options: ConsoleOptions = ConsoleOptions()) throws -> ResolvedSettings {
        try resolver.resolve(options)
    }
}

extension ConsoleOptions {
    static func with(_ change: (inout ConsoleOptions) -> Void) -> ConsoleOptions {
        var options = ConsoleOptions()
        change(&options)
        return options
    }
}
