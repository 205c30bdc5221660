/// Finds the configuration files, picks the profile and merges everything into ``ConsoleSettings``.
///
/// Precedence, highest first (each level only for the keys it sets):
/// 1. the command line (``ConsoleOptions``), with the password from `-p` or `--password-file`,
///    then the `FSCLI_PASSWORD` environment variable;
/// 2. the chosen profile;
/// 3. the `[default]` profile (fs_cli inherits nothing from it; fscli does, so shared keys live once);
/// 4. the built-ins (``ConsoleSettings/init(profileName:)``).
///
/// Unlike fs_cli, `timeout` and `connect-timeout` follow the same order, so `-t`/`-T` beat the file.
public struct SettingsResolver: Sendable {
    /// Where files and variables come from.
    public var environment: SettingsEnvironment

    /// Creates a resolver over an environment.
    public init(environment: SettingsEnvironment) {
        self.environment = environment
    }

    /// fs_cli's files, in the order tried: `$HOME/.fs_cli_conf`, then `/etc/fs_cli.conf`. Only the first
    /// that can be read is used, as in fs_cli.
    public var fsCliConfigPaths: [String] {
        guard let home = environment.variables["HOME"], !home.isEmpty else { return ["/etc/fs_cli.conf"] }
        return [home + "/.fs_cli_conf", "/etc/fs_cli.conf"]
    }

    /// fscli's own file: `$XDG_CONFIG_HOME/fscli/fscli.conf`, else `$HOME/.config/fscli/fscli.conf`.
    /// A relative `XDG_CONFIG_HOME` is ignored, as the XDG spec says.
    public var fscliConfigPath: String? {
        if let xdg = environment.variables["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/fscli/fscli.conf" }
        guard let home = environment.variables["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/fscli/fscli.conf"
    }

    /// Reads and merges the files; a file that cannot be read counts as absent.
    public func catalog() -> ProfileCatalog {
        var files: [ConfigFile] = []
        var searched: [String] = []
        for path in fsCliConfigPaths {
            searched.append(path)
            if let text = try? environment.readFile(path) {
                files.append(ConfigFile(parsing: text, path: path))
                break
            }
        }
        if let path = fscliConfigPath {
            searched.append(path)
            if let text = try? environment.readFile(path) { files.append(ConfigFile(parsing: text, path: path)) }
        }
        var catalog = ProfileCatalog(files: files, searchedPaths: searched)
        catalog.problems += exposedPasswords(in: files)
        return catalog
    }

    /// The settings for `options`, with every skipped configuration line.
    ///
    /// Throws for an unknown profile (listing the known ones) or an unreadable `--password-file`.
    public func resolve(_ options: ConsoleOptions) throws(SettingsError) -> ResolvedSettings {
        let catalog = catalog()
        var problems = catalog.problems
        var layers: [ProfileCatalog.Profile] = []
        let name: String
        if let requested = options.profile {
            guard let profile = catalog.profile(named: requested) else { throw unknownProfile(requested, in: catalog) }
            name = profile.name
            layers = [profile]
        } else {
            name = catalog.implicitProfileName ?? environment.hostname
            layers = catalog.profile(named: name).map { [$0] } ?? []
        }
        if name != ProfileCatalog.defaultProfileName, let fallback = catalog.profile(named: ProfileCatalog.defaultProfileName) {
            layers.insert(fallback, at: 0)
        }
        var settings = ConsoleSettings(profileName: name)
        for layer in layers {
            for setting in layer.settings {
                if let problem = settings.apply(setting) { problems.append(problem) }
            }
        }
        try apply(options, to: &settings)
        return ResolvedSettings(settings: settings, problems: problems, filesRead: catalog.filesRead)
    }

    private func apply(_ options: ConsoleOptions, to settings: inout ConsoleSettings) throws(SettingsError) {
        // -P first: it is the port of every -H entry (and `hosts =` entry) that names none.
        if let port = options.port { settings.port = port }
        if !options.hosts.isEmpty {
            switch SwitchTarget.parseList(options.hosts) {
            case .success(let targets): settings.setSwitches(targets)
            case .failure(let error): throw SettingsError(.usage, "-H/--host: " + error.message)
            }
        }
        if let user = options.user { settings.user = user }
        if let password = try password(from: options) { settings.password = password }
        if let debug = options.debug { settings.debugLevel = debug }
        if let level = options.logLevel {
            settings.logLevel = level
            // fs_cli: asking for a level on the command line means wanting logs, despite a configured quiet.
            settings.quiet = false
        }
        if options.quiet { settings.quiet = true }
        if options.logUUID { settings.logUUID = true }
        if options.logUUIDShort { settings.logUUIDShort = true }
        if let uuid = options.setLogUUID { settings.initialUUIDFilter = uuid }
        if options.batchMode { settings.batchMode = true }
        if options.noHistoryFile { settings.noHistoryFile = true }
        if options.noPane { settings.noPane = true }
        if options.retry > 0 { settings.connectAttempts = 1 + options.retry * ConsoleSettings.attemptsPerRetry }
        if options.reconnect { settings.reconnect = true }
        if options.interrupt { settings.interruptExits = true }
        if let timeout = options.timeout { settings.requestTimeout = timeout == 0 ? nil : .milliseconds(timeout) }
        if let timeout = options.connectTimeout { settings.connectTimeout = timeout == 0 ? nil : .milliseconds(timeout) }
        if options.noColor { settings.colorMode = .never }
        if let color = options.color { settings.colorMode = color }
        settings.commands = options.execute
        if options.json { settings.json = true }
        if options.follow { settings.follow = true }
        if options.eventsJSON { settings.eventsJSON = true }
        if let record = options.record { settings.recordPath = record }
        if let timeout = options.jobTimeout { settings.jobTimeout = .milliseconds(timeout) }
        if let events = options.events { settings.followEvents = ConsoleOptions.eventNames(events) }
        if options.mock || options.mockTraffic != nil { settings.useMock = true }
        // The configuration's `mock-traffic` applies only with `--mock`; the option wins over it.
        if let traffic = options.mockTraffic { settings.mockTraffic = traffic }
    }

    /// A file that holds a password and that group or others may read, as ssh warns about keys:
    /// one problem per file, at its first `password` line.
    func exposedPasswords(in files: [ConfigFile]) -> [ConfigProblem] {
        files.compactMap { file in
            let line = file.sections.flatMap(\.entries).first { $0.key.lowercased() == "password" && !$0.value.isEmpty }?.line
            guard let line, let mode = environment.fileMode(file.path), mode & 0o077 != 0 else { return nil }
            return ConfigProblem(path: file.path, line: line, message: "holds a password but can be read by "
                + (mode & 0o007 != 0 ? "anyone" : "its group") + " (mode \(String(mode, radix: 8))); run chmod 600 \(file.path)")
        }
    }

    /// `-p` or `--password-file` (never both), else a non-empty `FSCLI_PASSWORD`, else nil (the profile's).
    ///
    /// The environment beats the files because it is set for this run, as with `PGPASSWORD`; it is
    /// below the command line because an explicit option is the most specific request.
    public func password(from options: ConsoleOptions) throws(SettingsError) -> String? {
        if let password = options.password { return password }
        if let path = options.passwordFile {
            let text: String
            do {
                text = try environment.readFile(path)
            } catch {
                throw SettingsError(.passwordFile, "cannot read --password-file \(path): \(error)")
            }
            let line = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard !line.isEmpty else { throw SettingsError(.passwordFile, "--password-file \(path) is empty; its first line must be the password") }
            return line
        }
        if let password = environment.variables["FSCLI_PASSWORD"], !password.isEmpty { return password }
        return nil
    }

    private func unknownProfile(_ name: String, in catalog: ProfileCatalog) -> SettingsError {
        let message: String
        if catalog.profiles.isEmpty {
            let searched = catalog.searchedPaths.joined(separator: ", ")
            message = "unknown profile '\(name)': no configuration file defines any (looked for \(searched))"
        } else {
            let known = catalog.profiles.map(\.name).joined(separator: ", ")
            message = "unknown profile '\(name)'; known profiles: \(known)"
        }
        return SettingsError(.unknownProfile, message)
    }
}

/// The outcome of ``SettingsResolver/resolve(_:)``.
public struct ResolvedSettings: Sendable, Equatable {
    /// What to run with.
    public var settings: ConsoleSettings
    /// Configuration lines that were skipped, to show the user (they never stop fscli).
    public var problems: [ConfigProblem]
    /// The files that were read, in order.
    public var filesRead: [String]
}
