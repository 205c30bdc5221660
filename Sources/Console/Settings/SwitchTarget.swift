/// One switch of a fleet (`-H` given more than once, or `hosts =` in a profile): the name its output
/// is tagged with and `/use` selects, and where it listens.
public struct SwitchTarget: Sendable, Hashable {
    /// The tag: `NAME` from `NAME=HOST[:PORT]`, else the entry as written (`pbx1`, `pbx2:8022`).
    public var name: String
    /// Host name or address, without brackets.
    public var host: String
    /// The port written in the entry; nil takes the profile's (or `-P`'s) port.
    public var port: Int?

    /// A target.
    public init(name: String, host: String, port: Int? = nil) {
        self.name = name
        self.host = host
        self.port = port
    }

    /// Reads one entry: `HOST`, `HOST:PORT`, `[IPV6]`, `[IPV6]:PORT` or a bare IPv6 address, any of
    /// them after `NAME=`. Returns why not when it cannot (one line, naming the entry).
    public static func parse(_ entry: String) -> Result<SwitchTarget, SettingsError> {
        let text = entry.trimmingBlanks
        func failure(_ why: String) -> Result<SwitchTarget, SettingsError> {
            .failure(SettingsError(.usage, "switch '\(entry)': \(why)"))
        }
        var name: String?
        var address = Substring(text)
        if let equals = text.firstIndex(of: "=") {
            name = String(text[..<equals]).trimmingBlanks
            address = Substring(String(text[text.index(after: equals)...]).trimmingBlanks)
            guard let name, !name.isEmpty else { return failure("the name before '=' is empty") }
            guard !name.contains(where: { $0 == " " || $0 == "\t" || $0 == "," }) else {
                return failure("a name cannot hold blanks or commas")
            }
        }
        var host = address
        var portText: Substring?
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]") else { return failure("'[' without ']'") }
            host = address[address.index(after: address.startIndex)..<close]
            let rest = address[address.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return failure("expected ':PORT' after ']'") }
                portText = rest.dropFirst()
            }
        } else if address.filter({ $0 == ":" }).count == 1, let colon = address.firstIndex(of: ":") {
            // One colon is HOST:PORT; more is a bare IPv6 address, which takes its port from -P.
            host = address[..<colon]
            portText = address[address.index(after: colon)...]
        }
        guard !host.isEmpty else { return failure("no host") }
        var port: Int?
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                return failure("the port must be 1-65535, not '\(portText)'")
            }
            port = number
        }
        return .success(SwitchTarget(name: name ?? String(address), host: String(host), port: port))
    }

    /// Reads a list (`hosts = a, b:8022, c`, or the `-H` values), refusing two entries of one name.
    public static func parseList(_ entries: [String]) -> Result<[SwitchTarget], SettingsError> {
        var targets: [SwitchTarget] = []
        for entry in entries {
            switch parse(entry) {
            case .success(let target):
                if targets.contains(where: { $0.name == target.name }) {
                    return .failure(SettingsError(.usage, "switch '\(target.name)' is named twice; give one a name with NAME=HOST"))
                }
                targets.append(target)
            case .failure(let error):
                return .failure(error)
            }
        }
        return .success(targets)
    }
}
