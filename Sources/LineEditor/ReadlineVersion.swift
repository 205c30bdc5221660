import CReadline

/// The version string of the GNU readline library this binary was linked with, e.g. `8.2`.
public var readlineLibraryVersion: String {
    guard let version = fscli_rl_library_version() else { return "unknown" }
    return String(cString: version)
}
