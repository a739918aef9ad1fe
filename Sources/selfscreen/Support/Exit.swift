import ArgumentParser
import Foundation
import ScreeningCore

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
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
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
