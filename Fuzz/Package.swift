// swift-tools-version:6.0
import PackageDescription

// libFuzzer over fscli's parsers. Built by `Fuzz/run`, which adds the fuzzer and address
// sanitizers to every module, so the parsers are instrumented too. Not part of `swift test`.
let package = Package(
    name: "fscli-fuzz",
    dependencies: [.package(name: "fscli", path: "..")],
    targets: [
        // libFuzzer supplies `main`; the target only defines its entry point.
        .executableTarget(
            name: "fscli-fuzz",
            dependencies: [.product(name: "FuzzTargets", package: "fscli")],
            path: "Sources",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
