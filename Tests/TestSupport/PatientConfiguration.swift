import ESLClient

extension ESLConnection.Configuration {
    /// For tests whose outcome must not depend on the machine's load: the switch acts when it acts,
    /// and these limits are only a backstop. (With two cores, a busy test run can keep a scripted
    /// switch's task waiting for seconds; the default 5 s handshake limit then fails tests that are
    /// not about timeouts.)
    public static var patientForTests: ESLConnection.Configuration {
        var configuration = ESLConnection.Configuration()
        configuration.connectTimeout = .seconds(30)
        configuration.handshakeTimeout = .seconds(30)
        return configuration
    }

    /// ``patientForTests`` with `tap` seeing every frame the connection receives.
    public static func patientForTests(tappedBy tap: any ESLFrameTap) -> ESLConnection.Configuration {
        var configuration = patientForTests
        configuration.frameTap = tap
        return configuration
    }
}
