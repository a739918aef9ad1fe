import TestSupport
import Testing

@testable import ScreeningCore
@testable import ScreeningTUI

/// Builds app states over the bundled questionnaire and drives them with scripted keys.
enum TUIFixtures {
  static func ketamine() throws -> Questionnaire {
    try #require(BundledData.questionnaire("ketamine")?.value)
  }

  static func region(_ code: String = "UK") throws -> Region {
    try #require(BundledData.helpDirectory().value?.region(code: code))
  }

  static func state(columns: Int = 80, rows: Int = 24, region: String = "UK") throws -> AppState {
    AppState(
      session: ScreeningSession(questionnaire: try ketamine()), region: try Self.region(region),
      size: TerminalSize(columns: columns, rows: rows))
  }

  /// A state over a one-section questionnaire of `questions` (YAML flow mappings, one a line).
  static func state(questions: [String]) throws -> AppState {
    try state(questions: SharedFixtures.questionnaire(questions: questions))
  }

  /// A state over the questionnaire in `text` (YAML), at `columns` x `rows`.
  static func state(questions text: String, columns: Int = 80, rows: Int = 24) throws -> AppState {
    let loaded = QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: "t.yaml")
    #expect(loaded.diagnostics.map(\.description) == [])
    return AppState(
      session: ScreeningSession(questionnaire: try #require(loaded.value)), region: try region(),
      size: TerminalSize(columns: columns, rows: rows), started: Timestamp(secondsSinceEpoch: 1_795_000_000),
      exportFolder: "/home/person")
  }

  /// Applies keys in order.
  static func press(_ keys: [Key], on state: inout AppState) {
    for key in keys { state.update(with: key) }
  }

  /// The frame's text with every run of whitespace made one space (for messages that wrap).
  static func collapsed(_ state: AppState) -> String {
    screen(state).split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The frame as plain text.
  static func screen(_ state: AppState) -> String {
    Renderer.render(state).plainText
  }
}

extension AppState {
  /// A key as the terminal loop gives it: with the layout of the screen as it is now.
  @discardableResult
  mutating func update(with key: Key) -> Effect? {
    update(with: key, layout: Renderer.layout(for: self))
  }
}
