/// Rules for characters that must never reach a terminal raw: control, bidi and zero-width ones.
public enum TextSafety {
  /// Whether a scalar is a control, bidi-control or zero-width character.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true  // C0, DEL, C1
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi
    case 0x200B...0x200D, 0x2060, 0xFEFF: return true  // zero-width
    case 0x2028, 0x2029: return true  // line and paragraph separators
    default: return false
    }
  }

  /// The first unsafe scalar in `text`; a line feed is allowed when `allowingNewlines`.
  public static func firstUnsafe(in text: String, allowingNewlines: Bool) -> Unicode.Scalar? {
    // ASCII text (nearly all of it) needs only a look at each byte.
    var decided = false
    var found: Unicode.Scalar? = nil
    _ = text.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes {
        if byte >= 0x80 { return }
        if (byte < 0x20 || byte == 0x7F) && !(allowingNewlines && byte == 0x0A) {
          found = Unicode.Scalar(byte)
          break
        }
      }
      decided = true
    }
    if decided { return found }
    return text.unicodeScalars.first { isUnsafe($0) && !(allowingNewlines && $0 == "\n") }
  }

  /// A plain-language name for an unsafe scalar: `U+001B (escape)`.
  public static func describe(_ scalar: Unicode.Scalar) -> String {
    let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
    let name: String
    switch scalar.value {
    case 0x00: name = "null"
    case 0x07: name = "bell"
    case 0x08: name = "backspace"
    case 0x09: name = "tab"
    case 0x0A: name = "line feed"
    case 0x0D: name = "carriage return"
    case 0x1B: name = "escape"
    case 0x7F: name = "delete"
    case 0x01...0x1F: name = "control character"
    case 0x80...0x9F: name = "C1 control character"
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
      name = "bidirectional control"
    case 0x2028: name = "line separator"
    case 0x2029: name = "paragraph separator"
    default: name = "zero-width character"
    }
    return "\(code) (\(name))"
  }

  /// `text` as a double-quoted string literal: quote, backslash, line feed, carriage return and
  /// tab as backslash escapes, every other unsafe scalar as `escape` spells it (JSON's `\u00XX`,
  /// Swift's `\u{XX}`), everything else as it is.
  public static func quoted(_ text: String, escape: (Unicode.Scalar) -> String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where isUnsafe(scalar): out += escape(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// `text` with every unsafe scalar (line feeds too) shown as `<U+XXXX>`.
  public static func visible(_ text: String, keepingNewlines: Bool = false) -> String {
    guard text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }), text.unicodeScalars.contains(where: isUnsafe) else {
      return text
    }
    return escaped(text) { scalar, _ in keepingNewlines && scalar == "\n" }
  }

  /// `text` with every unsafe scalar for which `keeps(scalar, next scalar)` is false shown as
  /// `<U+XXXX>`.
  private static func escaped(_ text: String, keeping keeps: (Unicode.Scalar, Unicode.Scalar?) -> Bool) -> String {
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    var next = scalars.next()
    while let scalar = next {
      next = scalars.next()
      if isUnsafe(scalar) && !keeps(scalar, next) {
        let code = String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        out.append(contentsOf: "<U+\(code)>".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}

extension TextSafety {
  /// `text` as it may reach a terminal: every unsafe scalar shown as `<U+XXXX>` except line feed,
  /// tab and a carriage return that ends a line (CSV's CRLF), which move the cursor and nothing
  /// else. Everything SelfScreen prints on standard output and standard error passes through
  /// here, whatever it is (file names, option values, messages, exports), so no byte from a file,
  /// the command line or the environment can drive the terminal.
  public static func forTerminal(_ text: String) -> String {
    let needsWork = text.utf8.contains { byte in
      (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte >= 0x7F
    }
    guard needsWork else { return text }
    return escaped(text) { scalar, next in
      scalar == "\n" || scalar == "\t" || (scalar == "\r" && next == "\n")
    }
  }
}

extension TextSafety {
  /// `text` for a terminal whose locale is not UTF-8: the punctuation and arrows SelfScreen
  /// prints as their ASCII look-alikes, every other non-ASCII character as `?`.
  public static func asciiFallback(_ text: String) -> String {
    guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\u{2018}", "\u{2019}": out += "'"
      case "\u{201C}", "\u{201D}": out += "\""
      case "\u{2013}", "\u{2014}", "\u{00B7}": out += "-"
      case "\u{2022}": out += "*"
      case "\u{2026}": out += "..."
      case "\u{2191}": out += "^"
      case "\u{2193}": out += "v"
      case "\u{2190}": out += "<-"
      case "\u{2192}": out += "->"
      case "\u{2588}": out += "#"
      case "\u{2591}": out += "."
      default: out += scalar.isASCII ? String(scalar) : "?"
      }
    }
    return out
  }
}

extension String {
  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}
