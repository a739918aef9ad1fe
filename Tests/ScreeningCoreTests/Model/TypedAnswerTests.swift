import Testing

@testable import ScreeningCore

/// Decimal and date questions, and the conditions that read typed answers.
@Suite struct TypedAnswerTests {
  static let questionnaire = """
    format: 1
    id: typed
    version: "1"
    language: en
    title: Typed
    intro: Typed answers.
    disclaimer: Not a diagnosis.
    sections:
      - id: main
        title: Main
        questions:
          - {id: kg, text: Weight in kg?, type: decimal, min: 20, max: 300}
          - {id: heavy, text: Heavy?, type: text, required: false, show_if: {question: kg, more_than: 100}}
          - {id: light, text: Light?, type: text, required: false, show_if: {question: kg, less_than: 50.5}}
          - {id: day, text: Last day?, type: date}
          - {id: newyear, text: New year?, type: text, required: false, show_if: {question: day, text_equals: "2026-01-01"}}
          - {id: age, text: Age?, type: number, required: false}
          - {id: adult, text: Adult?, type: text, required: false, show_if: {question: age, at_least: 18}}
    """

  static func shown(_ answers: [String: Answer]) throws -> [String] {
    let questionnaire = try Fixtures.load(Self.questionnaire, fileName: "typed.yaml")
    return questionnaire.visibility(for: answers).shown.map { questionnaire.questions[$0].id }
  }

  @Test func decimalAnswersAreCheckedAgainstTheRange() throws {
    let question = try #require(try Fixtures.load(Self.questionnaire, fileName: "typed.yaml").question("kg"))
    #expect(try question.validate(.decimal(72.5)) == .decimal(72.5))
    #expect(try question.validate(.number(72)) == .decimal(72), "a whole number is a decimal too")
    #expect(throws: AnswerError(questionID: "kg", reason: "19.5 is below the lowest accepted value, 20")) {
      try question.validate(.decimal(19.5))
    }
    #expect(throws: AnswerError(questionID: "kg", reason: "the answer is not a number")) {
      try question.validate(.decimal(.infinity))
    }
    #expect(question.label(for: .decimal(72.5)) == "72.5")
    #expect(question.label(for: .decimal(72)) == "72")
  }

  @Test(arguments: [
    ("2026-02-28", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-13-01", false), ("2026-04-31", false),
    ("2026-06", true), ("2026", true), ("26-06-01", false), ("2026-6-1", false), ("", false), ("yesterday", false),
    ("0000-01-01", false),
  ])
  func datesAreRealCalendarDates(text: String, valid: Bool) {
    #expect(Answer.isDate(text) == valid)
  }

  @Test func aDateQuestionRefusesAnythingElse() throws {
    let question = try #require(try Fixtures.load(Self.questionnaire, fileName: "typed.yaml").question("day"))
    #expect(try question.validate(.text("2026-01-01")) == .text("2026-01-01"))
    #expect(
      throws: AnswerError(
        questionID: "day", reason: "'1 Jan' is not a date; write it as YYYY-MM-DD (or YYYY-MM, or YYYY)")
    ) {
      try question.validate(.text("1 Jan"))
    }
  }

  @Test func moreThanLessThanAtLeastAndTextEqualsConditions() throws {
    #expect(try Self.shown(["kg": .decimal(100)]) == ["kg", "day", "age"])
    #expect(try Self.shown(["kg": .decimal(100.5)]) == ["kg", "heavy", "day", "age"])
    #expect(try Self.shown(["kg": .decimal(50)]) == ["kg", "light", "day", "age"])
    #expect(try Self.shown(["kg": .decimal(50.5)]) == ["kg", "day", "age"])
    #expect(try Self.shown(["day": .text("2026-01-01")]).contains("newyear"))
    #expect(try !Self.shown(["day": .text("2026-01-02")]).contains("newyear"))
    #expect(try Self.shown(["age": .number(18)]).contains("adult"))
    #expect(try !Self.shown(["age": .number(17)]).contains("adult"))
  }

  @Test func typedTestsNeedTheRightKindOfQuestion() {
    let text = Self.questionnaire.replacingOccurrences(
      of: "{question: age, at_least: 18}", with: "{question: day, more_than: 100}"
    )
    .replacingOccurrences(
      of: "{question: day, text_equals: \"2026-01-01\"}", with: "{question: kg, text_equals: \"x\"}")
    #expect(
      Fixtures.diagnostics(text, fileName: "typed.yaml") == [
        "typed.yaml:16:106: sections[0].questions[4].show_if.text_equals: 'kg' is a decimal question; 'text_equals' "
          + "needs a text, date, time or date_time question",
        "typed.yaml:18:100: sections[0].questions[6].show_if.more_than: 'day' is a date question; 'at_least', "
          + "'at_most', 'more_than' and 'less_than' need a number or decimal question",
      ])
  }

  @Test func aSumCannotReadADecimalOrDateQuestion() {
    let text = Self.questionnaire + "\nscores:\n  - {id: s, label: S, kind: sum, questions: [kg, day]}\n"
    #expect(
      Fixtures.diagnostics(text, fileName: "typed.yaml") == [
        "typed.yaml:20:46: scores[0].questions[0]: 'kg' is a decimal question; a sum needs questions with options or "
          + "whole numbers",
        "typed.yaml:20:50: scores[0].questions[1]: 'day' is a date question; a sum needs questions with options or "
          + "whole numbers",
      ])
  }

  @Test func answersFilesCarryDecimalsAsNumbersAndDatesAsText() throws {
    let questionnaire = try Fixtures.load(Self.questionnaire, fileName: "typed.yaml")
    let answers: [String: Answer] = ["kg": .decimal(72.5), "day": .text("2026-01-01")]
    let bytes = try Exporter(questionnaire: questionnaire, answers: answers, region: nil, created: .now()).encode(.json)
    let json = String(decoding: bytes, as: UTF8.self)
    #expect(json.contains("\"kg\": 72.5"))
    #expect(json.contains("\"day\": \"2026-01-01\""))
    let file = try #require(AnswersLoader.read(bytes: bytes, fileName: "a.json").value)
    #expect(AnswersLoader.answers(of: file, for: questionnaire).value == answers)
  }
}
