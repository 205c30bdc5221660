import ESLRecording

extension ConsoleSession {
    /// `/record FILE`: from now on every frame received goes to FILE, and the connection stops
    /// dropping what the console cannot show in time (nothing may be lost while recording).
    func startRecording(_ typed: String) async {
        let path: String
        do {
            path = try await ConsoleRecorder.shared.start(path: typed)
        } catch {
            feed(.recordingStopped(path: nil, frames: nil, failure: error.message))
            return
        }
        core.withLock { $0.connection?.setDropsWhenBehind(false) }
        feed(.recordingStarted(path: path))
    }

    /// `/record off`: what was received is written, the file closed, and the connection drops
    /// again as the console's settings say when it falls behind.
    func stopRecording() async {
        let stopped = await ConsoleRecorder.shared.stop()
        let drops = link.configuration.dropsWhenBehind
        core.withLock { $0.connection?.setDropsWhenBehind(drops) }
        feed(.recordingStopped(path: stopped?.path, frames: stopped?.frames, failure: stopped?.failure?.message))
    }

    /// The recording stopped on its own (a write error): said, and the status line updated.
    func recordingFailed(_ message: String) {
        let drops = link.configuration.dropsWhenBehind
        core.withLock { $0.connection?.setDropsWhenBehind(drops) }
        feed(.recordingStopped(path: nil, frames: nil, failure: message))
    }

    /// A fleet's recording started or stopped (the fleet owns `/record`, one file for all its
    /// switches): this switch's connection stops dropping, or drops again as its settings say.
    func fleetRecording(_ isOn: Bool) {
        let drops = isOn ? false : link.configuration.dropsWhenBehind
        core.withLock { $0.connection?.setDropsWhenBehind(drops) }
    }
}
