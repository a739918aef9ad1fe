import Foundation
import Testing

// Glibc's module leaves these out (they need _XOPEN_SOURCE); they are plain C functions in libc.
@_silgen_name("posix_openpt") private func openPseudoTerminal(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantPseudoTerminal(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockPseudoTerminal(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname") private func pseudoTerminalName(_ descriptor: Int32) -> UnsafeMutablePointer<CChar>?

/// `selfscreen` on a bare pseudo-terminal, with no shell or multiplexer in between that could
/// repair the terminal: keys are bytes written to the master side, and the modes are read
/// straight from the terminal with tcgetattr after the program is gone.
final class RawTerminal {
  let master: Int32
  /// A slave descriptor kept open by the test, so the terminal outlives the program (nil when the
  /// test wants the terminal to close).
  private(set) var slave: Int32?
  let pid: pid_t
  private(set) var output: [UInt8] = []

  init(
    arguments: [String] = ["--region", "UK"], environment: [String: String] = [:], directory: String = "/tmp",
    keepOpen: Bool = true
  ) throws {
    master = openPseudoTerminal(O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0, grantPseudoTerminal(master) == 0, unlockPseudoTerminal(master) == 0,
      let name = pseudoTerminalName(master)
    else {
      throw CocoaError(.fileNoSuchFile)
    }
    let slavePath = String(cString: name)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // A new session whose controlling terminal is the slave (opened after setsid), on 0, 1 and 2.
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    posix_spawn_file_actions_addclose(&actions, master)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))  // 0x80: SETSID
    let script = "cd '\(directory)'; stty rows 24 cols 80; ulimit -c unlimited 2>/dev/null; exec \"$0\" \"$@\""
    let argv = ["/bin/sh", "-c", script, TmuxSession.binary] + arguments
    var env = ["TERM": "xterm-256color", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no"]
    env.merge(environment) { $1 }
    let cArguments = argv.map { strdup($0) } + [nil]
    let cEnvironment = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      cArguments.forEach { free($0) }
      cEnvironment.forEach { free($0) }
    }
    var child: pid_t = 0
    let status = posix_spawn(&child, "/bin/sh", &actions, &attributes, cArguments, cEnvironment)
    guard status == 0 else { throw CocoaError(.executableLoad) }
    pid = child
    if keepOpen { slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC) }
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, WNOHANG)
    if let slave { close(slave) }
    if !masterClosed { close(master) }
  }

  private var masterClosed = false

  /// Closes the master side, as a terminal window closing does; `deinit` then leaves it alone.
  /// (Closing it twice could close a descriptor that another test running alongside has opened
  /// under the same number since: its pipe would fail with "Bad file descriptor".)
  func closeMaster() {
    guard !masterClosed else { return }
    masterClosed = true
    close(master)
  }

  /// Reads what the program has written, for up to `seconds`, until `text` has appeared.
  @discardableResult
  func waitFor(_ text: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    let needle = Array(text.utf8)
    while Date() < deadline {
      if output.count >= needle.count, contains(needle) { return true }
      drain(timeout: 50)
    }
    Issue.record("never saw \"\(text)\"", sourceLocation: sourceLocation)
    return false
  }

  /// Waits until the program writes something, then until it has been quiet for a moment (its
  /// answer to the last key is on screen).
  func waitForRedraw(seconds: Double = 15) {
    let start = output.count
    let deadline = Date().addingTimeInterval(seconds)
    while output.count == start && Date() < deadline { drain(timeout: 50) }
    var last = -1
    while output.count != last && Date() < deadline {
      last = output.count
      drain(timeout: 150)
    }
  }

  private func contains(_ needle: [UInt8]) -> Bool {
    guard output.count >= needle.count else { return false }
    for start in 0...(output.count - needle.count) where output[start] == needle[0] {
      if Array(output[start..<(start + needle.count)]) == needle { return true }
    }
    return false
  }

  private func drain(timeout: Int32) {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, timeout) > 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = read(master, &buffer, buffer.count)
    if count > 0 { output += buffer[0..<count] }
  }

  func send(_ text: String) {
    _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
  }

  /// Waits for the program to end; returns the raw wait status and the CPU seconds it used.
  func waitForExit(seconds: Double = 15) -> (status: Int32, cpu: Double)? {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      var status: Int32 = 0
      var usage = rusage()
      let done = wait4(pid, &status, WNOHANG, &usage)
      if done == pid {
        let cpu =
          Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
          + Double(usage.ru_stime.tv_usec) / 1e6
        return (status, cpu)
      }
      drain(timeout: 20)
    }
    return nil
  }

  /// Echo and canonical mode, read from the terminal itself.
  func modes() -> (echo: Bool, canonical: Bool) {
    var settings = termios()
    tcgetattr(slave ?? master, &settings)
    return (settings.c_lflag & tcflag_t(ECHO) != 0, settings.c_lflag & tcflag_t(ICANON) != 0)
  }

  /// The exit status the shell would show: the code, or 128 + the signal.
  static func shellStatus(_ status: Int32) -> Int32 {
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }
}
