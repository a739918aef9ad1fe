import Foundation
import TestSupport
import Testing

@testable import ScreeningCore
@testable import ScreeningLineMode

/// Line mode, driven by an input string and read back as a transcript. The prompts' mechanics run
/// on the small mechanics questionnaire; the whole-run, red-flag and export tests read the bundled
/// ketamine questionnaire as a person would.
@Suite struct LineModeTests {
  /// Runs line mode over `input` with the bundled questionnaire, or the one in `questionnaire`
  /// (YAML; mechanics tests use `SharedFixtures.mechanics`, so content changes never break them).
  static func run(
    _ input: String, questionnaire text: String? = nil, writer: SafeFileWriter = SafeFileWriter(), columns: Int = 80,
    asciiOnly: Bool = false
  ) throws -> (
    ending: LineModeApp<ScriptedInput, Transcript>.Ending, transcript: String
  ) {
    let questionnaire = try #require(
      text.map { QuestionnaireLoader.load(bytes: Array($0.utf8), fileName: "fixture.yaml").value }
        ?? BundledData.questionnaire("ketamine")?.value)
    let region = try #require(BundledData.helpDirectory().value?.region(code: "UK"))
    var app = LineModeApp(
      session: ScreeningSession(questionnaire: questionnaire), region: region, input: ScriptedInput(input),
      output: Transcript(), writer: writer, clock: { Timestamp(secondsSinceEpoch: 1_795_000_000) },
      columns: columns, asciiOnly: asciiOnly)
    let ending = app.run()
    return (ending, app.output.text)
  }

  /// Use in the past year, weekly, `yes` signs yes, no withdrawal, no to everything else.
  static func answers(yes: Int = 5, unconscious: Bool = false) -> String {
    (["3", "4"] + (0..<10).map { $0 < yes ? "1" : "2" } + ["8"] + Array(repeating: "2", count: 7)
      + [unconscious ? "1" : "2"] + Array(repeating: "2", count: 8)).joined(separator: "\n") + "\n"
  }

  @Test func aWholeRunReadsWellWithoutATerminal() throws {
    let (ending, transcript) = try Self.run(Self.answers() + "\nq\nn\nq\ny\n")
    #expect(ending == .finished)
    #expect(transcript.hasPrefix("Ketamine use: a private self-check\n\nThis is a private self-check"))
    #expect(transcript.contains("In an emergency, call 999 (Emergency services).\n"))
    #expect(transcript.contains("For adults 18 and over."))
    for number in 2...29 { #expect(transcript.contains("Question \(number) of 30")) }
    #expect(transcript.contains("Question 1 of 32. Ketamine use.\n"))
    #expect(
      transcript.contains(
        "  1. No\n  2. Yes, but only as a treatment prescribed and supervised by a clinician\n"
          + "  3. Yes, in other ways (not prescribed, or more than prescribed)\n"))
    // The disclaimer leads the result.
    #expect(
      transcript.contains(
        "your result\n\nThis self-check is not a diagnosis and is not a validated clinical test."))
    #expect(transcript.contains("Result: Several signs (5 of 10 signs)"))
    // An empty line at the result does not quit; q asks first, as the full screen does.
    #expect(
      collapsed(transcript).hasSuffix(
        "Leave now? Your answers will be cleared; nothing has been saved. Type y to leave, n to stay: "
          + "SelfScreen closed. Nothing was saved."))
    #expect(transcript.components(separatedBy: "Leave now?").count == 3)
    // For screen readers: no escape sequences, no box drawing, no cursor tricks.
    #expect(!transcript.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!transcript.contains("█") && !transcript.contains("│") && !transcript.contains("─"))
  }

  @Test func invalidInputRePromptsWithTheValidChoices() throws {
    let (_, transcript) = try Self.run("9\nyes\n2\n", questionnaire: SharedFixtures.mechanics)
    // Only the prompt is asked again, not the whole question.
    #expect(
      transcript.contains(
        "Sorry, \"9\" is not one of the choices.\nType a number from 1 to 2, or b, r, ?, q: Sorry, \"yes\" is not "
          + "one of the choices.\nType a number from 1 to 2, or b, r, ?, q: \n"))
    #expect(transcript.components(separatedBy: "Question 1 of 7").count == 2)
    #expect(transcript.contains("Question 2 of 7. Signs."))
  }

  @Test func backHelpAndResources() throws {
    let (_, transcript) = try Self.run("2\nb\n?\nr\n", questionnaire: SharedFixtures.mechanics)
    let lines = transcript.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasPrefix("Question 1 of 7") }.count == 4)
    #expect(transcript.contains("Your answer so far: Yes."))
    #expect(
      transcript.contains(
        "Answer each question by typing your answer, or the number of your choice, and\npressing Enter."))
    #expect(transcript.contains("Where to get help: United Kingdom\n- Emergency services: call 999\n"))
  }

  @Test func multipleChoiceTakesSeveralNumbers() throws {
    let keys = ["2", "2", "2", "1, 2 2"]
    let (_, transcript) = try Self.run(keys.joined(separator: "\n") + "\n", questionnaire: SharedFixtures.mechanics)
    #expect(transcript.contains("Type the numbers of all that apply, separated by spaces"))
    #expect(transcript.contains("Question 5 of 7."))
    let (_, refused) = try Self.run(
      (Array(keys.dropLast()) + ["1 3"]).joined(separator: "\n") + "\n", questionnaire: SharedFixtures.mechanics)
    #expect(refused.contains("That answer does not fit: 'None of these' cannot be chosen together with other options."))
    #expect(!refused.contains("'changes'") && !refused.contains("'none'"), "no internal ids in what a person reads")
  }

  @Test func aRedFlagAppearsTheMomentItIsAnswered() throws {
    let (_, transcript) = try Self.run(Self.answers(yes: 0, unconscious: true) + "q\n")
    let urgent = try #require(
      transcript.range(of: "URGENT, GET HELP NOW: Passing out, or needing emergency care, after using"))
    let next = try #require(transcript.range(of: "Question 22 of 30"))
    #expect(urgent.lowerBound < next.lowerBound)
    #expect(
      transcript.contains(
        "Who to contact now (United Kingdom):\n  - Emergency services: call 999\n  - NHS 111: call 111 · 111.nhs.uk\n"))
  }

  @Test func theEndOfInputQuitsAndWritesNothing() throws {
    let calls = RecordingCalls()
    let (ending, transcript) = try Self.run(
      "2\n1\n", questionnaire: SharedFixtures.mechanics, writer: SafeFileWriter(calls: calls))
    #expect(ending == .endOfInput)
    #expect(transcript.hasSuffix("End of input: SelfScreen closed. Nothing was saved.\n"))
    #expect(calls.created.isEmpty)
  }

  @Test func quittingAsksFirst() throws {
    let (ending, transcript) = try Self.run("q\nn\nq\ny\n", questionnaire: SharedFixtures.mechanics)
    #expect(ending == .quit)
    #expect(transcript.hasSuffix("SelfScreen closed. Nothing was saved.\n"))
  }

  @Test func exportOnlyWhenAskedAndReplaceOnlyWhenConfirmed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-line-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("answers.json").path
    let input = Self.answers() + "e\n2\n\(path)\ne\n2\n\(path)\nmaybe\nn\n\(path).2\nq\ny\n"
    let (ending, transcript) = try Self.run(input)
    #expect(ending == .finished)
    #expect(transcript.contains("Saved to \(path)\n"))
    #expect(collapsed(transcript).contains("cannot write '\(path)': a file with that name already exists. Replace it?"))
    #expect(transcript.contains("Please type y or n (or q to cancel)."))
    #expect(transcript.contains("Saved to \(path).2\n"))
    #expect(collapsed(transcript).contains("Leave now? Your answers will be cleared; the copies you saved stay."))
    #expect(transcript.hasSuffix("SelfScreen closed.\n"))
    let saved = try #require(
      AnswersLoader.read(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), fileName: path).value)
    #expect(saved.created == "2026-11-18T11:06:40Z")
  }
}

/// `text` with every run of whitespace made one space (for messages that wrap).
func collapsed(_ text: String) -> String {
  text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// Records the files the writer tries to create.
final class RecordingCalls: FileSystemCalls, @unchecked Sendable {
  let real = SystemCalls()
  private(set) var created: [String] = []
  func kind(of path: String) -> FileKind { real.kind(of: path) }
  func isFolder(_ path: String) -> Bool { real.isFolder(path) }
  func createAnonymous(in folder: String, mode: UInt32) -> Int32 {
    created.append(folder + "/")
    return real.createAnonymous(in: folder, mode: mode)
  }
  func linkAnonymous(_ descriptor: Int32, to path: String) -> Int32 {
    created.append(path)
    return real.linkAnonymous(descriptor, to: path)
  }
  func createExclusive(_ path: String, mode: UInt32) -> Int32 {
    created.append(path)
    return real.createExclusive(path, mode: mode)
  }
  func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { real.write(descriptor, bytes) }
  func setMode(_ descriptor: Int32, _ mode: UInt32) -> Int32 { real.setMode(descriptor, mode) }
  func sync(_ descriptor: Int32) -> Int32 { real.sync(descriptor) }
  func close(_ descriptor: Int32) -> Int32 { real.close(descriptor) }
  func link(_ from: String, _ to: String) -> Int32 { real.link(from, to) }
  func rename(_ from: String, _ to: String) -> Int32 { real.rename(from, to) }
  func unlink(_ path: String) { real.unlink(path) }
  func syncDirectory(_ path: String) { real.syncDirectory(path) }
  func currentDirectory() -> String { real.currentDirectory() }
}

extension LineModeTests {
  /// q is never a file name and never a "no": at the file-name prompt and at "Replace it?" it
  /// cancels the save, and nothing is written.
  @Test func qAtASavePromptCancelsTheSave() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-line-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("a.txt").path
    try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
    let input = Self.answers() + "e\n1\nq\ne\n1\n\(path)\nq\nq\ny\n"
    let (ending, transcript) = try Self.run(input)
    #expect(ending == .finished)
    #expect(transcript.components(separatedBy: "Nothing was saved.").count == 4)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.txt"])
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
    #expect(!FileManager.default.fileExists(atPath: "q"))
  }

  /// Urgent guidance ends with a clear break before the next question.
  @Test func urgentGuidanceEndsWithAClearBreak() throws {
    let (_, transcript) = try Self.run(Self.answers(yes: 0, unconscious: true))
    #expect(
      transcript.contains(
        "\n\n----------------------------------------\nThe questions go on below. Type r at any time for the "
          + "contacts again.\n\nQuestion 22 of 30"))
  }

  /// Lines follow the terminal's width, and a locale that is not UTF-8 gets ASCII.
  @Test func widthAndCharacterSetFollowTheTerminal() throws {
    let (_, wide) = try Self.run(Self.answers(yes: 0, unconscious: true), columns: 200)
    let wideLines = wide.split(separator: "\n")
    #expect(wideLines.contains { $0.count > 100 })
    #expect(wideLines.allSatisfy { $0.count <= 198 })
    let (_, narrow) = try Self.run(Self.answers(yes: 0, unconscious: true), columns: 50)
    #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 48 + 60 }, "prompts end with the typed answer")
    #expect(
      narrow.split(separator: "\n").filter { !$0.hasSuffix(":") && !$0.contains(": ") }.allSatisfy { $0.count <= 48 })
    let (_, plain) = try Self.run(Self.answers(yes: 0, unconscious: true), asciiOnly: true)
    #expect(plain.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(plain.contains("NHS 111: call 111 - 111.nhs.uk"))
  }

  /// A folder typed as the file name saves the suggested name inside it.
  @Test func aFolderNameSavesTheSuggestedFileInIt() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-line-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let (_, transcript) = try Self.run(Self.answers() + "e\n1\n\(folder.path)\nq\ny\n")
    let saved = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(
      saved.count == 1 && saved.first?.hasPrefix("selfscreen-ketamine-") == true
        && saved.first?.hasSuffix(".txt") == true)
    #expect(transcript.contains("Saved to \(folder.path)/selfscreen-ketamine-"))
  }
}
