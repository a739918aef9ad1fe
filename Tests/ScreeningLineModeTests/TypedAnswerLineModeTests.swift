import Foundation
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

extension TypedAnswerLineModeTests {
  /// Lines typed in turn; the file at `removing` is deleted just before line `at` is read (as if the
  /// person moved it while the result was on screen).
  struct RemovingInput: LineReading {
    var lines: [String]
    let removing: String
    let at: Int
    var count = 0

    mutating func readLine() -> String? {
      if count == at { unlink(removing) }
      count += 1
      return lines.isEmpty ? nil : lines.removeFirst()
    }
  }

  /// A file is attached by its path; one moved before the FHIR export fails that export, naming
  /// it, and the answers are kept for another try.
  @Test func anAttachedFileThatIsGoneAtExportIsNamedAndTheAnswersKept() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-line-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let photo = folder.appendingPathComponent("rash.png").path
    FileManager.default.createFile(atPath: photo, contents: Data([1, 2, 3]))
    let text = SharedFixtures.questionnaire(questions: [
      "{id: photo, text: A photo of the rash?, type: file, accept: [image/*], max_size: 5242880}"
    ])
    let questionnaire = try #require(QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: "f.yaml").value)
    let lines = [folder.path + "/nope.png", photo, "e", "4", "q", "y"]
    var app = LineModeApp(
      session: ScreeningSession(questionnaire: questionnaire),
      region: try #require(BundledData.helpDirectory().value?.region(code: "UK")),
      input: RemovingInput(lines: lines, removing: photo, at: 3), output: Transcript(),
      clock: { Timestamp(secondsSinceEpoch: 1_795_000_000) })
    #expect(app.run() == .finished)
    let transcript = app.output.text.replacingOccurrences(of: "\n", with: " ")
    #expect(transcript.contains("Type the path of the file (images, up to 5 MB), such as ~/Pictures/photo.jpg"))
    #expect(transcript.contains("Sorry, there is no file at \(folder.path)/nope.png; check the name and the folder."))
    #expect(transcript.contains("Nothing is sent. The file stays where it is; a copy goes only into a FHIR file"))
    #expect(transcript.contains("Attached rash.png (3 bytes)."))
    #expect(
      transcript.contains(
        "Could not save: the attached file \(photo) can no longer be read (it is no longer there); put it back, or "
          + "go back and attach it again. Your answers are kept."))
    let after = try #require(transcript.range(of: "Your answers are kept."))
    #expect(transcript[after.upperBound...].contains("Type e to save a copy of your answers"), "back at the result")
  }
}
