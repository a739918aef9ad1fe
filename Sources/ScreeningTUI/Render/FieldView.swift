import ScreeningCore

/// A text field drawn on one row, `width` columns wide after a one-column margin. When the text is
/// wider than the field, the part around the cursor is shown, with … where text is hidden.
enum FieldView {
  static func line(_ field: TextField, width: Int, style: TextStyle, symbols: Symbols) -> (
    line: FrameLine, cursorColumn: Int
  ) {
    let cells = field.characters.map { TextSafety.visible(String($0)) }
    let widths = cells.map { DisplayWidth.of($0) }
    // The first cell shown: far enough on that the cursor, and a cell for it, fit on the row.
    // At the end the cursor may take the last column; inside the text one is kept for the marker.
    let lastCursorColumn = field.cursor == cells.count ? width - 1 : width - 2
    var start = 0
    var beforeCursor = widths[..<field.cursor].reduce(0, +)
    while start < field.cursor, (start > 0 ? 1 : 0) + beforeCursor > lastCursorColumn {
      beforeCursor -= widths[start]
      start += 1
    }
    var shown = start > 0 ? symbols.hiddenBefore : ""
    var used = start > 0 ? 1 : 0
    let cursorColumn = 1 + used + beforeCursor
    var end = start
    while end < cells.count, used + widths[end] <= width {
      used += widths[end]
      end += 1
    }
    // Text hidden on the right: make room for its marker (never before the cursor).
    while end < cells.count, end > field.cursor, used + 1 > width {
      end -= 1
      used -= widths[end]
    }
    shown += cells[start..<end].joined()
    if end < cells.count && used < width {
      shown += symbols.hiddenAfter
      used += 1
    }
    let padding = String(repeating: " ", count: max(0, width - used))
    return (FrameLine([Span(" "), Span(shown + padding, style)]), cursorColumn)
  }
}
