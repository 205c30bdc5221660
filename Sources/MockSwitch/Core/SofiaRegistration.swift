/// One row of mod_sofia's `sip_registrations` table: a simulated phone of a directory user,
/// registered on the `internal` profile over UDP.
public struct SofiaRegistration: Sendable, Hashable {
    /// The directory user (`sip_user`, also the auth user and the MWI user).
    public var user: String
    /// The domain it registered in (`sip_host`, the realm).
    public var host: String
    /// `call_id`.
    public var callID: String
    /// The Contact header as the phone sent it.
    public var contact: String
    /// `User-Agent`.
    public var userAgent: String
    /// The address the REGISTER came from (the phone's).
    public var networkIP: String
    /// The port it came from.
    public var networkPort: Int
    /// When it expires (epoch seconds: registration time, the phone's 3600 s, and the profile's
    /// `sip-expires-late-margin` of 60 s).
    public var expires: Int64
    /// `status`: `Registered(UDP)`.
    public var status: String { "Registered(UDP)" }
    /// The URL the core's `registrations` table keeps (`sofia/<profile>/sip:<contact uri>`).
    public var coreURL: String { "sofia/internal/sip:\(user)@\(networkIP):\(networkPort)" }

    /// What the phone asks for (`Expires: 3600`).
    static let requestedSeconds: Int64 = 3600
    static let lateMargin: Int64 = 60
}
