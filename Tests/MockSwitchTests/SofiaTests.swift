import ESLClient
import ESLProtocol
import Foundation
@testable import MockSwitch
import SwitchCatalog
import Testing

/// `fscli mock --module sofia`: mod_sofia's commands, registrations and events, and the module
/// table agreeing with them, with and without the module.
@Suite struct SofiaTests {
    let clock = ManualClock(TestSwitch.start)

    /// A captured-looking switch with mod_sofia loaded; its phones have registered.
    func sofiaCore(registered: Bool = true) -> SwitchCore {
        let plain = TestSwitch.make(clock: clock)
        let core = SwitchCore(identity: plain.identity, clock: clock.clock, firstSequence: 421, optionalModules: [.sofia])
        if registered { _ = core.schedulerTick() }
        return core
    }

    func api(_ core: SwitchCore, _ line: String) -> String {
        let split = line.firstIndex(of: " ").map { (String(line[..<$0]), String(line[line.index(after: $0)...])) } ?? (line, "")
        return core.executeAPI(split.0, split.1).body
    }

    @Test func withoutTheFlagThereIsNoSofia() {
        let core = TestSwitch.make(clock: clock)
        #expect(api(core, "sofia status") == "-ERR sofia Command not found!\n")
        #expect(api(core, "module_exists mod_sofia") == "false")
        #expect(api(core, "show registrations") == "\n0 total.\n")
        #expect(!api(core, "show endpoint").contains("sofia"))
        #expect(!api(core, "console_complete sofia").contains("sofia"))
        #expect(api(core, "load mod_sofia").hasSuffix("-ERR [module load file routine returned an error]\n"))
    }

    @Test func theModuleTableAgrees() {
        let core = sofiaCore()
        #expect(api(core, "module_exists mod_sofia") == "true")
        #expect(api(core, "help").contains("\nsofia,<cmd> <args>,Sofia Controls,mod_sofia\n"))
        #expect(api(core, "help").contains("\nsofia_contact,[profile/]<user>@<domain>,Sofia Contacts,mod_sofia\n"))
        #expect(api(core, "show api sofia") == "name,description,syntax,ikey\nsofia,Sofia Controls,<cmd> <args>,mod_sofia\n\n1 total.\n")
        #expect(api(core, "show endpoint").contains("\nendpoint,sofia,mod_sofia\n"))
        #expect(api(core, "show application sofia_sla").contains("\nsofia_sla,private sofia sla function,<uuid>,mod_sofia\n"))
        #expect(api(core, "show complete").contains("\n0,sofia,::[help:status,,,,,,,,,vm\n"))
        let completion = api(core, "console_complete sofia ")
        #expect(completion.contains("help") && completion.contains("status"), "\(completion)")
        for name in APICommand.sofia.map(\.name) {
            #expect(!api(core, "\(name) x").contains("Command not found"), "\(name)")
        }
    }

    @Test func statusListsTheVanillaProfiles() {
        let core = sofiaCore()
        let line = String(repeating: "=", count: 97)
        #expect(api(core, "sofia status") == """
                                 Name\t   Type\t                                      Data\tState
            \(line)
                            192.0.2.2\t  alias\t                                  internal\tALIASED
                             internal\tprofile\t              sip:mod_sofia@192.0.2.2:5060\tRUNNING (0)
                             external\tprofile\t              sip:mod_sofia@192.0.2.2:5080\tRUNNING (0)
            \(line)
            2 profiles 1 alias

            """)
        #expect(api(core, "sofia status profile nope") == "Invalid Profile!\n")
        #expect(api(core, "sofia status nope x") == "Invalid Syntax!\n")
        #expect(api(core, "sofia status gateway x") == "Invalid Gateway!\n")
        #expect(api(core, "sofia bogus") == "Unknown Command [bogus]\n")
        #expect(api(core, "sofia").hasPrefix("USAGE:\n----"))
        #expect(api(core, "sofia help") == api(core, "sofia"))
        #expect(api(core, "sofia profile nope flush_inbound_reg") == "Invalid Profile [nope]")
        #expect(api(core, "sofia profile internal") == "Invalid Args!\n")
        #expect(api(core, "sofia profile internal bogus") == "-ERR Unknown command!\n")
        #expect(api(core, "sofia profile internal killgw x") == "-ERR no such gateway.\n")
    }

    @Test func profileDetails() {
        let core = sofiaCore()
        let text = api(core, "sofia status profile internal")
        #expect(text.hasPrefix(String(repeating: "=", count: 97) + "\nName             \tinternal\nDomain Name      \tN/A\nAuto-NAT         \tfalse\n"))
        #expect(text.contains("\nURL              \tsip:mod_sofia@192.0.2.2:5060\n"))
        #expect(text.hasSuffix("\nREGISTRATIONS    \t20\n"))
        #expect(!text.contains("Registrations:"))
        let alias = api(core, "sofia status profile 192.0.2.2")
        #expect(alias.contains("\nName             \t192.0.2.2\nDomain Name      \tN/A\nAlias Of         \tinternal\n"))
        #expect(api(core, "sofia status profile external").hasSuffix("\nREGISTRATIONS    \t0\n"))
    }

    @Test func registrationListing() {
        let core = sofiaCore()
        let text = api(core, "sofia status profile internal reg 1000@")
        let line = String(repeating: "=", count: 97)
        let expires = TestSwitch.start / 1_000_000 + 3660
        let date = SwitchTimeText.local(expires * 1_000_000, SwitchTimeZone.utc)
        let callID = SofiaState.callID(user: "1000", core: core.identity.coreUUID)
        #expect(text == """

            Registrations:
            \(line)
            Call-ID:    \t\(callID)
            User:       \t1000@192.0.2.2
            Contact:    \t"1000" <sip:1000@192.0.2.2:5100>
            Agent:      \tLinphone/5.2.5 (belle-sip/5.2.5)
            Status:     \tRegistered(UDP)(unknown) EXP(\(date)) EXPSECS(3660)
            Ping-Status:\tReachable
            Ping-Time:\t0.00
            Host:       \tvm
            IP:         \t192.0.2.2
            Port:       \t5100
            Auth-User:  \t1000
            Auth-Realm: \t192.0.2.2
            MWI-Account:\t1000@192.0.2.2

            Total items returned: 1
            \(line)

            """)
        #expect(api(core, "sofia status profile internal reg").contains("\nTotal items returned: 20\n"))
        #expect(api(core, "sofia status profile external reg").hasSuffix("Total items returned: 0\n\(line)\n"))
    }

    @Test func lookupsAndShowRegistrations() {
        let core = sofiaCore()
        #expect(api(core, "sofia_contact 1000") == "sofia/internal/sip:1000@192.0.2.2:5100")
        #expect(api(core, "sofia_contact internal/1019@192.0.2.2") == "sofia/internal/sip:1019@192.0.2.2:5138")
        #expect(api(core, "sofia_contact 2000") == "error/user_not_registered")
        #expect(api(core, "sofia_count_reg 1000@192.0.2.2") == "1")
        #expect(api(core, "sofia_count_reg 1000") == "-1")
        #expect(api(core, "sofia_username_of 1001@192.0.2.2") == "1001")
        #expect(api(core, "sofia_gateway_data") == "-ERR Parameter missing\n")
        let table = api(core, "show registrations")
        #expect(table.hasPrefix("reg_user,realm,token,url,expires,network_ip,network_port,network_proto,hostname,metadata\n1000,192.0.2.2,"))
        #expect(table.hasSuffix("\n\n20 total.\n"))
        #expect(table.contains(",sofia/internal/sip:1000@192.0.2.2:5100,\(TestSwitch.start / 1_000_000 + 3660),192.0.2.2,5100,udp,vm,\n"))
    }

    @Test func phonesRegisterAtTheFirstSchedulerPass() throws {
        let core = sofiaCore(registered: false)
        #expect(api(core, "sofia status profile internal reg").contains("Total items returned: 0\n"))
        let events = core.schedulerTick().events.filter { $0["Event-Subclass"] == "sofia::register" }
        #expect(events.count == 20)
        let first = try #require(events.first)
        let names = first.headers.map(\.name)
        let custom = Array(names.drop { $0 != "profile-name" })
        #expect(custom == ["profile-name", "from-user", "from-host", "presence-hosts", "contact", "call-id", "rpid", "status", "expires",
                           "to-user", "to-host", "network-ip", "network-port", "username", "realm", "user-agent"])
        #expect(first["Event-Name"] == "CUSTOM")
        #expect(first["from-user"] == "1000" && first["expires"] == "3600" && first["status"] == "Registered(UDP)")
        #expect(core.schedulerTick().events.allSatisfy { $0["Event-Subclass"] != "sofia::register" })
    }

    @Test func flushFiresExpire() {
        let core = sofiaCore()
        let result = core.executeAPI("sofia", "profile internal flush_inbound_reg 1000@192.0.2.2")
        #expect(result.body == "+OK flushing all registrations matching specified call_id\n")
        #expect(api(core, "sofia_count_reg 1000@192.0.2.2") == "0")
        #expect(api(core, "sofia status profile internal").hasSuffix("\nREGISTRATIONS    \t19\n"))
        #expect(api(core, "sofia profile internal flush_inbound_reg") == "+OK flushing all registrations\n")
        #expect(api(core, "show registrations") == "\n0 total.\n")
    }

    @Test func unloadAndLoadAgain() {
        let core = sofiaCore()
        #expect(api(core, "unload mod_sofia") == "+OK\n")
        #expect(api(core, "module_exists mod_sofia") == "false")
        #expect(api(core, "sofia status") == "-ERR sofia Command not found!\n")
        #expect(!api(core, "show complete").contains(",sofia,"))
        #expect(api(core, "show registrations") == "\n0 total.\n")
        #expect(api(core, "load mod_sofia").hasSuffix("+OK\n"))
        #expect(api(core, "module_exists mod_sofia") == "true")
        #expect(api(core, "show complete").contains("\n0,sofia,::[help:status,"))
        _ = core.schedulerTick()
        #expect(api(core, "sofia status profile internal").hasSuffix("\nREGISTRATIONS    \t20\n"))
    }

    /// Over a real socket: a subscriber to `CUSTOM sofia::register` sees every phone register.
    @Test func registerEventsReachASubscriber() async throws {
        let mock = try await ServerBehaviourTests.start {
            $0.optionalModules = ["mod_sofia"]
            $0.schedulerInterval = .seconds(3600)
        }
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await connection.command("event plain CUSTOM sofia::register").isOK)
        var events = connection.notifications.makeAsyncIterator()
        await mock.runSchedulerPass()
        var users: [String] = []
        while users.count < 20, let notification = await events.next() {
            guard case .event(let event) = notification, event["Event-Subclass"] == "sofia::register" else { continue }
            users.append(event["from-user"] ?? "")
        }
        #expect(users == SwitchDirectory.userIDs)
        #expect(try await connection.api("sofia_count_reg", "1005").text == "-1")
        await connection.close()
        await mock.stop()
    }
}

/// `sofia/internal/<user>` as an originate endpoint.
@Suite struct SofiaEndpointTests {
    @Test func originateRingsARegisteredPhone() async throws {
        let mock = try await ServerBehaviourTests.start {
            $0.optionalModules = ["mod_sofia"]
            $0.schedulerInterval = .seconds(3600)
        }
        await mock.runSchedulerPass()
        let ip = mock.core.identity.ipv4
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        mock.core.calls.ringTime = .milliseconds(10)
        let reply = try await connection.api("originate", "sofia/internal/1000@\(ip) &park()").text
        let uuid = try CallTests.uuid(reply)
        let name = try await connection.api("uuid_getvar", "\(uuid) channel_name").text
        #expect(name == "sofia/internal/1000@\(ip)")
        #expect(try await connection.api("sofia", "profile internal flush_inbound_reg 1001@\(ip)").text
            == "+OK flushing all registrations matching specified call_id\n")
        #expect(try await connection.api("originate", "sofia/internal/1001 &park()").text == "-ERR RECOVERY_ON_TIMER_EXPIRE\n")
        await connection.close()
        await mock.stop()
    }

    @Test func bridgeCallsAPhone() async throws {
        let mock = try await ServerBehaviourTests.start { $0.optionalModules = ["mod_sofia"] }
        mock.core.calls.ringTime = .milliseconds(10)
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await connection.command("event plain CHANNEL_CREATE").isOK)
        var events = connection.notifications.makeAsyncIterator()
        let ip = mock.core.identity.ipv4
        _ = try await connection.api("originate", "null/caller &bridge(sofia/internal/1002@\(ip))")
        var names: [String] = []
        while let notification = await events.next() {
            guard case .event(let event) = notification, let name = event["Channel-Name"] else { continue }
            names.append(name)
            if name.hasPrefix("sofia/") { break }
        }
        #expect(names == ["null/caller", "sofia/internal/1002@\(ip)"])
        await connection.close()
        await mock.stop()
    }

    @Test func withoutTheModuleSofiaIsNoEndpoint() async throws {
        let mock = try await ServerBehaviourTests.start()
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await connection.api("originate", "sofia/internal/1000 &park()").text == "-ERR CHAN_NOT_IMPLEMENTED\n")
        await connection.close()
        await mock.stop()
    }
}

/// `sofia xmlstatus`, `sofia jsonstatus`, the JSON APIs and the profile completions.
@Suite struct SofiaFormatTests {
    let core: SwitchCore = {
        let clock = ManualClock(TestSwitch.start)
        let plain = TestSwitch.make(clock: clock)
        return SwitchCore(identity: plain.identity, clock: clock.clock, optionalModules: [.sofia])
    }()

    @Test func jsonStatusIsCJSONPrinted() throws {
        let text = core.executeAPI("sofia", "jsonstatus").body
        #expect(text.hasPrefix("{\n\t\"profiles\":\t{\n\t\t\"192.0.2.2\":\t{\n\t\t\t\"status\":\t{\n\t\t\t\t\"type\":\t\"alias\",\n"))
        #expect(text.hasSuffix("}\n"))
        let parsed = try #require(CJSON.parse(text))
        #expect(parsed["profiles"]?["internal"]?["info"]?["url"]?.stringValue == "sip:mod_sofia@192.0.2.2:5060")
        let reply = core.executeAPI("json", #"{"command":"sofia.status","data":""}"#).body
        #expect(reply.contains(#""status":"success""#) && reply.contains(#""external":{"status":{"type":"profile","state":"RUNNING","in-use":0,"data":"sip:mod_sofia@192.0.2.2:5080"}}"#), "\(reply)")
    }

    @Test func xmlStatus() {
        #expect(core.executeAPI("sofia", "xmlstatus profile nope").body == "Invalid Profile!\n")
        let text = core.executeAPI("sofia", "xmlstatus profile external").body
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<profile>\n  <profile-info>\n    <name>external</name>\n"))
        #expect(text.hasSuffix("    <calls-in>0</calls-in>\n    <calls-out>0</calls-out>\n    <failed-calls-in>0</failed-calls-in>\n    <failed-calls-out>0</failed-calls-out>\n    <registrations>0</registrations>\n  </profile-info>\n</profile>\n"))
    }

    @Test func globalSettingsAreRemembered() {
        #expect(core.executeAPI("sofia", "global debug presence").body == "+OK Debugging presence\n+OK Debugging summary: presence: on sla: off\n")
        #expect(core.executeAPI("sofia", "global debug sla").body == "+OK Debugging sla\n+OK Debugging summary: presence: on sla: on\n")
        #expect(core.executeAPI("sofia", "global siptrace on").body == "+OK Global siptrace on")
        #expect(core.executeAPI("sofia", "tracelevel").body == "+OK tracelevel is DEBUG")
        #expect(core.executeAPI("sofia", "tracelevel info").body == "+OK tracelevel is INFO")
        #expect(core.executeAPI("sofia", "loglevel nua 5").body == "Sofia log level for component [nua] has been set to [5]")
        #expect(core.executeAPI("sofia", "loglevel nua").body == "Sofia-sip loglevel for [nua] is [5]")
        #expect(core.executeAPI("sofia", "loglevel tport").body == "Sofia-sip loglevel for [tport] is [0]")
    }

    @Test func digAnAddressAndAName() {
        let header = "Preference\t    Weight\t Transport\t      Port\t   Address\n" + String(repeating: "=", count: 80) + "\n"
        #expect(core.executeAPI("sofia_dig", "").body == "usage: sofia_dig [OPTIONS] [@dnsserver] uri\n")
        #expect(core.executeAPI("sofia_dig", "sip:1000@192.0.2.9").body
            == header + "         1\t     1.000\t       udp\t      5060\t 192.0.2.9\n         2\t     1.000\t       tcp\t      5060\t 192.0.2.9\n")
        #expect(core.executeAPI("sofia_dig", "sip:example.invalid").body == header + "-ERR: sip:example.invalid: not found\n")
    }

    @Test func profileNamesComplete() {
        let text = core.executeAPI("console_complete", "sofia status profile ").body
        #expect(text.contains("internal") && text.contains("external") && text.contains("192.0.2.2"), "\(text)")
    }
}
