/// Turns the bytes of a YAML or JSON file into a `SourceNode` tree, or located diagnostics.
///
/// Checks the encoding first (empty file, UTF-16, invalid UTF-8, each with its place), then parses.
/// Raw control characters are replaced by private-use stand-ins before libyaml sees them (it would
/// stop at the first one) and put back afterwards, so each is reported with its field's path.
enum DocumentReader {
  enum Syntax { case yaml, json }

  static func syntax(forFile name: String) -> Syntax {
    name.lowercased().hasSuffix(".json") ? .json : .yaml
  }

  static func read(
    _ bytes: [UInt8], syntax: Syntax, limits: LoadLimits, into sink: DiagnosticSink
  ) -> SourceNode? {
    let fileLevel = "(file)"
    guard bytes.count <= limits.maxFileBytes else {
      sink.error(
        "the file is \(InputFile.byteCount(bytes.count)), more than the limit of "
          + "\(InputFile.byteCount(limits.maxFileBytes))",
        at: SourceLocation(line: 1, column: 1), path: fileLevel)
      return nil
    }
    var bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
      || (bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0))
    {
      sink.error(
        "the file is in UTF-16 or another encoding; save it as UTF-8",
        at: SourceLocation(line: 1, column: 1), path: fileLevel)
      return nil
    }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      sink.error("the file is empty", at: SourceLocation(line: 1, column: 1), path: fileLevel)
      return nil
    }
    if let bad = firstInvalidUTF8(bytes) {
      sink.error(
        "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true).leftPadded(to: 2)) at "
          + "offset \(bad)); save it as UTF-8",
        at: location(ofOffset: bad, in: bytes), path: fileLevel)
      return nil
    }
    do {
      switch syntax {
      case .json:
        return try JSONReader.parse(bytes, limits: limits)
      case .yaml:
        guard reportLineSeparators(in: bytes, into: sink) == 0 else { return nil }
        let (masked, changed) = maskControls(bytes)
        let tree = try YAMLReader.parse(masked, limits: limits)
        return changed ? unmask(tree) : tree
      }
    } catch {
      sink.error(error.message, at: error.location, path: fileLevel)
      return nil
    }
  }

  /// Reports every NEL (U+0085), line separator (U+2028) and paragraph separator (U+2029) in a
  /// YAML file and returns how many there are. libyaml (YAML 1.1) ends a line at each, editors
  /// mostly do not: a comment would end early and what follows would be read as live keys, and
  /// every later line number would differ from the editor's. `bytes` is valid UTF-8.
  static func reportLineSeparators(in bytes: [UInt8], into sink: DiagnosticSink) -> Int {
    var found = 0
    var line = 1
    var column = 0  // in scalars, counting the current one
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte & 0xC0 != 0x80 { column += 1 }
      if byte == 0x0A {
        line += 1
        column = 0
      } else if byte == 0xC2 || byte == 0xE2 {
        var name: String? = nil
        if byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0x85 {
          name = "a next-line character (U+0085)"
        } else if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80 {
          if bytes[index + 2] == 0xA8 { name = "a line separator (U+2028)" }
          if bytes[index + 2] == 0xA9 { name = "a paragraph separator (U+2029)" }
        }
        if let name {
          found += 1
          sink.error(
            "\(name) is not allowed anywhere in a YAML file, comments included: YAML reads it as the end "
              + "of a line and most editors do not, so the file would not mean what it shows; delete it "
              + "(in a quoted text, write a line break or a space instead)",
            at: SourceLocation(line: line, column: column), path: "(file)")
        }
      }
      index += 1
    }
    return found
  }

  /// The offset of the first byte that is not part of valid UTF-8, if any.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidUTF8(in: $0) }
  }

  private static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    let count = bytes.count
    while index < count {
      // Eight ASCII bytes at a time (no byte with its high bit set), the usual case.
      if index + 8 <= count, Self.word(bytes, at: index) & 0x8080_8080_8080_8080 == 0 {
        index += 8
        continue
      }
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var minimum: UInt32
      var value: UInt32
      switch byte {
      case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(byte & 0x1F))
      case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(byte & 0x0F))
      case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(byte & 0x07))
      default: return index
      }
      guard index + length <= count else { return index }
      for next in 1..<length {
        let continuation = bytes[index + next]
        guard continuation & 0xC0 == 0x80 else { return index }
        value = value << 6 | UInt32(continuation & 0x3F)
      }
      if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return index }
      index += length
    }
    return nil
  }

  /// Eight bytes from `offset`, in any order (each test looks at every byte alike).
  @inline(__always)
  private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
    UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
  }

  /// Line and column (in scalars) of a byte offset.
  static func location(ofOffset offset: Int, in bytes: [UInt8]) -> SourceLocation {
    var line = 1
    var column = 1
    for byte in bytes[0..<min(offset, bytes.count)] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return SourceLocation(line: line, column: column)
  }

  private static let stand_inBase: UInt32 = 0xF0000  // supplementary private use area A

  /// Replaces C0 (but tab, LF, CR), DEL and C1 characters with private-use stand-ins. The flag
  /// says whether the tree must be unmasked: also when the file itself holds a character in the
  /// stand-ins' range, which is then reported like the control character it stands for.
  /// `bytes` is valid UTF-8 (checked before), so C1 characters are exactly `C2 80` to `C2 9F`.
  private static func maskControls(_ bytes: [UInt8]) -> ([UInt8], Bool) {
    func isMasked(_ byte: UInt8) -> Bool {
      (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }
    let count = bytes.count
    let (first, hasStandIn) = bytes.withUnsafeBufferPointer { buffer -> (Int?, Bool) in
      var hasStandIn = false
      var index = 0
      while index < count {
        // Eight printable ASCII bytes at a time (none below 0x20, none 0x7F or above), the usual case.
        if index + 8 <= count {
          let word = Self.word(buffer, at: index)
          let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
          let delete = ((word ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ~(word ^ 0x7F7F_7F7F_7F7F_7F7F)
          if (belowSpace | word | delete) & 0x8080_8080_8080_8080 == 0 {
            index += 8
            continue
          }
        }
        let byte = buffer[index]
        defer { index += 1 }
        guard byte < 0x20 || byte >= 0x7F else { continue }
        if isMasked(byte) || (byte == 0xC2 && index + 1 < count && (0x80...0x9F).contains(buffer[index + 1])) {
          return (index, true)
        }
        // U+F0000 to U+F00BF: F3 B0 80 xx to F3 B0 82 xx.
        if byte == 0xF3 && index + 2 < count && buffer[index + 1] == 0xB0 && (0x80...0x82).contains(buffer[index + 2]) {
          hasStandIn = true
        }
      }
      return (nil, hasStandIn)
    }
    guard let first else { return (bytes, hasStandIn) }
    var out: [UInt8] = []
    out.reserveCapacity(count + 16)
    out.append(contentsOf: bytes[0..<first])
    var index = first
    while index < count {
      let byte = bytes[index]
      var value: UInt32? = nil
      if isMasked(byte) {
        value = UInt32(byte)
      } else if byte == 0xC2 && index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]) {
        value = UInt32(bytes[index + 1])
        index += 1
      }
      if let value {
        // U+F0000 + value, as UTF-8 (four bytes: F3 B0 8x xx).
        let standIn = stand_inBase + value
        out.append(0xF0 | UInt8(standIn >> 18))
        out.append(0x80 | UInt8((standIn >> 12) & 0x3F))
        out.append(0x80 | UInt8((standIn >> 6) & 0x3F))
        out.append(0x80 | UInt8(standIn & 0x3F))
      } else {
        out.append(byte)
      }
      index += 1
    }
    return (out, true)
  }

  private static func unmask(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { ($0.value &- stand_inBase) <= 0x9F }) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let offset = scalar.value &- stand_inBase
      out.append(offset <= 0x9F ? Unicode.Scalar(offset)! : scalar)
    }
    return String(out)
  }

  private static func unmask(_ node: SourceNode) -> SourceNode {
    var node = node
    switch node.value {
    case .null: break
    case .scalar(let text, let style): node.value = .scalar(unmask(text), style)
    case .sequence(let items): node.value = .sequence(items.map(unmask))
    case .mapping(let entries):
      node.value = .mapping(
        entries.map { SourceNode.Entry(key: unmask($0.key), keyLocation: $0.keyLocation, value: unmask($0.value)) })
    }
    return node
  }
}
