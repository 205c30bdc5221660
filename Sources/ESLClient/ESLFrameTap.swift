import ESLProtocol

/// Sees every frame a connection receives, as it arrives and before anything else does (so before
/// the notification buffer, which may drop): what `fscli --record` writes to disk
/// (``ESLConnection/Configuration/frameTap``).
///
/// Called on the connection's event loop, so ``received(_:from:)`` must return at once (hand the
/// frame to another thread). A tap that cannot keep up holds the connection's socket reads through
/// ``holdsReading(resume:)`` instead of dropping; one tap may serve several connections.
public protocol ESLFrameTap: AnyObject, Sendable {
    /// A frame arrived from the switch at `address` (`127.0.0.1:8021`), in arrival order.
    func received(_ frame: ESLFrame, from address: String)
    /// The end of a socket read's frames: a tap that hands frames to another thread can hand
    /// over a burst at once instead of waking that thread for each frame.
    func endOfBurst()
    /// Asked before each socket read: true to hold it back, and then `resume` must be called once
    /// the tap can take more.
    func holdsReading(resume: @escaping @Sendable () -> Void) -> Bool
}

extension ESLFrameTap {
    /// Nothing to do for a tap that does not batch.
    public func endOfBurst() {}
}
