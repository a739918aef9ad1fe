import Foundation
import Testing

/// Nothing touches the disk or the network unless the person exports: checked with strace.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")), .serialized)
struct PrivacyTests {
  static let traced = "network,openat,open,creat,rename,renameat,renameat2,link,linkat,unlink,unlinkat,mkdir"

  /// Runs `selfscreen` under strace (line mode, input from `input`) and returns the trace.
  static func trace(_ arguments: [String], input: String, folder: URL) throws -> (status: Int32, trace: String) {
    let log = folder.appendingPathComponent("trace.log")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
    process.arguments = ["-f", "-qq", "-e", "trace=\(traced)", "-o", log.path, TmuxSession.binary] + arguments
    process.currentDirectoryURL = folder
    process.environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"]
    let stdin = Pipe()
    process.standardInput = stdin
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    let text = try String(contentsOf: log, encoding: .utf8)
    try FileManager.default.removeItem(at: log)
    return (process.terminationStatus, text)
  }

  /// Calls that could send or keep something: sockets, and files opened for writing or created.
  static func writes(in trace: String) -> [String] {
    trace.split(separator: "\n").map(String.init).filter { line in
      if line.contains("socket(") || line.contains("connect(") || line.contains("sendto(") { return true }
      if line.contains("open") && (line.contains("O_WRONLY") || line.contains("O_RDWR") || line.contains("O_CREAT")) {
        // The terminal itself is opened read-write by line mode's libraries at most.
        return !line.contains("\"/dev/tty\"") && !line.contains("\"/dev/null\"")
      }
      return ["creat(", "rename", "link(", "linkat(", "unlink", "mkdir("].contains { line.contains($0) }
    }
  }

  static let wholeSession =
    (["3", "4"] + Array(repeating: "1", count: 5) + Array(repeating: "2", count: 5) + ["8"]
    + Array(repeating: "2", count: 16) + ["q", "y"]).joined(separator: "\n") + "\n"

  @Test func aWholeSessionWithoutExportOpensNoSocketAndWritesNoFile() throws {
    let folder = try CLIRunnerFolder.make()
    let (status, trace) = try Self.trace(["--ui", "line", "--region", "UK"], input: Self.wholeSession, folder: folder)
    #expect(status == 0)
    #expect(trace.contains("openat("), "strace recorded nothing")
    #expect(Self.writes(in: trace) == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func anExportCreatesExactlyOneFileReadableOnlyByThePerson() throws {
    let folder = try CLIRunnerFolder.make()
    let input = Self.wholeSession.replacingOccurrences(of: "\nq\ny\n", with: "\ne\n2\nmine.json\nq\ny\n")
    let (status, trace) = try Self.trace(["--ui", "line", "--region", "UK"], input: input, folder: folder)
    #expect(status == 0)
    #expect(!trace.contains("socket("))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["mine.json"])
    let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("mine.json").path)[
      .posixPermissions]
    #expect(mode as? Int == 0o600)
    // One new file: written unnamed (O_TMPFILE) and given its name once complete; no other name.
    let writes = Self.writes(in: trace)
    #expect(writes.filter { $0.contains("O_CREAT") } == [])
    #expect(writes.filter { $0.contains("O_TMPFILE") }.count == 1)
    let links = writes.filter { $0.contains("linkat(") }
    #expect(links.count == 1 && links.first?.contains("/mine.json\"") == true, "\(writes)")
    #expect(writes.count == 2, "\(writes)")
  }
}

extension PrivacyTests {
  @Test func aWholeFullScreenSessionOpensNoSocketAndWritesNoFile() throws {
    let folder = try CLIRunnerFolder.make()
    let log = folder.appendingPathComponent("trace.log").path
    let tmux = try TmuxSession(
      arguments: "--region UK",
      prelude: "cd '\(folder.path)' && strace -f -qq -e trace=\(Self.traced) -o '\(log)'")
    try TerminalEndToEndTests.answerEverything(tmux, yes: 5)
    try tmux.send("Enter")
    try tmux.waitFor("Result: Several signs")
    try tmux.send("q")
    try tmux.waitFor("Leave SelfScreen?")
    try tmux.send("y")
    try tmux.waitFor("EXIT=0")
    let trace = try String(contentsOfFile: log, encoding: .utf8)
    #expect(trace.contains("openat("), "strace recorded nothing")
    #expect(Self.writes(in: trace) == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["trace.log"])
  }
}

enum CLIRunnerFolder {
  static func make() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-privacy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
