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

  /// Writes all of `text` to a file descriptor, unbuffered. A stream that cannot be written to
  /// (closed, disk full) stops the program, as Foundation's `FileHandle.write` did.
  private static func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
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
          let stream = descriptor == 1 ? "standard output" : "standard error"
          fatalError("cannot write to \(stream): \(String(cString: strerror(code)))")
        }
        offset += written
      }
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
