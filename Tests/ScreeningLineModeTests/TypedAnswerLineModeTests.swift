import TestSupport
import Testing

@testable import ScreeningCore
@testable import ScreeningLineMode

/// Decimal and date answers typed at line mode's prompts.
@Suite struct TypedAnswerLineModeTests {
  static func run(_ input: String) throws -> String {
    let text = """
      format: 1
      id: typed
      version: "1"
      language: en
      title: Typed
      intro: Typed answers.
      disclaimer: Not a diagnosis.
      sections:
        - id: main
          title: "Main?"
          questions:
            - {id: kg, text: Weight in kg?, type: decimal, min: 20, max: 300}
            - {id: day, text: When did you last use?, type: date}
      """
    let result = QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: "t.yaml")
    let questionnaire = try #require(result.value, "\(result.diagnostics)")
    var app = LineModeApp(
      session: ScreeningSession(questionnaire: questionnaire),
      region: try #require(BundledData.helpDirectory().value?.region(code: "UK")), input: ScriptedInput(input),
      output: Transcript(), clock: { Timestamp(secondsSinceEpoch: 1_795_000_000) })
    _ = app.run()
    return app.output.text
  }

  @Test func decimalsAndDatesAreTypedAndChecked() throws {
    let transcript = try Self.run("heavy\n72,5\nsoon\n2026-01-02\n\nq\n")
    #expect(transcript.contains("Question 1 of 2. Main?\n"), "no full stop after a title's own question mark")
    #expect(transcript.contains("Type a number from 20 to 300, such as 72.5, or b, r, ?, q:"))
    #expect(transcript.contains("Sorry, \"heavy\" is not a number."))
    #expect(transcript.contains("Type a date as YYYY-MM-DD, or b, r, ?, q:"))
    #expect(
      transcript.contains(
        "That answer does not fit: 'soon' is not a date; write it as YYYY-MM-DD (or YYYY-MM, or YYYY)."))
    #expect(transcript.contains("Question 2 of 2. Main?"), "72,5 was taken as 72.5")
    #expect(transcript.contains("Typed: your result"), "2026-01-02 was taken")
  }
}

extension TypedAnswerLineModeTests {
  /// Line mode says what the form suggests, and an empty line takes it.
  @Test func anEmptyLineTakesTheSuggestedAnswer() throws {
    let text = SharedFixtures.questionnaire(questions: ["{id: days, text: Days?, type: number, initial: 4}"])
    let questionnaire = try #require(QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: "i.yaml").value)
    var app = LineModeApp(
      session: ScreeningSession(questionnaire: questionnaire),
      region: try #require(BundledData.helpDirectory().value?.region(code: "UK")), input: ScriptedInput("\nq\ny\n"),
      output: Transcript(), clock: { Timestamp(secondsSinceEpoch: 1_795_000_000) })
    _ = app.run()
    #expect(app.output.text.contains("Suggested answer: 4. Press Enter to take it.\n"))
    // Taken: the result follows at once (there is no other question).
    #expect(app.output.text.contains("Typed: your result"))
  }
}
