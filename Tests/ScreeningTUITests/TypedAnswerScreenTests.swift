import Foundation
import Testing

@testable import ScreeningCore
@testable import ScreeningTUI

/// Typing decimal and date answers on the full screen.
@Suite struct TypedAnswerScreenTests {
  static func state() throws -> AppState {
    try TUIFixtures.state(questions: [
      "{id: kg, text: Weight in kg?, type: decimal, min: 20, max: 300}",
      "{id: day, text: When did you last use?, type: date}",
      "{id: days, text: On how many days?, type: number, min: 0, max: 30}",
    ])
  }

  static func type(_ text: String, on state: inout AppState) {
    for character in text { state.update(with: .character(character)) }
  }

  @Test func aDecimalIsTypedWithAPointOrACommaAndKept() throws {
    var state = try Self.state()
    state.update(with: .enter)
    #expect(TUIFixtures.screen(state).contains("Your answer (a number, such as 72.5, 20 to 300):"))
    #expect(TUIFixtures.screen(state).contains("type a number · Enter next"))
    Self.type("72,5", on: &state)
    #expect(state.input == "72.5")
    Self.type(".", on: &state)
    #expect(state.input == "72.5", "one decimal point only")
    state.update(with: .enter)
    #expect(state.session.answer(for: "kg") == .decimal(72.5))
    state.update(with: .left)
    #expect(state.input == "72.5", "going back shows the answer again")
  }

  @Test func aDecimalOutOfRangeIsExplained() throws {
    var state = try Self.state()
    state.update(with: .enter)
    Self.type("7", on: &state)
    state.update(with: .enter)
    #expect(state.notice == "7 is below the lowest accepted value, 20")
    #expect(state.session.answer(for: "kg") == nil)
    // The message is right under the field, not at the foot of the window.
    let lines = TUIFixtures.screen(state).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let field = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "7" })
    #expect(lines[field + 1] == " 7 is below the lowest accepted value, 20")
    #expect(lines.filter { $0.contains("below the lowest") }.count == 1)
  }

  @Test func aDateIsTypedAndCheckedAndLettersStayCommands() throws {
    var state = try Self.state()
    state.update(with: .enter)
    Self.type("80", on: &state)
    state.update(with: .enter)
    #expect(TUIFixtures.screen(state).contains("Your answer (a date, YYYY-MM-DD):"))
    Self.type("2026-13-01", on: &state)
    state.update(with: .enter)
    #expect(state.notice == "'2026-13-01' is not a date; write it as YYYY-MM-DD (or YYYY-MM, or YYYY)")
    for _ in 0..<5 { state.update(with: .backspace) }
    Self.type("01-02", on: &state)
    #expect(state.input == "2026-01-02")
    state.update(with: .enter)
    #expect(state.session.answer(for: "day") == .text("2026-01-02"))
    state.update(with: .character("r"))
    #expect(state.overlay == .resources, "r opens the help resources on a date question too")
  }

  /// A point in a whole-number field is refused with a message, not dropped (3.5 became 35).
  @Test func aPointInAWholeNumberIsRefusedWithAMessage() throws {
    var state = try Self.state()
    state.update(with: .enter)
    Self.type("80", on: &state)
    state.update(with: .enter)
    Self.type("2026-01-02", on: &state)
    state.update(with: .enter)
    #expect(state.session.currentQuestion?.id == "days")
    Self.type("3.", on: &state)
    #expect(state.notice == "Whole numbers only: type the number without a decimal point")
    #expect(TUIFixtures.screen(state).contains("Whole numbers only: type the number without a decimal point"))
    Self.type("5", on: &state)
    #expect(state.input == "35", "the person sees the message and the field as it is")
    state.update(with: .backspace)
    state.update(with: .backspace)
    state.update(with: .backspace)
    #expect(state.session.currentQuestion?.id == "days", "Backspace never leaves a typed field")
    #expect(state.notice == "The answer is empty. Press ← or Shift-Tab for the previous question")
  }
}
