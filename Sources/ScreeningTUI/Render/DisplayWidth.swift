import Synchronization

/// Terminal column widths of text: wide (East Asian, emoji) characters take two columns,
/// combining marks none. Independent of the C library's locale, so frames are the same everywhere.
public enum DisplayWidth {
  /// Columns taken by one character (grapheme cluster).
  public static func of(_ character: Character) -> Int {
    var width = 0
    var first = true
    for scalar in character.unicodeScalars {
      if first {
        width = of(scalar)
        first = false
      } else if scalar.value == 0xFE0F && width == 1 {
        width = 2  // emoji presentation selector
      }
    }
    return width
  }

  /// Columns taken by `text`.
  public static func of(_ text: String) -> Int {
    // Printable ASCII, the common case, is one column a byte: no grapheme breaking needed.
    if isPrintableASCII(text) { return text.utf8.count }
    // Scalar by scalar is much cheaper than grapheme by grapheme, and the same unless the text
    // holds emoji sequences (joiners, presentation selectors), which take the careful path.
    if !text.unicodeScalars.contains(where: { $0.value >= 0x1F000 || $0.value == 0x200D || $0.value == 0xFE0F }) {
      var total = 0
      for scalar in text.unicodeScalars { total += of(scalar) }
      return total
    }
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x300 { return value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if scalar.properties.isEmojiPresentation { return 2 }
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }

  static func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  /// The longest prefix of `text` that fits in `width` columns.
  public static func prefix(_ text: String, fitting width: Int) -> String {
    if isPrintableASCII(text) {
      return text.utf8.count <= width ? text : String(decoding: text.utf8.prefix(max(0, width)), as: UTF8.self)
    }
    // A text that fits is kept whole. `of` never gives less than the sum over characters below (it
    // adds the widths of all scalars only when no character can be wider than its first scalar).
    if of(text) <= width { return text }
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      let next = used + of(text[index])
      if next > width { break }
      used = next
      end = text.index(after: index)
    }
    return String(text[..<end])
  }

  /// `text` cut to `width` columns, ending in "…" when it was cut.
  public static func truncated(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    guard width > 1 else { return prefix(text, fitting: width) }
    return prefix(text, fitting: width - 1) + "…"
  }
}

/// Word wrapping by display width.
public enum TextLayout {
  private struct Key: Hashable {
    var text: String
    var width: Int
  }

  /// Wrapped texts, kept because every frame of a screen wraps the same texts again.
  private static let cache = Mutex<[Key: [String]]>([:])

  /// Wraps `text` into lines of at most `width` columns; line breaks in the text are kept and a
  /// word longer than a line is broken.
  public static func wrap(_ text: String, width: Int) -> [String] {
    let key = Key(text: text, width: width)
    if let lines = cache.withLock({ $0[key] }) { return lines }
    let lines = layOut(text, width: width)
    cache.withLock { cache in
      if cache.count > 4_096 { cache.removeAll(keepingCapacity: true) }
      cache[key] = lines
    }
    return lines
  }

  private static func layOut(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ") {
        var word = String(word)
        var wordWidth = DisplayWidth.of(word)
        if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
          line += " " + word
          lineWidth += 1 + wordWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        while wordWidth > width {
          let head = DisplayWidth.prefix(word, fitting: width)
          let cut = head.isEmpty ? String(word.prefix(1)) : head
          lines.append(cut)
          word = String(word.dropFirst(cut.count))
          wordWidth = DisplayWidth.of(word)
        }
        line = word
        lineWidth = wordWidth
      }
      lines.append(line)
    }
    return lines
  }
}
