#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One item of a FHIRPath collection.
enum FHIRPathValue {
  case boolean(Bool)
  case integer(Int)
  case decimal(Double)
  case string(String)
  case date(String)
  case dateTime(String)
  case time(String)
  /// A `Quantity`: its value and unit (the code when there is one).
  case quantity(Double, unit: String?)
  /// Any other element (an item, an answer, a Coding), as JSON.
  case node(JSONValue)

  init(_ literal: FHIRPath.Literal) {
    switch literal {
    case .empty: self = .node(.null)
    case .boolean(let value): self = .boolean(value)
    case .string(let value): self = .string(value)
    case .integer(let value): self = .integer(value)
    case .decimal(let value): self = .decimal(value)
    case .date(let value): self = .date(value)
    case .dateTime(let value): self = .dateTime(value)
    case .time(let value): self = .time(value)
    }
  }

  var number: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .decimal(let value): return value
    case .quantity(let value, _): return value
    default: return nil
    }
  }
}

/// Evaluates a parsed `FHIRPath` over a QuestionnaireResponse held as JSON.
///
/// Follows FHIRPath's rules for collections: an empty operand makes an empty result, boolean
/// operators are three-valued, and `=` on items of different kinds is false. A run-time error (a
/// text added to a number, more than one item where one is needed) throws, and the caller shows no
/// value rather than a wrong one.
struct FHIRPathEvaluator {
  typealias Collection = [FHIRPathValue]

  /// `%resource`, `%context` and the variables in scope, by name.
  var constants: [String: Collection]
  /// What `today()` and `now()` give.
  var now: Timestamp
  /// Work left for this evaluator: each step, item made and comparison spends one, so that no
  /// expression can hang the screen (a form's take a few thousand).
  private let budget = Budget()

  final class Budget {
    var remaining = 2_000_000
  }

  init(constants: [String: Collection], now: Timestamp) {
    self.constants = constants
    self.now = now
  }

  /// Spends `amount` of the budget, or throws when it is gone.
  private func spend(_ amount: Int = 1) throws {
    budget.remaining -= amount
    guard budget.remaining >= 0 else { throw problem("the expression takes too long to work out") }
  }

  /// The most items a collection may grow to (a response of 10,000 answers has far fewer nodes).
  static let maximumItems = 100_000

  struct Frame {
    var this: Collection
    var index: Int?
    var total: Collection?
  }

  func evaluate(_ expression: FHIRPath, on focus: Collection) throws -> Collection {
    try evaluate(expression, focus, Frame(this: focus))
  }

  private func problem(_ message: String) -> FHIRPath.Problem { FHIRPath.Problem(message: message) }

  private func evaluate(_ expression: FHIRPath, _ focus: Collection, _ frame: Frame) throws -> Collection {
    try spend(1 + focus.count)
    switch expression {
    case .literal(.empty): return []
    case .literal(let literal): return [FHIRPathValue(literal)]
    case .constant(let name):
      guard let value = constants[name] else { throw problem("'%\(name)' is not defined") }
      return value
    case .special("$this"): return frame.this
    case .special("$index"): return frame.index.map { [.integer($0)] } ?? []
    case .special("$total"): return frame.total ?? []
    case .special(let name): throw problem("'\(name)' is not defined")
    case .member(let base, let name):
      let items = try base.map { try evaluate($0, focus, frame) } ?? focus
      return items.flatMap { Self.member(name, of: $0) }
    case .indexer(let base, let index):
      let items = try evaluate(base, focus, frame)
      guard let position = try integer(evaluate(index, focus, frame)) else { return [] }
      return items.indices.contains(position) ? [items[position]] : []
    case .negate(let inner):
      return try evaluate(inner, focus, frame).map { item in
        switch item {
        case .integer(let value): return .integer(-value)
        case .decimal(let value): return .decimal(-value)
        case .quantity(let value, let unit): return .quantity(-value, unit: unit)
        default: throw problem("only a number can be negated")
        }
      }
    case .binary(let op, let left, let right):
      return try binary(op, left, right, focus, frame)
    case .call(let base, let name, let arguments):
      let input = try base.map { try evaluate($0, focus, frame) } ?? focus
      return try call(name, input: input, arguments: arguments, focus: focus, frame: frame)
    }
  }

  // MARK: Navigation

  /// The children named `name` of one item; `value` also finds `valueCoding`, `valueInteger`, ...
  static func member(_ name: String, of item: FHIRPathValue) -> Collection {
    switch item {
    case .node(.object(let pairs)):
      var found: Collection = []
      for (key, value) in pairs {
        if key == name {
          found += convert(key, value)
        } else if key.hasPrefix(name), key.count > name.count,
          key[key.index(key.startIndex, offsetBy: name.count)].isUppercase
        {
          found += convert(key, value)
        }
      }
      return found
    case .quantity(let value, let unit):
      switch name {
      case "value": return [.decimal(value)]
      case "unit", "code": return unit.map { [.string($0)] } ?? []
      default: return []
      }
    default:
      return []
    }
  }

  /// The text under `name` when it is the element's only member by that name and plain text (an
  /// item's `linkId`), read without making a collection; nil otherwise, for `member(_:of:)` to
  /// read in full (a choice-type member such as `valueString`, a date, a list).
  static func onlyText(_ name: String, of item: FHIRPathValue) -> String? {
    guard case .node(.object(let pairs)) = item, !name.hasSuffix("Date"), !name.hasSuffix("Time"), name != "authored"
    else { return nil }
    var text: String?
    for (key, value) in pairs {
      if key == name {
        guard text == nil, case .string(let found) = value else { return nil }
        text = found
      } else if key.hasPrefix(name) {
        return nil
      }
    }
    return text
  }

  /// A JSON value found under `key`, typed as FHIR types it by the element's name.
  static func convert(_ key: String, _ value: JSONValue) -> Collection {
    switch value {
    case .array(let items): return items.flatMap { convert(key, $0) }
    case .null: return []
    case .bool(let flag): return [.boolean(flag)]
    case .int(let number): return [.integer(number)]
    case .decimal(let number): return [.decimal(number)]
    case .string(let text):
      if key.hasSuffix("DateTime") || key == "authored" { return [.dateTime(text)] }
      if key.hasSuffix("Date") { return [.date(text)] }
      if key.hasSuffix("Time") { return [.time(text)] }
      return [.string(text)]
    case .object(let pairs):
      if key.hasSuffix("Quantity") {
        let number = pairs.first { $0.0 == "value" }.flatMap { pair -> Double? in
          switch pair.1 {
          case .int(let whole): return Double(whole)
          case .decimal(let fraction): return fraction
          default: return nil
          }
        }
        guard let number else { return [] }
        let unit = pairs.first { $0.0 == "code" }?.1 ?? pairs.first { $0.0 == "unit" }?.1
        if case .string(let text)? = unit { return [.quantity(number, unit: text)] }
        return [.quantity(number, unit: nil)]
      }
      return [.node(value)]
    }
  }

  static func children(of item: FHIRPathValue) -> Collection {
    guard case .node(.object(let pairs)) = item else { return [] }
    return pairs.flatMap { convert($0.0, $0.1) }
  }

  // MARK: Singletons

  private func single(_ items: Collection) throws -> FHIRPathValue? {
    guard items.count <= 1 else { throw problem("expected one item, found \(items.count)") }
    return items.first
  }

  /// A collection read as a boolean: empty is unknown, one boolean is itself, one other item is true.
  private func truth(_ items: Collection) throws -> Bool? {
    guard let item = try single(items) else { return nil }
    if case .boolean(let value) = item { return value }
    return true
  }

  private func integer(_ items: Collection) throws -> Int? {
    guard let item = try single(items) else { return nil }
    switch item {
    case .integer(let value): return value
    case .decimal(let value) where value == value.rounded(): return Int(value)
    default: throw problem("expected a whole number")
    }
  }

  private func text(_ items: Collection) throws -> String? {
    guard let item = try single(items) else { return nil }
    guard case .string(let value) = item else { throw problem("expected a text") }
    return value
  }

  // MARK: Operators

  private func binary(_ op: String, _ left: FHIRPath, _ right: FHIRPath, _ focus: Collection, _ frame: Frame) throws
    -> Collection
  {
    switch op {
    case "and", "or", "xor", "implies":
      let a = try truth(evaluate(left, focus, frame))
      // Short-circuit where the answer is already known.
      if op == "and" && a == false { return [.boolean(false)] }
      if op == "or" && a == true { return [.boolean(true)] }
      if op == "implies" && a == false { return [.boolean(true)] }
      let b = try truth(evaluate(right, focus, frame))
      let result: Bool?
      switch op {
      case "and": result = (a == true && b == true) ? true : (b == false ? false : nil)
      case "or": result = b == true ? true : (a == false && b == false ? false : nil)
      case "xor": result = a.flatMap { a in b.map { a != $0 } }
      default: result = a == true ? b : (b == true ? true : nil)
      }
      return result.map { [.boolean($0)] } ?? []
    default: break
    }
    let a = try evaluate(left, focus, frame)
    let b = try evaluate(right, focus, frame)
    switch op {
    case "|":
      return try distinct(a + b)
    case "=", "!=", "~", "!~":
      let equivalent = op.hasSuffix("~")
      if !equivalent && (a.isEmpty || b.isEmpty) { return [] }
      var same = a.count == b.count
      if same {
        for (x, y) in zip(a, b) where !(equivalent ? Self.equivalent(x, y) : (Self.equal(x, y) ?? false)) {
          same = false
          break
        }
      }
      return [.boolean(op.hasPrefix("!") ? !same : same)]
    case "<", ">", "<=", ">=":
      guard let x = try single(a), let y = try single(b) else { return [] }
      guard let order = try compare(x, y) else { return [] }
      switch op {
      case "<": return [.boolean(order < 0)]
      case ">": return [.boolean(order > 0)]
      case "<=": return [.boolean(order <= 0)]
      default: return [.boolean(order >= 0)]
      }
    case "in", "contains":
      let (item, list) = op == "in" ? (a, b) : (b, a)
      guard let one = try single(item) else { return [] }
      try spend(list.count)
      return [.boolean(list.contains { Self.equal(one, $0) == true })]
    case "&":
      let x = try text(a) ?? ""
      let y = try text(b) ?? ""
      return [.string(x + y)]
    default:
      guard let x = try single(a), let y = try single(b) else { return [] }
      return try arithmetic(op, x, y).map { [$0] } ?? []
    }
  }

  private func arithmetic(_ op: String, _ x: FHIRPathValue, _ y: FHIRPathValue) throws -> FHIRPathValue? {
    if op == "+", case .string(let a) = x, case .string(let b) = y { return .string(a + b) }
    guard let a = x.number, let b = y.number else {
      throw problem("'\(op)' needs two numbers")
    }
    if case .integer(let i) = x, case .integer(let j) = y {
      switch op {
      case "+": return .integer(i &+ j)
      case "-": return .integer(i &- j)
      case "*": return .integer(i &* j)
      case "div": return j == 0 ? nil : .integer(i / j)
      case "mod": return j == 0 ? nil : .integer(i % j)
      default: break
      }
    }
    switch op {
    case "+": return .decimal(a + b)
    case "-": return .decimal(a - b)
    case "*": return .decimal(a * b)
    case "/": return b == 0 ? nil : .decimal(a / b)
    case "div": return b == 0 ? nil : .integer(Int((a / b).rounded(.towardZero)))
    case "mod": return b == 0 ? nil : .decimal(a.truncatingRemainder(dividingBy: b))
    default: throw problem("unknown operator '\(op)'")
    }
  }

  /// Equality as FHIRPath's `=`: nil when the items cannot be compared (dates of other precision).
  static func equal(_ x: FHIRPathValue, _ y: FHIRPathValue) -> Bool? {
    switch (x, y) {
    case (.boolean(let a), .boolean(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.date(let a), .date(let b)), (.dateTime(let a), .dateTime(let b)), (.time(let a), .time(let b)),
      (.date(let a), .dateTime(let b)), (.dateTime(let a), .date(let b)):
      return a.count == b.count ? a == b : nil
    case (.quantity(let a, let u), .quantity(let b, let v)): return a == b && u == v
    case (.node(let a), .node(let b)): return same(a, b)
    default:
      if let a = x.number, let b = y.number, !(isQuantity(x) || isQuantity(y)) { return a == b }
      return false
    }
  }

  private static func isQuantity(_ value: FHIRPathValue) -> Bool {
    if case .quantity = value { return true }
    return false
  }

  /// `~`: texts alike whatever their case and spacing, numbers alike at the lower precision.
  static func equivalent(_ x: FHIRPathValue, _ y: FHIRPathValue) -> Bool {
    if case .string(let a) = x, case .string(let b) = y {
      func normal(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
      }
      return normal(a) == normal(b)
    }
    return equal(x, y) ?? false
  }

  static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.string(let x), .string(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.decimal(let x), .decimal(let y)): return x == y
    case (.int(let x), .decimal(let y)), (.decimal(let y), .int(let x)): return Double(x) == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.null, .null): return true
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case (.object(let x), .object(let y)):
      return x.count == y.count
        && x.allSatisfy { pair in y.contains { $0.0 == pair.0 && same($0.1, pair.1) } }
    default: return false
    }
  }

  /// -1, 0 or 1; nil when the two cannot be ordered (dates of other precision).
  private func compare(_ x: FHIRPathValue, _ y: FHIRPathValue) throws -> Int? {
    func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
    switch (x, y) {
    case (.string(let a), .string(let b)): return order(a, b)
    case (.date(let a), .date(let b)), (.dateTime(let a), .dateTime(let b)), (.time(let a), .time(let b)),
      (.date(let a), .dateTime(let b)), (.dateTime(let a), .date(let b)):
      let length = min(a.count, b.count)
      let (p, q) = (String(a.prefix(length)), String(b.prefix(length)))
      if p != q { return order(p, q) }
      return a.count == b.count ? 0 : nil
    case (.quantity(let a, let u), .quantity(let b, let v)):
      guard u == v else { throw problem("quantities in '\(u ?? "")' and '\(v ?? "")' cannot be compared") }
      return order(a, b)
    default:
      guard let a = x.number, let b = y.number else { throw problem("these two values cannot be compared") }
      return order(a, b)
    }
  }

  private func distinct(_ items: Collection) throws -> Collection {
    var out: Collection = []
    for item in items {
      try spend(1 + out.count)
      if !out.contains(where: { Self.equal($0, item) == true }) { out.append(item) }
    }
    return out
  }

  // MARK: Functions

  private func each(_ argument: FHIRPath, over input: Collection) throws -> [(FHIRPathValue, Collection)] {
    try input.enumerated().map { index, item in
      (item, try evaluate(argument, [item], Frame(this: [item], index: index)))
    }
  }

  private func call(
    _ name: String, input: Collection, arguments: [FHIRPath], focus: Collection, frame: Frame
  ) throws -> Collection {
    /// An argument evaluated against the expression's own focus (not each input item).
    func argument(_ index: Int) throws -> Collection { try evaluate(arguments[index], focus, frame) }
    func bool(_ value: Bool) -> Collection { [.boolean(value)] }
    func numbers() throws -> [Double] {
      try input.map { item in
        guard let number = item.number else { throw problem("'\(name)()' needs numbers") }
        return number
      }
    }
    func numeric(_ transform: (Double) -> Double) throws -> Collection {
      guard let item = try single(input) else { return [] }
      if case .integer(let whole) = item, transform(Double(whole)) == Double(Int(transform(Double(whole)))) {
        return [.integer(Int(transform(Double(whole))))]
      }
      guard let number = item.number else { throw problem("'\(name)()' needs a number") }
      return [.decimal(transform(number))]
    }
    func string(_ transform: (String) throws -> Collection) throws -> Collection {
      guard let item = try single(input) else { return [] }
      guard case .string(let text) = item else { throw problem("'\(name)()' needs a text") }
      return try transform(text)
    }

    switch name {
    case "empty": return bool(input.isEmpty)
    case "exists":
      if arguments.isEmpty { return bool(!input.isEmpty) }
      return bool(try each(arguments[0], over: input).contains { try truth($0.1) == true })
    case "all":
      return bool(try each(arguments[0], over: input).allSatisfy { try truth($0.1) == true })
    case "allTrue", "anyTrue", "allFalse", "anyFalse":
      let flags = try input.map { item -> Bool in
        guard case .boolean(let flag) = item else { throw problem("'\(name)()' needs booleans") }
        return flag
      }
      switch name {
      case "allTrue": return bool(flags.allSatisfy { $0 })
      case "anyTrue": return bool(flags.contains(true))
      case "allFalse": return bool(flags.allSatisfy { !$0 })
      default: return bool(flags.contains(false))
      }
    case "count": return [.integer(input.count)]
    case "distinct": return try distinct(input)
    case "isDistinct": return bool(try distinct(input).count == input.count)
    case "where":
      // `where(linkId = 'x')`, the way forms find an item, compared directly: the same result as
      // evaluating the comparison for each item, without a frame per item (a response at the
      // size limit has thousands).
      if case .binary("=", .member(nil, let field), .literal(.string(let wanted))) = arguments[0] {
        try spend(input.count)
        return input.filter { item in
          if let text = Self.onlyText(field, of: item) { return text == wanted }
          let found = Self.member(field, of: item)
          return found.count == 1 && Self.equal(found[0], .string(wanted)) == true
        }
      }
      return try each(arguments[0], over: input).filter { try truth($0.1) == true }.map(\.0)
    case "select": return try each(arguments[0], over: input).flatMap(\.1)
    case "repeat":
      // A response nests at most 64 levels (the file limit), so a path that goes on past 256 rounds
      // is going round in circles (`repeat($this)`).
      var out: Collection = []
      var queue = input
      var rounds = 0
      while !queue.isEmpty {
        rounds += 1
        let next = try each(arguments[0], over: queue).flatMap(\.1)
        try spend(next.count)
        out += next
        guard rounds <= 256, out.count <= Self.maximumItems else { throw problem("'repeat()' does not end") }
        queue = next
      }
      return out
    case "first": return input.first.map { [$0] } ?? []
    case "last": return input.last.map { [$0] } ?? []
    case "tail": return Array(input.dropFirst())
    case "skip": return Array(input.dropFirst(max(0, try integer(argument(0)) ?? 0)))
    case "take": return Array(input.prefix(max(0, try integer(argument(0)) ?? 0)))
    case "single": return try single(input).map { [$0] } ?? []
    case "not": return try truth(input).map { bool(!$0) } ?? []
    case "iif":
      let condition = try truth(evaluate(arguments[0], input.isEmpty ? focus : input, frame))
      if condition == true { return try argument(1) }
      return arguments.count > 2 ? try argument(2) : []
    case "sum":
      if input.allSatisfy({ if case .integer = $0 { return true } else { return false } }) {
        return [
          .integer(
            input.reduce(0) { total, item in if case .integer(let v) = item { return total + v } else { return total } }
          )
        ]
      }
      return [.decimal(try numbers().reduce(0, +))]
    case "min", "max":
      guard var best = input.first else { return [] }
      for item in input.dropFirst() {
        guard let order = try compare(item, best) else { return [] }
        if name == "min" ? order < 0 : order > 0 { best = item }
      }
      return [best]
    case "avg":
      let values = try numbers()
      return values.isEmpty ? [] : [.decimal(values.reduce(0, +) / Double(values.count))]
    case "aggregate":
      var total = arguments.count > 1 ? try argument(1) : []
      for (index, item) in input.enumerated() {
        total = try evaluate(arguments[0], [item], Frame(this: [item], index: index, total: total))
      }
      return total
    case "toString":
      guard let item = try single(input) else { return [] }
      return Self.text(of: item).map { [.string($0)] } ?? []
    case "toInteger", "convertsToInteger":
      guard let item = try single(input) else { return [] }
      var value: Int?
      switch item {
      case .integer(let whole): value = whole
      case .string(let text): value = Int(text)
      case .boolean(let flag): value = flag ? 1 : 0
      default: value = nil
      }
      if name == "convertsToInteger" { return bool(value != nil) }
      return value.map { [.integer($0)] } ?? []
    case "toDecimal", "convertsToDecimal":
      guard let item = try single(input) else { return [] }
      var value: Double?
      switch item {
      case .integer, .decimal: value = item.number
      case .string(let text): value = Double(text)
      case .boolean(let flag): value = flag ? 1 : 0
      default: value = nil
      }
      if name == "convertsToDecimal" { return bool(value != nil) }
      return value.map { [.decimal($0)] } ?? []
    case "toBoolean":
      guard let item = try single(input) else { return [] }
      switch item {
      case .boolean: return [item]
      case .string(let text) where ["true", "t", "yes", "y", "1", "1.0"].contains(text.lowercased()): return bool(true)
      case .string(let text) where ["false", "f", "no", "n", "0", "0.0"].contains(text.lowercased()): return bool(false)
      case .integer(let whole) where whole == 0 || whole == 1: return bool(whole == 1)
      default: return []
      }
    case "round":
      // A Double holds about 15 decimal digits: more places would change nothing.
      let places = arguments.isEmpty ? 0 : min(15, max(0, try integer(argument(0)) ?? 0))
      guard let item = try single(input) else { return [] }
      guard let number = item.number else { throw problem("'round()' needs a number") }
      var scale = 1.0
      for _ in 0..<places { scale *= 10 }
      let rounded = (number * scale).rounded(.toNearestOrAwayFromZero) / scale
      return places == 0 ? [.integer(Int(rounded))] : [.decimal(rounded)]
    case "abs": return try numeric { Swift.abs($0) }
    case "ceiling": return try numeric { $0.rounded(.up) }
    case "floor": return try numeric { $0.rounded(.down) }
    case "truncate": return try numeric { $0.rounded(.towardZero) }
    case "sqrt":
      guard let item = try single(input), let number = item.number else { return [] }
      return number < 0 ? [] : [.decimal(number.squareRoot())]
    case "exp", "ln":
      guard let item = try single(input), let number = item.number else { return [] }
      if name == "ln" && number <= 0 { return [] }
      return [.decimal(name == "exp" ? Glibc.exp(number) : Glibc.log(number))]
    case "log":
      guard let item = try single(input), let number = item.number, let base = try single(argument(0))?.number,
        number > 0, base > 0, base != 1
      else { return [] }
      return [.decimal(Glibc.log(number) / Glibc.log(base))]
    case "power":
      guard let item = try single(input), let exponent = try single(argument(0)) else { return [] }
      if case .integer(let whole) = item, case .integer(let power) = exponent, power >= 0,
        Glibc.pow(Double(whole), Double(power)).magnitude < 9e15
      {
        // Exact for whole numbers; 0, 1 and -1 need no loop (their powers can be asked for any
        // exponent), and any other base passes 9e15 within 53 steps.
        if whole == 0 { return [.integer(power == 0 ? 1 : 0)] }
        if whole == 1 || whole == -1 { return [.integer(whole == -1 && power % 2 == 1 ? -1 : 1)] }
        var out = 1
        for _ in 0..<power { out *= whole }
        return [.integer(out)]
      }
      guard let a = item.number, let b = exponent.number else { throw problem("'power()' needs numbers") }
      let result = Glibc.pow(a, b)
      return result.isFinite ? [.decimal(result)] : []
    case "length": return try string { [.integer($0.count)] }
    case "upper": return try string { [.string($0.uppercased())] }
    case "lower": return try string { [.string($0.lowercased())] }
    case "trim":
      return try string {
        [.string(String($0.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()))]
      }
    case "startsWith", "endsWith", "contains", "indexOf", "matches":
      guard let other = try text(argument(0)) else { return [] }
      return try string { text in
        switch name {
        case "startsWith": return bool(text.hasPrefix(other))
        case "endsWith": return bool(text.hasSuffix(other))
        case "contains": return bool(other.isEmpty || text.contains(other))
        case "indexOf":
          guard !other.isEmpty else { return [.integer(0)] }
          guard let range = text.firstRange(of: other) else { return [.integer(-1)] }
          return [.integer(text.distance(from: text.startIndex, to: range.lowerBound))]
        default:
          guard let pattern = try? Regex(other) else { throw problem("'\(other)' is not a regular expression") }
          return bool(text.contains(pattern))
        }
      }
    case "substring":
      guard let start = try integer(argument(0)) else { return [] }
      let length = arguments.count > 1 ? try integer(argument(1)) : nil
      return try string { text in
        guard start >= 0, start < text.count else { return [] }
        let rest = text.dropFirst(start)
        return [.string(String(length.map { rest.prefix(max(0, $0)) } ?? rest))]
      }
    case "replace":
      guard let pattern = try text(argument(0)), let replacement = try text(argument(1)) else { return [] }
      return try string { [.string(pattern.isEmpty ? $0 : $0.replacing(pattern, with: replacement))] }
    case "join":
      let separator = arguments.isEmpty ? "" : (try text(argument(0)) ?? "")
      return [.string(try input.map { try text([$0]) ?? "" }.joined(separator: separator))]
    case "ordinal", "weight":
      return input.compactMap(Self.weight)
    case "children": return input.flatMap(Self.children)
    case "descendants":
      var out: Collection = []
      var queue = input
      while !queue.isEmpty {
        queue = queue.flatMap(Self.children)
        try spend(queue.count)
        out += queue
        guard out.count <= Self.maximumItems else { throw problem("'descendants()' gives too many items") }
      }
      return out
    case "hasValue":
      guard let item = try single(input) else { return bool(false) }
      if case .node = item { return bool(false) }
      return bool(true)
    case "trace": return input
    case "today": return [.date(now.date)]
    case "now": return [.dateTime(now.iso8601)]
    case "combine": return input + (try argument(0))
    case "union": return try distinct(input + (try argument(0)))
    case "intersect":
      let other = try argument(0)
      try spend(input.count * max(1, other.count))
      return try distinct(input.filter { item in other.contains { Self.equal(item, $0) == true } })
    case "exclude":
      let other = try argument(0)
      try spend(input.count * max(1, other.count))
      return input.filter { item in !other.contains { Self.equal(item, $0) == true } }
    case "subsetOf", "supersetOf":
      let other = try argument(0)
      let (small, large) = name == "subsetOf" ? (input, other) : (other, input)
      try spend(small.count * max(1, large.count))
      return bool(small.allSatisfy { item in large.contains { Self.equal(item, $0) == true } })
    case "answers":
      // SDC: every answer in the items given (a response: all of its answers), nested ones too.
      var out: Collection = []
      var queue = input
      while !queue.isEmpty {
        let answers = queue.flatMap { Self.member("answer", of: $0) }
        out += answers
        queue = queue.flatMap { Self.member("item", of: $0) } + answers.flatMap { Self.member("item", of: $0) }
      }
      return out
    default:
      throw problem("the function '\(name)()' is outside the FHIRPath SelfScreen reads")
    }
  }

  /// The weight of an answer or a Coding: its `itemWeight` / `ordinalValue` extension.
  static func weight(_ item: FHIRPathValue) -> FHIRPathValue? {
    guard case .node(let node) = item else { return nil }
    if case .object(let pairs) = node, let coding = pairs.first(where: { $0.0 == "valueCoding" })?.1 {
      return weight(.node(coding))
    }
    for element in member("extension", of: item) {
      guard case .string(let url)? = member("url", of: element).first, FHIRReader.weightURLs.contains(url) else {
        continue
      }
      if let value = member("value", of: element).first, let number = value.number {
        if case .integer = value { return value }
        return .decimal(number)
      }
    }
    return nil
  }

  /// How `toString()` writes an item.
  static func text(of item: FHIRPathValue) -> String? {
    switch item {
    case .boolean(let flag): return flag ? "true" : "false"
    case .integer(let whole): return String(whole)
    case .decimal(let number): return Answer.decimalText(number)
    case .string(let text), .date(let text), .dateTime(let text), .time(let text): return text
    case .quantity(let value, let unit): return Answer.decimalText(value) + (unit.map { " '\($0)'" } ?? "")
    case .node: return nil
    }
  }
}
