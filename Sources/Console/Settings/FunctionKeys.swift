/// What F1–F12 run: fs_cli's `key_F1`…`key_F12` and `key_toggle_F1`…`key_toggle_F12`.
///
/// A key with a toggle alternates between its two commands, starting with ``command(for:)``
/// (fs_cli's state starts "off"). A key with no command is unbound.
public struct FunctionKeys: Sendable, Equatable {
    /// fs_cli's `set_fn_keys()` defaults, F1 first.
    public static let fsCliDefaults: [String] = [
        "help", "status", "show channels", "show calls", "sofia status", "reloadxml",
        "/log console", "/log debug", "sofia status profile internal", "fsctl pause", "fsctl resume", "version",
    ]

    /// The keys that exist: F1 to F12.
    public static let numbers: ClosedRange<Int> = 1...12

    private var commands: [String?]
    private var toggles: [String?]

    /// The fs_cli defaults, no toggles.
    public init() {
        commands = Self.fsCliDefaults.map { Optional($0) }
        toggles = Array(repeating: nil, count: 12)
    }

    /// The command F`number` runs first, or nil if unbound (or `number` is not 1–12).
    public func command(for number: Int) -> String? {
        Self.numbers.contains(number) ? commands[number - 1] : nil
    }

    /// The command F`number` runs on every second press, if it toggles.
    public func toggle(for number: Int) -> String? {
        Self.numbers.contains(number) ? toggles[number - 1] : nil
    }

    /// Binds F`number` (1–12); an empty command unbinds it.
    public mutating func setCommand(_ command: String, for number: Int) {
        guard Self.numbers.contains(number) else { return }
        commands[number - 1] = command.isEmpty ? nil : command
    }

    /// Sets F`number`'s alternate command (1–12); empty removes it.
    public mutating func setToggle(_ command: String, for number: Int) {
        guard Self.numbers.contains(number) else { return }
        toggles[number - 1] = command.isEmpty ? nil : command
    }
}
