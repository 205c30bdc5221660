/// The FreeSWITCH version the mock switch presents itself as (captures were taken from 1.11.1).
public enum MockSwitchIdentity {
    /// The `major.minor.micro-release` string the mock reports in `version short`.
    public static let versionShort = "1.11.1-release"
}
