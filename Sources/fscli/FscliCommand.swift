import ArgumentParser
import Console

/// `fscli`: the FreeSWITCH event socket console.
@main
struct FscliCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fscli",
        abstract: "A console for FreeSWITCH's event socket (mod_event_socket).",
        version: FscliVersion.current
    )

    func run() throws {
        print(Self.helpMessage())
    }
}
