import Foundation
import Testing

@testable import ScreeningCore

/// Time-of-day questions (`type: time`, FHIR `time`): typed, read, checked, exported.
@Suite struct TimeAnswerTests {
  static let question = Question(id: "t", text: "What time did you last use?", type: .time)

  @Test(arguments: [
    ("08:30", "08:30:00"), ("23:59", "23:59:00"), ("00:00:05", "00:00:05"), ("8:30", nil), ("24:00", nil),
    ("12:60", nil), ("12", nil), ("12:3", nil), ("noon", nil), ("12:30:61", nil),
  ])
  func aTimeIsCheckedAndKeptWithSeconds(text: String, kept: String?) {
    let result = Result { () throws(AnswerError) -> Answer in try Self.question.validate(.text(text)) }
    switch result {
    case .success(let answer): #expect(answer == .text(kept ?? "?"), "\(text)")
    case .failure(let error):
      #expect(kept == nil, "\(text)")
      #expect(error.reason == "'\(text)' is not a time; write it as HH:MM on the 24-hour clock")
    }
  }

  @Test func theFieldTakesDigitsAndAColonAndReadsAnHourWithoutItsZero() {
    let field = AnswerField(Self.question)
    #expect(field.expected == "a time on the 24-hour clock, HH:MM")
    #expect(field.lineInstruction == "Type a time as HH:MM (24-hour clock)")
    #expect(field.keystroke("8", into: "", at: 0) == .insert("8"))
    #expect(field.keystroke(".", into: "8", at: 1) == .insert(":"), "8.30 is written 8:30")
    #expect(field.keystroke("q", into: "8", at: 1) == .notText)
    #expect(field.keystroke("0", into: "08:30:00", at: 8) == .refuse("That is as long as this answer can be"))
    #expect(field.read(" 8:30 ") == .answer(.text("08:30")))
    #expect(field.read("") == .empty)
  }

  @Test func aFHIRTimeItemIsAskedTestedAndAnsweredAsATime() throws {
    let items = """
      {"linkId": "when", "type": "time", "text": "When?"},
      {"linkId": "after", "type": "string", "text": "After?", "enableWhen": [{"question": "when", "operator": "=", "answerTime": "08:30:00"}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.question("when")?.type == .time)
    var session = ScreeningSession(questionnaire: questionnaire)
    _ = try session.answer(.text("08:30"))
    try session.next()
    #expect(session.currentQuestion?.id == "after", "answerTime matches the time with its seconds")
    let response = try FHIRExportTests.response(questionnaire, ["when": .text("08:30:00")])
    let item = try #require((response["item"] as? [[String: Any]])?.first)
    let answer = try #require((item["answer"] as? [[String: Any]])?.first)
    #expect(answer["valueTime"] as? String == "08:30:00")
  }
}

extension TimeAnswerTests {
  static let dateTime = Question(id: "dt", text: "When did you last use?", type: .dateTime)

  @Test(arguments: [
    ("2026-01-02 10:30", "2026-01-02T10:30:00"), ("2026-01-02T10:30:15", "2026-01-02T10:30:15"),
    ("2026-01-02T10:30:00+01:00", "2026-01-02T10:30:00+01:00"), ("2026-01-02T10:30Z", "2026-01-02T10:30:00Z"),
    ("2026-01-02", "2026-01-02"), ("2026-02-30 10:30", nil), ("2026-01-02 25:00", nil), ("yesterday", nil),
  ])
  func aDateTimeIsCheckedAndKept(text: String, kept: String?) {
    let result = Result { () throws(AnswerError) -> Answer in try Self.dateTime.validate(.text(text)) }
    switch result {
    case .success(let answer): #expect(answer == .text(kept ?? "?"), "\(text)")
    case .failure: #expect(kept == nil, "\(text)")
    }
  }

  /// FHIR's dateTime needs an offset once it has a time: a local one takes the save's offset.
  @Test func aFHIRDateTimeIsAnsweredWithItsOffset() throws {
    let item =
      #"{"linkId": "when", "type": "dateTime", "text": "When?", "initial": [{"valueDateTime": "2026-01-02T08:00:00Z"}]}"#
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(item))
    #expect(questionnaire.question("when")?.type == .dateTime)
    #expect(questionnaire.question("when")?.initial == .text("2026-01-02T08:00:00Z"))
    let bytes = try Exporter(
      questionnaire: questionnaire, answers: ["when": .text("2026-01-02T10:30:00")], region: nil,
      created: Timestamp(secondsSinceEpoch: 1_795_000_000, utcOffset: 3600)
    ).encode(.fhir)
    let response = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    let answer = try #require(((response["item"] as? [[String: Any]])?.first?["answer"] as? [[String: Any]])?.first)
    #expect(answer["valueDateTime"] as? String == "2026-01-02T10:30:00+01:00")
    #expect(AnswerField(questionnaire.question("when")!).keystroke("T", into: "2026-01-02", at: 10) == .insert(" "))
  }
}
