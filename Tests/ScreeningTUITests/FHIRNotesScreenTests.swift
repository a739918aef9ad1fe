import TestSupport
import Testing

@testable import ScreeningCore
@testable import ScreeningTUI

/// A FHIR form's question that SelfScreen cannot ask is named on the screen before the next
/// question, never between that question and its options.
@Suite struct FHIRNotesScreenTests {
  @Test func theNoteComesBeforeTheQuestionAndItsOptions() throws {
    let json = """
      {"resourceType": "Questionnaire", "status": "active", "title": "Skin", "item": [
        {"linkId": "doctor", "type": "reference", "text": "Who is your skin doctor?"},
        {"linkId": "itch", "type": "choice", "text": "How itchy is it?", "answerOption": [
          {"valueCoding": {"code": "0", "display": "Not at all"}},
          {"valueCoding": {"code": "2", "display": "A lot"}}]}]}
      """
    let loaded = QuestionnaireLoader.load(bytes: Array(json.utf8), fileName: "q.json")
    var state = AppState(
      session: ScreeningSession(questionnaire: try #require(loaded.value)), region: try TUIFixtures.region(),
      size: TerminalSize(columns: 80, rows: 24))
    TUIFixtures.press([.enter], on: &state)
    let lines = TUIFixtures.screen(state).split(separator: "\n").map(String.init)
    let note = try #require(lines.firstIndex { $0.contains("Not asked: \"Who is your skin doctor?\"") })
    let question = try #require(lines.firstIndex { $0.contains("How itchy is it?") })
    let option = try #require(lines.firstIndex { $0.contains("Not at all") })
    #expect(note < question && question < option)
    #expect(!lines[question..<option].contains { $0.contains("doctor") })
  }
}
