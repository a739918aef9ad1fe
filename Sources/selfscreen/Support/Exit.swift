import ArgumentParser
import ScreeningCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Exit statuses (sysexits), mapped in one place.
enum Exit {
  static let usage = ExitCode(64)
  static let dataError = ExitCode(65)
  static let noInput = ExitCode(66)
  static let cannotCreate = ExitCode(73)
  static let ioError = ExitCode(74)
  static let interrupted = ExitCode(130)
}

/// Writing to the terminal's streams (Swift 6 does not import Glibc's `stderr`).
enum Console {
  static func out(_ text: String) {
    write(text, to: 1)
  }

  static func error(_ text: String) {
    write(text, to: 2)
  }

  /// Writes `text`, made safe for a terminal (`TextSafety.forTerminal`), to a file descriptor,
  /// unbuffered. When standard output cannot be
  /// written to (closed, disk full), the program says so on standard error and stops with the
  /// I/O error status (74): what it was asked to print cannot reach the person. When standard
  /// error itself fails, there is nowhere to say it, and the status alone tells.
  private static func write(_ text: String, to descriptor: Int32) {
    if let code = writeAll(TextSafety.forTerminal(text), to: descriptor) {
      if descriptor == 1 { complain("cannot write to standard output: \(String(cString: strerror(code)))") }
      exit(Exit.ioError.rawValue)
    }
  }

  /// Writes all of `text`; returns the error number when a write fails.
  private static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { bytes -> Int32? in
      var offset = 0
      while offset < bytes.count {
        #if canImport(Glibc)
          let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        #else
          let written = Darwin.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        #endif
        if written < 0 {
          let code = errno
          if code == EINTR { continue }
          return code
        }
        offset += written
      }
      return nil
    }
  }

  /// `selfscreen: message` on stderr.
  static func complain(_ message: String) {
    error("selfscreen: \(message)\n")
  }

  /// Prints diagnostics to stderr, one per line.
  static func report(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    error(diagnostics.map { $0.description + "\n" }.joined())
  }
}
