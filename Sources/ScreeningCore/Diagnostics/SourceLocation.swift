/// A place in a source file: 1-based line and column (columns count Unicode scalars).
///
/// Kept in 32 bits each (a file is at most a few megabytes): every node of a parsed file carries
/// one, and smaller nodes make loading a large file markedly faster (docs/PERFORMANCE.md).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  private var storedLine: UInt32
  private var storedColumn: UInt32

  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = UInt32(clamping: newValue) }
  }

  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = UInt32(clamping: newValue) }
  }

  public init(line: Int, column: Int) {
    storedLine = UInt32(clamping: line)
    storedColumn = UInt32(clamping: column)
  }

  /// The place of data that did not come from a file (built in code).
  public static let unknown = SourceLocation(line: 0, column: 0)

  public var description: String { "\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
  }
}
