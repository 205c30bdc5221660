/// The fscli release this build belongs to.
public enum FscliVersion {
    /// Semantic version of this build, printed by `fscli --version`.
    public static let current = "0.1.0"
}
