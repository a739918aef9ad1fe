import Foundation
import TestSupport
import Testing

@testable import ScreeningCore

/// Every export format golden-filed, the re-score round trip, and hostile text.
@Suite struct ExportTests {
  /// The demo questionnaire with a free-text question, and answers that raise the red flag.
  static func exporter(note: String = "=HYPERLINK(\"http://x\")") throws -> Exporter {
    let text = Fixtures.demo(
      (
        "scores:\n",
        "  - id: notes\n    title: Notes\n    questions:\n      - {id: note, text: Anything else?, type: text, "
          + "required: false}\nscores:\n"
      ))
    let questionnaire = try Fixtures.load(text)
    let answers: [String: Answer] = [
      "gate": .choice("yes"), "sign_a": .choice("yes"), "sign_b": .choice("prefer_not"), "urgent": .choice("yes"),
      "note": .text(note),
    ]
    let region = try #require(BundledData.helpDirectory().value?.region(code: "UK"))
    return Exporter(
      questionnaire: questionnaire, answers: answers, region: region,
      created: Timestamp(secondsSinceEpoch: 1_795_000_000))
  }

  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  @Test(arguments: ExportFormat.allCases)
  func goldenFiles(format: ExportFormat) throws {
    let actual = String(decoding: try Self.exporter().encode(format), as: UTF8.self)
    let url = Self.golden.appendingPathComponent("demo.\(format.fileExtension)")
    let mismatch = Snapshot.mismatch(actual, file: url)
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func theTextSummaryPutsTheDisclaimerAndRedFlagsFirst() throws {
    let text = String(decoding: try Self.exporter().encode(.text), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[3] == "This is not a diagnosis.")
    #expect(lines[5] == "URGENT, get help now: Get help")
    let answers = try #require(lines.firstIndex(of: "Answers"))
    let result = try #require(lines.firstIndex(of: "Your result"))
    #expect(answers > 5 && result > answers)
  }

  @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 8, 10])
  func exportedJSONReScoresToTheSameResult(yes: Int) throws {
    let questionnaire = try Fixtures.ketamine()
    let answers = KetamineScoringTests.answers(
      yes: yes,
      changes: yes == 8 ? ["safety_passed_out": .choice("yes"), "sign_missed_duties": .choice("prefer_not")] : [:])
    let original = Scorer.score(questionnaire, answers: answers)
    let bytes = try Exporter(questionnaire: questionnaire, answers: answers, region: nil, created: .now()).encode(.json)
    let file = try #require(AnswersLoader.read(bytes: bytes, fileName: "e.json").value)
    let checked = AnswersLoader.answers(of: file, for: questionnaire)
    #expect(checked.diagnostics.isEmpty)
    #expect(Scorer.score(questionnaire, answers: try #require(checked.value)) == original)
  }

  @Test func anotherCopyOfTheSameVersionIsScoredWithAWarning() throws {
    let questionnaire = try Fixtures.ketamine()
    var bytes = try Exporter(
      questionnaire: questionnaire, answers: KetamineScoringTests.answers(yes: 2), region: nil, created: .now()
    )
    .encode(.json)
    let text = String(decoding: bytes, as: UTF8.self)
    bytes = Array(text.replacingOccurrences(of: questionnaire.contentHash ?? "-", with: "sha256:0000").utf8)
    let file = try #require(AnswersLoader.read(bytes: bytes, fileName: "e.json").value)
    let checked = AnswersLoader.answers(of: file, for: questionnaire)
    #expect(checked.value != nil)
    #expect(
      checked.diagnostics.map(\.message) == [
        "these answers were saved from a different copy of 'ketamine' version 2.0.0 (its text has changed); the "
          + "result may differ"
      ])
  }

  @Test(arguments: ["=HYPERLINK(\"x\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"])
  func csvCellsThatWouldRunAsFormulasAreNeutralised(value: String) {
    #expect(Exporter.cell(value) == "\"'" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
  }

  @Test func csvQuotingFollowsRFC4180() throws {
    #expect(Exporter.cell("plain") == "\"plain\"")
    #expect(Exporter.cell("a \"quote\", and a comma") == "\"a \"\"quote\"\", and a comma\"")
    let csv = String(decoding: try Self.exporter().encode(.csv), as: UTF8.self)
    #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
    #expect(csv.hasSuffix("\r\n"))
    // The disclaimer, the red flag, the header and one row per question asked.
    #expect(csv.split(separator: "\r\n").count == 8)
  }

  @Test func jsonEscapesControlLineSeparatorAndBidiCharacters() throws {
    #expect(
      JSONValue.quoted("a\u{2028}b\u{202E}c\u{1B}d\u{200B}\"\\\n") == "\"a\\u2028b\\u202ec\\u001bd\\u200b\\\"\\\\\\n\"")
    let json = String(decoding: try Self.exporter(note: "left\u{202E}right").encode(.json), as: UTF8.self)
    #expect(json.contains("\"note\": \"left\\u202eright\""))
    #expect(!json.unicodeScalars.contains("\u{202E}"))
    let text = String(decoding: try Self.exporter(note: "left\u{202E}right").encode(.text), as: UTF8.self)
    #expect(text.contains("Answer: left<U+202E>right"))
  }

  @Test func fhirIsAQuestionnaireResponseNestedBySection() throws {
    let bytes = try Self.exporter().encode(.fhir)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(object["resourceType"] as? String == "QuestionnaireResponse")
    #expect(object["status"] as? String == "completed")
    #expect(object["questionnaire"] as? String == "urn:selfscreen:questionnaire:demo|1")
    let groups = try #require(object["item"] as? [[String: Any]])
    #expect(groups.map { $0["linkId"] as? String } == ["main", "notes"])
    let items = try #require(groups[0]["item"] as? [[String: Any]])
    #expect(items.map { $0["linkId"] as? String } == ["gate", "sign_a", "sign_b", "urgent"])
    let coding = try #require(((items[1]["answer"] as? [[String: Any]])?.first?["valueCoding"]) as? [String: Any])
    #expect(coding["code"] as? String == "yes")
    #expect(coding["display"] as? String == "Yes")
  }

  @Test func sha256KnownAnswers() {
    #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func timestamps() {
    let moment = Timestamp(secondsSinceEpoch: 1_795_000_000)
    #expect(moment.iso8601 == "2026-11-18T11:06:40Z")
    #expect(Timestamp(iso8601: moment.iso8601) == moment)
    #expect(Timestamp(iso8601: "2026-13-01T00:00:00Z") == nil)
    #expect(
      ExportFormat.csv.defaultFileName(questionnaireID: "ketamine", on: moment) == "selfscreen-ketamine-2026-11-18.csv")
  }
}
