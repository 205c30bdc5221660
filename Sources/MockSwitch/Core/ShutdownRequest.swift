/// How `shutdown` or `fsctl shutdown [elegant|asap|restart|cancel]` asked the switch to stop.
public struct ShutdownRequest: Sendable, Hashable {
    /// Stop once no call is up (`elegant`, `asap`) instead of at once.
    public var waitsForCalls = false
    /// Run again once stopped (`restart`), as FreeSWITCH executes itself anew.
    public var restarts = false
    /// Call off a shutdown that waits for calls (`cancel`).
    public var cancels = false

    /// A request.
    public init(waitsForCalls: Bool = false, restarts: Bool = false, cancels: Bool = false) {
        self.waitsForCalls = waitsForCalls
        self.restarts = restarts
        self.cancels = cancels
    }

    /// `fsctl shutdown`'s words, in any order (`elegant restart`); `now` or none stops at once.
    init(fsctlWords words: [String]) {
        let words = Set(words.map { $0.lowercased() })
        self.init(waitsForCalls: !words.isDisjoint(with: ["elegant", "asap"]), restarts: words.contains("restart"),
                  cancels: words.contains("cancel"))
    }

    /// The later of two requests in one line wins, as the switch acts on each in turn.
    static func latest(_ first: ShutdownRequest?, _ second: ShutdownRequest?) -> ShutdownRequest? {
        second ?? first
    }
}
