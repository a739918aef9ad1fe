import Foundation
import Testing

/// A private tmux server running `selfscreen` in a real pseudo-terminal, driven by keys and read
/// back with capture-pane, as a person would see it.
final class TmuxSession {
  let socket = FileManager.default.temporaryDirectory
    .appendingPathComponent("selfscreen-e2e-\(UUID().uuidString.prefix(8)).sock").path
  let name = "s"

  /// The `selfscreen` built beside this test bundle.
  static let binary: String = {
    var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<4 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("selfscreen").path) {
      directory = directory.deletingLastPathComponent()
    }
    return directory.appendingPathComponent("selfscreen").path
  }()

  /// Starts `selfscreen arguments` at `columns` x `rows`. When it ends, the pane prints its exit
  /// status and the terminal's modes, then waits.
  init(
    columns: Int = 80, rows: Int = 24, arguments: String = "--region UK", environment: String = "",
    prelude: String = ""
  ) throws {
    let command =
      "\(prelude) env TERM=tmux-256color LC_ALL=C.UTF-8 SWIFT_BACKTRACE=enable=no \(environment) "
      + "\(Self.binary) \(arguments); echo EXIT=$?; \(Self.modes); exec sleep 600"
    try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command])
  }

  /// Runs `command` (a shell, say) instead of selfscreen.
  init(command: String, columns: Int = 80, rows: Int = 24) throws {
    try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command])
  }

  /// Prints the terminal's echo and canonical-mode flags on one line, e.g. " echo icanon ".
  static let modes =
    "stty -a | tr ';' '\\n' | tr ' ' '\\n' | grep -xE -- '-?(echo|icanon)' | tr '\\n' ' ' | sed 's/^/ /'; echo"

  deinit {
    _ = try? tmux(["kill-server"])
    unlink(socket)
  }

  /// Runs a tmux command. Only commands that read from a running server capture output: the
  /// command that starts the server would hand the pipe to it, and the read would never end.
  @discardableResult
  func tmux(_ arguments: [String], capture: Bool = false) throws -> String {
    let process = Process()
    // Through bash, closing every descriptor above 2 first: the tmux server daemonises and would
    // otherwise keep descriptors Foundation uses to see its child exit (and other tests' pipes).
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments =
      ["-c", #"for n in $(ls /proc/$$/fd); do [ "$n" -gt 2 ] && eval "exec $n>&-"; done; exec tmux "$@""#, "tmux"]
      + ["-S", socket] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = "C.UTF-8"
    environment.removeValue(forKey: "TMUX")
    process.environment = environment
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    guard capture else {
      process.standardOutput = FileHandle.nullDevice
      // Test threads block most signals and children inherit that mask: the tmux server and its
      // panes would then ignore SIGHUP and never end. Spawn with nothing blocked.
      var none = sigset_t()
      var saved = sigset_t()
      sigemptyset(&none)
      pthread_sigmask(SIG_SETMASK, &none, &saved)
      defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
      try process.run()
      process.waitUntilExit()
      return ""
    }
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Sends keys (tmux key names: "Enter", "Down", "C-c", or literal text).
  func send(_ keys: String...) throws {
    try tmux(["send-keys", "-t", name] + keys)
  }

  /// What the pane shows now.
  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-J", "-t", name], capture: true)
  }

  /// Waits until the pane shows `text`; fails the test with the screen if it never does.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      let seen = try screen()
      // The text can be captured while the rest of the frame is still arriving: the screen is
      // returned once two captures in a row agree (and show the text).
      if seen.contains(text) && seen == last { return seen }
      let found = seen.contains(text)
      last = seen
      Thread.sleep(forTimeInterval: found ? 0.03 : 0.05)
    }
    Issue.record("never saw \"\(text)\"; the screen was:\n\(last)", sourceLocation: sourceLocation)
    return last
  }

  /// From the welcome screen to the first question.
  func startQuestions(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try waitFor("Enter start", sourceLocation: sourceLocation)
    try send("Enter")
    try waitFor("Question 1 of 32", sourceLocation: sourceLocation)
  }

  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// The pid of `selfscreen` in the pane: the process running the binary whose parent is the
  /// pane's shell.
  func selfscreenPID() throws -> Int32 {
    let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"], capture: true)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
      for entry in entries where entry.allSatisfy(\.isNumber) {
        guard let command = Self.read("/proc/\(entry)/cmdline"), command.hasPrefix(Self.binary + "\0"),
          let stat = Self.read("/proc/\(entry)/stat"), let close = stat.lastIndex(of: ")")
        else { continue }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 1, String(fields[1]) == shell, let pid = Int32(entry) { return pid }
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("selfscreen is not running in the pane")
    throw CocoaError(.fileNoSuchFile)
  }

  /// Reads a /proc file to its end (they report a size of 0, so size-based reads get nothing).
  static func read(_ path: String) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
  }

  /// Waits for the pane's exit line and the terminal modes printed after it.
  func waitForEnd(_ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    try waitFor("EXIT=\(status)", sourceLocation: sourceLocation)
    return try waitFor("icanon", sourceLocation: sourceLocation)
  }

  /// Whether the screen shows the modes line with echo and canonical mode both on.
  static func restored(_ screen: String) -> Bool {
    screen.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "icanon echo" }
  }
}
