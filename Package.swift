// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bestand",
    products: [
        .executable(name: "bestand", targets: ["BestandCLI"]),
        .executable(name: "bestand-bench", targets: ["BestandBench"]),
        .library(name: "Bestand", targets: ["Bestand"]),
    ],
    targets: [
        .target(name: "Bestand"),
        .executableTarget(name: "BestandCLI", dependencies: ["Bestand"]),
        .executableTarget(name: "BestandBench", dependencies: ["Bestand"]),
        .testTarget(name: "BestandTests", dependencies: ["Bestand"]),
        .testTarget(
            name: "BestandEndToEndTests",
            dependencies: ["Bestand"],
            exclude: ["Golden"]
        ),
    ]
)
