import Foundation
import TestSupport
import Testing

@testable import ScreeningCore

/// Questions a form asks that SelfScreen cannot offer answers for (a value set kept online, options
/// worked out as the form is filled in, none at all), items never asked that an enableWhen tests,
/// and codings given by their display alone.
@Suite struct FHIRUnanswerableTests {
  static let online = "SelfScreen can't show its list of answers. If it matters, tell your doctor or nurse."

  @Test func anOptionalQuestionWithAValueSetKeptOnlineIsShownWithANoteAndTheFormRuns() throws {
    let items = """
      {"linkId": "name", "type": "string", "text": "Your name?"},
      {"linkId": "state", "type": "choice", "text": "Which state?",
       "answerValueSet": "http://example.org/ValueSet/states"},
      {"linkId": "age", "type": "integer", "text": "How old are you?"}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.questions.map(\.id) == ["name", "age"])
    // The person reads the question and why it is not asked, before the next question (never
    // between a question and its options).
    let age = try #require(questionnaire.question("age"))
    #expect(questionnaire.notes(before: age, answers: [:]) == ["Not asked: \"Which state?\" \(Self.online)"])
    #expect(age.help == nil)
    #expect(
      warnings == [
        "q.json:11:20: warning: item[1].answerValueSet: item 'state' takes its options from the value set "
          + "'http://example.org/ValueSet/states', which is not contained in this file and not one of the standard "
          + "value sets SelfScreen carries; SelfScreen works offline and cannot fetch it (give a file with the "
          + "ValueSet and its codes: --value-sets FILE, or put it in the file's 'contained'); it is optional, so it "
          + "is shown with a note and not asked"
      ])
    let found = FHIRExportTests.items(try FHIRExportTests.response(questionnaire, ["age": .number(40)]))
    #expect(Set(found.keys) == ["age"])
  }

  @Test func aNoteIsShownOnlyWhileTheQuestionItStandsForWouldBeAsked() throws {
    let items = """
      {"linkId": "rash", "type": "boolean", "text": "Do you have a rash?"},
      {"linkId": "photo", "type": "reference", "text": "Which photo in your record?",
       "enableWhen": [{"question": "rash", "operator": "=", "answerBoolean": true}]},
      {"linkId": "more", "type": "string", "text": "Anything else?"}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    let more = try #require(questionnaire.question("more"))
    #expect(questionnaire.notes(before: more, answers: ["rash": .choice("no")]) == [])
    #expect(
      questionnaire.notes(before: more, answers: ["rash": .choice("yes")]).first?.hasPrefix("Not asked: ") == true)
  }

  @Test func anOpenChoiceWithAValueSetKeptOnlineTakesATypedAnswer() throws {
    let items = """
      {"linkId": "lang", "type": "open-choice", "text": "Which language?", "required": true,
       "answerValueSet": "http://example.org/ValueSet/languages"}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.question("lang")?.type == .text)
    #expect(warnings.count == 1)
    #expect(warnings.first?.hasSuffix("; the question is asked for a typed answer") == true)
    let found = FHIRExportTests.items(try FHIRExportTests.response(questionnaire, ["lang": .text("Welsh")]))
    let answer = (found["lang"]?["answer"] as? [[String: Any]])?.first
    #expect(answer?["valueString"] as? String == "Welsh")
  }

  @Test func optionsWorkedOutAsTheFormIsFilledInOrNotGivenAtAllAreSaidSoToThePerson() throws {
    let items = #"""
      {"linkId": "name", "type": "string", "text": "Your name?"},
      {"linkId": "pick", "type": "choice", "text": "Which one?", "extension": [
        {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression",
         "valueExpression": {"language": "text/fhirpath", "expression": "%resource.item.answer.value"}}]},
      {"linkId": "drug", "type": "choice", "text": "Which drug?", "extension": [
        {"url": "http://lhcforms.nlm.nih.gov/fhir/StructureDefinition/questionnaire-externallydefined",
         "valueUri": "https://clinicaltables.nlm.nih.gov/api/rxterms/v3/search"}]},
      {"linkId": "ear", "type": "choice", "text": "Ear findings"},
      {"linkId": "more", "type": "string", "text": "Anything else?"}
      """#
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.questions.map(\.id) == ["name", "more"])
    #expect(
      questionnaire.notes(before: try #require(questionnaire.question("more")), answers: [:]) == [
        "Not asked: \"Which one?\" SelfScreen can't work out its list of answers. If it matters, tell your "
          + "doctor or nurse.",
        "Not asked: \"Which drug?\" SelfScreen can't work out its list of answers. If it matters, tell your "
          + "doctor or nurse.",
        "Not asked: \"Ear findings\" The form gives no answers to choose from. If it matters, tell your doctor "
          + "or nurse.",
      ])
    #expect(warnings.count == 3)
    #expect(warnings.allSatisfy { $0.hasSuffix("; it is optional, so it is shown with a note and not asked") })
    #expect(warnings[1].contains("from a web service (LHC-Forms' externallydefined)"))
  }

  @Test func aRequiredQuestionWithNoAnswersToOfferStillRefusesTheForm() {
    let items = """
      {"linkId": "ear", "type": "choice", "text": "Ear findings", "required": true}
      """
    #expect(
      FHIRFixtures.diagnostics(FHIRFixtures.questionnaire(items)) == [
        "q.json:9:12: item[0]: item 'ear' is a choice with no answerOption or answerValueSet"
      ])
  }

  @Test func anEnableWhenOnAnItemNeverAskedReadsItAsUnanswered() throws {
    // 'age' is hidden and filled from the patient's record, which SelfScreen does not have.
    let items = """
      {"linkId": "age", "type": "integer", "text": "Age", "extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", "valueBoolean": true}]},
      {"linkId": "first", "type": "string", "text": "Your name?"},
      {"linkId": "adult", "type": "boolean", "text": "Consent?",
       "enableWhen": [{"question": "age", "operator": ">", "answerInteger": 12}]},
      {"linkId": "unknown", "type": "boolean", "text": "Ask for age?",
       "enableWhen": [{"question": "age", "operator": "exists", "answerBoolean": false}]},
      {"linkId": "either", "type": "boolean", "text": "Either?", "enableBehavior": "any",
       "enableWhen": [{"question": "age", "operator": "=", "answerInteger": 30},
                      {"question": "first", "operator": "exists", "answerBoolean": true}]}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(FHIRImportTests.shown(questionnaire, [:]) == ["first", "unknown"])
    #expect(FHIRImportTests.shown(questionnaire, ["first": .text("Sam")]) == ["first", "unknown", "either"])
    #expect(
      warnings.contains(
        "q.json:13:30: warning: item[2].enableWhen[0].question: enableWhen of item 'adult' tests 'age', an item "
          + "that is not asked, so it has no answer; as in FHIR, that test is never true"))
    #expect(warnings.contains { $0.contains("of item 'unknown' tests 'age'") && $0.hasSuffix("always true") })
  }

  @Test func anEnableWhenOnAQuestionShownWithANoteReadsItAsUnanswered() throws {
    let items = """
      {"linkId": "state", "type": "choice", "text": "Which state?",
       "answerValueSet": "http://example.org/ValueSet/states"},
      {"linkId": "where", "type": "string", "text": "Where, then?",
       "enableWhen": [{"question": "state", "operator": "exists", "answerBoolean": false}]},
      {"linkId": "when", "type": "date", "text": "Since when?",
       "enableWhen": [{"question": "state", "operator": ">", "answerDate": "2020-01-01"}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(FHIRImportTests.shown(questionnaire, [:]) == ["where"])
  }

  @Test func aCodingGivenByItsDisplayAloneIsAnOptionAndGoesBackAsGiven() throws {
    let items = """
      {"linkId": "q3", "type": "choice", "text": "Which?", "answerOption": [
        {"valueCoding": {"display": "one"}}, {"valueCoding": {"display": "two"}}]}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(warnings == [])
    let options = try #require(questionnaire.question("q3")?.options)
    #expect(options.map(\.label) == ["one", "two"])
    let found = FHIRExportTests.items(try FHIRExportTests.response(questionnaire, ["q3": .choice(options[1].code)]))
    let coding = (found["q3"]?["answer"] as? [[String: Any]])?.first?["valueCoding"] as? [String: Any]
    #expect(coding?["display"] as? String == "two")
    #expect(coding?["code"] == nil)
    #expect(
      FHIRFixtures.diagnostics(
        FHIRFixtures.questionnaire(
          #"{"linkId": "q", "type": "choice", "text": "Q?", "answerOption": [{"valueCoding": {"system": "s"}}]}"#)
      ) == ["q.json:9:93: item[0].answerOption[0].valueCoding: the coding has no code and no display"])
  }

  /// PHQ-9 item 9 whose answers are kept online: a PHQ-9 result without its safety question would
  /// mislead, so the form is refused rather than run with a note.
  @Test func aStandardInstrumentsQuestionThatCannotBeAskedRefusesTheForm() throws {
    var json = String(decoding: try FHIRFixtures.file("phq-9.json"), as: UTF8.self)
    json = json.replacingOccurrences(of: #""required": true"#, with: #""required": false"#)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    var groups = try #require(object["item"] as? [[String: Any]])
    var items = try #require(groups[0]["item"] as? [[String: Any]])
    #expect(items[8]["linkId"] as? String == "/44260-8")
    items[8]["answerOption"] = nil
    items[8]["answerValueSet"] = "http://example.org/ValueSet/frequency"
    groups[0]["item"] = items
    var changed = object
    changed["item"] = groups
    let bytes = Array(try JSONSerialization.data(withJSONObject: changed))
    let errors = QuestionnaireLoader.load(bytes: bytes, fileName: "q.json", fhir: BundledData.fhirContext)
      .diagnostics.filter { $0.severity == .error }.map(\.message)
    #expect(
      errors == [
        "item '/44260-8' is question 44260-8 of the PHQ-9, and SelfScreen cannot ask it (see the warning here); a "
          + "PHQ-9 result without it could mislead, so the form is not run"
      ])
  }

  @Test func theResultSaysHowManyOfTheFormsQuestionsWereNotAsked() throws {
    let items = """
      {"linkId": "name", "type": "string", "text": "Your name?"},
      {"linkId": "state", "type": "choice", "text": "Which state?",
       "answerValueSet": "http://example.org/ValueSet/states"},
      {"linkId": "photo", "type": "reference", "text": "Your GP?"}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.fhir?.notAsked == ["state", "photo"])
    let result = Scorer.score(questionnaire, answers: ["name": .text("Sam")])
    let blocks = ResultDocument.blocks(questionnaire: questionnaire, result: result, region: nil)
    #expect(
      blocks.contains(
        .paragraph(
          "2 of this form's questions were not asked, because SelfScreen can't ask them. They were shown to you "
            + "along the way. This summary doesn't include them; if they matter, mention them to your doctor or "
            + "nurse.")))
    let (asked, _) = try FHIRFixtures.load(
      FHIRFixtures.questionnaire(#"{"linkId": "a", "type": "string", "text": "A?"}"#))
    let plain = ResultDocument.blocks(questionnaire: asked, result: Scorer.score(asked, answers: [:]), region: nil)
    #expect(!plain.contains { if case .paragraph(let text) = $0 { text.contains("were not asked") } else { false } })
  }

  /// A hidden or read-only item with an `initial` answer has that answer: in the response, read by
  /// enableWhen, and (read-only) shown to the person before the next question.
  @Test func hiddenAndReadOnlyItemsWithAnInitialAnswerHaveIt() throws {
    let items = """
      {"linkId": "adult", "type": "boolean", "text": "Adult", "initial": [{"valueBoolean": true}], "extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", "valueBoolean": true}]},
      {"linkId": "clinic", "type": "string", "text": "Your clinic", "readOnly": true,
       "initial": [{"valueString": "Northside"}]},
      {"linkId": "kind", "type": "choice", "text": "Kind", "readOnly": true,
       "answerOption": [{"valueCoding": {"system": "http://example.org", "code": "gp", "display": "GP visit"}}],
       "initial": [{"valueCoding": {"system": "http://example.org", "code": "gp", "display": "GP visit"}}]},
      {"linkId": "work", "type": "boolean", "text": "Do you work?",
       "enableWhen": [{"question": "adult", "operator": "=", "answerBoolean": true}]},
      {"linkId": "child", "type": "boolean", "text": "Are you at school?",
       "enableWhen": [{"question": "adult", "operator": "=", "answerBoolean": false}]}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(warnings == [])
    #expect(FHIRImportTests.shown(questionnaire, [:]) == ["work"])
    let work = try #require(questionnaire.question("work"))
    #expect(questionnaire.notes(before: work, answers: [:]) == ["Your clinic: Northside", "Kind: GP visit"])
    let found = FHIRExportTests.items(try FHIRExportTests.response(questionnaire, ["work": .choice("yes")]))
    #expect(Set(found.keys) == ["adult", "clinic", "kind", "work"])
    func value(_ linkID: String, _ key: String) -> Any? {
      (found[linkID]?["answer"] as? [[String: Any]])?.first?[key]
    }
    #expect(value("adult", "valueBoolean") as? Bool == true)
    #expect(value("clinic", "valueString") as? String == "Northside")
    #expect((value("kind", "valueCoding") as? [String: Any])?["code"] as? String == "gp")
  }
}

extension FHIRUnanswerableTests {
  /// "prefer not to say" is named in the result only where the questionnaire offers it.
  @Test func aSkippedQuestionIsCalledUnansweredWhereNoPreferNotToSayIsOffered() throws {
    let items = """
      {"linkId": "name", "type": "string", "text": "Your name?"},
      {"linkId": "itch", "type": "boolean", "text": "Does it itch?"}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    let result = Scorer.score(questionnaire, answers: ["itch": .choice("yes")])
    let blocks = ResultDocument.blocks(questionnaire: questionnaire, result: result, region: nil)
    #expect(blocks.contains(.paragraph("Skipped: 1 question left unanswered.")))
    let ketamine = try Fixtures.ketamine()
    let skipped = ResultDocument.blocks(
      questionnaire: ketamine, result: Scorer.score(ketamine, answers: [:]), region: nil)
    #expect(
      skipped.contains {
        if case .paragraph(let text) = $0 {
          text.hasSuffix("left unanswered or answered \"prefer not to say\".")
        } else {
          false
        }
      })
  }
}
