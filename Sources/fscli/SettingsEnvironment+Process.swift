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
            variables: ProcessInfo.processInfo.environment,
            hostname: localHostname(),
            readFile: { path in try String(contentsOfFile: path, encoding: .utf8) },
            fileMode: { path in
                var status = stat()
                return stat(path, &status) == 0 ? UInt16(status.st_mode & 0o777) : nil
            }
        )
    }

    /// `gethostname()`, as fs_cli names its built-in profile; ProcessInfo's may wait on DNS.
    private static func localHostname() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
