/// Every profile found in the configuration files, merged by name, for choosing and listing.
///
/// fs_cli's file (`~/.fs_cli_conf`, else `/etc/fs_cli.conf`) is read first, then fscli's own
/// `fscli.conf`. A profile in both is one profile: fscli.conf's lines come after, so its keys win.
/// That lets fs_cli and fscli share one file while fscli.conf adds fscli-only keys (`color`, …)
/// or overrides a value for fscli alone. A name repeated within a file is merged the same way.
public struct ProfileCatalog: Sendable, Equatable {
    /// One `key => value` line, with where it came from.
    public struct Setting: Sendable, Equatable {
        /// The key as written.
        public var key: String
        /// The value, blanks trimmed.
        public var value: String
        /// The file it is in.
        public var path: String
        /// Its 1-based line.
        public var line: Int
    }

    /// A profile: a `[name]` section, possibly spread over several files.
    public struct Profile: Sendable, Equatable {
        /// The name between the brackets.
        public var name: String
        /// The files defining it, in reading order, without repeats.
        public var sources: [String]
        /// Its lines in reading order; a later line for the same key wins.
        public var settings: [Setting]
    }

    /// The name of fs_cli's catch-all section, whose keys every profile inherits in fscli.
    public static let defaultProfileName = "default"

    /// The profiles in order of first appearance.
    public var profiles: [Profile]
    /// The files that were looked for, in order (an fs_cli file that opens stops the fs_cli search).
    public var searchedPaths: [String]
    /// The files that were read.
    public var filesRead: [String]
    /// Lines skipped while parsing, in reading order.
    public var problems: [ConfigProblem]

    /// Merges parsed files, in the order given.
    public init(files: [ConfigFile], searchedPaths: [String]) {
        profiles = []
        self.searchedPaths = searchedPaths
        filesRead = files.map(\.path)
        problems = files.flatMap(\.problems)
        for file in files {
            for section in file.sections {
                let settings = section.entries.map { Setting(key: $0.key, value: $0.value, path: file.path, line: $0.line) }
                if let index = profiles.firstIndex(where: { $0.name == section.name }) {
                    if !profiles[index].sources.contains(file.path) { profiles[index].sources.append(file.path) }
                    profiles[index].settings += settings
                } else {
                    profiles.append(Profile(name: section.name, sources: [file.path], settings: settings))
                }
            }
        }
    }

    /// The profile called `name`, if any file has it (names are case-sensitive, as in fs_cli).
    public func profile(named name: String) -> Profile? {
        profiles.first { $0.name == name }
    }

    /// The profile used when none is named: `[default]` if present, else the first one (fs_cli's rule).
    public var implicitProfileName: String? {
        profile(named: Self.defaultProfileName)?.name ?? profiles.first?.name
    }

    /// `--list-profiles` output: one line per profile, its name, then the files it comes from;
    /// the implicit one is marked. Empty when there are none.
    public var listing: [String] {
        let width = profiles.map(\.name.count).max() ?? 0
        return profiles.map { profile in
            let padded = profile.name + String(repeating: " ", count: width - profile.name.count)
            let mark = profile.name == implicitProfileName ? "  (used when no profile is named)" : ""
            return "\(padded)  \(profile.sources.joined(separator: ", "))\(mark)"
        }
    }
}
