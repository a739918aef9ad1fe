/// A FHIRPath expression, parsed: the subset that SDC forms use for calculated values, variables
/// and enableWhenExpression (paths over the response, `where`, `exists`, `count`, `sum`, `iif`,
/// arithmetic and comparison, `ordinal()` / `weight()`, `%variables`).
///
/// Anything outside the subset is refused when the expression is parsed, naming what it is, so a
/// form never gets a silently wrong value.
public indirect enum FHIRPath: Sendable, Hashable {
  /// A literal: `{}` (empty), `true`, `'text'`, `3`, `2.5`, `@2020-01-31`, `@T10:30`.
  case literal(Literal)
  /// `%name`: `%resource`, `%context` or a variable.
  case constant(String)
  /// `$this`, `$index` or `$total`.
  case special(String)
  /// A member of each item of `base` (nil: of the focus).
  case member(FHIRPath?, String)
  /// A function applied to `base` (nil: to the focus).
  case call(FHIRPath?, String, [FHIRPath])
  /// `base[index]`.
  case indexer(FHIRPath, FHIRPath)
  /// `-x`, `+x`.
  case negate(FHIRPath)
  /// An operator: `+`, `and`, `=`, `|`, ...
  case binary(String, FHIRPath, FHIRPath)

  public enum Literal: Sendable, Hashable {
    case empty
    case boolean(Bool)
    case string(String)
    case integer(Int)
    case decimal(Double)
    case date(String)
    case dateTime(String)
    case time(String)
  }

  /// Why an expression cannot be used: a plain sentence, with the column when it is a syntax error.
  public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  /// The functions the evaluator knows, with how many arguments each takes.
  static let functions: [String: ClosedRange<Int>] = [
    "empty": 0...0, "exists": 0...1, "all": 1...1, "allTrue": 0...0, "anyTrue": 0...0, "allFalse": 0...0,
    "anyFalse": 0...0, "count": 0...0, "distinct": 0...0, "isDistinct": 0...0, "where": 1...1, "select": 1...1,
    "repeat": 1...1, "first": 0...0, "last": 0...0, "tail": 0...0, "skip": 1...1, "take": 1...1, "single": 0...0,
    "not": 0...0, "iif": 2...3, "sum": 0...0, "min": 0...0, "max": 0...0, "avg": 0...0, "aggregate": 1...2,
    "toString": 0...0, "toInteger": 0...0, "toDecimal": 0...0, "toBoolean": 0...0, "convertsToInteger": 0...0,
    "convertsToDecimal": 0...0, "round": 0...1, "abs": 0...0, "ceiling": 0...0, "floor": 0...0, "truncate": 0...0,
    "sqrt": 0...0, "power": 1...1, "exp": 0...0, "ln": 0...0, "log": 1...1, "length": 0...0, "upper": 0...0,
    "lower": 0...0, "startsWith": 1...1, "endsWith": 1...1, "contains": 1...1, "substring": 1...2,
    "indexOf": 1...1, "replace": 2...2, "trim": 0...0, "matches": 1...1, "join": 0...1, "ordinal": 0...0,
    "weight": 0...0, "children": 0...0, "descendants": 0...0, "hasValue": 0...0, "trace": 1...2, "today": 0...0,
    "now": 0...0, "combine": 1...1, "union": 1...1, "intersect": 1...1, "exclude": 1...1, "subsetOf": 1...1,
    "supersetOf": 1...1, "answers": 0...0,
  ]

  /// Parses `text`, or throws a `Problem` naming what is wrong or outside the subset.
  public static func parse(_ text: String) throws -> FHIRPath {
    let tokens = try Lexer.tokens(in: text)
    guard tokens.count <= Parser.maximumTokens else {
      throw Problem(message: "the expression is longer than \(Parser.maximumTokens) words and signs")
    }
    var parser = Parser(tokens: tokens)
    let expression = try parser.expression(0)
    if let token = parser.peek {
      throw Problem(message: "unexpected '\(token.text)' at column \(token.column)")
    }
    // Chains (`a.b.c`, `1 + 2 + 3`) nest too; evaluating recurses once a level, so the whole tree
    // is kept shallow enough for any thread's stack.
    guard expression.depth <= Parser.maximumTreeDepth else {
      throw Problem(message: "the expression chains more than \(Parser.maximumTreeDepth) steps")
    }
    return expression
  }

  /// The parts directly inside this one.
  var parts: [FHIRPath] {
    switch self {
    case .member(let base, _): return base.map { [$0] } ?? []
    case .call(let base, _, let arguments): return (base.map { [$0] } ?? []) + arguments
    case .indexer(let base, let index): return [base, index]
    case .negate(let inner): return [inner]
    case .binary(_, let left, let right): return [left, right]
    case .literal, .constant, .special: return []
    }
  }

  /// How many levels the tree has, counted without recursion.
  var depth: Int {
    var deepest = 0
    var pending: [(FHIRPath, Int)] = [(self, 1)]
    while let (node, level) = pending.popLast() {
      deepest = max(deepest, level)
      pending += node.parts.map { ($0, level + 1) }
    }
    return deepest
  }

  /// Every part of the expression, itself first, in reading order (walked without recursion).
  var allParts: [FHIRPath] {
    var out: [FHIRPath] = []
    var pending: [FHIRPath] = [self]
    while let node = pending.popLast() {
      out.append(node)
      pending += node.parts.reversed()
    }
    return out
  }

  /// The `%names` the expression reads, in order of first appearance.
  public var constants: [String] {
    var names: [String] = []
    for case .constant(let name) in allParts where !names.contains(name) { names.append(name) }
    return names
  }

  /// The '...' strings in the expression (for a sum of weights: the linkIds it reads or skips).
  var strings: [String] {
    allParts.compactMap { if case .literal(.string(let text)) = $0 { text } else { nil } }
  }
}

// MARK: Tokens

struct Token: Equatable {
  enum Kind: Equatable {
    case identifier
    case string
    case number
    case date
    case constant
    case special
    case symbol
  }

  var kind: Kind
  var text: String
  var column: Int
}

enum Lexer {
  static func tokens(in text: String) throws -> [Token] {
    let characters = Array(text)
    var index = 0
    var tokens: [Token] = []
    func problem(_ message: String) -> FHIRPath.Problem {
      FHIRPath.Problem(message: "\(message) at column \(index + 1)")
    }
    func isIdentifierStart(_ c: Character) -> Bool { c == "_" || (c.isASCII && c.isLetter) }
    func isIdentifierPart(_ c: Character) -> Bool { isIdentifierStart(c) || (c.isASCII && c.isNumber) }

    func quoted(_ close: Character) throws -> String {
      index += 1
      var out = ""
      while index < characters.count {
        let c = characters[index]
        if c == close {
          index += 1
          return out
        }
        if c == "\\" {
          index += 1
          guard index < characters.count else { break }
          switch characters[index] {
          case "n": out.append("\n")
          case "t": out.append("\t")
          case "r": out.append("\r")
          case "f": out.append("\u{0C}")
          case "u":
            let hex = String(characters[min(index + 1, characters.count)..<min(index + 5, characters.count)])
            guard hex.count == 4, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
              throw problem("a \\u escape needs four hex digits")
            }
            out.unicodeScalars.append(scalar)
            index += 4
          case let other: out.append(other)
          }
          index += 1
          continue
        }
        out.append(c)
        index += 1
      }
      throw problem("a quoted text is not closed")
    }

    while index < characters.count {
      let c = characters[index]
      let column = index + 1
      if c.isWhitespace {
        index += 1
      } else if c == "/" && index + 1 < characters.count && characters[index + 1] == "/" {
        while index < characters.count && characters[index] != "\n" { index += 1 }
      } else if c == "/" && index + 1 < characters.count && characters[index + 1] == "*" {
        index += 2
        while index + 1 < characters.count && !(characters[index] == "*" && characters[index + 1] == "/") {
          index += 1
        }
        index += 2
      } else if c == "'" {
        tokens.append(Token(kind: .string, text: try quoted("'"), column: column))
      } else if c == "`" {
        tokens.append(Token(kind: .identifier, text: try quoted("`"), column: column))
      } else if c == "%" {
        index += 1
        guard index < characters.count else { throw problem("a name must follow '%'") }
        if characters[index] == "`" || characters[index] == "'" {
          tokens.append(Token(kind: .constant, text: try quoted(characters[index]), column: column))
        } else {
          let start = index
          while index < characters.count && (isIdentifierPart(characters[index]) || characters[index] == "-") {
            index += 1
          }
          guard index > start else { throw problem("a name must follow '%'") }
          tokens.append(Token(kind: .constant, text: String(characters[start..<index]), column: column))
        }
      } else if c == "$" {
        let start = index
        index += 1
        while index < characters.count && isIdentifierPart(characters[index]) { index += 1 }
        tokens.append(Token(kind: .special, text: String(characters[start..<index]), column: column))
      } else if c == "@" {
        let start = index
        index += 1
        while index < characters.count
          && (characters[index].isNumber || "-:T.+Z".contains(characters[index]))
        {
          index += 1
        }
        tokens.append(Token(kind: .date, text: String(characters[start + 1..<index]), column: column))
      } else if c.isASCII && c.isNumber {
        let start = index
        while index < characters.count && characters[index].isASCII && characters[index].isNumber { index += 1 }
        if index + 1 < characters.count && characters[index] == "." && characters[index + 1].isNumber {
          index += 1
          while index < characters.count && characters[index].isASCII && characters[index].isNumber { index += 1 }
        }
        tokens.append(Token(kind: .number, text: String(characters[start..<index]), column: column))
      } else if isIdentifierStart(c) {
        let start = index
        while index < characters.count && isIdentifierPart(characters[index]) { index += 1 }
        tokens.append(Token(kind: .identifier, text: String(characters[start..<index]), column: column))
      } else {
        let two = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
        if ["<=", ">=", "!=", "!~"].contains(two) {
          tokens.append(Token(kind: .symbol, text: two, column: column))
          index += 2
        } else if ".,()[]{}+-*/|&=~<>".contains(c) {
          tokens.append(Token(kind: .symbol, text: String(c), column: column))
          index += 1
        } else {
          throw problem("'\(c)' is not part of FHIRPath")
        }
      }
    }
    return tokens
  }
}

// MARK: Parser

/// A Pratt parser over FHIRPath's operator precedence, loosest first: implies; or, xor; and;
/// in, contains; = ~ != !~; < > <= >=; |; is, as; + - &; * / div mod; unary; . and [].
struct Parser {
  let tokens: [Token]
  var position = 0
  /// How deeply terms may nest (parentheses, arguments, unary signs): a form's expression needs a
  /// few levels, and a limit keeps a hostile one from exhausting the stack.
  static let maximumDepth = 64
  /// The most levels the whole tree may have, chains (`a.b.c`, `1 + 2 + 3`) included.
  static let maximumTreeDepth = 128
  /// The most tokens an expression may have (a sum over 30 items is about 200).
  static let maximumTokens = 4_096
  private var depth = 0

  init(tokens: [Token]) { self.tokens = tokens }

  var peek: Token? { position < tokens.count ? tokens[position] : nil }

  static let calendarUnits: Set<String> = [
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
    "second", "seconds", "millisecond", "milliseconds",
  ]

  static func precedence(_ token: Token) -> Int? {
    switch (token.kind, token.text) {
    case (.identifier, "implies"): return 1
    case (.identifier, "or"), (.identifier, "xor"): return 2
    case (.identifier, "and"): return 3
    case (.identifier, "in"), (.identifier, "contains"): return 4
    case (.symbol, "="), (.symbol, "~"), (.symbol, "!="), (.symbol, "!~"): return 5
    case (.symbol, "<"), (.symbol, ">"), (.symbol, "<="), (.symbol, ">="): return 6
    case (.symbol, "|"): return 7
    case (.identifier, "is"), (.identifier, "as"): return 8
    case (.symbol, "+"), (.symbol, "-"), (.symbol, "&"): return 9
    case (.symbol, "*"), (.symbol, "/"), (.identifier, "div"), (.identifier, "mod"): return 10
    default: return nil
    }
  }

  mutating func next() throws -> Token {
    guard let token = peek else { throw FHIRPath.Problem(message: "the expression ends too soon") }
    position += 1
    return token
  }

  mutating func expect(_ symbol: String) throws {
    let token = try next()
    guard token.kind == .symbol && token.text == symbol else {
      throw FHIRPath.Problem(message: "expected '\(symbol)' at column \(token.column), found '\(token.text)'")
    }
  }

  mutating func expression(_ minimum: Int) throws -> FHIRPath {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw FHIRPath.Problem(message: "the expression nests more than \(Self.maximumDepth) levels deep")
    }
    var left = try unary()
    while let token = peek, let level = Self.precedence(token), level > minimum {
      position += 1
      if token.text == "is" || token.text == "as" {
        throw FHIRPath.Problem(
          message: "the type operator '\(token.text)' (column \(token.column)) is outside the FHIRPath SelfScreen reads"
        )
      }
      let right = try expression(level)
      left = .binary(token.text, left, right)
    }
    return left
  }

  mutating func unary() throws -> FHIRPath {
    if let token = peek, token.kind == .symbol, token.text == "-" || token.text == "+" {
      position += 1
      depth += 1
      defer { depth -= 1 }
      guard depth <= Self.maximumDepth else {
        throw FHIRPath.Problem(message: "the expression nests more than \(Self.maximumDepth) levels deep")
      }
      let inner = try unary()
      return token.text == "-" ? .negate(inner) : inner
    }
    return try postfix(try term())
  }

  mutating func postfix(_ start: FHIRPath) throws -> FHIRPath {
    var base = start
    while let token = peek, token.kind == .symbol {
      if token.text == "." {
        position += 1
        base = try invocation(on: base)
      } else if token.text == "[" {
        position += 1
        let index = try expression(0)
        try expect("]")
        base = .indexer(base, index)
      } else {
        break
      }
    }
    return base
  }

  /// A name or a function call, applied to `base` (nil: the focus).
  mutating func invocation(on base: FHIRPath?) throws -> FHIRPath {
    let token = try next()
    switch token.kind {
    case .identifier:
      if let open = peek, open.kind == .symbol, open.text == "(" {
        position += 1
        var arguments: [FHIRPath] = []
        if let close = peek, close.kind == .symbol, close.text == ")" {
          position += 1
        } else {
          while true {
            arguments.append(try expression(0))
            let separator = try next()
            if separator.text == ")" { break }
            guard separator.text == "," else {
              throw FHIRPath.Problem(message: "expected ',' or ')' at column \(separator.column)")
            }
          }
        }
        guard let range = FHIRPath.functions[token.text] else {
          throw FHIRPath.Problem(
            message: "the function '\(token.text)()' (column \(token.column)) is outside the FHIRPath SelfScreen reads")
        }
        guard range.contains(arguments.count) else {
          throw FHIRPath.Problem(
            message:
              "'\(token.text)()' at column \(token.column) takes \(range.lowerBound == range.upperBound ? String(range.lowerBound) : "\(range.lowerBound) to \(range.upperBound)") arguments, not \(arguments.count)"
          )
        }
        return .call(base, token.text, arguments)
      }
      return .member(base, token.text)
    case .special where token.text == "$this" || token.text == "$index" || token.text == "$total":
      return .special(token.text)
    default:
      throw FHIRPath.Problem(message: "unexpected '\(token.text)' at column \(token.column)")
    }
  }

  mutating func term() throws -> FHIRPath {
    guard let token = peek else { throw FHIRPath.Problem(message: "the expression ends too soon") }
    switch token.kind {
    case .string:
      position += 1
      return .literal(.string(token.text))
    case .number:
      position += 1
      if let unit = peek, unit.kind == .string || (unit.kind == .identifier && Self.calendarUnits.contains(unit.text)) {
        throw FHIRPath.Problem(
          message:
            "the quantity \(token.text) '\(unit.text)' (column \(token.column)) is outside the FHIRPath SelfScreen reads"
        )
      }
      if let whole = Int(token.text) { return .literal(.integer(whole)) }
      guard let value = Double(token.text) else {
        throw FHIRPath.Problem(message: "'\(token.text)' at column \(token.column) is not a number")
      }
      return .literal(.decimal(value))
    case .date:
      position += 1
      if token.text.hasPrefix("T") { return .literal(.time(String(token.text.dropFirst()))) }
      return .literal(token.text.contains("T") ? .dateTime(token.text) : .date(token.text))
    case .constant:
      position += 1
      return .constant(token.text)
    case .special:
      return try invocation(on: nil)
    case .symbol where token.text == "(":
      position += 1
      let inner = try expression(0)
      try expect(")")
      return inner
    case .symbol where token.text == "{":
      position += 1
      try expect("}")
      return .literal(.empty)
    case .identifier where token.text == "true" || token.text == "false":
      position += 1
      return .literal(.boolean(token.text == "true"))
    case .identifier:
      return try invocation(on: nil)
    default:
      throw FHIRPath.Problem(message: "unexpected '\(token.text)' at column \(token.column)")
    }
  }
}
