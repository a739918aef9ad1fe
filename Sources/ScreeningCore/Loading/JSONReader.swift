/// Reads a JSON document into a `SourceNode` tree with the line and column of every value.
///
/// Foundation's JSON decoders report no positions; this one does, and like `YAMLReader` it is
/// iterative and bounded. Raw control characters inside strings are passed through so that the
/// text checks can report them with the field's path (the JSON grammar forbids them anyway).
enum JSONReader {
  static func parse(_ bytes: [UInt8], limits: LoadLimits) throws(SyntaxProblem) -> SourceNode {
    var reader = Cursor(bytes: bytes)
    var builder = TreeBuilder(limits: limits)
    enum Container { case object, array }
    var containers: [Container] = []

    reader.skipWhitespace()
    guard !reader.atEnd else {
      throw SyntaxProblem(message: "the file has no content", location: reader.location)
    }
    var expectingValue = true
    while true {
      reader.skipWhitespace()
      if expectingValue {
        let location = reader.location
        guard let byte = reader.peek else {
          throw SyntaxProblem(message: "the file ends where a value was expected", location: location)
        }
        switch byte {
        case UInt8(ascii: "{"):
          reader.advance()
          try builder.open(.mapping([]), at: location)
          containers.append(.object)
          reader.skipWhitespace()
          if reader.peek == UInt8(ascii: "}") {
            reader.advance()
            containers.removeLast()
            try builder.close()
            expectingValue = false
          } else {
            try readKey(&reader, into: &builder)
          }
          continue
        case UInt8(ascii: "["):
          reader.advance()
          try builder.open(.sequence([]), at: location)
          containers.append(.array)
          reader.skipWhitespace()
          if reader.peek == UInt8(ascii: "]") {
            reader.advance()
            containers.removeLast()
            try builder.close()
            expectingValue = false
          }
          continue
        case UInt8(ascii: "\""):
          let text = try reader.readString()
          try builder.add(SourceNode(value: .scalar(text, .quoted), location: location))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          let text = try reader.readNumber()
          try builder.add(SourceNode(value: .scalar(text, .jsonNumber), location: location))
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
          let word = reader.readWord()
          switch word {
          case "true", "false":
            try builder.add(SourceNode(value: .scalar(word, .jsonBool), location: location))
          case "null":
            try builder.add(SourceNode(value: .null, location: location))
          default:
            throw SyntaxProblem(message: "syntax error: unexpected '\(word)'", location: location)
          }
        default:
          throw SyntaxProblem(
            message: "syntax error: expected a value, found \(Cursor.describe(byte))", location: location)
        }
        expectingValue = false
        continue
      }

      // After a value: end of document, a separator, or the end of a container.
      guard let container = containers.last else {
        guard reader.atEnd else {
          throw SyntaxProblem(
            message: "syntax error: unexpected text after the end of the document",
            location: reader.location)
        }
        guard let root = builder.root else {
          throw SyntaxProblem(message: "the file has no content", location: reader.location)
        }
        return root
      }
      let location = reader.location
      switch (container, reader.peek) {
      case (_, UInt8(ascii: ",")?):
        reader.advance()
        if container == .object {
          reader.skipWhitespace()
          try readKey(&reader, into: &builder)
        }
        expectingValue = true
      case (.object, UInt8(ascii: "}")?), (.array, UInt8(ascii: "]")?):
        reader.advance()
        containers.removeLast()
        try builder.close()
      case (_, let byte?):
        let expected = container == .object ? "',' or '}'" : "',' or ']'"
        throw SyntaxProblem(
          message: "syntax error: expected \(expected), found \(Cursor.describe(byte))",
          location: location)
      case (_, nil):
        throw SyntaxProblem(
          message: "syntax error: the file ends inside a \(container == .object ? "mapping" : "list")",
          location: location)
      }
    }
  }

  /// Reads `"key" :` and leaves the cursor before the value.
  private static func readKey(_ reader: inout Cursor, into builder: inout TreeBuilder) throws(SyntaxProblem) {
    let location = reader.location
    guard reader.peek == UInt8(ascii: "\"") else {
      let found = reader.peek.map(Cursor.describe) ?? "the end of the file"
      throw SyntaxProblem(message: "syntax error: expected a key in double quotes, found \(found)", location: location)
    }
    let key = try reader.readString()
    try builder.add(SourceNode(value: .scalar(key, .quoted), location: location))
    reader.skipWhitespace()
    guard reader.peek == UInt8(ascii: ":") else {
      throw SyntaxProblem(message: "syntax error: expected ':' after the key", location: reader.location)
    }
    reader.advance()
  }
}

/// A byte cursor over UTF-8 text that keeps the line and column (in Unicode scalars).
private struct Cursor {
  let bytes: [UInt8]
  var offset = 0
  var line = 1
  var column = 1

  var atEnd: Bool { offset >= bytes.count }
  var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }
  var location: SourceLocation { SourceLocation(line: line, column: column) }

  mutating func advance() {
    let byte = bytes[offset]
    offset += 1
    if byte == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  mutating func skipWhitespace() {
    while let byte = peek,
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    {
      advance()
    }
  }

  mutating func readWord() -> String {
    let start = offset
    while let byte = peek, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) { advance() }
    return String(decoding: bytes[start..<offset], as: UTF8.self)
  }

  mutating func readNumber() throws(SyntaxProblem) -> String {
    let start = offset
    let startLocation = location
    func digits(_ cursor: inout Cursor) -> Int {
      var count = 0
      while let byte = cursor.peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        cursor.advance()
        count += 1
      }
      return count
    }
    if peek == UInt8(ascii: "-") { advance() }
    let intStart = offset
    let intDigits = digits(&self)
    let bad = SyntaxProblem(message: "syntax error: malformed number", location: startLocation)
    guard intDigits > 0 else { throw bad }
    if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") {
      throw SyntaxProblem(message: "syntax error: a number cannot start with 0", location: startLocation)
    }
    if peek == UInt8(ascii: ".") {
      advance()
      guard digits(&self) > 0 else { throw bad }
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      advance()
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
      guard digits(&self) > 0 else { throw bad }
    }
    return String(decoding: bytes[start..<offset], as: UTF8.self)
  }

  mutating func readString() throws(SyntaxProblem) -> String {
    let startLocation = location
    advance()  // opening quote
    var out: [UInt8] = []
    var runStart = offset
    while true {
      guard let byte = peek else {
        throw SyntaxProblem(message: "syntax error: text in quotes is never closed", location: startLocation)
      }
      if byte == UInt8(ascii: "\"") {
        out.append(contentsOf: bytes[runStart..<offset])
        advance()
        return String(decoding: out, as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") {
        out.append(contentsOf: bytes[runStart..<offset])
        let escapeLocation = location
        advance()
        guard let code = peek else { continue }
        advance()
        switch code {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var value = try readHex4(escapeLocation)
          if (0xD800...0xDBFF).contains(value) {
            guard peek == UInt8(ascii: "\\") else { throw loneSurrogate(escapeLocation) }
            advance()
            guard peek == UInt8(ascii: "u") else { throw loneSurrogate(escapeLocation) }
            advance()
            let low = try readHex4(escapeLocation)
            guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(escapeLocation) }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00...0xDFFF).contains(value) {
            throw loneSurrogate(escapeLocation)
          }
          guard let scalar = Unicode.Scalar(value) else { throw loneSurrogate(escapeLocation) }
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
          throw SyntaxProblem(
            message: "syntax error: unknown escape '\\\(Cursor.describe(code))'", location: escapeLocation)
        }
        runStart = offset
        continue
      }
      advance()
    }
  }

  private func loneSurrogate(_ location: SourceLocation) -> SyntaxProblem {
    SyntaxProblem(message: "syntax error: a \\u escape is half of a character (lone surrogate)", location: location)
  }

  private mutating func readHex4(_ location: SourceLocation) throws(SyntaxProblem) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = peek, let digit = Cursor.hexValue(byte) else {
        throw SyntaxProblem(message: "syntax error: \\u needs four hexadecimal digits", location: location)
      }
      value = value << 4 | digit
      advance()
    }
    return value
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  static func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "the byte 0x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
  }
}
