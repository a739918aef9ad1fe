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

/// Collects diagnostics for one file.
final class DiagnosticSink {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) { self.file = file }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  func error(_ message: String, at location: SourceLocation, path: FieldPath) {
    diagnostics.append(
      Diagnostic(.error, file: file, location: location, path: path.description, message: message))
  }

  func error(_ message: String, at location: SourceLocation, path: String) {
    diagnostics.append(
      Diagnostic(.error, file: file, location: location, path: path, message: message))
  }

  func warning(_ message: String, at location: SourceLocation, path: FieldPath) {
    diagnostics.append(
      Diagnostic(.warning, file: file, location: location, path: path.description, message: message))
  }

  func add(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Diagnostics in file order (stable for equal places).
  var sorted: [Diagnostic] {
    diagnostics.enumerated().sorted { a, b in
      a.element.location == b.element.location
        ? a.offset < b.offset : a.element.location < b.element.location
    }.map(\.element)
  }
}
