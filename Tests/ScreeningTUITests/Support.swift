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
