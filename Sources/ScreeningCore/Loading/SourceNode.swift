/// A parsed YAML or JSON value with its place in the file, before it is decoded into the model.
struct SourceNode: Sendable {
  /// How a scalar was written; decoding is strict about it (a quoted "5" is not a number).
  enum ScalarStyle: Sendable {
    /// YAML plain (unquoted) scalar: may be read as text, number or boolean.
    case plain
    /// Quoted YAML scalar, block scalar, or JSON string: always text.
    case quoted
    /// JSON number literal.
    case jsonNumber
    /// JSON `true` / `false`.
    case jsonBool
  }

  struct Entry: Sendable {
    var key: String
    var keyLocation: SourceLocation
    var value: SourceNode
  }

  enum Value: Sendable {
    case null
    case scalar(String, ScalarStyle)
    case mapping([Entry])
    case sequence([SourceNode])
  }

  var value: Value
  var location: SourceLocation

  /// A short description of the kind of value, for "expected X, found Y" messages.
  var kindDescription: String {
    switch value {
    case .null: return "nothing (null)"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let text, let style):
      switch style {
      case .jsonNumber:
        return text.count <= 40 ? "the number \(text)" : "a number \(text.count) characters long"
      case .jsonBool: return text
      case .quoted: return "the text \"\(TextSafety.visible(String(text.prefix(40))))\""
      case .plain: return "\"\(TextSafety.visible(String(text.prefix(40))))\""
      }
    }
  }
}

/// Limits applied while reading a file, so that hostile input fails fast.
public struct LoadLimits: Sendable, Hashable {
  public var maxFileBytes: Int
  public var maxDepth: Int
  public var maxTextLength: Int
  public var maxIDLength: Int
  public var maxQuestions: Int
  public var maxOptions: Int
  /// Nodes in the parsed tree (bounds memory for a file within the byte limit).
  public var maxNodes: Int

  public init(
    maxFileBytes: Int = 8 << 20, maxDepth: Int = 64, maxTextLength: Int = 4_000,
    maxIDLength: Int = 64, maxQuestions: Int = 10_000, maxOptions: Int = 100,
    maxNodes: Int = 2_000_000
  ) {
    self.maxFileBytes = maxFileBytes
    self.maxDepth = maxDepth
    self.maxTextLength = maxTextLength
    self.maxIDLength = maxIDLength
    self.maxQuestions = maxQuestions
    self.maxOptions = maxOptions
    self.maxNodes = maxNodes
  }

  /// The largest score, option weight, bound or number answer, either way: sums over the
  /// question limit stay far inside `Int`, so scoring cannot overflow.
  public static let largestNumber = 1_000_000_000

  /// The limits `selfscreen` uses.
  public static let standard = LoadLimits()
}

/// Why a document could not be parsed at all: a located syntax problem.
struct SyntaxProblem: Error {
  var message: String
  var location: SourceLocation
}
