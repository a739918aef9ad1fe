import ScreeningCore

/// The red-flag screen, the review of every answer, and the result.
extension AppState {
  mutating func updateRedFlag(_ key: Key, layout: Layout) {
    switch key {
    case .enter, .space, .right, .tab:
      advance()
    case .left, .backspace, .backTab:
      screen = .question
      arriveAtQuestion()
    default:
      scroll = scrolled(scroll, by: key, layout: layout)
    }
  }

  mutating func updateReview(_ key: Key) {
    let rows = session.shownQuestions.count + 1
    switch key {
    case .up, .character("k"): highlight = max(0, highlight - 1)
    case .down, .character("j"), .tab: highlight = min(rows - 1, highlight + 1)
    case .home: highlight = 0
    case .end: highlight = rows - 1
    case .pageUp: highlight = max(0, highlight - max(1, size.rows - 6))
    case .pageDown: highlight = min(rows - 1, highlight + max(1, size.rows - 6))
    case .left, .backspace, .backTab:
      goBack()
    case .enter, .space, .right:
      let shown = session.shownQuestions
      if highlight < shown.count {
        try? session.edit(shown[highlight].id)
        changingFromReview = shown[highlight].id
        screen = .question
        arriveAtQuestion()
      } else {
        finish()
      }
    default:
      break
    }
  }

  mutating func finish() {
    do {
      result = try session.finish()
      screen = .results
      scroll = 0
    } catch {
      let missing = session.unansweredRequired
      if let first = missing.first, let row = session.shownQuestions.firstIndex(of: first) {
        highlight = row
      }
      notice = wording(.noticeNeedAnswerFirst, count: missing.count)
    }
  }

  mutating func updateResults(_ key: Key, layout: Layout) {
    switch key {
    case .character("e"), .character("E"):
      exportDialog = ExportDialog()
      open(.export)
    case .left, .backspace, .backTab:
      session.review()
      result = nil
      screen = .review
      highlight = session.shownQuestions.count
    default:
      scroll = scrolled(scroll, by: key, layout: layout)
    }
  }
}
