import CBenchSupport
import Foundation

/// One program running in its own 80x24 pseudo-terminal.
final class Session {
  let master: Int32
  let pid: pid_t
  let started: UInt64
  private var output: [UInt8] = []

  /// A key of the scripted session and whether it only moves a highlight (a one-line change).
  struct Key {
    var bytes: [UInt8]
    var isHighlightMove = false

    /// The key as a person would name it.
    var name: String {
      switch bytes {
      case [13]: return "Enter"
      case Array("\u{1B}[A".utf8): return "Up"
      case Array("\u{1B}[B".utf8): return "Down"
      case Array("\u{1B}[6~".utf8): return "PgDn"
      default: return "'\(String(decoding: bytes, as: UTF8.self))'"
      }
    }
  }

  /// Welcome -> every question (with highlight moves on the way) -> review -> results -> leave.
  static let script: [Key] = {
    var keys = [Key(bytes: [13])]
    let answers =
      ["3", "4"] + Array(repeating: "1", count: 5) + Array(repeating: "2", count: 5) + ["8"]
      + Array(repeating: "2", count: 11)
    for answer in answers {
      keys.append(Key(bytes: Array("\u{1B}[B".utf8), isHighlightMove: true))  // Down
      keys.append(Key(bytes: Array("\u{1B}[A".utf8), isHighlightMove: true))  // Up
      keys.append(Key(bytes: Array(answer.utf8)))
      keys.append(Key(bytes: [13]))
    }
    keys.append(Key(bytes: [13]))  // See my results
    keys += Array(repeating: Key(bytes: Array("\u{1B}[6~".utf8)), count: 3)  // PgDn
    keys.append(Key(bytes: Array("q".utf8)))
    keys.append(Key(bytes: Array("y".utf8)))
    return keys
  }()

  init(_ path: String, _ arguments: [String]) throws {
    var name = [CChar](repeating: 0, count: 256)
    master = bench_open_terminal(24, 80, &name, Int32(name.count))
    guard master >= 0 else { throw CocoaError(.fileNoSuchFile) }
    let environment = ["TERM=xterm-256color", "LC_ALL=C.UTF-8", "PATH=/usr/bin:/bin", "HOME=/tmp"]
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    started = DispatchTime.now().uptimeNanoseconds
    pid = bench_spawn(path, argv, envp, name)
    guard pid > 0 else { throw CocoaError(.executableLoad) }
  }

  deinit { close(master) }

  private func readOnce(timeout: Int32) -> Int {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, timeout) > 0 else { return 0 }
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = read(master, &buffer, buffer.count)
    if count > 0 { output += buffer[0..<count] }
    return max(0, count)
  }

  /// Seconds from the start until `marker` was written, and the bytes written by then.
  func readUntil(_ marker: String) -> (seconds: Double, bytes: Int) {
    let needle = Array(marker.utf8)
    var searched = 0
    while true {
      guard readOnce(timeout: 5000) > 0 else { return (.nan, output.count) }
      let from = max(0, searched - needle.count)
      if output.count >= needle.count,
        (from...(output.count - needle.count)).contains(where: { start in
          output[start] == needle[0] && Array(output[start..<(start + needle.count)]) == needle
        })
      {
        return (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, output.count)
      }
      searched = output.count
    }
  }

  /// Reads until nothing more comes for 30 ms; returns the bytes read.
  func readQuiet() -> Int {
    let before = output.count
    while readOnce(timeout: 30) > 0 {}
    return output.count - before
  }

  /// CPU time the program has used, in seconds (all threads, from the scheduler's nanosecond
  /// counters: far finer than the 10 ms ticks of getrusage).
  func cpu() -> Double {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    var total = 0.0
    for task in tasks {
      guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/task/\(task)/schedstat") else { continue }
      let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
      try? handle.close()
      total += Double(text.split(separator: " ").first.flatMap { Double($0) } ?? 0) / 1e9
    }
    return total
  }

  /// Sends a key and waits for the answer to be drawn: (CPU seconds, bytes written, wall seconds).
  func press(_ key: [UInt8]) -> (Double, Int, Double) {
    let before = cpu()
    let start = DispatchTime.now().uptimeNanoseconds
    _ = key.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    // The first byte of the answer, then quiet.
    var written = readOnce(timeout: 300)  // a key that changes nothing draws nothing
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    written += readQuiet()
    return (cpu() - before, written, wall)
  }

  func interrupt() {
    kill(pid, SIGTERM)
  }

  /// Waits for the program to end; returns its peak resident memory in KiB.
  func finish() -> Double {
    var status: Int32 = 0
    var usage = rusage()
    for _ in 0..<500 {
      if wait4(pid, &status, WNOHANG, &usage) == pid { return Double(usage.ru_maxrss) }
      _ = readOnce(timeout: 10)
    }
    kill(pid, SIGKILL)
    wait4(pid, &status, 0, &usage)
    return Double(usage.ru_maxrss)
  }
}
