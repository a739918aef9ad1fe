import TestSupport
import Testing

@testable import ScreeningCore
@testable import ScreeningTUI

/// The keys of the question screens, on the small mechanics questionnaire (gate, two signs, a
/// multiple choice, a red flag, a number, an optional text): a change to the bundled content never
/// breaks these.
@Suite struct MechanicsKeyTests {
  static func state() throws -> AppState {
    try TUIFixtures.state(questions: SharedFixtures.mechanics)
  }

  /// Keys from the welcome screen to the review: use, one sign, ticks, no red flag, 4 days, no note.
  static let toReview: [Key] = [
    .enter, .character("2"), .enter, .character("1"), .enter, .character("2"), .enter,
    .character("1"), .enter, .character("2"), .enter, .character("4"), .enter, .enter,
  ]

  /// Enter, Right, Tab and Space pressed again and again on an unanswered question never answer:
  /// Enter asks for a choice, Right and Tab go on only from an answered or optional question.
  @Test(arguments: [Key.enter, .right, .tab, .space])
  func repeatedKeysNeverChooseAnAnswer(key: Key) throws {
    var state = try Self.state()
    state.update(with: .enter)
    for _ in 0..<20 { state.update(with: key) }
    #expect(state.session.answers.isEmpty)
    #expect(state.session.currentQuestion?.id == "gate")
    #expect(!state.isHighlightShown)
    let screen = TUIFixtures.screen(state)
    #expect(
      screen.contains("Choose an answer with ↑↓ or its number, then press Enter")
        || screen.contains("Please choose an answer to go on"))
  }

  @Test func rightGoesOnFromAnAnsweredQuestionWithoutChangingIt() throws {
    var state = try Self.state()
    TUIFixtures.press([.enter, .character("2"), .enter], on: &state)
    #expect(state.session.currentQuestion?.id == "sign_a")
    state.update(with: .left)
    #expect(state.isHighlightShown && state.highlight == 1, "back, the highlight is on the answer")
    TUIFixtures.press([.up, .right], on: &state)
    #expect(state.session.answers["gate"] == .choice("yes"), "moving is not choosing")
    #expect(state.session.currentQuestion?.id == "sign_a")
  }

  @Test func arrowsDigitsAndVimKeysMoveTheHighlight() throws {
    var state = try Self.state()
    TUIFixtures.press([.enter, .character("2"), .enter, .down], on: &state)
    #expect(state.highlight == 0, "the first move shows the highlight on the first option")
    TUIFixtures.press([.down, .down, .down], on: &state)
    #expect(state.highlight == 2)
    TUIFixtures.press([.up, .character("k"), .character("k")], on: &state)
    #expect(state.highlight == 0)
    TUIFixtures.press([.character("j"), .character("3"), .character("9"), .end], on: &state)
    #expect(state.highlight == 2, "9 is not an option here")
    TUIFixtures.press([.home], on: &state)
    #expect(state.highlight == 0)
  }

  @Test func progressOnEveryQuestion() throws {
    var state = try Self.state()
    var seen: [String] = []
    for key in Self.toReview {
      if state.screen == .question {
        let line = Renderer.render(state).lines[1].text
        if seen.last != line { seen.append(line) }
      }
      state.update(with: key)
    }
    #expect(seen == (1...7).map { " \($0 == 1 ? "Start" : "Signs") · Question \($0) of 7" })
    #expect(state.screen == .review)
  }

  @Test func backKeepsAnswersAndEveryBackKeyWorks() throws {
    var state = try Self.state()
    TUIFixtures.press([.enter, .character("2"), .enter, .character("1"), .enter], on: &state)
    #expect(state.session.currentQuestion?.id == "sign_b")
    TUIFixtures.press([.left], on: &state)
    #expect(state.session.currentQuestion?.id == "sign_a")
    #expect(TUIFixtures.screen(state).contains("› 1 (•) Yes"))
    for back: Key in [.backspace, .backTab, .character("b")] {
      var copy = state
      copy.update(with: back)
      #expect(copy.session.currentQuestion?.id == "gate", "\(back)")
      #expect(copy.session.answers["sign_a"] == .choice("yes"), "answers are kept")
    }
    TUIFixtures.press([.character("b"), .character("b")], on: &state)
    #expect(state.screen == .welcome)
  }

  @Test func multipleChoiceNeedsATickAndNoneOfTheseIsExclusive() throws {
    var state = try Self.state()
    TUIFixtures.press(Array(Self.toReview.prefix(7)), on: &state)
    #expect(state.session.currentQuestion?.id == "changes")
    state.update(with: .enter)
    #expect(state.notice == "Choose at least one option with Space (or \"None of these\"), then press Enter")
    state.update(with: .space)
    #expect(state.notice == "Move to an option with ↑↓ or its number first, then press Space to tick it")
    TUIFixtures.press([.character("1"), .character("3")], on: &state)
    #expect(state.ticked == ["none"], "None of these takes the place of the other ticks")
    TUIFixtures.press([.character("1"), .character("2")], on: &state)
    #expect(state.ticked == ["sleep", "mood"])
    #expect(TUIFixtures.screen(state).contains("› 2 [x] Low mood"))
    state.update(with: .enter)
    #expect(state.session.answer(for: "changes") == .choices(["sleep", "mood"]))
  }

  @Test func helpResourcesKeysAndQuitFromEveryScreen() throws {
    var state = try Self.state()
    let steps: [[Key]] = [[], [.enter], Array(Self.toReview.dropFirst()), [.enter]]
    var screens: [AppState.Screen] = []
    for keys in steps {
      TUIFixtures.press(keys, on: &state)
      let before = state.screen
      screens.append(before)
      state.update(with: .character("r"))
      #expect(state.overlay == .resources)
      let resources = TUIFixtures.screen(state)
      #expect(resources.hasPrefix(" Help resources · United Kingdom"))
      #expect(resources.contains(" Emergency services: call 999"))
      state.update(with: .escape)
      #expect(state.overlay == nil)
      #expect(state.screen == before)
      state.update(with: .character("?"))
      #expect(TUIFixtures.screen(state).contains(" Ctrl-C         leave at once; nothing is written"))
      state.update(with: .escape)
      state.update(with: .character("q"))
      #expect(TUIFixtures.screen(state).contains("Your answers"))
      state.update(with: .character("n"))
      #expect(state.overlay == nil)
      #expect(state.outcome == nil)
    }
    #expect(screens == [.welcome, .question, .review, .results])
    state.update(with: .character("q"))
    #expect(state.update(with: .character("y")) == .end(.quit))
    #expect(state.outcome == .quit)
  }

  @Test func ctrlCLeavesAtOnceFromAnywhere() throws {
    var state = try Self.state()
    TUIFixtures.press([.enter, .character("r")], on: &state)
    #expect(state.update(with: .interrupt) == .end(.interrupted))
    #expect(state.outcome == .interrupted)
  }
}

extension MechanicsKeyTests {
  /// A suggested answer is shown ready to take: highlighted (or in the field), recorded only by
  /// Enter; Right does not take it.
  @Test func aSuggestedAnswerIsTakenOnlyByEnter() throws {
    var state = try TUIFixtures.state(questions: [
      "{id: pick, text: Pick?, type: single, options: [{code: a, label: A}, {code: b, label: B}], initial: \"b\"}",
      "{id: days, text: Days?, type: number, initial: 4}",
    ])
    state.update(with: .enter)
    #expect(state.isHighlightShown && state.highlight == 1)
    #expect(TUIFixtures.screen(state).contains("› 2 ( ) B"))
    state.update(with: .right)
    #expect(state.session.answers.isEmpty, "Right never chooses, a suggestion included")
    state.update(with: .enter)
    #expect(state.session.answer(for: "pick") == .choice("b"))
    #expect(state.input == "4")
    TUIFixtures.press([.backspace, .character("5"), .enter], on: &state)
    #expect(state.session.answer(for: "days") == .number(5))
  }
}
