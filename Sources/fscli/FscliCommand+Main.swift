import ArgumentParser
import Console
import Foundation

extension FscliCommand {
    /// ArgumentParser's own entry point, except that usage errors print one line and exit 2, and
    /// that `fscli mock …` goes straight to the subcommand.
    ///
    /// ArgumentParser exits 64 (EX_USAGE) after printing the usage text; fscli documents 2, as most
    /// Unix tools do, and one line is easier to read in a script's log than a page of usage. The root
    /// command takes an optional profile name as its positional argument, which would otherwise
    /// swallow the word `mock`.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let mockName = MockCommand.configuration.commandName
        if arguments.first == "help" {
            // `fscli help [mock]`, as --help's own text suggests; ArgumentParser would otherwise run
            // the subcommand it names.
            print(arguments.dropFirst().first == mockName ? MockCommand.helpMessage() : FscliCommand.helpMessage())
            return
        }
        if let options = ConsoleOptions.quickParse(arguments) {
            // A plain `-x` run skips the full argument parser's start-up (see quickParse).
            Foundation.exit(await runConsole(options).rawValue)
        }
        typedArguments = arguments
        if arguments.first == mockName {
            await run(MockCommand.self, Array(arguments.dropFirst()))
        } else {
            await run(FscliCommand.self, arguments)
        }
    }

    private static func run<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) async {
        do {
            var command = try type.parseAsRoot(arguments)
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            guard type.exitCode(for: error) == .validationFailure else { type.exit(withError: error) }
            let message = type.message(for: error).split(whereSeparator: \.isNewline).joined(separator: "; ")
            printError("\(message) (see 'fscli \(type == MockCommand.self ? "mock " : "")--help')")
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}
