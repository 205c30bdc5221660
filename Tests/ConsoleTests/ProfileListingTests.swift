import Console
import Testing

@Suite struct ProfileListingTests {
    @Test func listsNamesAndTheirFiles() {
        var fixture = FixtureEnvironment()
        fixture.files["/home/u/.fs_cli_conf"] = "[prod]\nhost => p\n[default]\n"
        fixture.files["/home/u/.config/fscli/fscli.conf"] = "[prod]\ncolor => never\n[lab]\nbogus line\n"
        let catalog = fixture.resolver.catalog()
        #expect(catalog.profiles.map(\.name) == ["prod", "default", "lab"])
        #expect(catalog.profile(named: "prod")?.sources == ["/home/u/.fs_cli_conf", "/home/u/.config/fscli/fscli.conf"])
        #expect(catalog.implicitProfileName == "default")
        #expect(catalog.listing == [
            "prod     /home/u/.fs_cli_conf, /home/u/.config/fscli/fscli.conf",
            "default  /home/u/.fs_cli_conf  (used when no profile is named)",
            "lab      /home/u/.config/fscli/fscli.conf",
        ])
        #expect(catalog.problems.map(\.description) == ["/home/u/.config/fscli/fscli.conf:4: 'bogus line' is not 'key => value'; the line is ignored"])
    }

    @Test func emptyWithoutFiles() {
        let catalog = FixtureEnvironment().resolver.catalog()
        #expect(catalog.listing == [])
        #expect(catalog.searchedPaths == ["/home/u/.fs_cli_conf", "/etc/fs_cli.conf", "/home/u/.config/fscli/fscli.conf"])
    }
}
