// swift-tools-version:6.0
// Fuzzing lives in its own package so libFuzzer never touches `swift test` of the main one.
// Run: ./Tests/Fuzz/run TARGET SECONDS   (see the README's "Fuzzing" section)
import PackageDescription

let package = Package(
  name: "SelfScreenFuzz",
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0")
  ],
  targets: [
    // The main package's ScreeningCore, through a symlink (Sources/ScreeningCore).
    .target(
      name: "ScreeningCore",
      dependencies: [.product(name: "Yams", package: "Yams")],
      resources: [.embedInCode("Bundled/ketamine.yaml"), .embedInCode("Bundled/resources.yaml")]
    ),
    .executableTarget(name: "FuzzQuestionnaire", dependencies: ["ScreeningCore"]),
    .executableTarget(name: "FuzzAnswers", dependencies: ["ScreeningCore"]),
    .executableTarget(name: "FuzzSkipLogic", dependencies: ["ScreeningCore"]),
  ],
  swiftLanguageModes: [.v6]
)
