import ESLClient
import ESLProtocol

extension ConsoleSession {
    /// Reads one connection's logs and events and shows them; when it ends, tells the machine, which
    /// decides whether to reconnect (`-R`, `/reconnect`) or end the session.
    func read(_ connection: any SwitchConnection) -> Task<Void, Never> {
        Task {
            var reason: String?
            var reportedDrops = 0
            while let batch = await connection.nextNotifications() {
                if case .disconnected(let error)? = batch.last { reason = error.messageSayingWhy }
                await show(batch)
                // The client's buffer drops the oldest when this loop falls behind; say so.
                let drops = connection.droppedCount
                if drops > reportedDrops {
                    let count = drops - reportedDrops
                    show(palette.error("[\(count) log line\(count == 1 ? "" : "s") or events dropped: fscli fell behind the switch]"))
                    reportedDrops = drops
                }
            }
            core.withLock { core in
                core.droppedByEndedConnections += connection.droppedCount
                guard core.connection === connection else { return }
                core.connection = nil
            }
            if Task.isCancelled { return }
            feed(.disconnected(reason: reason))
        }
    }

    /// Shows a burst of log lines, events and other frames as one text: the state is read once,
    /// the output queue locked once, however many lines the burst holds. A large burst (the switch
    /// outran the console) is rendered in two halves at once, one per core.
    private func show(_ batch: [ESLNotification]) async {
        let (filters, view, format) = core.withLock { core in
            (core.machine.logFilters, core.machine.eventView, core.machine.subscriptions.format)
        }
        var renderer = BatchRenderer(logs: logRenderer, events: eventRenderer, palette: palette, filters: filters, view: view, format: format)
        renderer.records = settings.eventsJSON
        renderer.recordName = fleetName
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
        if rendered.events > 0 || !rendered.summaries.isEmpty {
            core.withLock { core in
                core.eventCount += rendered.events
                for (event, summary) in rendered.summaries {
                    core.knowledge.learn(summary, headerNames: { event.headerNames })
                }
            }
        }
        if !rendered.aside.isEmpty { StandardStreams.aside(rendered.aside) }
        // Waits for the terminal thread when output must lose nothing (OutputQueue.WhenFull.waits):
        // this reader then stops taking notifications, and the connection stops reading the socket.
        if rendered.lines > 0 { await queue.enqueueStreamed(rendered.output, lines: rendered.lines) }
    }

    /// Connects again until it works or the session ends: waits per ``ReconnectBackoff`` (no wait
    /// before the first attempt after `/reconnect`), repeats the start-up, restores the
    /// subscriptions, filters and log level. Each failed attempt only updates the status line; the
    /// machine says in one line when the connection is back.
    func reconnect(immediately: Bool, restore: [ESLCommand]) async {
        let started = ContinuousClock.now
        var backoff = ReconnectBackoff()
        var attempt = 0
        while !Task.isCancelled {
            if attempt > 0 || !immediately {
                guard (try? await Task.sleep(for: backoff.next())) != nil else { return }
            }
            attempt += 1
            if core.withLock({ $0.machine.isExiting }) { return }
            do throws(ESLClientError) {
                let connection = try await link.connectOnce()
                let identity: SwitchLink.Identity
                do throws(ESLClientError) {
                    identity = try await link.identify(connection)
                    for command in restore { _ = try await connection.send(command) }
                } catch {
                    await connection.close()
                    throw error
                }
                let restored = await connection.subscriptions()
                let accepted = core.withLock { core -> Bool in
                    guard !core.machine.isExiting else { return false }
                    core.connection = connection
                    core.tasks.append(read(connection))
                    return true
                }
                guard accepted else {
                    await connection.close()
                    return
                }
                feed(.reconnected(identity: identity, subscriptions: restored, attempts: attempt, elapsed: .now - started))
                return
            } catch {
                feed(.reconnectAttemptFailed(attempt: attempt, reason: error.message))
            }
        }
    }
}
