// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "SelfScreen",
  products: [
    .executable(name: "selfscreen", targets: ["selfscreen"]),
    .executable(name: "selfscreen-bench", targets: ["selfscreen-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // libyaml 0.2.5 as upstream released it, its parser only (Sources/CYaml/VENDORED.md). Yams
    // would link its Swift module too, and with it all of Foundation and ICU.
    .target(
      name: "CYaml", exclude: ["VENDORED.md", "License"],
      cSettings: [.define("YAML_DECLARE_STATIC"), .define("HAVE_CONFIG_H")]),
    // The pure core: model, loading, validation, session, scoring, resources. No terminal I/O.
    // O_TMPFILE, linkat and the signal hold around a file write (Swift's Glibc module lacks them).
    .target(name: "CSafeFile"),
    .target(name: "ScreeningCore", dependencies: ["CYaml", "CSafeFile"]),
    // The bundled questionnaires and help resources as code: BundleCompiler validates every file in
    // Questionnaires/ at build time and writes them out, so the program never parses them at start
    // and an installed or copied `selfscreen` never has to find a data folder.
    .target(name: "ScreeningBundle", dependencies: ["ScreeningCore"], plugins: ["BundleCompilerPlugin"]),
    .executableTarget(name: "BundleCompiler", dependencies: ["ScreeningCore"]),
    .plugin(
      name: "BundleCompilerPlugin", capability: .buildTool(), dependencies: ["BundleCompiler"],
      path: "Sources/BundleCompilerPlugin"),
    // ncursesw, through a shim that exposes its globals and macros to Swift 6.
    .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
    // Signal handlers and the crash guard that give the terminal back (async-signal-safe C).
    .target(name: "CTerminalGuard"),
    // The full-screen front end: a pure state/update/render layer and one ncurses adapter.
    .target(name: "ScreeningTUI", dependencies: ["ScreeningCore", "CNcurses", "CTerminalGuard"]),
    // The same screening as numbered prompts over injected streams (screen readers, pipes, scripts).
    .target(name: "ScreeningLineMode", dependencies: ["ScreeningCore"]),
    .executableTarget(
      name: "selfscreen",
      dependencies: [
        "ScreeningCore",
        "ScreeningBundle",
        "ScreeningTUI",
        "ScreeningLineMode",
        "CTerminalGuard",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds are one static executable: the Swift runtime, FoundationEssentials, ncursesw
      // and glibc are linked in, so no dynamic loader resolves symbols or relocates libraries at
      // start (docs/decisions/0003-static-binary.md: start-up time halved against -static-stdlib alone), and the
      // binary runs on a machine without the toolchain. Static ncursesw needs libtinfo after it.
      // The flags reach every product that links this target, so no test target may depend on it.
      // SelfScreen is built and tested on Linux only (README, "Install"); these flags are Linux's.
      swiftSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))],
      linkerSettings: [
        .unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release)),
        .linkedLibrary("tinfo", .when(platforms: [.linux], configuration: .release)),
      ]
    ),
    // The benchmark: `swift run -c release selfscreen-bench` (docs/PERFORMANCE.md).
    .target(name: "CBenchSupport"),
    .executableTarget(
      name: "selfscreen-bench", dependencies: ["ScreeningCore", "ScreeningBundle", "CBenchSupport", "selfscreen"]),
    // Shared by the test targets: the Questionnaires/ folder as files, small fixtures, helpers.
    .target(name: "TestSupport", dependencies: ["ScreeningCore"], path: "Tests/TestSupport"),
    .testTarget(
      name: "ScreeningCoreTests", dependencies: ["ScreeningCore", "TestSupport"],
      exclude: ["Export/Golden", "FHIR/Fixtures"]),
    .testTarget(
      name: "ScreeningBundleTests", dependencies: ["ScreeningBundle", "ScreeningCore", "BundleCompiler", "TestSupport"]),
    .testTarget(name: "ScreeningTUITests", dependencies: ["ScreeningTUI", "TestSupport"], exclude: ["Snapshots"]),
    .testTarget(
      name: "ScreeningLineModeTests", dependencies: ["ScreeningLineMode", "TestSupport"], exclude: ["Snapshots"]),
    // These two run the built `selfscreen` binary, which `swift test` builds with every product. They
    // must not depend on the target: a test bundle that links it would get a second, static Swift
    // runtime beside the one XCTest and Swift Testing load (`swift test -c release` fails to link).
    .testTarget(name: "SelfscreenCLITests", dependencies: ["TestSupport"]),
    // The TUI in a real pseudo-terminal through tmux (installed by .ci/run).
    .testTarget(name: "TerminalEndToEndTests"),
  ],
  swiftLanguageModes: [.v6]
)
