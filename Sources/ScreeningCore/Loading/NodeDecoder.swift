/// A place in a document: where a value starts and its field path.
struct Place: Sendable, Hashable {
  var location: SourceLocation
  var path: FieldPath
}

/// Strict, located reads of `SourceNode` values; every problem goes to the sink and the read
/// returns nil, so decoding carries on and all problems are reported at once.
///
/// A class: every `Fields` keeps its decoder, and sharing one costs a single reference.
final class NodeDecoder {
  let sink: DiagnosticSink
  let limits: LoadLimits
  /// What texts are, for messages: "questionnaire text" or "an answer".
  let textContext: String

  init(sink: DiagnosticSink, limits: LoadLimits, textContext: String = "questionnaire text") {
    self.sink = sink
    self.limits = limits
    self.textContext = textContext
  }

  func error(_ message: String, _ place: Place) {
    sink.error(message, at: place.location, path: place.path)
  }

  /// Whether the node is absent, so that an optional key may be left out or written empty.
  func isNull(_ node: SourceNode) -> Bool {
    if case .null = node.value { return true }
    return false
  }

  /// Reads a mapping with a known set of keys, reporting unknown and duplicate keys.
  func fields(_ node: SourceNode, _ path: FieldPath, allowed: [String], what: String) -> Fields? {
    guard case .mapping(let entries) = node.value else {
      error(
        "expected \(what) (a mapping of keys to values), found \(node.kindDescription)",
        Place(location: node.location, path: path))
      return nil
    }
    let path = path.shared
    let byKey = KeyedEntries(entries)
    for position in 0..<byKey.count {
      let entry = byKey[position]
      var keyPlace: Place { Place(location: entry.keyLocation, path: path.appending(entry.key)) }
      if let first = byKey.earlierEntry(sameKeyAs: position) {
        error("duplicate key '\(entry.key)'; it is first given at \(first.keyLocation)", keyPlace)
        continue
      }
      if !allowed.contains(where: { $0.isSameKey(as: entry.key) }) {
        var message = "unknown key '\(entry.key)'"
        if let guess = closest(entry.key, in: allowed) {
          message += "; did you mean '\(guess)'?"
        } else {
          message += "; \(what) can have: \(allowed.joined(separator: ", "))"
        }
        error(message, keyPlace)
      }
    }
    return Fields(decoder: self, place: Place(location: node.location, path: path), entries: byKey)
  }

  /// Reads a list; each element comes with its path.
  func list(_ node: SourceNode, _ path: FieldPath, what: String) -> ListItems? {
    guard case .sequence(let items) = node.value else {
      error("expected a list of \(what), found \(node.kindDescription)", Place(location: node.location, path: path))
      return nil
    }
    return ListItems(nodes: items, path: path.shared)
  }

  /// Reads text on one line (no line breaks).
  func string(_ node: SourceNode, _ path: FieldPath) -> String? {
    text(node, path, multiline: false)
  }

  /// Reads text, checking length and characters.
  func text(_ node: SourceNode, _ path: FieldPath, multiline: Bool = true) -> String? {
    let place = Place(location: node.location, path: path)
    guard let value = Self.textScalar(node) else {
      error("expected text, found \(node.kindDescription)", place)
      return nil
    }
    return checked(value, place, multiline: multiline)
  }

  /// The value of a scalar written as text (plain or quoted), which `text` and `id` read; nil for
  /// a JSON number or boolean, null, a list or a mapping.
  static func textScalar(_ node: SourceNode) -> String? {
    guard case .scalar(let value, let style) = node.value, style == .plain || style == .quoted else { return nil }
    return value
  }

  /// Checks a text value: characters, length, not blank.
  func checked(_ value: String, _ place: Place, multiline: Bool) -> String? {
    if let bad = TextSafety.firstUnsafe(in: value, allowingNewlines: multiline) {
      if bad == "\n" {
        error("this text must fit on one line", place)
      } else {
        error(
          "the text contains \(TextSafety.describe(bad)), which is not allowed in \(textContext); remove it", place)
      }
      return nil
    }
    // A text has no more scalars than UTF-8 bytes: most need no count.
    if value.utf8.count > limits.maxTextLength {
      let length = value.unicodeScalars.count
      if length > limits.maxTextLength {
        error("the text is \(length) characters long; the limit is \(limits.maxTextLength)", place)
        return nil
      }
    }
    if Self.isBlank(value) {
      error("the text is empty", place)
      return nil
    }
    return multiline ? trimmedTrailingNewlines(value) : value
  }

  /// Whether every character is whitespace (an empty text is blank).
  private static func isBlank(_ value: String) -> Bool {
    // A character's whitespace-ness is its first scalar's: a printable ASCII first byte decides.
    if let first = value.utf8.first, first > 0x20, first < 0x7F { return false }
    return value.allSatisfy(\.isWhitespace)
  }

  /// Reads an id: a lowercase letter, then lowercase letters, digits and `_`.
  func id(_ node: SourceNode, _ path: FieldPath, what: String = "id") -> String? {
    let place = Place(location: node.location, path: path)
    guard let value = Self.textScalar(node) else {
      error("expected \(what), found \(node.kindDescription)", place)
      return nil
    }
    if let bad = TextSafety.firstUnsafe(in: value, allowingNewlines: false) {
      error("the \(what) contains \(TextSafety.describe(bad)), which is not allowed; remove it", place)
      return nil
    }
    let length = value.utf8.count > limits.maxIDLength ? value.unicodeScalars.count : 0
    if length > limits.maxIDLength {
      error("the \(what) is \(length) characters long; the limit is \(limits.maxIDLength)", place)
      return nil
    }
    guard Self.isValidID(value) else {
      error(
        "'\(value)' is not a valid \(what): use a lowercase letter, then lowercase letters, digits or '_'",
        place)
      return nil
    }
    return value
  }

  static func isValidID(_ value: String) -> Bool {
    guard let first = value.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
      return false
    }
    return value.utf8.allSatisfy { byte in
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
  }

  /// Reads a whole number.
  func int(_ node: SourceNode, _ path: FieldPath) -> Int? {
    let place = Place(location: node.location, path: path)
    guard case .scalar(let value, let style) = node.value, style == .plain || style == .jsonNumber else {
      error("expected a whole number, found \(node.kindDescription)", place)
      return nil
    }
    let digits = value.hasPrefix("-") || value.hasPrefix("+") ? value.dropFirst() : Substring(value)
    guard !digits.isEmpty, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
      error("expected a whole number, found \(TextSafety.visible(String(value.prefix(40))))", place)
      return nil
    }
    guard let number = Int(value.hasPrefix("+") ? String(digits) : value) else {
      let shown = value.count <= 40 ? value : "\(value.prefix(20))... (\(digits.count) digits)"
      error("the number \(shown) is too large", place)
      return nil
    }
    return number
  }

  /// Reads a whole number within ±`LoadLimits.largestNumber` (a score, a weight, a bound).
  func boundedInt(_ node: SourceNode, _ path: FieldPath) -> Int? {
    guard let number = int(node, path) else { return nil }
    let largest = LoadLimits.largestNumber
    guard (-largest...largest).contains(number) else {
      error(
        "\(number) is outside the numbers accepted here, -\(largest) to \(largest)",
        Place(location: node.location, path: path))
      return nil
    }
    return number
  }

  /// Reads a number that may have a fraction (`72.5`, `-3`, `1e2`); not infinite, not NaN.
  func decimal(_ node: SourceNode, _ path: FieldPath) -> Double? {
    let place = Place(location: node.location, path: path)
    guard case .scalar(let value, let style) = node.value, style == .plain || style == .jsonNumber else {
      error("expected a number, found \(node.kindDescription)", place)
      return nil
    }
    guard Self.isDecimalLiteral(value), let number = Double(value), number.isFinite else {
      error("expected a number, found \(TextSafety.visible(String(value.prefix(40))))", place)
      return nil
    }
    return number
  }

  /// `-12`, `3.25`, `1e-3`: an optional sign, digits, an optional fraction and exponent.
  static func isDecimalLiteral(_ text: String) -> Bool {
    var bytes = Substring(text).utf8[...]
    func digits() -> Int {
      var count = 0
      while let byte = bytes.first, byte >= 0x30 && byte <= 0x39 {
        bytes.removeFirst()
        count += 1
      }
      return count
    }
    if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
    guard digits() > 0 else { return false }
    if bytes.first == UInt8(ascii: ".") {
      bytes.removeFirst()
      guard digits() > 0 else { return false }
    }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
      bytes.removeFirst()
      if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
      guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
  }

  /// Reads `true` or `false`.
  func bool(_ node: SourceNode, _ path: FieldPath) -> Bool? {
    if case .scalar(let value, let style) = node.value, style == .plain || style == .jsonBool {
      switch value {
      case "true": return true
      case "false": return false
      default: break
      }
    }
    error("expected true or false, found \(node.kindDescription)", Place(location: node.location, path: path))
    return nil
  }

  private func trimmedTrailingNewlines(_ value: String) -> String {
    guard value.utf8.last == 0x0A else { return value }
    var value = value
    while value.last == "\n" { value.removeLast() }
    return value
  }

  /// The allowed key closest to a misspelt one, if it is close enough to be a likely typo.
  private func closest(_ key: String, in allowed: [String]) -> String? {
    Suggestion.closest(key, in: allowed)
  }
}

/// The elements of a list, each with its path, made as it is read: an array of the pairs would
/// be as long as the list (6 MB for a score over 100,000 questions), written once and read once.
struct ListItems: RandomAccessCollection {
  let nodes: [SourceNode]
  /// The list's own path (shared by the elements' paths).
  let path: FieldPath

  var startIndex: Int { 0 }
  var endIndex: Int { nodes.count }

  subscript(position: Int) -> (SourceNode, FieldPath) {
    (nodes[position], path.appending(index: position))
  }
}

/// The keys of one mapping, read one by one; missing required keys are reported.
struct Fields {
  let decoder: NodeDecoder
  let place: Place
  let entries: KeyedEntries

  /// The value node and path of a key that is present and not null.
  func node(_ key: String) -> (SourceNode, FieldPath)? {
    guard let entry = entries[key], !decoder.isNull(entry.value) else { return nil }
    return (entry.value, place.path.appending(key))
  }

  /// The place of a key's value, or of the mapping when the key is absent.
  func place(of key: String) -> Place {
    guard let entry = entries[key] else { return place }
    return Place(location: entry.value.location, path: place.path.appending(key))
  }

  func has(_ key: String) -> Bool {
    guard let entry = entries[key] else { return false }
    return !decoder.isNull(entry.value)
  }

  /// Reads a required key; reports it when missing or null.
  func required<T>(_ key: String, _ read: (SourceNode, FieldPath) -> T?) -> T? {
    guard let (node, path) = node(key) else {
      if let entry = entries[key] {
        decoder.error("'\(key)' needs a value", Place(location: entry.value.location, path: place.path.appending(key)))
      } else {
        decoder.error("missing required key '\(key)'", place)
      }
      return nil
    }
    return read(node, path)
  }

  /// Reads the `format` key every SelfScreen file starts with: only 1 is read.
  @discardableResult
  func format() -> Int? {
    required("format") { node, path -> Int? in
      guard let value = decoder.int(node, path) else { return nil }
      guard value == 1 else {
        decoder.error(
          "format \(value) is not supported; this version of selfscreen reads format 1",
          Place(location: node.location, path: path))
        return nil
      }
      return value
    }
  }

  /// Reads an optional key.
  func optional<T>(_ key: String, _ read: (SourceNode, FieldPath) -> T?) -> T? {
    guard let (node, path) = node(key) else { return nil }
    return read(node, path)
  }
}
