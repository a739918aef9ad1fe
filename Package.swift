// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "SelfScreen",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "selfscreen", targets: ["selfscreen"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // The pure core: model, loading, validation, session, scoring, resources. No terminal I/O.
    .target(
      name: "ScreeningCore",
      dependencies: [.product(name: "Yams", package: "Yams")],
      resources: [
        // Symlinks to Questionnaires/: the bundled data is compiled into the binary,
        // so an installed or copied `selfscreen` never has to find a data folder.
        .embedInCode("Bundled/ketamine.yaml"),
        .embedInCode("Bundled/resources.yaml"),
      ]
    ),
    .executableTarget(
      name: "selfscreen",
      dependencies: [
        "ScreeningCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "ScreeningCoreTests", dependencies: ["ScreeningCore"]),
    .testTarget(name: "SelfscreenCLITests", dependencies: ["selfscreen"]),
  ],
  swiftLanguageModes: [.v6]
)
