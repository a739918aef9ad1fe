import ScreeningCore

/// Turns an `AppState` into a `Frame` for its terminal size: pure, so every screen is tested as
/// plain text.
///
/// Layout: a title bar on the first row, the body, a notice row and a row of key hints. Long
/// bodies scroll, with "more above / below" markers so nothing is cut off silently.
public enum Renderer {
  /// Rows available to the body.
  public static func bodyHeight(_ size: TerminalSize) -> Int { max(1, size.rows - 3) }

  public static func render(_ state: AppState, symbols: Symbols = .unicode) -> Frame {
    let size = state.size
    guard size.isLargeEnough else { return tooSmall(size, wording: state.wording) }
    let width = size.columns
    let page = page(for: state, symbols: symbols)
    let body = viewport(page, height: bodyHeight(size), width: width, symbols: symbols)

    var lines = [titleBar(page.title, width: width)]
    lines += body.lines
    let notice = page.showsNotice ? nil : state.notice
    lines.append(FrameLine(notice.map { " " + $0 } ?? "", .bold).clipped(to: width))
    lines.append(hintBar(page.hints, width: width, symbols: symbols))
    let cursor = body.cursorRow.map { (row: $0 + 1, column: page.cursorColumn) }
    return Frame(size: size, lines: lines.map { $0.clipped(to: width) }, cursor: cursor)
  }

  // MARK: Pages

  /// What a screen shows before it is fitted to the terminal.
  struct Page {
    var title: String
    /// Lines that stay at the top of the body.
    var pinned: [FrameLine] = []
    var lines: [FrameLine] = []
    /// The body line the cursor sits on and that must stay visible, if any.
    var focus: Int?
    var cursorColumn = 1
    /// First line shown when there is no focus (scrolling screens) or when scrolled by hand.
    var scroll = 0
    /// Show from `scroll` even though there is a focus.
    var manualScroll = false
    var hints: [String]
    /// The page shows the notice itself, next to what it is about: the notice row stays empty.
    var showsNotice = false
  }

  static func page(for state: AppState, symbols: Symbols) -> Page {
    let width = state.size.columns
    if let overlay = state.overlay {
      switch overlay {
      case .resources: return ResourcesPage.page(state, width: width, symbols: symbols)
      case .keyHelp: return KeyHelpPage.page(state, width: width, symbols: symbols)
      case .quitConfirm: return quitPage(state, width: width)
      case .export: return ExportPage.page(state, width: width, symbols: symbols)
      case .regionPicker: return RegionPickerPage.page(state, width: width, symbols: symbols)
      }
    }
    switch state.screen {
    case .welcome: return WelcomePage.page(state, width: width, symbols: symbols)
    case .question: return QuestionPage.page(state, width: width, symbols: symbols)
    case .redFlag(let flags): return RedFlagPage.page(state, flags: flags, width: width, symbols: symbols)
    case .review: return ReviewPage.page(state, width: width, symbols: symbols)
    case .results: return ResultsPage.page(state, width: width, symbols: symbols)
    }
  }

  /// What the state needs of the current screen's layout to scroll it (`AppState.update`), from
  /// one layout of the page: how far it (or the open overlay) can scroll, and where a page that
  /// follows its focus is scrolled to now.
  public static func layout(for state: AppState) -> Layout {
    var page = page(for: state, symbols: .unicode)
    let height = bodyHeight(state.size)
    let room = height - min(page.pinned.count, max(0, height - 3))
    page.manualScroll = false
    return Layout(
      bodyHeight: height, maximumScroll: max(0, page.lines.count - room), followingOffset: offset(of: page, room: room))
  }

  private static func quitPage(_ state: AppState, width: Int) -> Page {
    var lines = [FrameLine()]
    let w = state.wording
    lines += wrapped(w(.quitTitle), width: width, style: .heading)
    lines.append(FrameLine())
    let hasResult = state.result != nil
    if state.savedPaths.isEmpty {
      lines += wrapped(w(hasResult ? .quitResultDiscarded : .quitAnswersDiscarded), width: width)
    } else {
      lines += wrapped(w(.quitCopiesStay, count: state.savedPaths.count), width: width)
      for path in state.savedPaths { lines += wrapped(TextSafety.visible(path), width: width, indent: 3) }
      lines.append(FrameLine())
      lines += wrapped(w(hasResult ? .quitResultCleared : .quitAnswersCleared), width: width)
    }
    lines.append(FrameLine())
    lines.append(
      FrameLine([Span(" "), Span(w(.quitLeaveButton), .focus), Span("   "), Span(w(.quitStayButton), .bold)]))
    return Page(
      title: w(.quitTitle), lines: lines, focus: lines.count - 1, cursorColumn: 2,
      hints: [w(.hintLeave), w(.hintStay)])
  }

  // MARK: Fitting

  struct Body {
    var lines: [FrameLine]
    var cursorRow: Int?
  }

  /// Fits a page into `height` rows: pinned lines first, then a window of the rest that keeps the
  /// focus visible, with markers where lines are hidden above or below.
  static func viewport(_ page: Page, height: Int, width: Int, symbols: Symbols) -> Body {
    let pinned = Array(page.pinned.prefix(max(0, height - 3)))
    let room = height - pinned.count
    let lines = page.lines
    let offset = offset(of: page, room: room)
    var visible = Array(lines[offset..<min(lines.count, offset + room)])
    if offset > 0 {
      visible[0] = FrameLine(" " + symbols.moreAbove + " (PgUp)", .dim)
    }
    if offset + room < lines.count, let last = visible.indices.last {
      visible[last] = FrameLine(" " + symbols.moreBelow + " (PgDn)", .dim)
    }
    let filled = pinned + visible + Array(repeating: FrameLine(), count: max(0, room - visible.count))
    var cursorRow: Int?
    if let focus = page.focus, focus >= offset, focus < offset + room {
      cursorRow = pinned.count + focus - offset
    }
    return Body(lines: filled, cursorRow: cursorRow)
  }

  /// The first body line shown: following the focus, or where the person scrolled to.
  static func offset(of page: Page, room: Int) -> Int {
    let lines = page.lines
    guard lines.count > room else { return 0 }
    let maximum = lines.count - room
    guard let focus = page.focus, !page.manualScroll else { return min(maximum, max(0, page.scroll)) }
    var offset = min(maximum, max(0, focus - room + 2))
    if focus <= offset && offset > 0 { offset = max(0, focus - 1) }
    return offset
  }

  static func titleBar(_ title: String, width: Int) -> FrameLine {
    FrameLine(DisplayWidth.truncated(" " + title, to: width), .bar).padded(to: width, style: .bar)
  }

  /// Key hints, as many as fit, in the order given (most important first).
  static func hintBar(_ hints: [String], width: Int, symbols: Symbols) -> FrameLine {
    var text = ""
    for hint in hints {
      let next = text.isEmpty ? " " + hint : text + symbols.separator + hint
      if DisplayWidth.of(next) > width - 1 { break }
      text = next
    }
    // The last cell of the last row is left empty: writing it scrolls some terminals.
    return FrameLine(text, .bar).padded(to: width - 1, style: .bar)
  }

  static func tooSmall(_ size: TerminalSize, wording w: Wording = .english) -> Frame {
    let width = max(1, size.columns)
    let message = w(
      .tooSmall,
      [
        "minColumns": String(TerminalSize.minimum.columns), "minRows": String(TerminalSize.minimum.rows),
        "columns": String(size.columns), "rows": String(size.rows),
      ])
    var lines = TextLayout.wrap(message, width: width).map { FrameLine($0, .bold) }
    lines = Array(lines.prefix(max(0, size.rows)))
    lines += Array(repeating: FrameLine(), count: max(0, size.rows - lines.count))
    if size.rows > 0, let last = lines.indices.last, lines[last].width >= width {
      lines[last] = lines[last].clipped(to: width - 1)
    }
    return Frame(size: size, lines: lines.map { $0.clipped(to: width) }, cursor: nil)
  }

  // MARK: Text helpers

  /// `text` wrapped to `width` with `indent` columns on every line.
  static func wrapped(_ text: String, width: Int, indent: Int = 1, style: TextStyle = .normal) -> [FrameLine] {
    let pad = String(repeating: " ", count: indent)
    return TextLayout.wrap(TextSafety.visible(text, keepingNewlines: true), width: max(8, width - indent - 1))
      .map { FrameLine([Span(pad), Span($0, style)]) }
  }

  /// A list item: `marker` then text with a hanging indent.
  static func item(_ text: String, marker: String, width: Int, indent: Int = 2, style: TextStyle = .normal)
    -> [FrameLine]
  {
    let lead = String(repeating: " ", count: indent)
    let hang = String(repeating: " ", count: indent + DisplayWidth.of(marker) + 1)
    let lines = TextLayout.wrap(TextSafety.visible(text), width: max(8, width - DisplayWidth.of(hang) - 1))
    return lines.enumerated().map { index, line in
      FrameLine([Span(index == 0 ? lead + marker + " " : hang), Span(line, style)])
    }
  }
}
