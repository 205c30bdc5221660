import Foundation
import Testing

/// The Makefile's install, uninstall and deb targets, run for real with the debug binary the test
/// build already made (`BINARY=`; a release build would take minutes).
@Suite(.enabled(if: Documentation.installed("make") != nil && Documentation.installed("dpkg-deb") != nil, "make or dpkg-deb is missing"),
       .timeLimit(.minutes(3)))
struct MakefileTests {
    /// Each installed file under the prefix, with its mode and the repository file it copies (nil: the binary).
    static let installed: [(path: String, mode: Int, source: String?)] = [
        ("bin/fscli", 0o755, nil),
        ("share/man/man1/fscli.1", 0o644, "man/fscli.1"),
        ("share/bash-completion/completions/fscli", 0o644, "completions/fscli.bash"),
        ("share/zsh/site-functions/_fscli", 0o644, "completions/_fscli"),
        ("share/fish/vendor_completions.d/fscli.fish", 0o644, "completions/fscli.fish"),
    ]

    /// The same files in the Debian package (prefix /usr), where zsh's file goes to the directory
    /// Debian's zsh searches and the manual page is gzipped, as Debian's policy has it.
    static let packaged: [(path: String, mode: Int)] = installed.map { file in
        switch file.path {
        case "share/zsh/site-functions/_fscli": ("share/zsh/vendor-completions/_fscli", file.mode)
        case "share/man/man1/fscli.1": ("share/man/man1/fscli.1.gz", file.mode)
        default: (file.path, file.mode)
        }
    }

    static func make(_ arguments: [String]) throws -> Documentation.Output {
        let make = try #require(Documentation.installed("make"))
        let result = try Documentation.run(make, ["--no-print-directory", "-C", Documentation.root.path, "BINARY=\(CommandLineTests.binary.path)"] + arguments)
        #expect(result.status == 0, "make \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)")
        return result
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fscli-make-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Every regular file or link below `directory`, relative to it.
    static func files(under directory: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    @Test func installThenUninstallLeavesNoFile() throws {
        let destdir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: destdir) }
        _ = try Self.make(["install", "DESTDIR=\(destdir.path)", "PREFIX=/usr"])
        #expect(Self.files(under: destdir) == Self.installed.map { "usr/" + $0.path }.sorted())
        for file in Self.installed {
            let path = destdir.appendingPathComponent("usr/" + file.path).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == file.mode, "\(file.path) mode")
            if let source = file.source {
                #expect(FileManager.default.contentsEqual(atPath: path, andPath: Documentation.root.appendingPathComponent(source).path), "\(file.path) is not \(source)")
            }
        }
        let binary = destdir.appendingPathComponent("usr/bin/fscli").path
        let version = try Documentation.run(binary, ["--version"])
        let expected = try CommandLineTests.run(["--version"]).stdout
        #expect(version.status == 0 && version.stdout == expected)
        let symbols = try Documentation.run("/usr/bin/env", ["readelf", "-S", "-W", binary])
        #expect(symbols.status == 0 && !symbols.stdout.contains(".symtab"), "the installed binary is not stripped")

        _ = try Self.make(["uninstall", "DESTDIR=\(destdir.path)", "PREFIX=/usr"])
        #expect(Self.files(under: destdir) == [], "uninstall left files")
    }

    /// The package's completion directories (and, for zsh, `make install`'s default under
    /// /usr/local) are among those each shell searches by default.
    @Test func completionsLandWhereTheShellsLook() throws {
        let home = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path, "PATH": "/usr/local/bin:/usr/bin:/bin"]
        if let zsh = Documentation.installed("zsh") {
            let fpath = try Documentation.run(zsh, ["-f", "-c", "print -l $fpath"], environment: environment).stdout.split(separator: "\n")
            #expect(fpath.contains("/usr/share/zsh/vendor-completions"), "zsh's fpath: \(fpath)")
            #expect(fpath.contains("/usr/local/share/zsh/site-functions"), "zsh's fpath: \(fpath)")
        }
        if let fish = Documentation.installed("fish") {
            let path = try Documentation.run(fish, ["-c", "string join \\n -- $fish_complete_path"], environment: environment).stdout.split(separator: "\n")
            #expect(path.contains("/usr/share/fish/vendor_completions.d"), "fish_complete_path: \(path)")
        }
        // bash-completion loads /usr/share/bash-completion/completions/<command> on demand; its
        // pkg-config file names the directory when the package is installed.
        if let pkgConfig = Documentation.installed("pkg-config") {
            let result = try Documentation.run(pkgConfig, ["--variable=completionsdir", "bash-completion"])
            if result.status == 0 {
                #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "/usr/share/bash-completion/completions")
            }
        }
    }

    @Test(.enabled(if: Documentation.installed("dpkg-shlibdeps") != nil, "dpkg-dev is not installed"))
    func debHoldsTheFilesAndDependsOnReadline() throws {
        let work = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        _ = try Self.make(["deb", "DEB_DIR=\(work.path)", "DEB_STAGING=\(work.appendingPathComponent("root").path)", "DEB_COMPRESSION=none"])
        let version = try CommandLineTests.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let arch = try Documentation.run("/usr/bin/env", ["dpkg", "--print-architecture"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let deb = work.appendingPathComponent("fscli_\(version)_\(arch).deb").path
        #expect(FileManager.default.fileExists(atPath: deb), "no \(deb)")

        let contents = try Documentation.run("/usr/bin/env", ["dpkg-deb", "-c", deb]).stdout
        for file in Self.packaged + [("share/doc/fscli/copyright", 0o644)] {
            let mode = file.mode == 0o755 ? "-rwxr-xr-x" : "-rw-r--r--"
            let line = contents.split(separator: "\n").first { $0.hasSuffix(" ./usr/" + file.path) }
            #expect(line?.hasPrefix(mode + " root/root ") == true, "\(file.path) in the package: \(line ?? "missing")")
        }

        // Depends names the package that owns the libreadline the binary links.
        let ldd = try Documentation.run("/usr/bin/env", ["ldd", CommandLineTests.binary.path]).stdout
        let library = try #require(ldd.split(separator: "\n").first { $0.contains("libreadline") }?
            .split(separator: " ").first { $0.hasPrefix("/") }, "the binary does not link libreadline: \(ldd)")
        let owner = try Documentation.run("/usr/bin/env", ["dpkg", "-S", String(library)]).stdout
        let package = try #require(owner.split(separator: ":").first.map(String.init), "no package owns \(library)")
        let depends = try Documentation.run("/usr/bin/env", ["dpkg-deb", "-f", deb, "Depends"]).stdout
        #expect(depends.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(package + " ") || $0.trimmingCharacters(in: .whitespacesAndNewlines) == package },
                "Depends: \(depends) lacks \(package)")
        let packagedVersion = try Documentation.run("/usr/bin/env", ["dpkg-deb", "-f", deb, "Version"]).stdout
        #expect(packagedVersion == version + "\n")
    }
}
