// swift-tools-version:6.1
import PackageDescription

// A package of its own so the root `swift test` never builds ordo-one/benchmark.
// Run with `swift package benchmark` from this directory.
let package = Package(
    name: "fscli-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named, so the product reference below does not depend on what the checkout's folder is called.
        .package(name: "fscli", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "ESLDecoding",
            dependencies: [
                .product(name: "ESLProtocol", package: "fscli"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "ESLDecoding",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
