import Testing

@testable import ScreeningCore

/// Each question type's typing, reading and wording, shared by both front ends.
@Suite struct AnswerFieldTests {
  static func field(_ type: QuestionType, min: Int? = nil, max: Int? = nil, maxLength: Int = 500) -> AnswerField {
    let options =
      type.hasOptions
      ? [
        AnswerOption(code: "a", label: "A"), AnswerOption(code: "b", label: "B"),
        AnswerOption(code: "none", label: "None", isExclusive: true),
      ] : []
    return AnswerField(
      Question(id: "q", text: "Q?", type: type, options: options, minimum: min, maximum: max, maxLength: maxLength))
  }

  @Test(arguments: [
    // (type, typed so far, cursor, character, what happens)
    (QuestionType.number, "", 0, Character("7"), AnswerField.Keystroke.insert("7")),
    (.number, "7", 1, "-", .refuse("A minus sign goes at the start")),
    (.number, "7", 0, "-", .insert("-")),
    (.number, "-7", 0, "-", .refuse("A minus sign goes at the start")),
    (.number, "3", 1, ".", .refuse("Whole numbers only: type the number without a decimal point")),
    (.number, "3", 1, "q", .notText),
    (.decimal, "72", 2, ",", .insert(".")),
    (.decimal, "72.5", 4, ".", .refuse("The number already has a decimal point")),
    (.date, "2026", 4, "-", .insert("-")),
    (.date, "2026-01-02", 10, "3", .refuse("That is as long as this answer can be")),
    (.date, "2026", 4, "r", .notText),
    (.text, "I feel", 6, " ", .insert(" ")),
    (.text, "abc", 3, "q", .insert("q")),
    (.text, "abc", 3, "\u{202E}", .notText),
    (.single, "", 0, "1", .notText),
  ])
  func typing(type: QuestionType, text: String, cursor: Int, character: Character, outcome: AnswerField.Keystroke) {
    #expect(Self.field(type).keystroke(character, into: text, at: cursor) == outcome)
  }

  @Test func aTextAnswerStopsAtItsLength() {
    let field = Self.field(.text, maxLength: 3)
    #expect(field.keystroke("d", into: "abc", at: 3) == .refuse("The answer can be at most 3 characters"))
    #expect(field.keystroke("c", into: "ab", at: 2) == .insert("c"))
  }

  @Test(arguments: [
    (QuestionType.number, "  42 ", AnswerField.Reading.answer(.number(42))),
    (.number, "-", .empty),
    (.number, "   ", .empty),
    (.number, "4.5", .invalid("\"4.5\" is not a whole number")),
    (.decimal, "72,5", .answer(.decimal(72.5))),
    (.decimal, "heavy", .invalid("\"heavy\" is not a number")),
    (.decimal, ".", .invalid("\".\" is not a number")),
    (.date, " 2026-01-02 ", .answer(.text("2026-01-02"))),
    (.text, " kept as typed ", .answer(.text(" kept as typed "))),
    (.single, "2", .answer(.choice("b"))),
    (.single, "4", .invalid("\"4\" is not one of the choices")),
    (.multiple, "2 1, 2", .answer(.choices(["b", "a"]))),
    (.multiple, "1 x", .invalid("\"1 x\" is not one of the choices")),
  ])
  func reading(type: QuestionType, text: String, reading: AnswerField.Reading) {
    #expect(Self.field(type).read(text) == reading)
  }

  @Test func theWordingOfEachType() {
    #expect(Self.field(.number, min: 0, max: 30).expected == "a whole number, 0 to 30")
    #expect(Self.field(.number, min: 0, max: 30).lineInstruction == "Type a whole number from 0 to 30")
    #expect(Self.field(.decimal, min: 20, max: 300).expected == "a number, such as 72.5, 20 to 300")
    #expect(Self.field(.decimal).lineInstruction == "Type a number, such as 72.5")
    #expect(Self.field(.date).expected == "a date, YYYY-MM-DD")
    #expect(Self.field(.text).expected == nil)
    #expect(Self.field(.single).lineInstruction == "Type a number from 1 to 3")
    #expect(Self.field(.multiple).lineInstruction == "Type the numbers of all that apply, separated by spaces")
    #expect(Self.field(.decimal).text(for: .decimal(3)) == "3")
    #expect(Self.field(.number).text(for: nil) == "")
  }
}
