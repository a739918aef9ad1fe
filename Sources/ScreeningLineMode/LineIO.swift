/// Where line mode reads the person's answers from (a terminal, a pipe, a test string).
public protocol LineReading {
  /// The next line without its line break, or nil at the end of input.
  mutating func readLine() -> String?
}

/// Where line mode writes (standard output, or a transcript in tests).
public protocol LineWriting {
  mutating func write(_ text: String)
}

/// Reads standard input.
public struct StandardInput: LineReading {
  public init() {}
  public mutating func readLine() -> String? { Swift.readLine(strippingNewline: true) }
}

/// Lines from a string, for tests and scripts.
public struct ScriptedInput: LineReading {
  private var lines: [String]

  public init(_ text: String) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    self.lines = lines
  }

  public mutating func readLine() -> String? {
    lines.isEmpty ? nil : lines.removeFirst()
  }
}

/// Collects everything written, for tests.
public struct Transcript: LineWriting {
  public private(set) var text = ""
  public init() {}
  public mutating func write(_ text: String) { self.text += text }
}
