import Glibc
import Testing

@testable import ScreeningCore
@testable import ScreeningTUI

/// The export dialog on the results screen: format, path, replace confirmation, outcome.
@Suite struct ExportDialogTests {
  static func resultsState() throws -> AppState {
    var state = AppState(
      session: ScreeningSession(questionnaire: try TUIFixtures.ketamine()), region: try TUIFixtures.region(),
      size: TerminalSize(columns: 80, rows: 24), started: Timestamp(secondsSinceEpoch: 1_795_000_000),
      exportFolder: "/home/person")
    TUIFixtures.press([.enter] + ScreenFlowTests.keysToReview() + [.enter], on: &state)
    #expect(state.screen == .results)
    return state
  }

  @Test func chooseAFormatEditThePathAndSave() throws {
    var state = try Self.resultsState()
    state.update(with: .character("e"))
    #expect(state.overlay == .export)
    #expect(TUIFixtures.screen(state).contains("› 1 Text summary to show a doctor or health worker"))
    TUIFixtures.press([.down, .down, .enter], on: &state)
    #expect(state.exportDialog.path == "/home/person/selfscreen-ketamine-2026-11-18.csv")
    #expect(TUIFixtures.screen(state).contains(" /home/person/selfscreen-ketamine-2026-11-18.csv"))
    // Letters are typed into the path (q, r and ? too); Backspace deletes.
    TUIFixtures.press([.backspace, .backspace, .backspace, .backspace] + "q.csv".map(Key.character), on: &state)
    #expect(state.exportDialog.path == "/home/person/selfscreen-ketamine-2026-11-18q.csv")
    #expect(state.outcome == nil)
    #expect(
      state.update(with: .enter)
        == .write(
          AppState.ExportRequest(
            format: .csv, path: "/home/person/selfscreen-ketamine-2026-11-18q.csv", replacing: false)))
    state.exportFinished(.success("/home/person/selfscreen-ketamine-2026-11-18q.csv"))
    #expect(
      TUIFixtures.collapsed(state).contains(
        "Saved to /home/person/selfscreen-ketamine-2026-11-18q.csv (readable only by you)."))
    state.update(with: .enter)
    #expect(state.overlay == nil)
    #expect(state.savedPaths == ["/home/person/selfscreen-ketamine-2026-11-18q.csv"])
  }

  @Test func anExistingFileIsReplacedOnlyAfterAYes() throws {
    var state = try Self.resultsState()
    TUIFixtures.press([.character("e"), .enter], on: &state)
    let path = "/home/person/selfscreen-ketamine-2026-11-18.txt"
    #expect(state.update(with: .enter) == .write(AppState.ExportRequest(format: .text, path: path, replacing: false)))
    state.exportFinished(
      .failure(WriteError(kind: .exists, path: path, cause: .exists)))
    #expect(TUIFixtures.collapsed(state).contains("\(path) already exists. Replace it?"))
    #expect(state.update(with: .character("n")) == nil)
    #expect(state.exportDialog.step == .path)
    TUIFixtures.press([.enter], on: &state)
    state.exportFinished(
      .failure(WriteError(kind: .exists, path: path, cause: .exists)))
    #expect(
      state.update(with: .character("y")) == .write(AppState.ExportRequest(format: .text, path: path, replacing: true)))
  }

  @Test func aFailureSaysWhyAndKeepsEverything() throws {
    var state = try Self.resultsState()
    TUIFixtures.press([.character("e"), .enter, .enter], on: &state)
    state.exportFinished(.failure(WriteError(kind: .inputOutput, path: "/x", cause: .system(ENOSPC))))
    #expect(state.exportDialog.step == .path)
    #expect(
      TUIFixtures.collapsed(state).contains(
        "Could not save: the disk is full. Your answers are kept; change the name and try again."))
    #expect(state.session.shownQuestions.count == 29)
    #expect(state.result != nil)
  }
}

extension ExportDialogTests {
  @Test func theFileNameIsEditedWithTheSameKeysAsAnAnswer() throws {
    var state = try Self.resultsState()
    TUIFixtures.press([.character("e"), .enter], on: &state)
    #expect(state.exportDialog.path == "/home/person/selfscreen-ketamine-2026-11-18.txt")
    // Ctrl-U clears it; typing goes in at the cursor; ← and Home move without leaving the dialog.
    TUIFixtures.press([.control("u")] + "~/answers.txt".map(Key.character), on: &state)
    TUIFixtures.press([.home, .right, .right] + "old-".map(Key.character), on: &state)
    #expect(state.exportDialog.path == "~/old-answers.txt")
    TUIFixtures.press(Array(repeating: .left, count: 30), on: &state)
    #expect(state.overlay == .export)
    #expect(state.exportDialog.step == .path)
    TUIFixtures.press([.control("e"), .control("w")] + "x.txt".map(Key.character), on: &state)
    #expect(state.exportDialog.path == "x.txt")
    #expect(
      state.update(with: .enter) == .write(AppState.ExportRequest(format: .text, path: "x.txt", replacing: false)))
  }
}
