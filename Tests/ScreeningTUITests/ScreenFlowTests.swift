import TestSupport
import Testing

@testable import ScreeningCore
@testable import ScreeningTUI

/// The bundled ketamine questionnaire's screens as a person sees them: its welcome, its first
/// question, its skip path, red flag, review and result. The keys' mechanics are tested on a small
/// fixture (MechanicsKeyTests, MechanicsSnapshotTests), so these change only with the content.
@Suite struct ScreenFlowTests {
  /// Keys from the first question to the review: use in the past year, weekly, the first `yes`
  /// signs "yes" and the rest "no", no withdrawal symptoms, "no" to everything else.
  static func keysToReview(yes: Int = 5, unconscious: Bool = false) -> [Key] {
    var keys: [Key] = [.character("3"), .enter, .character("4"), .enter]
    for index in 0..<10 { keys += [.character(index < yes ? "1" : "2"), .enter] }
    keys += [.character("8"), .enter]
    for _ in 0..<7 { keys += [.character("2"), .enter] }
    keys += [.character(unconscious ? "1" : "2"), .enter]
    if unconscious { keys.append(.enter) }  // past the red-flag screen
    for _ in 0..<8 { keys += [.character("2"), .enter] }
    return keys
  }

  @Test func welcomeScreen() throws {
    let state = try TUIFixtures.state()
    #expect(
      TUIFixtures.screen(state) == """
         SelfScreen · Ketamine use: a private self-check

         Ketamine use: a private self-check

         This is a private self-check about ketamine use. It is not a diagnosis. It
         takes about 5 minutes and asks about the past year. Nothing you answer is
         stored or sent anywhere unless you choose to export a summary at the end.
         After the first question, you can skip any question by choosing "Prefer not to
         say". At the end you will see what your answers show and where to find help if
         you want it.

         A self-check, not a diagnosis.
         Nothing is sent anywhere, and nothing is saved unless you choose to export.
         About 5 minutes. For adults 18 and over.

          Start   press Enter







         Enter start · r help resources · ? keys · q quit
        """)
  }

  @Test func firstQuestionWithProgressAndFocus() throws {
    var state = try TUIFixtures.state()
    state.update(with: .enter)
    let frame = Renderer.render(state)
    #expect(
      frame.plainText == """
         SelfScreen · Ketamine use: a private self-check
         Ketamine use · Question 1 of 32
         █░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 3%

         Have you used ketamine in the past 12 months?
         Count any use: ketamine from friends, dealers or online (sometimes called "K",
         "ket" or "special K"), and ketamine given to you as a treatment. There are no
         right or wrong answers.

           1 ( ) No
           2 ( ) Yes, but only as a treatment prescribed and supervised by a clinician
           3 ( ) Yes, in other ways (not prescribed, or more than prescribed)











         ↑↓ move · Enter choose · ← back · r help · ? keys · q quit
        """)
    // Nothing is highlighted on an unanswered question: the cursor waits on the question.
    #expect(frame.lines.allSatisfy { $0.spans.allSatisfy { $0.style != .focus } })
    #expect(frame.cursor?.row == 4)
    // The first move shows the highlight: in reverse video, with the terminal's cursor on it.
    state.update(with: .down)
    let moved = Renderer.render(state)
    #expect(moved.plainText.contains(" › 1 ( ) No"))
    #expect(moved.lines[9].spans.last?.style == .focus)
    #expect(moved.lines[10].spans.allSatisfy { $0.style != .focus })
    #expect(moved.cursor?.row == 9)
  }

  /// The highlighted review row is shown in full, and after a change the highlight comes back to
  /// the row that was changed (not to "See my results").
  @Test func reviewShowsTheHighlightedRowInFullAndKeepsItsPlace() throws {
    var state = try TUIFixtures.state()
    state.update(with: .enter)
    for key in Self.keysToReview(yes: 5) { state.update(with: key) }
    #expect(state.screen == .review)
    state.update(with: .home)
    for _ in 0..<7 { state.update(with: .down) }
    let screen = TUIFixtures.screen(state)
    #expect(
      collapsed(screen).contains(
        "› 8. Have you kept using ketamine even when it No caused arguments or trouble with friends or family? "
          + "9. Have you given up or cut back on things you …"))
    state.update(with: .enter)
    #expect(state.session.currentQuestion?.id == "sign_relationships")
    state.update(with: .character("1"))
    state.update(with: .enter)
    #expect(state.screen == .review)
    #expect(state.highlight == 7)
    #expect(state.session.answers["sign_relationships"] == .choice("yes"))
  }

  /// Where no region was given and the locale names no country, the welcome screen asks; c
  /// opens the picker from the welcome and help screens, and the choice holds for the run.
  @Test func theRegionCanBeChosenAndChanged() throws {
    let directory = try #require(BundledData.helpDirectory().value)
    var state = AppState(
      session: ScreeningSession(questionnaire: try TUIFixtures.ketamine()), region: try TUIFixtures.region("INTL"),
      size: TerminalSize(columns: 80, rows: 24), regions: directory.regions, regionWasGuessed: true)
    #expect(
      collapsed(TUIFixtures.screen(state)).contains(
        "Where are you? Help resources are shown for International until you press c to choose your country."))
    state.update(with: .character("c"))
    #expect(state.overlay == .regionPicker)
    let picker = TUIFixtures.screen(state)
    #expect(picker.contains("   2 United Kingdom\n"))
    #expect(picker.contains(" › 6 International\n"))
    state.update(with: .character("2"))
    #expect(state.region.code == "UK")
    #expect(state.overlay == .resources)
    #expect(TUIFixtures.screen(state).contains("Emergency services: call 999"))
    state.update(with: .character("c"))
    state.update(with: .character("1"))
    #expect(state.region.code == "US")
    state.update(with: .escape)
    #expect(collapsed(TUIFixtures.screen(state)).contains("Help resources are shown for United States; press c"))
    // With one region there is nothing to choose.
    var single = try TUIFixtures.state()
    single.update(with: .character("c"))
    #expect(single.overlay == nil)
  }

  /// After a save, leaving says what stays: the files saved, not "nothing has been saved".
  @Test func quittingAfterASaveNamesWhatWasSaved() throws {
    var state = try TUIFixtures.state()
    state.update(with: .character("q"))
    #expect(Renderer.render(state).plainText.contains("Your answers will be discarded. Nothing has been saved."))
    state.update(with: .escape)
    state.exportFinished(.success("/home/sam/selfscreen-ketamine.txt"))
    state.exportFinished(.success("/home/sam/selfscreen-ketamine.json"))
    state.update(with: .character("q"))
    let screen = Renderer.render(state).plainText
    #expect(!screen.contains("Nothing has been saved"))
    #expect(screen.contains("The copies you saved stay:"))
    #expect(screen.contains("   /home/sam/selfscreen-ketamine.txt\n   /home/sam/selfscreen-ketamine.json"))
    #expect(screen.contains("Your answers on screen will be cleared; nothing else is kept."))
  }

  @Test func changingAnAnswerChangesTheSkipPath() throws {
    var state = try TUIFixtures.state()
    TUIFixtures.press([.enter] + Self.keysToReview(yes: 5), on: &state)
    #expect(state.screen == .review)
    #expect(state.session.shownQuestions.count == 29)
    // Back to the first question through the review, and answer "no", then "no" to use before.
    TUIFixtures.press([.home, .enter], on: &state)
    #expect(state.session.currentQuestion?.id == "used_past_year")
    TUIFixtures.press([.character("1"), .enter], on: &state)
    #expect(state.session.currentQuestion?.id == "used_before")
    TUIFixtures.press([.character("1"), .enter], on: &state)
    #expect(state.screen == .review)
    #expect(state.session.shownQuestions.map(\.id) == ["used_past_year", "used_before"])
    TUIFixtures.press([.end, .enter], on: &state)
    #expect(state.screen == .results)
    let screen = TUIFixtures.screen(state)
    #expect(!screen.contains("Result:"))
    #expect(TUIFixtures.collapsed(state).contains("so there are no signs to count"))
  }

  @Test func aRedFlagAnswerShowsTheRedFlagScreenWithTheEmergencyNumberFirst() throws {
    var state = try TUIFixtures.state()
    var keys = Self.keysToReview(yes: 0)
    let unconscious = 2 * 20  // the key that answers the first safety question
    keys[unconscious] = .character("1")
    TUIFixtures.press([.enter] + Array(keys.prefix(unconscious + 2)), on: &state)
    guard case .redFlag(let flags) = state.screen else {
      Issue.record("expected the red-flag screen, got \(state.screen)")
      return
    }
    #expect(flags.map(\.id) == ["rf_overdose"])
    let lines = TUIFixtures.screen(state).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == " URGENT, get help now")
    #expect(lines[2] == " ! Passing out, or needing emergency care, after using")
    let contacts = lines.filter { $0.hasPrefix("  • ") }
    #expect(contacts.first == "  • Emergency services: call 999")
    // Enter goes on to the next question; Left goes back to change the answer.
    var back = state
    back.update(with: .left)
    #expect(back.session.currentQuestion?.id == "safety_passed_out")
    state.update(with: .enter)
    #expect(state.session.currentQuestion?.id == "safety_emergency_care")
  }

  /// The review counts its questions in words that fit the number: one question after "No" to
  /// the first, which skips the other.
  @Test func reviewCountsOneQuestionAsOne() throws {
    let text = """
      format: 1
      id: one
      version: "1"
      language: en
      title: One
      intro: One question, then another only after "yes".
      disclaimer: Not a diagnosis.
      sections:
        - id: main
          title: Main
          questions:
            - {id: gate, text: Have you used it?, type: single, options: [{code: "no", label: "No"}, {code: "yes", label: "Yes"}]}
            - {id: more, text: More?, type: single, options: [{code: a, label: A}], show_if: {question: gate, equals: "yes"}}
      """
    let questionnaire = try #require(QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: "one.yaml").value)
    var state = AppState(
      session: ScreeningSession(questionnaire: questionnaire), region: try TUIFixtures.region(),
      size: TerminalSize(columns: 80, rows: 24))
    TUIFixtures.press([.enter, .character("1"), .enter], on: &state)
    let review = TUIFixtures.screen(state)
    #expect(review.contains(" 1 question. Highlight one and press Enter to change it."))
    var full = try TUIFixtures.state()
    TUIFixtures.press([.enter] + Self.keysToReview(yes: 5), on: &full)
    #expect(TUIFixtures.screen(full).contains(" questions. Highlight one and press Enter to change it."))
    #expect(!TUIFixtures.screen(full).contains(" 1 question."))
  }

  @Test func reviewThenResultsWithBandGuidanceChartAndResources() throws {
    var state = try TUIFixtures.state()
    TUIFixtures.press([.enter] + Self.keysToReview(yes: 5), on: &state)
    let review = TUIFixtures.screen(state)
    #expect(review.contains(" Review your answers"))
    #expect(review.contains("› See my results"))
    state.update(with: .enter)
    #expect(state.screen == .results)
    // The disclaimer leads, then the band.
    #expect(
      TUIFixtures.screen(state).split(separator: "\n", omittingEmptySubsequences: false).prefix(7).joined(
        separator: "\n") == """
           Your result · Ketamine use: a private self-check

           This self-check is not a diagnosis and is not a validated clinical test. It is
           for adults 18 and over.

           Result: Several signs (5 of 10 signs)
             Your answers show several signs that ketamine may be affecting your life.
          """)
    // Scroll to the end: the chart, next steps, resources and the disclaimer are all there.
    var text = TUIFixtures.screen(state)
    for _ in 0..<8 {
      state.update(with: .pageDown)
      text += "\n" + TUIFixtures.screen(state)
    }
    #expect(text.contains("   Control over use              ████████████████████ 4 of 4"))
    #expect(text.contains(" Next steps"))
    #expect(text.contains("Emergency services: call 999"))
    // Left returns to the review with every answer kept.
    state.update(with: .left)
    #expect(state.screen == .review)
    #expect(state.session.shownQuestions.count == 29)
  }
}

/// `text` with every run of whitespace made one space (for wrapped lines).
private func collapsed(_ text: String) -> String {
  text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
