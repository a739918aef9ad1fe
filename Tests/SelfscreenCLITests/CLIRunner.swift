import Foundation
import Testing

/// Runs the built `selfscreen` binary and captures what a person would see.
struct CLIRunner {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `selfscreen` built beside this test bundle.
  static let binary: URL = {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var directory = executable.deletingLastPathComponent()
    // On some platforms the tests run from inside a bundle: walk up to the build folder.
    for _ in 0..<4 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("selfscreen").path) {
      directory = directory.deletingLastPathComponent()
    }
    return directory.appendingPathComponent("selfscreen")
  }()

  /// Runs `selfscreen` with `arguments`; the environment is fixed (`COLUMNS=80`, no locale)
  /// unless `environment` adds to it.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil, executable: URL? = nil,
    input: String? = nil, launcher: [String] = [], timeout: Double = 60
  ) throws -> Output {
    let process = Process()
    if launcher.isEmpty {
      process.executableURL = executable ?? binary
      process.arguments = arguments
    } else {
      // e.g. ["/bin/sh", "-c", "umask 000; exec \"$0\" \"$@\""] or setpriv, in front of selfscreen.
      process.executableURL = URL(fileURLWithPath: launcher[0])
      process.arguments = Array(launcher.dropFirst()) + [(executable ?? binary).path] + arguments
    }
    var base = ["PATH": "/usr/bin:/bin", "COLUMNS": "80", "SWIFT_BACKTRACE": "enable=no"]
    base.merge(environment) { $1 }
    process.environment = base
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let inputPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    try process.run()
    if let input {
      inputPipe.fileHandleForWriting.write(Data(input.utf8))
      try inputPipe.fileHandleForWriting.close()
    }
    // A watchdog: a hang fails the test instead of stalling the run.
    let pid = process.processIdentifier
    let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    defer { watchdog.cancel() }
    // Read both pipes before waiting so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A fresh temporary folder for one test's files.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The repository's top folder.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
