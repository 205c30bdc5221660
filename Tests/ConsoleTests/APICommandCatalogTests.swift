import Console
import MockSwitch
import Testing

@Suite struct APICommandCatalogTests {
    /// Console keeps a copy of the mock's command table (it may not import MockSwitch): same names,
    /// same syntax, same order.
    @Test func agreesWithTheMockSwitchTable() {
        let console = APICommandCatalog.commands.map { [$0.name, $0.syntax] }
        let mock = APICommandInfo.loaded.map { [$0.name, $0.syntax] }
        #expect(console.count == mock.count)
        #expect(console == mock)
    }

    @Test func lookupAndUsage() throws {
        let kill = try #require(APICommandCatalog.command(named: "UUID_KILL"))
        #expect(kill.usage == "uuid_kill <uuid> [cause]")
        #expect(APICommandCatalog.command(named: "status")?.usage == "status")
        #expect(APICommandCatalog.command(named: "nope") == nil)
    }
}
