import ESLProtocol

extension ESLConnection {
    /// Timeouts and limits of a connection; the defaults suit an interactive console.
    public struct Configuration: Sendable {
        /// Time allowed for the TCP connection to each address (default 5 s).
        public var connectTimeout: Duration = .seconds(5)
        /// Time allowed, once connected, for the greeting and the reply to `auth` (default 5 s):
        /// a switch that accepts but never speaks fails instead of hanging.
        public var handshakeTimeout: Duration = .seconds(5)
        /// Default time allowed for each request's reply; `nil` waits as long as the connection lives.
        public var requestTimeout: Duration? = nil
        /// How many events and log lines wait for the reader before the oldest are dropped.
        public var notificationBufferSize: Int = 10_000
        /// About how many bytes of events and log lines may wait for the reader before the oldest
        /// are dropped; nil for no byte limit. Bounds memory when events are large (a busy switch's
        /// CHANNEL_* events are 4 KB or more) while small log lines can still queue in numbers.
        public var notificationBufferBytes: Int? = nil
        /// Whether events arrive decoded, as ``ESLNotification/event(_:)`` (the default), or as
        /// received, as ``ESLNotification/eventFrame(_:)``, for the reader to decode, summarise
        /// (`ESLEventFrame.firstValues(_:)`) or forward. Not decoding on the socket's thread
        /// keeps it free for reading, and a reader that wants a few headers of each event in a
        /// flood does a fraction of the work.
        public var decodesEvents = true
        /// What happens when the reader of ``ESLConnection/notifications`` falls behind by
        /// ``notificationBufferSize`` notifications (or ``notificationBufferBytes``): `true` (the
        /// default) drops the oldest and counts them, so the socket is always read and replies
        /// are never held up; `false` loses nothing, and instead stops reading the socket until
        /// the reader takes what waits, so TCP pushes back on the switch (which may, like
        /// FreeSWITCH, cut off a listener that stays behind too long; the sequence then ends
        /// with that disconnect). Replies wait behind the backlog too, so `false` suits a
        /// connection that mostly listens, such as `fscli --follow`.
        public var dropsWhenBehind = true
        /// Sees every frame received, before anything can drop it (`fscli --record`); nil for none.
        /// A tap that falls behind holds the socket's reads, so nothing is lost on its side.
        public var frameTap: (any ESLFrameTap)? = nil
        /// Frame size limits (header block, body).
        public var limits: ESLFrameDecoder.Limits = .init()

        /// The defaults.
        public init() {}
    }
}
