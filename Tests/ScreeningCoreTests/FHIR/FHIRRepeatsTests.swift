import Foundation
import Testing

@testable import ScreeningCore

/// Repeating groups and typed questions: "Add another ...?" before each further entry, and the
/// entries handed back as FHIR expects (a group item per entry; one item with several answers).
@Suite struct FHIRRepeatsTests {
  static let items = #"""
    {"linkId": "meds", "type": "group", "text": "Medicines you take", "repeats": true,
     "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs", "valueInteger": 3}],
     "item": [
      {"linkId": "name", "type": "string", "text": "Name of the medicine"},
      {"linkId": "daily", "type": "boolean", "text": "Do you take it every day?"},
      {"linkId": "dose", "type": "integer", "text": "How many a day?",
       "enableWhen": [{"question": "daily", "operator": "=", "answerBoolean": true}]}]},
    {"linkId": "allergy", "type": "string", "text": "An allergy", "repeats": true}
    """#

  @Test func eachFurtherEntryIsAskedAfterAYesToAddAnother() throws {
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(Self.items))
    #expect(warnings == [])
    // maxOccurs 3: two more entries of the group at most; five answers of the allergy at most.
    #expect(
      questionnaire.questions.map(\.id) == [
        "name", "daily", "dose", "meds_another_2", "name_2", "daily_2", "dose_2", "meds_another_3", "name_3",
        "daily_3", "dose_3", "allergy", "allergy_another_2", "allergy_2", "allergy_another_3", "allergy_3",
        "allergy_another_4", "allergy_4", "allergy_another_5", "allergy_5",
      ])
    #expect(questionnaire.question("name_2")?.text == "Entry 2: Name of the medicine")
    #expect(questionnaire.question("name_2")?.help == nil)
    #expect(
      FHIRImportTests.shown(questionnaire, [:]) == ["name", "daily", "meds_another_2", "allergy", "allergy_another_2"])
    // A condition inside an entry reads that entry's answers.
    let second: [String: Answer] = [
      "meds_another_2": .choice("yes"), "daily": .choice("no"), "daily_2": .choice("yes"),
    ]
    #expect(FHIRImportTests.shown(questionnaire, second).contains("dose_2"))
    #expect(!FHIRImportTests.shown(questionnaire, second).contains("dose"))
    // Progress counts an unanswered "Add another" as no.
    #expect(ScreeningSession(questionnaire: questionnaire).progress.total == 6)
  }

  @Test func entriesGoBackAsFHIRExpects() throws {
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(Self.items))
    let answers: [String: Answer] = [
      "name": .text("Aspirin"), "daily": .choice("yes"), "dose": .number(2), "meds_another_2": .choice("yes"),
      "name_2": .text("Ibuprofen"), "daily_2": .choice("no"), "meds_another_3": .choice("no"),
      "allergy": .text("Peanuts"), "allergy_another_2": .choice("yes"), "allergy_2": .text("Cats"),
      "allergy_another_3": .choice("no"),
    ]
    let response = try FHIRExportTests.response(questionnaire, answers)
    let top = try #require(response["item"] as? [[String: Any]])
    #expect(top.map { $0["linkId"] as? String } == ["meds", "meds", "allergy"])
    let first = try #require(top[0]["item"] as? [[String: Any]])
    #expect(first.map { $0["linkId"] as? String } == ["name", "daily", "dose"])
    let second = try #require(top[1]["item"] as? [[String: Any]])
    #expect(second.map { $0["linkId"] as? String } == ["name", "daily"])
    #expect((second[0]["answer"] as? [[String: Any]])?.first?["valueString"] as? String == "Ibuprofen")
    let allergies = (top[2]["answer"] as? [[String: Any]])?.compactMap { $0["valueString"] as? String }
    #expect(allergies == ["Peanuts", "Cats"])
  }
}

/// answerOption on a time item: asked as a choice among those times.
@Suite struct TimeOptionTests {
  @Test func timeOptionsAreAChoiceAnsweredAsValueTime() throws {
    let items = """
      {"linkId": "when", "type": "time", "text": "When do you take it?", "answerOption": [
        {"valueTime": "08:00:00"}, {"valueTime": "20:00:00", "initialSelected": true}]},
      {"linkId": "evening", "type": "boolean", "text": "With food?",
       "enableWhen": [{"question": "when", "operator": "=", "answerTime": "20:00:00"}]}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(warnings == [])
    let when = try #require(questionnaire.question("when"))
    #expect(when.type == .single && when.options.map(\.label) == ["08:00", "20:00"])
    #expect(when.initial == .choice(when.options[1].code))
    #expect(FHIRImportTests.shown(questionnaire, ["when": .choice(when.options[1].code)]) == ["when", "evening"])
    #expect(FHIRImportTests.shown(questionnaire, ["when": .choice(when.options[0].code)]) == ["when"])
    let response = try FHIRExportTests.response(questionnaire, ["when": .choice(when.options[0].code)])
    let answer = (FHIRExportTests.items(response)["when"]?["answer"] as? [[String: Any]])?.first
    #expect(answer?["valueTime"] as? String == "08:00:00")
  }
}

/// A display item with an enableWhen: its text shows with the next question only while it holds.
@Suite struct ConditionalDisplayTests {
  @Test func displayTextWithAnEnableWhenShowsOnlyWhileItHolds() throws {
    let items = #"""
      {"linkId": "smoke", "type": "boolean", "text": "Do you smoke?"},
      {"linkId": "note", "type": "display", "text": "Help to stop smoking is free.",
       "enableWhen": [{"question": "smoke", "operator": "=", "answerBoolean": true}]},
      {"linkId": "always", "type": "display", "text": "Answer as best you can."},
      {"linkId": "drinks", "type": "integer", "text": "How many drinks a week?",
       "item": [{"linkId": "over", "type": "display", "text": "Above the low-risk limit.", "extension": [
         {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
          "valueExpression": {"language": "text/fhirpath",
            "expression": "%resource.item.where(linkId='drinks').answer.value > 14"}}]}]}
      """#
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(warnings == [])
    let drinks = try #require(questionnaire.question("drinks"))
    #expect(questionnaire.help(of: drinks, answers: [:]) == "Answer as best you can.")
    #expect(
      questionnaire.help(of: drinks, answers: ["smoke": .choice("yes")])
        == "Answer as best you can.\n\nHelp to stop smoking is free.")
    #expect(
      questionnaire.help(of: drinks, answers: ["smoke": .choice("no"), "drinks": .number(20)])
        == "Answer as best you can.\n\nAbove the low-risk limit.")
  }
}
