// swift-tools-version:6.0
import PackageDescription

/// Release builds leave out the run-time exclusivity checks (debug builds and tests keep them):
/// they cost a tenth of the time of the byte loops.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "bestand",
    products: [
        .executable(name: "bestand", targets: ["BestandCLI"]),
        .executable(name: "bestand-bench", targets: ["BestandBench"]),
        .library(name: "Bestand", targets: ["Bestand"]),
    ],
    targets: [
        .target(name: "Bestand", dependencies: ["BestandNative"], swiftSettings: releaseSettings),
        .target(name: "BestandNative"),
        .executableTarget(name: "BestandCLI", dependencies: ["Bestand", "BestandNative"], swiftSettings: releaseSettings),
        .executableTarget(name: "BestandBench", dependencies: ["Bestand"], swiftSettings: releaseSettings),
        .testTarget(name: "BestandTests", dependencies: ["Bestand", "BestandNative"]),
        .testTarget(
            name: "BestandEndToEndTests",
            dependencies: ["Bestand"],
            exclude: ["Golden"]
        ),
    ]
)
