import Foundation
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

extension FHIRNotesScreenTests {
  /// A FHIR form is about health in general: its help lists no drug service, in the region given
  /// and in any region chosen instead.
  @Test func aFHIRFormsHelpListsNoDrugServiceInAnyRegion() throws {
    let json = """
      {"resourceType": "Questionnaire", "status": "active", "title": "Skin", "item": [
        {"linkId": "itch", "type": "boolean", "text": "Does it itch?"}]}
      """
    let questionnaire = try #require(QuestionnaireLoader.load(bytes: Array(json.utf8), fileName: "q.json").value)
    let directory = try #require(BundledData.helpDirectory().value)
    let state = AppState(
      session: ScreeningSession(questionnaire: questionnaire), region: try TUIFixtures.region(),
      size: TerminalSize(columns: 80, rows: 24), regions: directory.regions)
    #expect(state.region.resources.map(\.name) == ["Emergency services", "NHS 111", "Samaritans", "Your GP"])
    #expect(!state.regions.contains { $0.resources.contains { $0.kind == .drugs } })
    var resources = state
    TUIFixtures.press([.character("r")], on: &resources)
    let screen = TUIFixtures.screen(resources)
    #expect(screen.contains("Samaritans") && !screen.contains("FRANK"))
  }
}

extension FHIRNotesScreenTests {
  /// PHQ-9 item 9 is its last question: after its crisis screen, Enter leads to the answers and the
  /// result, and the screen says so rather than "go on with the questions".
  @Test func aCrisisAtTheLastQuestionSaysTheResultFollows() throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("ScreeningCoreTests/FHIR/Fixtures/phq-9.json")
    let bytes = Array(try Data(contentsOf: file))
    let questionnaire = try #require(
      QuestionnaireLoader.load(bytes: bytes, fileName: "phq-9.json", fhir: BundledData.fhirContext).value)
    var state = AppState(
      session: ScreeningSession(questionnaire: questionnaire), region: try TUIFixtures.region(),
      size: TerminalSize(columns: 80, rows: 24))
    TUIFixtures.press([.enter] + Array(repeating: [Key.character("4"), .enter], count: 9).flatMap { $0 }, on: &state)
    let screen = TUIFixtures.collapsed(state)
    #expect(screen.contains("Thoughts of being better off dead, or of hurting yourself"))
    #expect(screen.contains("Press Enter to go on to your answers and result when you are ready."))
    #expect(!screen.contains("go on with the questions"))
  }
}
