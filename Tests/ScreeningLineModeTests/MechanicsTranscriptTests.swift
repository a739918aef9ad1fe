import Foundation
import TestSupport
import Testing

@testable import ScreeningCore
@testable import ScreeningLineMode

/// Whole line-mode transcripts of the small mechanics questionnaire, compared with snapshot files
/// (`SELFSCREEN_RECORD=1 swift test` records them anew). The bundled content can change without
/// touching these.
@Suite struct MechanicsTranscriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

  static func transcript(_ input: String, columns: Int = 80, asciiOnly: Bool = false) throws -> String {
    let result = QuestionnaireLoader.load(bytes: Array(SharedFixtures.mechanics.utf8), fileName: "mechanics.yaml")
    let questionnaire = try #require(result.value, "\(result.diagnostics)")
    var app = LineModeApp(
      session: ScreeningSession(questionnaire: questionnaire),
      region: try #require(BundledData.helpDirectory().value?.region(code: "UK")), input: ScriptedInput(input),
      output: Transcript(), clock: { Timestamp(secondsSinceEpoch: 1_795_000_000) }, columns: columns,
      asciiOnly: asciiOnly)
    _ = app.run()
    return app.output.text
  }

  /// Every kind of question, a mistake at each kind of prompt, the red flag, going back, the
  /// review, the result and leaving.
  static let session =
    [
      "", "3", "2", "1", "2", "1 3", "1", "9", "1", "4.5", "4", "", "b", "Fine", "x", "q", "y",
    ].joined(separator: "\n") + "\n"

  @Test(arguments: [(80, false), (50, true)])
  func aWholeSession(columns: Int, asciiOnly: Bool) throws {
    let text = try Self.transcript(Self.session, columns: columns, asciiOnly: asciiOnly)
    let name = "mechanics-\(columns)\(asciiOnly ? "-ascii" : "").txt"
    let mismatch = Snapshot.mismatch(text, file: Self.folder.appendingPathComponent(name))
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }
}
