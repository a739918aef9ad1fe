import ArgumentParser
import ScreeningCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a command stops before it is done. Every command throws one of these; `status` is the one
/// mapping from a failure to the exit status (sysexits), and `message` what the person is told
/// (as `selfscreen: message`) after any located diagnostics already printed.
enum Failure: Error, Equatable {
  /// The command line asks for something that is not there: a command, a bundled questionnaire,
  /// a region, a usable terminal.
  case usage(String)
  /// A file has errors, printed before as `file:line:col` diagnostics; `summary` sums them up.
  case invalidData(summary: String? = nil)
  /// An input cannot be read, or ended before the screening did.
  case noInput(String? = nil)
  /// An output file cannot be created.
  case cannotCreate(String)
  /// Reading or writing failed part way.
  case inputOutput(String)
  /// Ctrl-C or SIGINT: the person left at once.
  case interrupted

  var status: Int32 {
    switch self {
    case .usage: return 64
    case .invalidData: return 65
    case .noInput: return 66
    case .cannotCreate: return 73
    case .inputOutput: return 74
    case .interrupted: return 130
    }
  }

  var message: String? {
    switch self {
    case .usage(let message), .cannotCreate(let message), .inputOutput(let message): return message
    case .invalidData(let summary): return summary
    case .noInput(let message): return message
    case .interrupted: return nil
    }
  }

  /// An input file that could not be read: too large is a located problem in the file (printed
  /// here), anything else is an input that is not there.
  init(reading error: InputError) {
    if let diagnostic = error.tooLarge {
      Console.report([diagnostic])
      self = .invalidData()
    } else {
      self = .noInput(error.description)
    }
  }

  /// An output file that could not be written; nothing was left behind.
  init(writing error: WriteError, hint: String? = nil) {
    let message = error.description + (hint ?? "") + ". Nothing was written."
    self = error.kind == .inputOutput ? .inputOutput(message) : .cannotCreate(message)
  }

  /// Prints the message, if any, and ends the program with the status.
  func exit() -> Never {
    if let message { Console.complain(message) }
    Self.end(status)
  }

  /// Ends the program with `status` (0 when all went well).
  static func end(_ status: Int32) -> Never {
    #if canImport(Glibc)
      Glibc.exit(status)
    #else
      Darwin.exit(status)
    #endif
  }
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
      let failure = Failure.inputOutput("cannot write to standard output: \(String(cString: strerror(code)))")
      // Said on standard error; when that is what failed, the status alone tells.
      if descriptor == 1 { complain(failure.message ?? "") }
      Failure.end(failure.status)
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
