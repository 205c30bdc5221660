/// A source of input lines for the console: GNU readline on a terminal, a plain reader otherwise.
///
/// The console only talks to this protocol, so it never imports readline itself.
public protocol LineEditing: AnyObject {
    /// Reads one line, or returns `nil` at end of input.
    func readLine(prompt: String) -> String?
}
