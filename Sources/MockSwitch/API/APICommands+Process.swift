#if canImport(Glibc)
import CMalloc
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What mod_commands reports about the switch's own process and core: banner, getcputime,
/// memory, pool_stats, time_test, timer_test. The mock measures its own process where the switch
/// measures its own.
extension APICommands {
    static let processCommands: [String: APIImplementation] = [
        "banner": { _, _ in APIOutput(SwitchBanner.text) },
        // The times since the last reset, without a line end; `reset` prints them, then resets.
        "getcputime": { argument, core in
            let used = ProcessCPUTime.milliseconds()
            return core.commandState.withLockedValue { state in
                let reset = state.cpuTimeReset
                if argument.hasPrefix("reset") { state.cpuTimeReset = used }
                return APIOutput("\(used.user - reset.user), \(used.kernel - reset.kernel)")
            }
        },
        "memory": { _, _ in APIOutput(ProcessCPUTime.mallinfoText()) },
        // A stock build has no APR pool debugging, and says so without a line end.
        "pool_stats": { _, _ in
            APIOutput("Unable to get core pool statictics. Please rebuild FreeSWITCH with --enable-pool-debug")
        },
        "time_test": { argument, _ in
            guard !argument.isEmpty else { return APIOutput("parameter missing\n") }
            let sleep = min(CNumber.atol(argument), 1_000_000)
            var count = 10
            if let tail = argument.splitAtFirstSpace.tail.nonEmpty, CNumber.atol(tail) > 0 { count = min(CNumber.atol(tail), 100) }
            // The simulated clock sleeps exactly as long as asked.
            var text = (1...count).map { "test \($0) sleep \(sleep) \(sleep)\n" }.joined()
            text += "avg \(sleep)\n"
            var output = APIOutput(text)
            output.delay = .microseconds(max(0, sleep) * count)
            return output
        },
        "timer_test": { argument, core in
            // No argument runs the default test: 50 ticks of 20 ms on the soft timer.
            let words = argument.words
            let interval = words.isEmpty ? 20 : CNumber.atol(words[0])
            var count = 50
            if words.count > 1, (1...400).contains(CNumber.atol(words[1])) { count = CNumber.atol(words[1]) }
            let timer = words.count > 2 ? words[2] : "soft"
            guard [10, 20, 30, 32, 40, 60, 120].contains(interval) else {
                return APIOutput("parameter missing: \(core.modules.command(named: "timer_test")?.syntax ?? "")\n")
            }
            guard core.modules.interfaces.contains(where: { $0.kind == .timer && $0.name == timer }) else {
                return APIOutput("Timer Error!\n")
            }
            let total = Double(interval * count)
            var output = APIOutput(CFormat.printf("Avg: %0.3fms Total Time: %0.3fms\n", total / Double(count), total))
            output.delay = .milliseconds(interval * count)
            return output
        },
    ]
}

/// The user and kernel CPU time of this process (`switch_getcputime`, getrusage).
enum ProcessCPUTime {
    #if canImport(Glibc)
    private static let rusageSelf = Int32(RUSAGE_SELF.rawValue)
    #else
    private static let rusageSelf = RUSAGE_SELF
    #endif

    static func milliseconds() -> (user: Int, kernel: Int) {
        var usage = rusage()
        guard getrusage(rusageSelf, &usage) == 0 else { return (0, 0) }
        let ms = { (time: timeval) in Int(time.tv_sec) * 1000 + Int(time.tv_usec) / 1000 }
        return (ms(usage.ru_utime), ms(usage.ru_stime))
    }

    /// mod_commands' `memory`: this process's malloc statistics, one labelled figure a line.
    static func mallinfoText() -> String {
        #if canImport(Glibc)
        // mallinfo, deprecated but what the switch calls; mallinfo2 needs glibc 2.33.
        let info = mallinfo()
        let figures: [(String, Int32)] = [
            ("Total non-mmapped bytes (arena):", info.arena), ("# of free chunks (ordblks):", info.ordblks),
            ("# of free fastbin blocks (smblks):", info.smblks), ("# of mapped regions (hblks):", info.hblks),
            ("Bytes in mapped regions (hblkhd):", info.hblkhd), ("Max. total allocated space (usmblks):", info.usmblks),
            ("Free bytes held in fastbins (fsmblks):", info.fsmblks), ("Total allocated space (uordblks):", info.uordblks),
            ("Total free space (fordblks):", info.fordblks), ("Topmost releasable block (keepcost):", info.keepcost),
        ]
        return figures.map { label, value in String(label.prefix(39)) + String(repeating: " ", count: max(0, 39 - label.count)) + String(UInt32(bitPattern: value)) + "\n" }.joined()
        #else
        return "mallinfo not supported on this platform\n"
        #endif
    }
}

/// `switch_core_banner`: the text `banner` prints.
enum SwitchBanner {
    static let text = #"""

        .=============================================================.
        |   _____              ______        _____ _____ ____ _   _   |
        |  |  ___| __ ___  ___/ ___\ \      / /_ _|_   _/ ___| | | |  |
        |  | |_ | '__/ _ \/ _ \___ \\ \ /\ / / | |  | || |   | |_| |  |
        |  |  _|| | |  __/  __/___) |\ V  V /  | |  | || |___|  _  |  |
        |  |_|  |_|  \___|\___|____/  \_/\_/  |___| |_| \____|_| |_|  |
        |                                                             |
        .=============================================================.
        |   Anthony Minessale II, Michael Jerris, Brian West, Others  |
        |   FreeSWITCH (http://www.freeswitch.org)                    |
        |   Paypal Donations Appreciated: paypal@freeswitch.org       |
        |   Brought to you by ClueCon http://www.cluecon.com/         |
        .=============================================================.


        """#
}

extension String {
    /// The text, or `nil` when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
