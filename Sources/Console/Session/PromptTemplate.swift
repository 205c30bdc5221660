/// The prompt: `freeswitch@<switchname>> `, or `prompt-string` with fs_cli's escapes
/// (docs/fs_cli-differences.md, "Prompt"): `%s` switch name, `%h` local host name, `%H` the switch's host name,
/// `%p` profile, `%o` configured host, `%P` port, `%%` a percent sign; `> ` is appended.
public struct PromptTemplate: Sendable, Equatable {
    /// What the escapes expand to.
    public struct Values: Sendable, Equatable {
        /// `%s`: `api switchname`.
        public var switchName: String
        /// `%h`: this machine's name.
        public var localHostname: String
        /// `%H`: `api hostname`.
        public var switchHostname: String
        /// `%p`: the profile.
        public var profile: String
        /// `%o`: the configured host.
        public var host: String
        /// `%P`: the port.
        public var port: Int

        /// Creates the values.
        public init(switchName: String, localHostname: String, switchHostname: String, profile: String, host: String, port: Int) {
            self.switchName = switchName
            self.localHostname = localHostname
            self.switchHostname = switchHostname
            self.profile = profile
            self.host = host
            self.port = port
        }
    }

    /// The configured `prompt-string`, or nil for the default.
    public var template: String?

    /// A template; nil gives fs_cli's default.
    public init(_ template: String?) {
        self.template = template
    }

    /// The prompt text, without colour.
    public func expand(_ values: Values) -> String {
        guard let template else { return "freeswitch@\(values.switchName)> " }
        var result = ""
        var escaping = false
        for character in template {
            guard escaping else {
                if character == "%" { escaping = true } else { result.append(character) }
                continue
            }
            escaping = false
            switch character {
            case "s": result += values.switchName
            case "h": result += values.localHostname
            case "H": result += values.switchHostname
            case "p": result += values.profile
            case "o": result += values.host
            case "P": result += String(values.port)
            case "%": result += "%"
            default: result += "%" + String(character)
            }
        }
        if escaping { result += "%" }
        return result + "> "
    }
}
