@testable import MockSwitch
import Testing

@Suite struct AccessListTests {
    @Test(arguments: [
        ("127.0.0.1", true), ("127.8.9.10", true), ("::1", true), ("::ffff:127.0.0.1", true),
        ("10.0.0.1", false), ("::2", false), ("192.0.2.2", false), ("not an address", false),
    ])
    func loopbackAutoLetsInOnlyLoopback(address: String, allowed: Bool) {
        #expect(AccessList.loopback.allows(address) == allowed)
    }

    @Test func prefixesMatchBitwise() throws {
        let list = AccessList([try #require(AccessList.Network("192.168.4.0/22")), try #require(AccessList.Network("fd00::/8"))])
        #expect(list.allows("192.168.7.255"))
        #expect(!list.allows("192.168.8.0"))
        #expect(list.allows("fd12:3456::1"))
        #expect(!list.allows("fe80::1"))
    }

    @Test(arguments: ["1.2.3", "1.2.3.4/33", "::1/129", "1:2:3:4:5:6:7:8:9", "300.1.1.1", "fd00::/x", ""])
    func malformedNetworksAreRejected(text: String) {
        #expect(AccessList.Network(text) == nil)
    }

    @Test func ipv6ParsingHandlesCompressionAndEmbeddedIPv4() {
        #expect(IPAddressText.parse("::") == [UInt8](repeating: 0, count: 16))
        #expect(IPAddressText.parse("2001:db8::1")?.count == 16)
        #expect(IPAddressText.parse("::ffff:192.0.2.1")?.suffix(4) == [192, 0, 2, 1])
        #expect(IPAddressText.parse("fe80::1%eth0")?.first == 0xFE)
    }
}

@Suite struct ConfigurationTests {
    @Test func readsEventSocketConfParamsAndIgnoresComments() {
        var configuration = MockSwitchConfiguration()
        let problems = configuration.apply(eventSocketConf: """
            <configuration name="event_socket.conf" description="Socket Client">
              <settings>
                <param name="nat-map" value="false"/>
                <param name="listen-ip" value="::"/>
                <param name="listen-port" value="8022"/>
                <param name="password" value="S3cret"/>
                <!--<param name="apply-inbound-acl" value="any_v4.auto"/>-->
                <param name="apply-inbound-acl" value="10.1.0.0/16"/>
              </settings>
            </configuration>
            """)
        #expect(problems.isEmpty)
        #expect(configuration.listenIP == "::")
        #expect(configuration.listenPort == 8022)
        #expect(configuration.password == "S3cret")
        #expect(configuration.accessList.allows("10.1.2.3"))
        #expect(!configuration.accessList.allows("127.0.0.1"))
    }

    @Test func badValuesAreReportedNotFatal() {
        var configuration = MockSwitchConfiguration()
        let problems = configuration.apply(eventSocketConf: #"<param name="listen-port" value="http"/><param name="apply-inbound-acl" value="office"/>"#)
        #expect(problems.count == 2)
        #expect(configuration.listenPort == 8021)
        #expect(configuration.accessList == .loopback)
    }

    @Test func userSpecificationsParse() throws {
        let user = try #require(MockSwitchConfiguration.User(specification: "1000@default:pw:CHANNEL_CREATE,HEARTBEAT:status,version:false"))
        #expect(user.name == "1000")
        #expect(user.domain == "default")
        #expect(user.password == "pw")
        #expect(user.allowedEvents == ["CHANNEL_CREATE", "HEARTBEAT"])
        #expect(user.allowedAPI == ["status", "version"])
        #expect(user.allowedLog == false)
        let open = try #require(MockSwitchConfiguration.User(specification: "ops@example.com:x"))
        #expect(open.allowedEvents == nil && open.allowedAPI == nil && open.allowedLog)
        #expect(MockSwitchConfiguration.User(specification: "nodomain:pw") == nil)
        #expect(MockSwitchConfiguration.User(specification: "a@b:pw:all:all:maybe") == nil)
    }
}
