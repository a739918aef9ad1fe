import Foundation
import Testing

/// FHIR Questionnaires on the command line: validate, convert, run and export, by the built binary.
@Suite struct FHIRCLITests {
  static let phq9 = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ScreeningCoreTests/FHIR/Fixtures/phq-9.json")

  /// Nine answers of "Nearly every day" (option 4) and the Enter that ends the review.
  static let nearlyEveryDay = String(repeating: "4\n", count: 9)

  @Test func validateAcceptsAFHIRQuestionnaire() throws {
    let result = try CLIRunner.run(["validate", Self.phq9.path])
    #expect(result.status == 0)
    #expect(result.stdout == "\(Self.phq9.path): ok (questionnaire)\n")
    #expect(result.stderr == "")
  }

  @Test func valueSetsFromAFileAnswerAFormThatNamesThemByURL() throws {
    let folder = try CLIRunner.temporaryDirectory()
    try Data(
      #"""
      {"resourceType": "Questionnaire", "title": "Fruit",
       "item": [{"linkId": "fruit", "type": "choice", "text": "Which fruit?",
                 "answerValueSet": "http://example.org/ValueSet/fruit"}]}
      """#.utf8
    ).write(to: folder.appendingPathComponent("q.json"))
    try Data(
      #"""
      {"resourceType": "ValueSet", "url": "http://example.org/ValueSet/fruit",
       "expansion": {"contains": [{"code": "a", "display": "Apple"}, {"code": "b", "display": "Banana"}]}}
      """#.utf8
    ).write(to: folder.appendingPathComponent("fruit.json"))
    try Data(#"{"resourceType": "ValueSet", "url": "http://example.org/ValueSet/fruit"}"#.utf8)
      .write(to: folder.appendingPathComponent("empty.json"))

    let refused = try CLIRunner.run(["validate", "q.json"], directory: folder)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("--value-sets FILE"))
    let valid = try CLIRunner.run(["validate", "q.json", "--value-sets", "fruit.json"], directory: folder)
    #expect(valid.status == 0)
    #expect(valid.stdout == "q.json: ok (questionnaire)\n")
    let run = try CLIRunner.run(
      ["run", "q.json", "--value-sets", "fruit.json", "--ui", "line", "--region", "US"], directory: folder,
      input: "2\nq\ny\n")
    #expect(run.stdout.contains("2. Banana"))
    let broken = try CLIRunner.run(["validate", "q.json", "--value-sets", "empty.json"], directory: folder)
    #expect(broken.status == 65)
    #expect(
      broken.stderr
        == "empty.json:1:1: (top level): the ValueSet 'http://example.org/ValueSet/fruit' lists no codes (give an "
        + "'expansion', or 'compose.include.concept'); SelfScreen cannot expand value sets offline\n"
        + "selfscreen: 'empty.json' has errors; it cannot be used until they are fixed\n")
  }

  @Test func runningAFormCountsItsWarningsOnOneLineForThePerson() throws {
    let folder = try CLIRunner.temporaryDirectory()
    try Data(
      #"""
      {"resourceType": "Questionnaire", "title": "Notes",
       "item": [{"linkId": "a", "type": "string", "text": "Name?", "extension": [
         {"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs", "valueInteger": 1}]},
         {"linkId": "h", "type": "string", "text": "Hidden", "extension": [
         {"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", "valueBoolean": true}]}]}
      """#.utf8
    ).write(to: folder.appendingPathComponent("q.json"))
    let run = try CLIRunner.run(
      ["run", "q.json", "--ui", "line", "--region", "US"], directory: folder, input: "q\ny\n")
    #expect(
      run.stderr.hasPrefix(
        "selfscreen: 'q.json' has 2 notes for its author; 'selfscreen validate q.json' lists them\n"))
    let validate = try CLIRunner.run(["validate", "q.json"], directory: folder)
    #expect(validate.stderr.components(separatedBy: ": warning: ").count == 3)
  }

  /// A person who runs a form that cannot be used reads, in plain words, that nothing was checked,
  /// and where help is, before the author's summary.
  @Test func runningAFormThatCannotBeUsedSaysSoPlainlyWithHelp() throws {
    let folder = try CLIRunner.temporaryDirectory()
    try Data(
      #"""
      {"resourceType": "Questionnaire", "title": "Mood",
       "item": [{"linkId": "a", "type": "choice", "text": "How are you?", "required": true,
                 "answerValueSet": "http://clinic.example.org/ValueSet/moods"}]}
      """#.utf8
    ).write(to: folder.appendingPathComponent("q.json"))
    let run = try CLIRunner.run(["run", "q.json", "--ui", "line", "--region", "UK"], directory: folder, input: "")
    #expect(run.status == 65)
    #expect(
      run.stderr.contains(
        """

        SelfScreen can't run this questionnaire: it has mistakes, listed above, that its author needs to fix. \
        Nothing was checked or saved. Please let whoever gave it to you know.
        If you need help now (United Kingdom):
          - Emergency services: call 999

        """))
    #expect(run.stderr.contains("  - Samaritans: call 116 123"))
    #expect(run.stderr.hasSuffix("selfscreen: 'q.json' has errors; it cannot be used until they are fixed\n"))
    // An author checking the file reads only the problems.
    let validate = try CLIRunner.run(["validate", "q.json"], directory: folder)
    #expect(!validate.stderr.contains("If you need help now"))
  }

  @Test func validateReportsFHIRProblemsWithTheirPlaces() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let file = folder.appendingPathComponent("bad.json")
    try Data(
      #"""
      {"resourceType": "Questionnaire",
       "item": [{"linkId": "gp", "type": "reference", "text": "Your GP?", "required": true}]}
      """#.utf8
    ).write(to: file)
    let result = try CLIRunner.run(["validate", "bad.json"], directory: folder)
    #expect(result.status == 65)
    #expect(
      result.stderr == """
        bad.json:2:36: item[0].type: item 'gp' has type 'reference', which SelfScreen cannot ask (it asks group, \
        display, boolean, choice, open-choice, coding, integer, decimal, quantity, string, text, url, date, dateTime, \
        time and attachment items; an optional reference item is shown with a note)
        selfscreen: 1 error found

        """)
  }

  @Test func convertPrintsNativeYAMLThatValidates() throws {
    let converted = try CLIRunner.run(["convert", Self.phq9.path])
    #expect(converted.status == 0)
    #expect(converted.stderr.contains("warning: (top level): this is the PHQ-9: run from this FHIR file"))
    #expect(converted.stdout.contains("\nformat: 1\nid: \"phq9\"\nversion: \"2.0\"\n"))
    let folder = try CLIRunner.temporaryDirectory()
    try Data(converted.stdout.utf8).write(to: folder.appendingPathComponent("phq9.yaml"))
    let checked = try CLIRunner.run(["validate", "phq9.yaml"], directory: folder)
    #expect(checked.stdout == "phq9.yaml: ok (questionnaire)\n")
    #expect(checked.status == 0)
  }

  @Test func convertWritesAPrivateFileAndNeverReplacesOneUnasked() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let first = try CLIRunner.run(["convert", Self.phq9.path, "--output", "phq9.yaml"], directory: folder)
    #expect(first.status == 0)
    #expect(first.stdout == "Saved to \(folder.appendingPathComponent("phq9.yaml").path)\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("phq9.yaml").path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let again = try CLIRunner.run(["convert", Self.phq9.path, "--output", "phq9.yaml"], directory: folder)
    #expect(again.status == 73)
    #expect(again.stderr.contains("add --replace to replace it. Nothing was written."))
    let replaced = try CLIRunner.run(
      ["convert", Self.phq9.path, "--output", "phq9.yaml", "--replace"], directory: folder)
    #expect(replaced.status == 0)
  }

  @Test func convertExitStatusesForMissingAndBrokenFiles() throws {
    let missing = try CLIRunner.run(["convert", "/nonexistent/q.json"])
    #expect(missing.status == 66)
    let folder = try CLIRunner.temporaryDirectory()
    try Data(
      #"{"resourceType": "Questionnaire", "item": [{"linkId": "t", "type": "reference", "text": "Which record?"}]}"#
        .utf8
    )
    .write(to: folder.appendingPathComponent("t.json"))
    let broken = try CLIRunner.run(["convert", "t.json"], directory: folder)
    #expect(broken.status == 65)
    #expect(broken.stdout == "")
    #expect(broken.stderr.hasSuffix("selfscreen: 't.json' cannot be converted until its errors are fixed\n"))
  }

  @Test func thePHQ9RunsInLineModeAndTotals27() throws {
    let result = try CLIRunner.run(
      ["run", Self.phq9.path, "--ui", "line", "--region", "US"], input: Self.nearlyEveryDay + "q\ny\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("Question 9 of 9."))
    #expect(result.stdout.contains("Result: a score of 27 out of 27, in the range the PHQ-9's authors call"))
    #expect(result.stdout.contains("\"severe\" (20 to 27)"))
    // Item 9 answered "Nearly every day": the crisis contacts at once, before the result.
    let urgent = try #require(
      result.stdout.range(of: "PLEASE REACH OUT FOR SUPPORT TODAY: Thoughts of being better off"))
    let crisisLine = try #require(result.stdout.range(of: "988 Suicide & Crisis Lifeline"))
    let resultHeading = try #require(result.stdout.range(of: "your result"))
    #expect(urgent.lowerBound < resultHeading.lowerBound && crisisLine.lowerBound < resultHeading.lowerBound)
  }

  @Test func savedAnswersExportAsAQuestionnaireResponse() throws {
    let folder = try CLIRunner.temporaryDirectory()
    var answers: [String: String] = [:]
    for id in ["q_44250_9", "q_44255_8", "q_44259_0", "q_44254_1", "q_44251_7", "q_44258_2", "q_44252_5", "q_44253_3"] {
      answers[id] = "la6571_9"
    }
    answers["q_44260_8"] = "la6568_5"
    let document: [String: Any] = ["format": 1, "questionnaire": "phq9", "version": "2.0", "answers": answers]
    try JSONSerialization.data(withJSONObject: document).write(to: folder.appendingPathComponent("a.json"))
    let result = try CLIRunner.run(
      ["run", Self.phq9.path, "--answers", "a.json", "--export", "out.fhir.json"], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: folder.appendingPathComponent("out.fhir.json"))
    let response = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(response["resourceType"] as? String == "QuestionnaireResponse")
    let group = try #require((response["item"] as? [[String: Any]])?.first)
    let items = try #require(group["item"] as? [[String: Any]])
    #expect(items.last?["linkId"] as? String == "/44261-6")
    let total = (items.last?["answer"] as? [[String: Any]])?.first?["valueInteger"] as? NSNumber
    #expect(total?.intValue == 24)
    let scored = try CLIRunner.run(["score", "a.json", "--questionnaire", Self.phq9.path], directory: folder)
    #expect(scored.stdout.contains("Result: a score of 24 out of 27, in the range the PHQ-9's authors call"))
    // Item 9 answered "Not at all": no crisis guidance.
    #expect(!scored.stdout.contains("PLEASE REACH OUT") && !scored.stdout.contains("Please reach out for support"))
  }

  /// Saved answers name an attached file; the FHIR export reads it then. A file that is gone by
  /// then fails the export with its name and exit status 74, and nothing is written.
  @Test func exportingSavedAnswersReadsTheAttachedFileOrSaysItIsGone() throws {
    let folder = try CLIRunner.temporaryDirectory()
    try Data(
      #"""
      {"resourceType": "Questionnaire", "name": "skin", "version": "1",
       "item": [{"linkId": "photo", "type": "attachment", "text": "A photo of the rash?", "required": true}]}
      """#.utf8
    ).write(to: folder.appendingPathComponent("skin.json"))
    let photo = folder.appendingPathComponent("rash.png")
    try Data([0x89, 0x50, 0x4E, 0x47]).write(to: photo)
    let document: [String: Any] = [
      "format": 1, "questionnaire": "skin", "version": "1", "answers": ["photo": photo.path],
    ]
    try JSONSerialization.data(withJSONObject: document).write(to: folder.appendingPathComponent("a.json"))
    let saved = try CLIRunner.run(
      ["run", "skin.json", "--answers", "a.json", "--export", "out.fhir.json"], directory: folder)
    #expect(saved.status == 0, "\(saved.stderr)")
    let text = try String(contentsOf: folder.appendingPathComponent("out.fhir.json"), encoding: .utf8)
    #expect(text.contains("\"data\": \"iVBORw==\""))

    try FileManager.default.removeItem(at: photo)
    let gone = try CLIRunner.run(
      ["run", "skin.json", "--answers", "a.json", "--export", "again.fhir.json"], directory: folder)
    #expect(gone.status == 74)
    #expect(
      gone.stderr
        == "selfscreen: the attached file \(photo.path) can no longer be read (it is no longer there); put it "
        + "back, or go back and attach it again. Nothing was written.\n")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("again.fhir.json").path))
    let summary = try CLIRunner.run(
      ["run", "skin.json", "--answers", "a.json", "--export", "summary.txt"], directory: folder)
    #expect(summary.status == 0, "the other formats name the file without reading it")
  }
}
