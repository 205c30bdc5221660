import ESLProtocol

/// The console's own display filters on log lines: `/uuid` and `/logfilter` (also `-s`).
///
/// fs_cli's `/uuid` wants the whole UUID; here a prefix is enough (case-insensitive), so the
/// 8 characters `-S` shows can be pasted back. Lines with no channel (empty `User-Data`) pass, as in
/// fs_cli: they are the switch's own lines, often about the call being followed.
public struct LogFilters: Sendable, Equatable {
    /// `/uuid`: the channel UUID or prefix to show; nil shows all.
    public var uuid: String?
    /// `/logfilter`: the text or regex a line must contain; nil shows all.
    public var pattern: LogFilterPattern?

    /// No filtering.
    public init(uuid: String? = nil, pattern: LogFilterPattern? = nil) {
        self.uuid = uuid
        self.pattern = pattern
    }

    /// ``shows(_:)`` with the pattern compiled once, for filtering many lines.
    public func matcher() -> (ESLLogLine) -> Bool {
        let prefix = uuid.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        let test: ((String) -> Bool)?
        switch pattern {
        case .text(let needle): test = { $0.contains(needle) }
        case .regex(let source):
            let regex = try? Regex(source)
            test = { text in regex.map { text.contains($0) } ?? false }
        case nil: test = nil
        }
        return { line in
            if let prefix {
                let channel = line.userData
                if !channel.isEmpty && !channel.lowercased().hasPrefix(prefix) { return false }
            }
            if let test, !test(line.text) { return false }
            return true
        }
    }

    /// Whether `line` is shown (``matcher()`` for many lines: it compiles a regex once).
    public func shows(_ line: ESLLogLine) -> Bool {
        matcher()(line)
    }
}
