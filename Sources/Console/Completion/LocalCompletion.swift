import SwitchCatalog
/// The result of completing on the client side: the candidates to list, the edit to apply (same
/// rules as the switch's `write=`), and a one-line usage hint for the command under the cursor.
public struct LocalCompletion: Sendable, Hashable {
    /// The matching words, in display order.
    public var candidates: [String]
    /// The edit: the single candidate plus a space, or the candidates' common prefix.
    public var write: CompletionWrite?
    /// `<name> <syntax>` of the command being typed, when known.
    public var hint: String?

    /// Creates a result.
    public init(candidates: [String], write: CompletionWrite?, hint: String?) {
        self.candidates = candidates
        self.write = write
        self.hint = hint
    }
}
