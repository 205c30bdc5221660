// swift-tools-version:6.0
// SPDX-License-Identifier: GPL-3.0-or-later
// fscli links GNU readline (GPL-3.0-or-later), so the whole project is under the same licence; see LICENSE.
import PackageDescription

// Dependencies are kept to three (see README "Dependencies"): swift-nio for the sockets and byte
// buffers, swift-argument-parser for the command line, swift-log for the mock's and client's logging.
// swift-docc-plugin is a fourth only for `swift package generate-documentation`: a command plugin,
// never linked into a product or built by `swift build`.
let package = Package(
    name: "fscli",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ESLProtocol", targets: ["ESLProtocol"]),
        .library(name: "ESLClient", targets: ["ESLClient"]),
        .library(name: "MockSwitch", targets: ["MockSwitch"]),
        .library(name: "SwitchCatalog", targets: ["SwitchCatalog"]),
        .library(name: "ESLRecording", targets: ["ESLRecording"]),
        .executable(name: "fscli", targets: ["fscli"]),
        // The parsers the fuzzer drives (Fuzz/), also replayed by the tests.
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "ESLProtocol",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),
        // What console and mock both know about FreeSWITCH's commands: names, usage, modules and their
        // interfaces, the completion table and the `console_complete` reply format. Depends on nothing.
        .target(name: "SwitchCatalog"),
        .testTarget(name: "SwitchCatalogTests", dependencies: ["SwitchCatalog"]),
        .target(
            name: "ESLClient",
            dependencies: [
                "ESLProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // zlib, for gzip-compressed recordings (docs/recording.md).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // The recording format: its parser, reader and a writer that never blocks the socket
        // readers. Shared by the console (recording) and the mock (replaying).
        .target(
            name: "ESLRecording",
            dependencies: [
                "ESLProtocol", "CZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "ESLRecordingTests", dependencies: ["ESLRecording", "ESLProtocol", "TestSupport", .product(name: "NIOCore", package: "swift-nio")]),
        .target(
            name: "MockSwitch",
            dependencies: [
                "ESLProtocol", "SwitchCatalog", "CMalloc", "ESLRecording",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // mod_xml_rpc's HTTP face (event_sink, /api/…): NIO's parser, not a hand-written one.
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        // glibc's mallinfo, which the mock's `memory` command reports as the switch does.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // NIOConcurrencyHelpers for its lock: Foundation (and with it ICU) stays out of the binary.
        .target(name: "LineEditor", dependencies: ["CReadline", .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]),
        // A tiny program for LineEditorTests' real-terminal test (run under tmux); not shipped.
        .executableTarget(name: "lineeditor-demo", dependencies: ["LineEditor"], path: "Sources/lineeditor-demo"),
        .target(name: "Console", dependencies: [
            "ESLClient", "ESLProtocol", "ESLRecording", "LineEditor", "SwitchCatalog",
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .target(name: "FuzzTargets", dependencies: ["Console", "ESLProtocol", .product(name: "NIOCore", package: "swift-nio")]),
        .executableTarget(
            name: "fscli",
            dependencies: [
                "Console",
                "MockSwitch",
                "ESLRecording",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ESLProtocolTests",
            dependencies: [
                "ESLProtocol", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ]
        ),
        // Helpers shared by several test targets (the captures, a reserved port, patient timeouts, spawning
        // tmux, a scripted switch, a raw socket); not shipped.
        .target(
            name: "TestSupport",
            dependencies: [
                "ESLClient", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"),
        .testTarget(
            name: "ESLClientTests",
            dependencies: [
                "ESLClient", "ESLProtocol", "TestSupport",
                // The embedded switch, for what a script cannot show (its own subscription and filter rules).
                "MockSwitch",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "MockSwitchTests",
            dependencies: [
                "MockSwitch", "ESLProtocol", "ESLClient", "SwitchCatalog", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "TestSupport"]),
        .testTarget(
            name: "ConsoleTests",
            dependencies: [
                "Console", "ESLProtocol", "SwitchCatalog", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The fuzzer's entry points over every capture and every input it ever found failing.
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "TestSupport"]),
        // The executable's own logic: that the quick `-x` parser agrees with ArgumentParser.
        .testTarget(name: "fscliTests", dependencies: ["fscli", "Console"]),
        // Runs the built `fscli` binary (swift test builds every product first).
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ESLClient", "ESLProtocol", "ESLRecording", "TestSupport", .product(name: "NIOCore", package: "swift-nio")]),
    ],
    swiftLanguageModes: [.v6]
)
