#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One line of `--json` output for a `-x` or batch command, or for a run that could not connect
/// (man page, "JSON OUTPUT"): what scripts parse, so its keys only grow.
///
/// `ok` is false when the switch answered `-ERR` (the body holds it, no `error`) and when the
/// command did not complete (`error` says why: a timeout, a lost connection). Keys whose value is
/// unknown are left out rather than null: `switch`, `command`, `body`, `job` and `ms` are absent
/// from the object for a failed connection.
struct CommandRecord: Encodable, Sendable, Equatable {
    /// `127.0.0.1:8021`, the address connected to (or tried).
    var host: String
    /// The switch's name in a fleet (`-H NAME=HOST`, or the `-H` entry as given); absent for one switch.
    var name: String?
    /// `api switchname`'s answer.
    var `switch`: String?
    /// The command as given (`bgapi status` for a background job).
    var command: String?
    var ok: Bool
    /// The reply as the switch sent it (a background job's output for bgapi).
    var body: String?
    /// A background job's Job-UUID.
    var job: String?
    /// Milliseconds from sending the command to its reply (for bgapi, to the job's result).
    var ms: Int?
    var error: Failure?

    /// Why a command (or the connection) failed: a stable camelCase `code` to branch on and a
    /// `message` for a person.
    struct Failure: Encodable, Sendable, Equatable {
        var code: String
        var message: String
    }

    /// The record as one line of JSON, ending in a line end. Keys are sorted, so a given record is
    /// always the same text.
    var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
        } catch {
            // Strings, booleans and integers always encode; this would be a bug in the encoder.
            preconditionFailure("cannot encode a command record: \(error)")
        }
    }
}
