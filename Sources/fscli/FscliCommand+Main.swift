import ArgumentParser
import Console
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FscliCommand {
    /// ArgumentParser's own entry point, except that usage errors print one line and exit 2, and
    /// that `fscli mock …` goes straight to the subcommand.
    ///
    /// ArgumentParser exits 64 (EX_USAGE) after printing the usage text; fscli documents 2, as most
    /// Unix tools do, and one line is easier to read in a script's log than a page of usage. The root
    /// command takes an optional profile name as its positional argument, which would otherwise
    /// swallow the word `mock`. Called by ``ProcessEntry`` for whatever `ConsoleOptions.quickParse` does
    /// not take.
    static func dispatch() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let mockName = MockCommand.configuration.commandName
        if arguments.first == "help" {
            // `fscli help [mock]`, as --help's own text suggests; ArgumentParser would otherwise run
            // the subcommand it names.
            print(arguments.dropFirst().first == mockName ? MockCommand.helpMessage() : FscliCommand.helpMessage())
            return
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
            processExit(ExitStatus.usage.rawValue)
        }
    }
}

/// C's `exit`, named apart from ParsableCommand's `exit(withError:)`, which shadows it inside the
/// command types.
func processExit(_ status: Int32) -> Never {
    #if canImport(Glibc)
    Glibc.exit(status)
    #else
    Darwin.exit(status)
    #endif
}
