import ArgumentParser
import Console
import Foundation

extension FscliCommand {
    /// ArgumentParser's own entry point, except that usage errors print one line and exit 2.
    ///
    /// ArgumentParser exits 64 (EX_USAGE) after printing the usage text; fscli documents 2, as most
    /// Unix tools do, and one line is easier to read in a script's log than a page of usage.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let message = message(for: error).split(whereSeparator: \.isNewline).joined(separator: "; ")
            printError("\(message) (see 'fscli --help')")
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}
