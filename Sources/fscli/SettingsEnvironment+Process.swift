import Console
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SettingsEnvironment {
    /// This process's environment, host name and file system.
    static var process: SettingsEnvironment {
        SettingsEnvironment(
            variables: processVariables(),
            hostname: localHostname(),
            readFile: { path in try String(contentsOfFile: path, encoding: .utf8) },
            fileMode: { path in
                var status = stat()
                return stat(path, &status) == 0 ? UInt16(status.st_mode & 0o777) : nil
            }
        )
    }

    /// The environment as `environ` holds it, the first of duplicate names winning as with `getenv`.
    /// Read directly because ProcessInfo's copy cost about 0.7 million instructions at start-up
    /// (a seventh of a whole `fscli -x`).
    static func processVariables() -> [String: String] {
        #if os(Linux)
        var variables: [String: String] = [:]
        var entry = environ
        while let pair = entry.pointee {
            let text = String(cString: pair)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return variables
        #else
        return ProcessInfo.processInfo.environment
        #endif
    }

    /// `gethostname()`, as fs_cli names its built-in profile; ProcessInfo's may wait on DNS.
    private static func localHostname() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
