/// Which command each F-key runs next: fs_cli's toggling (`key_toggle_F*`) starts "off", so the
/// first press runs `key_F*` and the next one the toggle command.
public struct FunctionKeyState: Sendable, Equatable {
    private let keys: FunctionKeys
    private var toggled = Set<Int>()

    /// The state for a key table, every toggle off.
    public init(keys: FunctionKeys) {
        self.keys = keys
    }

    /// The command F`number` runs now, advancing its toggle; nil when the key is unbound.
    public mutating func press(_ number: Int) -> String? {
        guard let command = keys.command(for: number) else { return nil }
        guard let toggle = keys.toggle(for: number) else { return command }
        if toggled.remove(number) != nil { return toggle }
        toggled.insert(number)
        return command
    }
}
