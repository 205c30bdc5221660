/// The bgapi jobs of one client connection and what was set up for them: a quiet BACKGROUND_JOB
/// subscription shared by the jobs whose caller had none, and a `Job-UUID` filter per job whose
/// caller had filters. The bookkeeping half of ``ESLClientStateMachine``, which does the sending.
struct BackgroundJobs: Sendable {
    typealias RequestID = ESLClientStateMachine.RequestID

    struct Job: Sendable {
        let uuid: String
        let deliversEvent: Bool
        /// Counted in the quiet subscription.
        let quiet: Bool
        /// Has a temporary `Job-UUID` filter.
        let filtered: Bool
    }

    /// What must reach the switch before a job's bgapi.
    struct Setup: Sendable {
        /// Subscribe BACKGROUND_JOB: the first job of a quiet subscription.
        var subscribes: Bool
        /// Add `filter Job-UUID <uuid>`: the caller's filters would keep the job's event out.
        var filters: Bool
    }

    /// What must reach the switch once a job is over.
    struct Cleanup: Sendable {
        /// Delete the `Job-UUID` filter with this value.
        var filterToDelete: String?
        /// `nixevent BACKGROUND_JOB`: the last job of a quiet subscription, and the caller did not
        /// subscribe meanwhile.
        var unsubscribes: Bool
    }

    /// Every job not yet finished, by its bgapi's request.
    private var jobs: [RequestID: Job] = [:]
    /// The jobs whose event may still come, by Job-UUID.
    private var awaitingEvent: [String: RequestID] = [:]
    private var quietSubscriptions = 0
    private var temporaryFilters = 0

    /// The number of jobs started and not yet finished.
    var count: Int { jobs.count }

    /// Whether an arriving event may be a job's, or may have been let in only for a job.
    var watchesEvents: Bool {
        !awaitingEvent.isEmpty || quietSubscriptions > 0 || temporaryFilters > 0
    }

    /// Starts a job given the caller's own `subscriptions`; nil if a job with this UUID already
    /// awaits its event (the two events could not be told apart).
    mutating func start(_ id: RequestID, uuid: String, deliversEvent: Bool, subscriptions: ESLSubscriptions) -> Setup? {
        guard awaitingEvent[uuid] == nil else { return nil }
        let quiet = !subscriptions.isSubscribed(to: ESLEventName.backgroundJob)
        let filtered = !subscriptions.filters.isEmpty
        jobs[id] = Job(uuid: uuid, deliversEvent: deliversEvent, quiet: quiet, filtered: filtered)
        awaitingEvent[uuid] = id
        if quiet { quietSubscriptions += 1 }
        if filtered { temporaryFilters += 1 }
        return Setup(subscribes: quiet && quietSubscriptions == 1, filters: filtered)
    }

    /// The switch refused the bgapi: no event will come.
    mutating func refused(_ uuid: String) {
        awaitingEvent.removeValue(forKey: uuid)
    }

    /// The event of the job with this UUID arrived; returns the job if one awaited it.
    mutating func eventArrived(_ uuid: String) -> (id: RequestID, job: Job)? {
        guard let id = awaitingEvent.removeValue(forKey: uuid), let job = jobs[id] else { return nil }
        return (id, job)
    }

    /// The job is over (its event came, it failed, or its caller gave up); nil if unknown.
    mutating func finish(_ id: RequestID, subscriptions: ESLSubscriptions) -> Cleanup? {
        guard let job = jobs.removeValue(forKey: id) else { return nil }
        if awaitingEvent[job.uuid] == id { awaitingEvent.removeValue(forKey: job.uuid) }
        if job.filtered { temporaryFilters -= 1 }
        if job.quiet { quietSubscriptions -= 1 }
        return Cleanup(
            filterToDelete: job.filtered ? job.uuid : nil,
            unsubscribes: job.quiet && quietSubscriptions == 0 && !subscriptions.isSubscribed(to: ESLEventName.backgroundJob))
    }

    /// The connection ended: forgets every job; returns those still awaiting their event, oldest first.
    mutating func removeAll() -> [RequestID] {
        let waiting = awaitingEvent.values.sorted { $0.value < $1.value }
        self = BackgroundJobs()
        return waiting
    }
}
