import SwitchCatalog
import Testing

@Suite struct SwitchCatalogTests {
    /// Every interface belongs to a module of the standard set, and the totals are those of the
    /// captured switch's `show interface_types` (capture 62).
    @Test func modulesHoldEveryInterface() {
        let modules = SwitchModule.standard
        #expect(modules.flatMap(\.apiCommands).count == APICommand.standard.count)
        let interfaces = modules.flatMap(\.interfaces)
        let totals = Dictionary(grouping: interfaces, by: \.kind).mapValues(\.count)
        #expect(totals[.api] == 167)
        #expect(totals[.application] == 144)
        #expect(totals[.file] == 41)
        #expect(interfaces.count == 376)
        #expect(SwitchModule.standard(named: "mod_hash").interfaces.map(\.name) == ["hash", "hash_dump", "hash_remote", "hash", "hash"])
    }

    /// The stock modules on disk: each interface names its own module, none is loaded at start,
    /// no name is taken twice, and mod_sofia and mod_xml_rpc are left to their own work.
    @Test func stockModulesAreWellFormed() {
        let names = SwitchModule.stockNames
        #expect(Set(names).count == names.count)
        #expect(Set(names).isDisjoint(with: SwitchModule.standardNames))
        #expect(!names.contains("mod_sofia") && !names.contains("mod_xml_rpc"))
        for module in SwitchModule.stock {
            #expect(module.interfaces.allSatisfy { $0.module == module.name }, "\(module.name)")
            #expect(module.filename == "\(SwitchModule.directory)/\(module.name).so")
            #expect(SwitchModule.isAvailable(module.name) && SwitchModule.standard(named: module.name) == module)
            for row in module.completionRows {
                #expect(module.apiCommands.contains { $0.name == row.first }, "\(module.name): \(row)")
            }
        }
        // Commands of different modules never share a name.
        let commands = (SwitchModule.standard + SwitchModule.stock).flatMap(\.apiCommands).map(\.name)
        #expect(Set(commands).count == commands.count)
    }

    @Test func lookupAndUsage() throws {
        let kill = try #require(APICommand.standard(named: "UUID_KILL"))
        #expect(kill.usage == "uuid_kill <uuid> [cause]")
        #expect(APICommand.standard(named: "status")?.usage == "status")
        #expect(APICommand.standard(named: "nope") == nil)
    }

    /// What the switch encodes, the console parses back.
    @Test func completionReplyRoundTrip() {
        let candidates = ["show", "shutdown", "sched_api", "sched_del", "sql_escape"]
        let body = CompletionReply.body(candidates: candidates, write: CompletionWrite(length: 1, text: "s"))
        #expect(body == "\n\n[                show]\t[            shutdown]\t[           sched_api]\t[           sched_del]\t\n[          sql_escape]\t\n\nwrite=1:s")
        let reply = CompletionReply(body: body)
        #expect(reply.candidates == candidates)
        #expect(reply.write == CompletionWrite(length: 1, text: "s"))
        #expect(CompletionReply(candidates: ["status"], write: nil).candidates == ["status"])
    }
}
