import Dispatch

/// `-x` and `--json` batch lines against a fleet (docs/console.md, "A fleet of switches"): every
/// switch is asked at once, so the run takes about as long as the slowest switch, not their sum.
///
/// Each switch's text is held (``OneShotOutput``) and printed in the order the switches were
/// given: with `-x`, all of one switch's replies under a header line, then the next switch's; with
/// `--json` batch lines, each line's records in that order before the next line is read. The exit
/// status is the highest of the switches', and a summary on stderr names those that failed and why.
struct FleetOneShotRun: Sendable {
    let settings: ConsoleSettings
    let palette: Palette

    private var tags: FleetTags {
        FleetTags(names: settings.switches.map(\.name), palette: palette)
    }

    /// Each switch's run, its text held until its turn.
    private var members: [OneShotRun] {
        settings.switches.map { target in
            OneShotRun(settings: settings.single(target), palette: palette, output: .held(tag: target.name), name: target.name)
        }
    }

    func run() async -> ExitStatus {
        let members = members
        let statuses = settings.commands.isEmpty ? await runLines(members) : await runCommands(members)
        return finish(members, statuses)
    }

    /// `-x` without `bgapi` (and without a recording): each switch runs the blocking client on a
    /// thread of its own, as one switch runs it on the main thread, which starts no event loop and
    /// no task; this thread prints the groups in turn as they finish (Benchmarks/fleet.py).
    func runBlocking() -> ExitStatus {
        let members = members
        let finished = Locked<[ExitStatus?]>(Array(repeating: nil, count: members.count))
        let oneFinished = DispatchSemaphore(value: 0)
        for (index, member) in members.enumerated() {
            DedicatedThread.start(name: "fscli -x \(index)") {
                let status = member.runBlocking()
                finished.withLock { $0[index] = status }
                oneFinished.signal()
            }
        }
        var next = 0
        while next < members.count {
            oneFinished.wait()
            while next < members.count, let status = finished.current[next] {
                printGroup(next, members[next], status)
                next += 1
            }
        }
        return finish(members, finished.current.map { $0 ?? .connectionFailed })
    }

    /// The summary on stderr and the run's status: the highest of the switches'.
    private func finish(_ members: [OneShotRun], _ statuses: [ExitStatus]) -> ExitStatus {
        reportFailures(members, statuses)
        return statuses.max { $0.rawValue < $1.rawValue } ?? .success
    }

    /// `-x`: each switch runs the whole list on its own connection; groups are printed as soon as
    /// every switch before them in the list has been printed.
    private func runCommands(_ members: [OneShotRun]) async -> [ExitStatus] {
        await withTaskGroup(of: (Int, ExitStatus).self) { group in
            for (index, member) in members.enumerated() {
                group.addTask { (index, await member.runWithEvents(OneShotRun.stream(of: settings.commands))) }
            }
            var statuses = [ExitStatus?](repeating: nil, count: members.count)
            var next = 0
            for await (index, status) in group {
                statuses[index] = status
                while next < members.count, let status = statuses[next] {
                    printGroup(next, members[next], status)
                    next += 1
                }
            }
            return statuses.map { $0 ?? .connectionFailed }
        }
    }

    /// `--json` with lines from standard input: each line goes to every switch still running, and
    /// its records are printed, in switch order, before the next line is taken.
    private func runLines(_ members: [OneShotRun]) async -> [ExitStatus] {
        var statuses = [ExitStatus](repeating: .connectionFailed, count: members.count)
        var live = await withTaskGroup(of: (Int, OneShotRun.Connected?).self) { group in
            for (index, member) in members.enumerated() {
                group.addTask { (index, await member.connect()) }
            }
            var connected = [OneShotRun.Connected?](repeating: nil, count: members.count)
            for await (index, session) in group { connected[index] = session }
            return connected
        }
        for member in members { member.output.flush() }
        // With no switch left there is nothing to read stdin for (it may never end).
        guard live.contains(where: { $0 != nil }) else { return statuses }
        for await line in StandardInputLines.stream() {
            let goesOn = await withTaskGroup(of: (Int, Bool).self) { group in
                for (index, session) in live.enumerated() {
                    guard let session else { continue }
                    group.addTask { (index, await session.run(line)) }
                }
                var goesOn = [Bool](repeating: true, count: members.count)
                for await (index, result) in group { goesOn[index] = result }
                return goesOn
            }
            for (index, member) in members.enumerated() {
                member.output.flush()
                guard let session = live[index], !goesOn[index] else { continue }
                statuses[index] = await session.close()
                live[index] = nil
            }
            // `/exit` stops every switch at once (each one answered false above).
            guard live.contains(where: { $0 != nil }) else { break }
        }
        for (index, session) in live.enumerated() {
            guard let session else { continue }
            statuses[index] = await session.close()
        }
        return statuses
    }

    /// One switch's held text, under the header line the fleet's batch mode puts above a switch's
    /// replies (`== pbx1 (+OK)`; text output only: every JSON record names its switch already).
    private func printGroup(_ index: Int, _ member: OneShotRun, _ status: ExitStatus) {
        if !settings.json { StandardStreams.out(tags.header(index, status) + "\n") }
        member.output.flush()
    }

    /// One line on stderr naming the switches that failed, each with its first failure.
    private func reportFailures(_ members: [OneShotRun], _ statuses: [ExitStatus]) {
        let failed = zip(members, statuses).filter { $0.1 != .success }
        guard !failed.isEmpty else { return }
        let reasons = failed.map { member, status in
            "\(member.name ?? "?") (\(member.output.firstFailure ?? "exit status \(status.rawValue)"))"
        }
        StandardStreams.error("\(failed.count) of \(members.count) switches failed: " + reasons.joined(separator: "; "))
    }
}
