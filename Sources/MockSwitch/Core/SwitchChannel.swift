/// One live channel as the core knows it: enough for `show channels`/`show calls`, `uuid_*`
/// look-ups and tab completion. Simulated calls (a later piece) fill these in.
public struct SwitchChannel: Sendable, Hashable {
    /// `Unique-ID`, lower-case.
    public var uuid: String
    /// Creation time, microseconds since the epoch (`created`, `created_epoch`, and the sort order).
    public var createdAt: Int64
    /// The values of the `channels` table columns other than uuid/created/created_epoch/hostname
    /// (docs/api-output.md, "show"), keyed by column name; a missing column prints empty.
    public var columns: [String: String]
    /// Channel variables (`uuid_getvar`, `variable_*` headers).
    public var variables: [String: String]
    /// Breaks ties between channels created in the same microsecond: the order they were made in.
    public var sequence: Int = 0
    /// The other leg's UUID when the channel is the A-leg of a bridged call (`show calls` b_* columns).
    public var bridgedTo: String?

    /// A channel.
    public init(uuid: String, createdAt: Int64, columns: [String: String] = [:], variables: [String: String] = [:],
                bridgedTo: String? = nil) {
        self.uuid = uuid
        self.createdAt = createdAt
        self.columns = columns
        self.variables = variables
        self.bridgedTo = bridgedTo
    }
}
