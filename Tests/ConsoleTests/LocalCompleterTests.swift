import SwitchCatalog
import Console
import Testing

@Suite struct LocalCompleterTests {
    let completer = LocalCompleter(
        headerNames: ["Unique-ID", "Event-Name", "Caller-Caller-ID-Number", "Event-Name"],
        channelUUIDs: ["6f1c0000-aaaa", "6f2d0000-bbbb", "9abc0000-cccc"],
        profileNames: ["internal", "external", "internal-ipv6"])

    private func complete(_ line: String) -> LocalCompletion? {
        completer.complete(line: line, cursor: line.utf8.count)
    }

    @Test func slashCommandNames() throws {
        let ev = try #require(complete("/ev"))
        #expect(ev.candidates == ["/event"])
        #expect(ev.write == CompletionWrite(length: 3, text: "/event "))
        #expect(ev.hint == "/event [plain|json|xml] <event names…>")
        let no = try #require(complete("/no"))
        #expect(no.candidates == ["/noevents", "/nolog"])
        #expect(no.write == CompletionWrite(length: 3, text: "/no"))
        #expect(try #require(complete("/")).candidates.count == SlashCommandName.allCases.count)
        #expect(try #require(complete("/LOGF")).candidates == ["/logfilter"])
        #expect(try #require(complete("/zz")).candidates.isEmpty)
        #expect(try #require(complete("/zz")).write == nil)
    }

    @Test func eventNamesAfterEventAndNixevent() throws {
        let first = try #require(complete("/event "))
        #expect(Array(first.candidates.prefix(3)) == ["plain", "json", "xml"])
        #expect(first.candidates.contains("ALL") && first.candidates.contains("HEARTBEAT"))
        let heart = try #require(complete("/event plain heart"))
        #expect(heart.candidates == ["HEARTBEAT"])
        #expect(heart.write == CompletionWrite(length: 5, text: "HEARTBEAT "))
        let channel = try #require(complete("/event json CHANNEL_H"))
        #expect(channel.candidates == ["CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_HOLD"])
        #expect(channel.write == CompletionWrite(length: 9, text: "CHANNEL_H"))
        #expect(try #require(complete("/event plain ")).candidates.contains("plain") == false)
        let nix = try #require(complete("/nixevent backg"))
        #expect(nix.candidates == ["BACKGROUND_JOB"])
        #expect(try #require(complete("/nixevent ")).candidates.contains("json") == false)
    }

    @Test func logLevelsAfterLog() throws {
        let all = try #require(complete("/log "))
        #expect(all.candidates == ["console", "alert", "crit", "err", "warning", "notice", "info", "debug"])
        let i = try #require(complete("/log i"))
        #expect(i.write == CompletionWrite(length: 1, text: "info "))
        #expect(try #require(complete("/log info ")).candidates.isEmpty)
    }

    @Test func headerNamesAfterFilter() throws {
        let first = try #require(complete("/filter "))
        #expect(first.candidates == ["delete", "Caller-Caller-ID-Number", "Event-Name", "Unique-ID"])
        #expect(try #require(complete("/filter uni")).write == CompletionWrite(length: 3, text: "Unique-ID "))
        #expect(try #require(complete("/filter delete ")).candidates == ["all", "Caller-Caller-ID-Number", "Event-Name", "Unique-ID"])
        #expect(try #require(complete("/filter Unique-ID 6f")).candidates == ["6f1c0000-aaaa", "6f2d0000-bbbb"])
        #expect(try #require(complete("/filter Event-Name x")).candidates.isEmpty)
    }

    @Test func channelUUIDs() throws {
        let kill = try #require(complete("uuid_kill 6f1"))
        #expect(kill.candidates == ["6f1c0000-aaaa"])
        #expect(kill.write == CompletionWrite(length: 3, text: "6f1c0000-aaaa "))
        #expect(kill.hint?.hasPrefix("uuid_kill ") == true)
        #expect(try #require(complete("uuid_getvar ")).candidates.count == 3)
        #expect(complete("uuid_kill 6f1c0000-aaaa ") == nil)
        #expect(try #require(complete("/uuid 9")).candidates == ["9abc0000-cccc"])
    }

    @Test func profileNames() throws {
        let profile = try #require(complete("sofia status profile int"))
        #expect(profile.candidates == ["internal", "internal-ipv6"])
        #expect(profile.write == CompletionWrite(length: 3, text: "internal"))
        #expect(try #require(complete("sofia profile e")).candidates == ["external"])
    }

    @Test func serverLinesAreLeftToTheSwitch() {
        #expect(complete("sh") == nil)
        #expect(complete("show cha") == nil)
        #expect(complete("") == nil)
        #expect(complete("uuid_k") == nil)
    }

    @Test func cursorInsideTheLineCompletesTheTextBeforeIt() throws {
        let result = try #require(completer.complete(line: "/log in extra", cursor: 7))
        #expect(result.candidates == ["info"])
    }

    @Test func offlineFallback() {
        let sh = completer.fallback(line: "sh", cursor: 2)
        #expect(sh.candidates == ["show", "shutdown"])
        #expect(sh.write == CompletionWrite(length: 2, text: "sh"))
        #expect(sh.hint == nil)
        let stat = completer.fallback(line: "stat", cursor: 4)
        #expect(stat.candidates == ["status"])
        #expect(stat.write == CompletionWrite(length: 4, text: "status "))
        #expect(stat.hint == "status")
        let show = completer.fallback(line: "show", cursor: 4)
        #expect(show.hint?.hasPrefix("show ") == true)
        let args = completer.fallback(line: "uuid_kill 6f1c0000-aaaa ", cursor: 24)
        #expect(args.candidates.isEmpty && args.write == nil)
        #expect(args.hint == "uuid_kill <uuid> [cause]")
        #expect(completer.fallback(line: "", cursor: 0).candidates.count == APICommand.standard.count)
        #expect(completer.fallback(line: "/ev", cursor: 3).candidates == ["/event"])
        #expect(completer.fallback(line: "xyzzy", cursor: 5).candidates.isEmpty)
        #expect(completer.fallback(line: "xyzzy a", cursor: 7).hint == nil)
    }

    /// Applying a local result through the same edit as the switch's.
    @Test func localWriteAppliesLikeTheSwitchs() throws {
        let result = try #require(complete("/event plain heart"))
        let edited = CompletionEdit(line: "/event plain heart", cursor: 18).applying(try #require(result.write))
        #expect(edited == CompletionEdit(line: "/event plain HEARTBEAT ", cursor: 23))
    }
}
