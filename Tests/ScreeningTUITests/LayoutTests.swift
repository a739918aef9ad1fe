import Testing

@testable import ScreeningCore
@testable import ScreeningTUI

/// Frames fit any terminal: measured by display width, never wider than the screen, with a
/// plain "make the window larger" screen below the minimum.
@Suite struct LayoutTests {
  @Test func displayWidth() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("日本語") == 6)
    #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute
    #expect(DisplayWidth.of("👍") == 2)
    #expect(DisplayWidth.of("한국어") == 6)
    #expect(DisplayWidth.truncated("日本語のテキスト", to: 7) == "日本語…")
    #expect(DisplayWidth.prefix("ab日本", fitting: 3) == "ab")
  }

  /// The longest prefix that fits, found character by character: what `prefix` and `clipped`
  /// must give, whichever shortcut they take.
  static func referencePrefix(_ text: String, fitting width: Int) -> String {
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      let next = used + DisplayWidth.of(text[index])
      if next > width { break }
      used = next
      end = text.index(after: index)
    }
    return String(text[..<end])
  }

  @Test(arguments: [
    "plain words", "█████░░░░░", " › 1 (•) Yes", "’quoted’ — dash…", "日本語のテキスト", "e\u{301}e\u{301}e\u{301}",
    "\u{1100}\u{1161}\u{11A8}\u{1100}\u{1161}", "क्षि हिन्दी", "👍🏽 👨‍👩‍👧 ❤️ 🇬🇧", "a\u{200B}b\u{00AD}c", "tab\there",
  ])
  func cuttingKeepsWholeCharactersThatFit(text: String) {
    for width in 0...14 {
      #expect(DisplayWidth.prefix(text, fitting: width) == Self.referencePrefix(text, fitting: width))
      let spans = [Span("ab"), Span(text, .bold), Span("z")]
      var expected: [Span] = []
      var used = 0
      for span in spans where width + 2 - used > 0 {
        let cut = Self.referencePrefix(span.text, fitting: width + 2 - used)
        if !cut.isEmpty { expected.append(Span(cut, span.style)) }
        used += DisplayWidth.of(cut)
      }
      #expect(FrameLine(spans).clipped(to: width + 2) == FrameLine(expected))
    }
  }

  @Test func wrappingByDisplayWidth() {
    #expect(TextLayout.wrap("日本語 の テキスト を 折り返す", width: 8) == ["日本語", "の", "テキスト", "を", "折り返す"])
    #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextLayout.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
  }

  @Test func belowTheMinimumSizeAPlainMessage() throws {
    var state = try TUIFixtures.state(columns: 30, rows: 10)
    state.update(with: .enter)
    #expect(
      TUIFixtures.screen(state) == """
        Please make the window larger.
        SelfScreen needs at least
        40x12; this one is 30x10.
        Ctrl-C leaves.






        """)
    state.resize(to: TerminalSize(columns: 20, rows: 5))
    let tiny = Renderer.render(state)
    #expect(tiny.lines.count == 5)
    #expect(tiny.lines.allSatisfy { $0.width <= 20 })
    state.resize(to: TerminalSize(columns: 80, rows: 24))
    #expect(TUIFixtures.screen(state).contains("Question 1 of 32"))
  }

  /// Every frame of a whole session, at several sizes, has exactly `rows` rows none wider than
  /// `columns` (the last row one narrower: writing the bottom-right cell scrolls some terminals).
  @Test(arguments: [(40, 12), (57, 13), (80, 24), (100, 30), (132, 50)])
  func everyFrameFits(columns: Int, rows: Int) throws {
    var state = try TUIFixtures.state(columns: columns, rows: rows)
    let keys: [Key] =
      [.enter] + ScreenFlowTests.keysToReview(yes: 7, unconscious: true) + [.enter, .pageDown, .pageDown, .end]
    for key in keys + [.character("r"), .pageDown, .escape, .character("?"), .escape, .character("q")] {
      let frame = Renderer.render(state)
      #expect(frame.lines.count == rows)
      for (index, line) in frame.lines.enumerated() {
        #expect(line.width <= (index == rows - 1 ? columns - 1 : columns), "row \(index): \(line.text)")
      }
      if let cursor = frame.cursor {
        #expect(cursor.row >= 0 && cursor.row < rows && cursor.column < columns)
      }
      state.update(with: key)
    }
  }

  @Test func longTextScrollsWithMarkersAndPageKeys() throws {
    var state = try TUIFixtures.state(columns: 40, rows: 12)
    state.update(with: .enter)
    // A small window opens on the question itself, not scrolled to its options.
    let top = TUIFixtures.screen(state)
    #expect(top.contains(" Have you used ketamine in the past 12"))
    #expect(top.contains("↓ more below (PgDn)"))
    #expect(!top.contains("more above"))
    state.update(with: .down)
    let first = TUIFixtures.screen(state)
    #expect(first.contains("↑ more above (PgUp)"))
    #expect(first.contains("› 1 ( ) No"))
    state.update(with: .pageUp)
    #expect(TUIFixtures.screen(state).contains(" Have you used ketamine in the past 12"))
    state.update(with: .down)
    #expect(TUIFixtures.screen(state).contains("› 2 ( ) Yes, but only as a treatment"))
  }

  /// On an urgent screen too small for all of it, the emergency number is on every page.
  @Test func theEmergencyNumberStaysOnTheFirstPageOfASmallWindow() throws {
    var state = try TUIFixtures.state(columns: 40, rows: 12)
    state.update(with: .enter)
    for key in ScreenFlowTests.keysToReview(yes: 0, unconscious: true).prefix(42) { state.update(with: key) }
    guard case .redFlag = state.screen else {
      Issue.record("not on the red-flag screen: \(state.screen)")
      return
    }
    #expect(TUIFixtures.screen(state).split(separator: "\n")[1] == " ! Emergency services: call 999")
    state.update(with: .pageDown)
    state.update(with: .pageDown)
    #expect(TUIFixtures.screen(state).contains(" ! Emergency services: call 999"))
    // At 80x24 the page fits, and the contact appears once, in its list.
    var large = try TUIFixtures.state()
    large.update(with: .enter)
    for key in ScreenFlowTests.keysToReview(yes: 0, unconscious: true).prefix(42) { large.update(with: key) }
    #expect(TUIFixtures.screen(large).ranges(of: "Emergency services: call 999").count == 1)
  }

  @Test func wideCharactersInAQuestionnaireStayWithinTheScreen() throws {
    let yaml = """
      format: 1
      id: wide
      version: "1"
      language: ja
      title: 日本語のセルフチェック
      intro: これはテストです。
      disclaimer: 診断ではありません。
      sections:
        - id: main
          title: 質問
          questions:
            - id: q
              text: 過去十二か月の間に、予定よりも多く使ったことがありますか。過去十二か月の間に、予定よりも多く使ったことがありますか。
              type: single
              options:
                - {code: "yes", label: はい}
                - {code: "no", label: いいえ}
      """
    let questionnaire = try #require(QuestionnaireLoader.load(bytes: Array(yaml.utf8), fileName: "w.yaml").value)
    var state = AppState(
      session: ScreeningSession(questionnaire: questionnaire), region: try TUIFixtures.region(),
      size: TerminalSize(columns: 41, rows: 12))
    state.update(with: .enter)
    state.update(with: .down)
    let frame = Renderer.render(state)
    #expect(frame.lines.allSatisfy { $0.width <= 41 })
    #expect(frame.plainText.contains("› 1 ( ) はい"))
  }
}

extension LayoutTests {
  /// Back on an answered multiple-choice question, then the window shrinks: the question stays in
  /// view with the highlighted option (the progress bar gives way first in the smallest window).
  @Test(arguments: [(50, 15, true), (40, 12, false)])
  func aSmallWindowKeepsTheQuestionInViewWithTheHighlight(columns: Int, rows: Int, progressShown: Bool) throws {
    var state = try TUIFixtures.state()
    let toWithdrawal = [Key.enter] + ScreenFlowTests.keysToReview().prefix(24)
    TUIFixtures.press(toWithdrawal + [.character("2"), .character("7"), .enter, .left], on: &state)
    #expect(state.session.currentQuestion?.type == .multiple)
    #expect(state.highlight == 1)
    state.resize(to: TerminalSize(columns: columns, rows: rows))
    var screen = TUIFixtures.collapsed(state)
    #expect(screen.contains("When you have gone a few days without ketamine, which of these have started"))
    #expect(screen.contains("› 2 [x] Trouble sleeping"))
    #expect(screen.contains("43%") == progressShown)
    TUIFixtures.press(Array(repeating: .down, count: 7), on: &state)
    screen = TUIFixtures.collapsed(state)
    #expect(screen.contains("When you have gone a few days without ketamine"))
    #expect(screen.contains("› 9 [ ] Prefer not to say"))
    let frame = Renderer.render(state)
    #expect(frame.lines.count == rows)
    #expect(frame.lines[try #require(frame.cursor).row].text.contains("Prefer not to say"))
  }
}

extension LayoutTests {
  /// The state scrolls by the layout it is given with each key: after the window grows, an
  /// offset past the new end is brought back by the first scrolling key, not several.
  @Test func scrollingAfterAResizeStartsFromTheNewEnd() throws {
    var state = try TUIFixtures.state(columns: 40, rows: 12)
    TUIFixtures.press([.enter] + ScreenFlowTests.keysToReview() + [.enter, .end], on: &state)
    #expect(state.screen == .results)
    let small = Renderer.layout(for: state)
    #expect(state.scroll == small.maximumScroll)
    state.resize(to: TerminalSize(columns: 80, rows: 24))
    let large = Renderer.layout(for: state)
    #expect(large.maximumScroll < small.maximumScroll)
    #expect(state.update(with: .up, layout: large) == nil)
    #expect(state.scroll == large.maximumScroll - 1)
  }
}
