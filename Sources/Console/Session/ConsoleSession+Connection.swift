import ESLClient
import ESLProtocol

extension ConsoleSession {
    /// Reads the connection's logs and events and shows them; when the connection ends, says so at
    /// once with the switch's reason, then reconnects (with `-R` or after `/reconnect`) or ends
    /// the session.
    func superviseConnections() async {
        guard var connection = state.current.connection else { return }
        while true {
            var reason: ESLClientError?
            var reportedDrops = 0
            for await batch in connection.notifications.batches {
                if case .disconnected(let error)? = batch.last { reason = error }
                await show(batch)
                // The client's buffer drops the oldest when this loop falls behind; say so.
                let drops = connection.droppedCount
                if drops > reportedDrops {
                    let count = drops - reportedDrops
                    say(palette.error("[\(count) log line\(count == 1 ? "" : "s") or events dropped: fscli fell behind the switch]"))
                    reportedDrops = drops
                }
            }
            let (exiting, requested) = state.withLock { state in
                state.connection = nil
                defer { state.reconnectRequested = false }
                return (state.isExiting, state.reconnectRequested)
            }
            updateStatusLine()
            if exiting || Task.isCancelled { return }
            if !requested {
                let why = reason?.message ?? "the connection to \(link.address) ended"
                fail("disconnected: \(why)", .connectionFailed)
            }
            guard requested || settings.reconnect else {
                status.withLock { $0.end(.connectionFailed) }
                queue.requestStop()
                return
            }
            state.withLock { $0.isReconnecting = true }
            updateStatusLine()
            guard let next = await reconnect(immediately: requested) else { return }
            state.withLock { $0.isReconnecting = false }
            updateStatusLine()
            connection = next
        }
    }

    /// Shows a burst of log lines, events and other frames as one text: the state is read once,
    /// the output queue locked once, however many lines the burst holds. A large burst (the switch
    /// outran the console) is rendered in two halves at once, one per core.
    private func show(_ batch: [ESLNotification]) async {
        let (filters, view, format) = state.withLock { state in
            (state.logFilters, state.eventView, state.subscriptions.format)
        }
        let renderer = BatchRenderer(logs: logRenderer, events: eventRenderer, palette: palette, filters: filters, view: view, format: format)
        var rendered: BatchRenderer.Rendered
        if batch.count >= BatchRenderer.parallelThreshold {
            let middle = batch.count / 2
            async let first = renderer.render(batch[..<middle])
            let second = renderer.render(batch[middle...])
            rendered = await first
            rendered.append(second)
        } else {
            rendered = renderer.render(batch[...])
        }
        if rendered.events > 0 { eventCount.withLock { $0 += rendered.events } }
        if !rendered.summaries.isEmpty {
            state.withLock { state in
                for (event, summary) in rendered.summaries { state.learn(summary, headerNames: { event.headerNames }) }
            }
        }
        if rendered.lines > 0 { queue.enqueue(rendered.output, droppable: true, lines: rendered.lines) }
    }

    /// `/reconnect`: closes the connection and waits until the reader has connected again.
    func reconnectNow() async {
        let connection = state.withLock { state -> ESLConnection? in
            state.reconnectRequested = true
            return state.connection
        }
        guard let connection else {
            say("not connected; already reconnecting")
            return
        }
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            connectionChanges.withLock { $0.append(waiter) }
            Task { await connection.close() }
        }
    }

    /// Connects again until it works or the session ends: waits per ``ReconnectBackoff`` (no wait
    /// before the first attempt after `/reconnect`), repeats the start-up, restores the
    /// subscriptions, filters and log level, and says so in one line.
    private func reconnect(immediately: Bool) async -> ESLConnection? {
        var backoff = ReconnectBackoff()
        var attempt = 0
        while true {
            if attempt > 0 || !immediately {
                let wait = backoff.next()
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    return nil
                }
            }
            attempt += 1
            if state.current.isExiting { return nil }
            do {
                let connection = try await link.connectOnce()
                let identity: SwitchLink.Identity
                do {
                    identity = try await link.identify(connection)
                    for command in SubscriptionReport.restoreCommands(state.current.subscriptions) {
                        _ = try await connection.send(command)
                    }
                } catch {
                    await connection.close()
                    throw error
                }
                let restored = await connection.subscriptions()
                let exiting = state.withLock { state in
                    state.subscriptions = restored
                    state.identity = identity
                    if !state.isExiting { state.connection = connection }
                    return state.isExiting
                }
                if exiting {
                    await connection.close()
                    return nil
                }
                queue.setPrompt(prompt)
                let tries = attempt == 1 ? "" : " after \(attempt) attempts"
                say(palette.notice("reconnected to \(link.address)\(tries); restored \(SubscriptionReport.summary(restored))"))
                connectionReplaced()
                return connection
            } catch {
                let reason = (error as? ESLClientError)?.message ?? "\(error)"
                say(palette.notice("reconnect attempt \(attempt) failed: \(reason)"))
            }
        }
    }
}
