import MockSwitch
import TestSupport
import Testing

/// The scheduler as capture 71 shows it: tasks are added at once, deleted or run by the
/// scheduler thread's next pass (DEL_SCHEDULE), recurring ones re-armed (RE_SCHEDULE); no
/// EXE_SCHEDULE.
@Suite struct SchedulerTests {
    let clock = ManualClock(TestSwitch.start)
    var core: SwitchCore { TestSwitch.make(clock: clock) }

    @Test func oneShotRunsOnceThenGoes() {
        let core = self.core
        let added = core.executeAPI("sched_api", "+2 grp global_setvar sched_test=ran")
        #expect(added.body == "+OK Added: 5\n")
        #expect(added.events.map(\.name) == ["ADD_SCHEDULE", "API"])
        #expect(added.events.first?["Task-Desc"] == "sched_api_function")
        #expect(core.schedulerTick().events.isEmpty)
        clock.advance(microseconds: 2_000_000)
        let pass = core.schedulerTick()
        #expect(pass.events.compactMap(\.name) == ["API", "DEL_SCHEDULE"])
        #expect(pass.logLines.count == 1)
        #expect(core.globalVariable("sched_test") == "ran")
        #expect(!core.executeAPI("show", "tasks").body.contains("grp"))
        #expect(!core.schedulerTick().events.contains { $0.name == "EXE_SCHEDULE" })
    }

    @Test func recurringIsReArmed() {
        let core = self.core
        _ = core.executeAPI("sched_api", "@3 every uptime s")
        clock.advance(microseconds: 3_000_000)
        #expect(core.schedulerTick().events.compactMap(\.name) == ["API", "RE_SCHEDULE"])
        clock.advance(microseconds: 3_000_000)
        #expect(core.schedulerTick().events.compactMap(\.name) == ["API", "RE_SCHEDULE"])
        #expect(core.executeAPI("sched_del", "every").body == "+OK Deleted: 1\n")
        #expect(core.schedulerTick().events.compactMap(\.name) == ["DEL_SCHEDULE"])
    }

    @Test func deletionIsMarkedThenRemoved() {
        let core = self.core
        _ = core.executeAPI("sched_api", "+120 two hostname")
        _ = core.executeAPI("sched_api", "+120 two switchname")
        #expect(core.executeAPI("sched_del", "5").body == "+OK Deleted: 1\n")
        #expect(core.executeAPI("sched_del", "two").body == "+OK Deleted: 1\n")
        #expect(core.executeAPI("unsched_api", "5").body == "+OK\n")
        #expect(core.executeAPI("unsched_api", "99").body == "-ERR No such id\n")
        #expect(core.executeAPI("show", "tasks").body.contains(",two,"))
        #expect(core.schedulerTick().events.compactMap(\.name) == ["DEL_SCHEDULE", "DEL_SCHEDULE"])
        #expect(core.executeAPI("show", "tasks").body.hasSuffix("\n1 total.\n"))  // mod_hash's own task
        #expect(core.executeAPI("sched_api", "+5 missing_command").body
            == "-ERR Invalid syntax. USAGE: [+@]<time> <group_name> <command_string>[&]\n")
    }

    @Test func channelTasksNeedAChannelExceptBroadcast() {
        let core = self.core
        let uuid = "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b"
        #expect(core.executeAPI("sched_hangup", "+3 \(uuid)").body == "-ERR No such channel!\n")
        #expect(core.executeAPI("sched_transfer", "+3 \(uuid) 7000").body == "-ERR No such channel!\n")
        let broadcast = core.executeAPI("sched_broadcast", "+1 \(uuid) tone_stream://%(300,0,800) aleg")
        #expect(broadcast.body == "+OK Message scheduled\n")
        #expect(broadcast.events.first?["Task-Desc"] == "switch_ivr_schedule_broadcast")
        #expect(broadcast.events.first?["Task-Group"] == uuid)
    }

    /// The server runs the scheduler's pass by itself: a task due in a second is gone, with its
    /// DEL_SCHEDULE, within a few.
    @Test(.timeLimit(.minutes(3))) func theServerRunsThePasses() async throws {
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        configuration.heartbeatInterval = .seconds(3600)
        let mock = try await MockSwitchServer.start(configuration, logger: ConformanceTests.quiet)
        let client = try await WireClient(port: mock.port)
        _ = try await client.next()
        try await client.send("auth ClueCon\n\n")
        _ = try await client.next()
        try await client.send("event plain DEL_SCHEDULE\n\n")
        _ = try await client.next()
        try await client.send("api sched_api +1 soon hostname\n\n")
        #expect(String(buffer: try #require(try await client.next()).encoded).contains("+OK Added:"))
        let deleted = String(buffer: try #require(try await client.next()).encoded)
        #expect(deleted.contains("Event-Name: DEL_SCHEDULE") && deleted.contains("Task-Group: soon"))
        await client.close()
        await mock.stop()
    }
}
