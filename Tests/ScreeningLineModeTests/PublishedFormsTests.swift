import Foundation
import TestSupport
import Testing

@testable import ScreeningCore
@testable import ScreeningLineMode

/// Questionnaires published by others (`Tests/PublishedForms`, origins in its ORIGINS.tsv): each is
/// validated, walked to its result in line mode with a plain answer to every question, and its
/// QuestionnaireResponse checked against the form (linkIds, nesting, value types, nothing that was
/// not asked). `EXPECTED.tsv` says which run and which are refused, and why.
@Suite struct PublishedFormsTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("PublishedForms")

  /// file -> "runs", or "refused: " and the start of the first error.
  static let expected: [(file: String, outcome: String)] = {
    let text = (try? String(contentsOf: folder.appendingPathComponent("EXPECTED.tsv"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").dropFirst().map { line in
      let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
      return (parts[0], parts.count > 1 ? parts[1] : "")
    }
  }()

  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }
      .sorted()
  }

  @Test func everyFormHasAnOriginAndAnExpectedOutcome() throws {
    let origins = try String(contentsOf: Self.folder.appendingPathComponent("ORIGINS.tsv"), encoding: .utf8)
    let named = Set(origins.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) })
    #expect(Set(Self.files) == named)
    #expect(Set(Self.files) == Set(Self.expected.map(\.file)))
    #expect(Self.files.count >= 40)
    let sources = Set(origins.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[1] })
    #expect(sources.count >= 4)
  }

  /// A plain answer a person might give: the first option, the lowest number allowed, a date.
  static func line(for question: Question) -> String {
    switch question.type {
    case .single, .multiple, .yesNo: return "1"
    case .number: return String(max(question.minimum ?? 1, min(question.maximum ?? 1, 1)))
    case .decimal: return String(max(question.minimum ?? 1, min(question.maximum ?? 2, 2)))
    case .text: return String("An answer".prefix(max(question.maxLength, 1)))
    case .date: return "2000-01-31"
    case .time: return "10:30"
    case .dateTime: return "2000-01-31 10:30"
    case .file: return photo
    }
  }

  /// A photo to attach: a PNG of one pixel, written once to a temporary folder.
  static let photo: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-published-\(getpid()).png")
    let png: [UInt8] = [
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
      0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
      0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D,
      0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
    FileManager.default.createFile(atPath: path.path, contents: Data(png))
    return path.path
  }()

  /// The lines that answer every question the form asks, in order, and the answers they give.
  static func plainAnswers(_ questionnaire: Questionnaire) throws -> (lines: [String], answers: [String: Answer]) {
    var session = ScreeningSession(questionnaire: questionnaire)
    var lines: [String] = []
    while let question = session.currentQuestion, lines.count < 2_000 {
      let line = Self.line(for: question)
      guard case .answer(let answer) = AnswerField(question).read(line) else {
        Issue.record("'\(line)' does not answer \(question.id)")
        break
      }
      _ = try session.answer(answer)
      try session.next()
      lines.append(line)
    }
    return (lines, session.answers)
  }

  static func isNotAsked(_ warning: String) -> Bool {
    warning.hasSuffix("so it is shown with a note and not asked")
  }

  @Test(arguments: expected.map(\.file))
  func runsAsPublished(file: String) throws {
    let outcome = try #require(Self.expected.first { $0.file == file }?.outcome)
    let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(file)))
    let loaded = QuestionnaireLoader.load(bytes: bytes, fileName: file, fhir: BundledData.fhirContext)
    let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
    if outcome.hasPrefix("refused: ") {
      // Refused, with a located message (file:line:col: and the field path).
      let first = try #require(errors.first)
      #expect(first.hasPrefix(file + ":"))
      #expect(first.contains(outcome.dropFirst("refused: ".count)))
      return
    }
    // "runs", or "runs; N not asked": questions the form asks that SelfScreen shows with a note or
    // leaves out (no answers it can offer, an optional file or record).
    let notAsked = loaded.diagnostics.filter { $0.severity == .warning && Self.isNotAsked($0.description) }.count
    #expect(outcome == (notAsked == 0 ? "runs" : "runs; \(notAsked) not asked"))
    #expect(errors == [])
    let questionnaire = try #require(loaded.value)

    // Walked to the result in line mode, as a person would type it.
    let (lines, answers) = try Self.plainAnswers(questionnaire)
    let region = try #require(BundledData.helpDirectory().value?.region(code: "US"))
    var app = LineModeApp(
      session: ScreeningSession(questionnaire: questionnaire), region: region,
      input: ScriptedInput(lines.joined(separator: "\n") + "\nq\ny\n"), output: Transcript(),
      writer: SafeFileWriter(), clock: { Timestamp(secondsSinceEpoch: 1_795_000_000) }, columns: 80,
      asciiOnly: false)
    #expect(app.run() == .finished)
    #expect(app.output.text.contains("\(questionnaire.title): your result"))
    #expect(!app.output.text.contains("That answer does not fit"))

    // The response: every item is one the form has, where the form has it, with a value of its type,
    // and only questions that were asked and answered.
    let layout = try #require(questionnaire.fhir)
    let exported = try Exporter(
      questionnaire: questionnaire, answers: answers, region: nil, created: Timestamp(secondsSinceEpoch: 1_795_000_000)
    ).encode(.fhir)
    let response = try #require(try JSONSerialization.jsonObject(with: Data(exported)) as? [String: Any])
    #expect(response["resourceType"] as? String == "QuestionnaireResponse")
    let form = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    var formItems: [String: (type: String, parent: String?, options: [String])] = [:]
    func index(_ items: [[String: Any]], parent: String?) {
      for item in items {
        guard let linkID = item["linkId"] as? String else { continue }
        let options = (item["answerOption"] as? [[String: Any]] ?? []).compactMap {
          $0.keys.first { $0.hasPrefix("value") }
        }
        formItems[linkID] = (item["type"] as? String ?? "", parent, options)
        index(item["item"] as? [[String: Any]] ?? [], parent: linkID)
      }
    }
    index(form["item"] as? [[String: Any]] ?? [], parent: nil)
    let effective = questionnaire.visibility(for: answers).effective
    let askedLinkIDs = Set(Self.linkIDs(of: layout.items).filter { effective[$0.questionID] != nil }.map(\.linkID))
    var answeredLinkIDs = Set<String>()
    func check(_ items: [[String: Any]], parent: String?) {
      for item in items {
        let linkID = item["linkId"] as? String ?? ""
        guard let known = formItems[linkID] else {
          Issue.record("\(file): the response has '\(linkID)', which the form does not")
          continue
        }
        #expect(known.parent == parent, "\(file): '\(linkID)' is nested under \(parent ?? "the top")")
        for answer in item["answer"] as? [[String: Any]] ?? [] {
          let key = answer.keys.first { $0.hasPrefix("value") } ?? ""
          #expect(
            Self.fits(key, type: known.type, options: known.options),
            "\(file): '\(linkID)' (\(known.type)) answered with \(key)")
          check(answer["item"] as? [[String: Any]] ?? [], parent: linkID)
          if known.type != "group" { answeredLinkIDs.insert(linkID) }
        }
        check(item["item"] as? [[String: Any]] ?? [], parent: linkID)
      }
    }
    check(response["item"] as? [[String: Any]] ?? [], parent: nil)
    #expect(askedLinkIDs.isSubset(of: answeredLinkIDs), "\(file): answered questions missing from the response")
    let calculated = Set(Self.calculatedLinkIDs(of: layout.items))
    #expect(answeredLinkIDs.subtracting(calculated) == askedLinkIDs, "\(file): the response has items not asked")
  }

  /// Whether an answer's `value[x]` fits the item's type.
  static func fits(_ key: String, type: String, options: [String]) -> Bool {
    switch type {
    case "boolean": return key == "valueBoolean"
    case "integer": return key == "valueInteger" || (options.contains(key))
    case "decimal": return key == "valueDecimal"
    case "quantity": return key == "valueQuantity"
    case "date": return key == "valueDate"
    case "dateTime": return key == "valueDateTime"
    case "time": return key == "valueTime"
    case "string", "text": return key == "valueString"
    case "url": return key == "valueUri"
    case "attachment": return key == "valueAttachment"
    case "choice", "coding": return key == "valueCoding" || options.contains(key)
    case "open-choice": return key == "valueCoding" || key == "valueString" || options.contains(key)
    default: return false
    }
  }

  static func linkIDs(of items: [FHIRLayout.Item]) -> [(linkID: String, questionID: String)] {
    items.flatMap { item -> [(linkID: String, questionID: String)] in
      switch item {
      case .group(_, _, let children): return linkIDs(of: children)
      case .question(let linkID, _, let questionID, _, let children):
        return [(linkID, questionID)] + linkIDs(of: children)
      case .calculated: return []
      }
    }
  }

  static func calculatedLinkIDs(of items: [FHIRLayout.Item]) -> [String] {
    items.flatMap { item -> [String] in
      switch item {
      case .group(_, _, let children), .question(_, _, _, _, let children): return calculatedLinkIDs(of: children)
      case .calculated(let calculation): return [calculation.linkID]
      }
    }
  }
}

/// The published PHQ-9s: the total in the response is the one their own FHIRPath gives.
@Suite struct PublishedPHQ9Tests {
  @Test func theSDCPHQ9TotalIsInItsResponse() throws {
    let file = "sdc__questionnaire-sdc-profile-example-PHQ9.json"
    let bytes = Array(try Data(contentsOf: PublishedFormsTests.folder.appendingPathComponent(file)))
    let questionnaire = try #require(
      QuestionnaireLoader.load(bytes: bytes, fileName: file, fhir: BundledData.fhirContext).value)
    // "More than half the days" (2) to the nine items, the first option to the difficulty question.
    var answers: [String: Answer] = [:]
    for question in questionnaire.questions {
      answers[question.id] = .choice(question.options[question.options.count == 4 ? 2 : 0].code)
    }
    let exported = try Exporter(
      questionnaire: questionnaire, answers: answers, region: nil, created: Timestamp(secondsSinceEpoch: 1_795_000_000)
    ).encode(.fhir)
    let text = String(decoding: exported, as: UTF8.self)
    let result = Scorer.score(questionnaire, answers: answers)
    let total = try #require(result.bandScore?.value)
    #expect(total == 18)
    // The calculated item carries the same total, from the form's `answers().value.ordinal().sum()`.
    // (a quantity item: `valueQuantity`, in the form's unit).
    let start = try #require(text.firstRange(of: "\"linkId\": \"H1/TS\""))
    let rest = text[start.upperBound...]
    #expect(rest.contains("\"valueQuantity\": {\n") && rest.contains("\"value\": 18"))
  }
  @Test func theLHCFormsPHQ9TotalIsInItsResponse() throws {
    let file = "lforms__phq9-with-the-weight-function.json"
    let bytes = Array(try Data(contentsOf: PublishedFormsTests.folder.appendingPathComponent(file)))
    let questionnaire = try #require(
      QuestionnaireLoader.load(bytes: bytes, fileName: file, fhir: BundledData.fhirContext).value)
    // The nine items "More than half the days" (2); the difficulty question (left out of the total
    // by `where(linkId != '/69722-7')`) its last option.
    var answers: [String: Answer] = [:]
    for question in questionnaire.questions {
      answers[question.id] = .choice(question.options[question.id == "q_69722_7" ? question.options.count - 1 : 2].code)
    }
    #expect(answers.count == 10)
    #expect(Scorer.score(questionnaire, answers: answers).bandScore?.value == 18)
    let exported = try Exporter(
      questionnaire: questionnaire, answers: answers, region: nil, created: Timestamp(secondsSinceEpoch: 1_795_000_000)
    ).encode(.fhir)
    let response = try #require(try JSONSerialization.jsonObject(with: Data(exported)) as? [String: Any])
    let total = (response["item"] as? [[String: Any]])?.first { $0["linkId"] as? String == "/44261-6" }
    let value = (total?["answer"] as? [[String: Any]])?.first
    #expect((value?["valueInteger"] as? Int) == 18 || (value?["valueDecimal"] as? Double) == 18)
  }
  @Test func theHungerVitalSignWorksOutItsRiskFromTheFormItself() throws {
    // Its risk item picks its answer from its own answerOptions through %questionnaire.
    let file = "sdc__questionnaire-sdc-profile-example-hunger-vital-signs.json"
    let bytes = Array(try Data(contentsOf: PublishedFormsTests.folder.appendingPathComponent(file)))
    let loaded = QuestionnaireLoader.load(bytes: bytes, fileName: file, fhir: BundledData.fhirContext)
    #expect(loaded.diagnostics.map(\.description) == [])
    let questionnaire = try #require(loaded.value)
    func risk(_ option: Int) -> [String] {
      let answers = Dictionary(
        uniqueKeysWithValues: questionnaire.questions.map { ($0.id, Answer.choice($0.options[option].code)) })
      return Scorer.score(questionnaire, answers: answers).computed.map(\.text)
    }
    #expect(risk(0) == ["At risk"])
    #expect(risk(2) == ["No risk"])
    #expect(Scorer.score(questionnaire, answers: [:]).computed.isEmpty)
  }
}

extension PublishedPHQ9Tests {
  /// PHQ-9 item 9 is its last question: its crisis contacts are followed by the result, and line
  /// mode says so (not "the questions go on below"). The contacts are the general ones.
  @Test func aCrisisAtTheLastQuestionLeadsToTheResult() throws {
    let file = PublishedFormsTests.folder.deletingLastPathComponent()
      .appendingPathComponent("ScreeningCoreTests/FHIR/Fixtures/phq-9.json")
    let bytes = Array(try Data(contentsOf: file))
    let questionnaire = try #require(
      QuestionnaireLoader.load(bytes: bytes, fileName: "phq-9.json", fhir: BundledData.fhirContext).value)
    var app = LineModeApp(
      session: ScreeningSession(questionnaire: questionnaire),
      region: try #require(BundledData.helpDirectory().value?.region(code: "IE")),
      input: ScriptedInput(String(repeating: "4\n", count: 10) + "\nq\ny\n"), output: Transcript(),
      clock: { Timestamp(secondsSinceEpoch: 1_795_000_000) })
    _ = app.run()
    let text = app.output.text.replacingOccurrences(of: "\n", with: " ")
    let crisis = try #require(text.range(of: "Thoughts of being better off dead"))
    let after = text[crisis.upperBound...]
    #expect(after.contains("Your result is below. Type r at any time for the contacts again."))
    #expect(!text.contains("The questions go on below"))
    #expect(text.contains("Samaritans: call 116 123"))
    #expect(!text.contains("Poisons") && !text.contains("Drugs and Alcohol"))
    #expect(!text.contains("this week if you can"))
  }
}
