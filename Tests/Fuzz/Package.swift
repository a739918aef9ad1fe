// swift-tools-version:6.0
// Fuzzing lives in its own package so libFuzzer never touches `swift test` of the main one.
// Run: ./Tests/Fuzz/run TARGET SECONDS   (see CONTRIBUTING.md, "Fuzzing")
import PackageDescription

let package = Package(
  name: "SelfScreenFuzz",
  targets: [
    // The main package's CYaml, CSafeFile and ScreeningCore, through symlinks in Sources/.
    .target(
      name: "CYaml", exclude: ["VENDORED.md", "License"],
      cSettings: [.define("YAML_DECLARE_STATIC"), .define("HAVE_CONFIG_H")]),
    .target(name: "CSafeFile"),
    .target(name: "ScreeningCore", dependencies: ["CYaml", "CSafeFile"]),
    .executableTarget(name: "FuzzQuestionnaire", dependencies: ["ScreeningCore"]),
    .executableTarget(name: "FuzzAnswers", dependencies: ["ScreeningCore"]),
    .executableTarget(name: "FuzzSkipLogic", dependencies: ["ScreeningCore"]),
    .executableTarget(name: "FuzzFHIRPath", dependencies: ["ScreeningCore"]),
  ],
  swiftLanguageModes: [.v6]
)
