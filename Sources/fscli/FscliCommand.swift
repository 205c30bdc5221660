import ArgumentParser
import Console

/// `fscli`: the FreeSWITCH event socket console.
@main
struct FscliCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fscli",
        abstract: "A console for FreeSWITCH's event socket (mod_event_socket).",
        version: FscliVersion.current,
        subcommands: [MockCommand.self]
    )

    func run() async throws {
        // The interactive console lands with issue 4; until then the subcommands are the tool.
        print(Self.helpMessage())
    }
}
