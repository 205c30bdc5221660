// swift-tools-version:6.0
import PackageDescription

// The mock switch's fan-out load test: a package of its own, because the benchmark plugin of the
// parent package runs every executable it finds, and this one needs a running `fscli mock`.
let package = Package(
    name: "mock-fanout",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "mock-fanout",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
