/// How a piece of text is drawn. Colour is only ever added to a style that reads without it.
public enum TextStyle: Sendable, Hashable {
  case normal
  case bold
  case dim
  /// The focused option or button: reverse video.
  case focus
  /// The title bar and key hints: reverse video.
  case bar
  /// Urgent guidance: bold (and red where colour is allowed).
  case urgent
  /// Section titles and headings: bold (and an accent colour where allowed).
  case heading
  /// The filled part of a progress or chart bar.
  case filled
}

/// A run of text in one style.
public struct Span: Sendable, Hashable {
  public var text: String
  public var style: TextStyle

  public init(_ text: String, _ style: TextStyle = .normal) {
    self.text = text
    self.style = style
  }
}

/// One screen row.
public struct FrameLine: Sendable, Hashable {
  public var spans: [Span]

  public init(_ spans: [Span] = []) { self.spans = spans }
  public init(_ text: String, _ style: TextStyle = .normal) { self.spans = [Span(text, style)] }

  /// The row's text without styles.
  public var text: String { spans.map(\.text).joined() }

  /// Columns taken.
  public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }

  /// The row cut to `width` columns (never wider, so ncurses never wraps it).
  func clipped(to width: Int) -> FrameLine {
    var out: [Span] = []
    var used = 0
    for span in spans {
      let room = width - used
      if room <= 0 { break }
      // Most spans fit whole: measuring is much cheaper than cutting character by character.
      let whole = DisplayWidth.of(span.text)
      if whole <= room {
        if !span.text.isEmpty { out.append(span) }
        used += whole
        continue
      }
      let text = DisplayWidth.prefix(span.text, fitting: room)
      if !text.isEmpty { out.append(Span(text, span.style)) }
      used += DisplayWidth.of(text)
    }
    return FrameLine(out)
  }

  /// The row padded with spaces in `style` up to `width` columns.
  func padded(to width: Int, style: TextStyle) -> FrameLine {
    let gap = width - self.width
    guard gap > 0 else { return self }
    return FrameLine(spans + [Span(String(repeating: " ", count: gap), style)])
  }
}

/// The size of the terminal in columns and rows.
public struct TerminalSize: Sendable, Hashable {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }

  /// The smallest size the screens are laid out for.
  public static let minimum = TerminalSize(columns: 40, rows: 12)

  public var isLargeEnough: Bool { columns >= Self.minimum.columns && rows >= Self.minimum.rows }
}

/// A whole screen: exactly `size.rows` rows, none wider than `size.columns`, and where the
/// terminal's cursor goes (on the focused item, for screen magnifiers and readers).
public struct Frame: Sendable, Hashable {
  public var size: TerminalSize
  public var lines: [FrameLine]
  public var cursor: (row: Int, column: Int)?

  public static func == (lhs: Frame, rhs: Frame) -> Bool {
    lhs.size == rhs.size && lhs.lines == rhs.lines && lhs.cursor?.row == rhs.cursor?.row
      && lhs.cursor?.column == rhs.cursor?.column
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(size)
    hasher.combine(lines)
  }

  /// The frame as plain text, one row per line, trailing spaces removed (for tests).
  public var plainText: String {
    lines.map { line in
      var text = line.text
      while text.last == " " { text.removeLast() }
      return text
    }.joined(separator: "\n")
  }
}
