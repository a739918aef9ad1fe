/// One problem found in an input file, with its place and a plain-language message.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public var severity: Severity
  public var file: String
  public var location: SourceLocation
  /// The field path, or a word such as `(file)` for problems with the file as a whole.
  public var path: String
  public var message: String
  /// How many problems this line stands for: 1, or more for the closing "and N more" line.
  public var count = 1

  public init(
    _ severity: Severity = .error, file: String, location: SourceLocation, path: String,
    message: String
  ) {
    self.severity = severity
    self.file = file
    self.location = location
    self.path = path
    self.message = message
  }

  /// `file:line:col: path: message`, with `warning:` before the path for warnings.
  public var description: String {
    let place = "\(TextSafety.visible(file)):\(location.line):\(location.column)"
    let message = TextSafety.visible(self.message)
    switch severity {
    case .error: return "\(place): \(TextSafety.visible(path)): \(message)"
    case .warning: return "\(place): warning: \(TextSafety.visible(path)): \(message)"
    }
  }
}

extension [Diagnostic] {
  /// How many errors these diagnostics report, those counted by an "and N more" line included.
  public var errorCount: Int { reduce(0) { $0 + ($1.severity == .error ? $1.count : 0) } }
}

/// Collects diagnostics for one file: the first `shown` in full, then only a count, so that a
/// file with a million problems costs no more memory or output than one with a hundred.
final class DiagnosticSink {
  /// How many diagnostics are kept and shown; the rest are counted in one closing line.
  static let shown = 100

  let file: String
  /// The diagnostics kept (errors take the place of warnings once the limit is reached).
  private(set) var diagnostics: [Diagnostic] = []
  /// Every diagnostic reported, kept or not: grows with each report.
  private(set) var total = 0
  private var errors = 0
  private var dropped = 0
  private var droppedErrors = 0
  private var firstDropped: Diagnostic?

  init(file: String) { self.file = file }

  var hasErrors: Bool { errors > 0 }

  func error(_ message: String, at location: SourceLocation, path: FieldPath) {
    add(Diagnostic(.error, file: file, location: location, path: path.description, message: message))
  }

  func error(_ message: String, at location: SourceLocation, path: String) {
    add(Diagnostic(.error, file: file, location: location, path: path, message: message))
  }

  func warning(_ message: String, at location: SourceLocation, path: FieldPath) {
    add(Diagnostic(.warning, file: file, location: location, path: path.description, message: message))
  }

  func add(_ diagnostic: Diagnostic) {
    total += 1
    if diagnostic.severity == .error { errors += 1 }
    if diagnostics.count < Self.shown {
      diagnostics.append(diagnostic)
      return
    }
    var left = diagnostic
    if diagnostic.severity == .error, let warning = diagnostics.lastIndex(where: { $0.severity == .warning }) {
      left = diagnostics.remove(at: warning)
      diagnostics.append(diagnostic)
    }
    dropped += 1
    if left.severity == .error { droppedErrors += 1 }
    if firstDropped == nil { firstDropped = left }
  }

  /// Takes in another sink's diagnostics, each changed by `moving`, and its count of the rest.
  func absorb(_ other: DiagnosticSink, moving: (Diagnostic) -> Diagnostic) {
    for diagnostic in other.diagnostics { add(moving(diagnostic)) }
    total += other.dropped
    errors += other.droppedErrors
    dropped += other.dropped
    droppedErrors += other.droppedErrors
    if firstDropped == nil, let first = other.firstDropped { firstDropped = moving(first) }
  }

  /// Diagnostics in file order (stable for equal places), then a line counting those not shown.
  var sorted: [Diagnostic] {
    var ordered = diagnostics.enumerated().sorted { a, b in
      a.element.location == b.element.location
        ? a.offset < b.offset : a.element.location < b.element.location
    }.map(\.element)
    if let firstDropped {
      let problems = dropped == 1 ? "1 more problem" : "\(Self.grouped(dropped)) more problems"
      var summary = Diagnostic(
        droppedErrors > 0 ? .error : .warning, file: file, location: firstDropped.location, path: "(file)",
        message: "and \(problems) not shown (the first is here); fix those above and check the file again")
      summary.count = droppedErrors > 0 ? droppedErrors : dropped
      ordered.append(summary)
    }
    return ordered
  }

  /// 531207 as "531,207".
  static func grouped(_ number: Int) -> String {
    var digits = String(number)
    var index = digits.endIndex
    while digits.distance(from: digits.startIndex, to: index) > 3 {
      index = digits.index(index, offsetBy: -3)
      digits.insert(",", at: index)
    }
    return digits
  }
}
