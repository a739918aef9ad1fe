import TestSupport
import Testing

@testable import ScreeningCore

/// A question's suggested (initial) answer: in native files as `initial`, from FHIR `initial[x]`.
@Suite struct InitialAnswerTests {
  static func native(_ initial: String, type: String = "single") -> String {
    let options = type == "single" ? ", options: [{code: a, label: A}, {code: b, label: B}]" : ""
    return SharedFixtures.questionnaire(questions: [
      "{id: q, text: Pick one?, type: \(type)\(options), initial: \(initial)}"
    ])
  }

  @Test func aNativeInitialAnswerIsCheckedLikeAnyAnswer() throws {
    let loaded = try Fixtures.load(Self.native(#""b""#))
    #expect(loaded.question("q")?.initial == .choice("b"))
    #expect(try Fixtures.load(Self.native(#""08:15""#, type: "time")).question("q")?.initial == .text("08:15:00"))
    #expect(
      Fixtures.diagnostics(Self.native(#""c""#)).contains {
        $0.hasSuffix(
          "sections[0].questions[0].initial: the initial answer does not fit: 'c' is not one of its options (a, b)")
      })
  }

  @Test func fhirInitialValuesBecomeTheQuestionsInitialAnswer() throws {
    let items = """
      \(FHIRFixtures.choice("c", [("x", "X"), ("y", "Y")], extra: #", "initial": [{"valueCoding": {"code": "y"}}]"#)),
      {"linkId": "n", "type": "integer", "text": "How many?", "initial": [{"valueInteger": 3}]},
      {"linkId": "s", "type": "string", "text": "Name?", "initial": [{"valueString": "Sam"}]},
      {"linkId": "bad", "type": "integer", "text": "Bad?", "initial": [{"valueString": "three"}]}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.question("c")?.initial == .choice("y"))
    #expect(questionnaire.question("n")?.initial == .number(3))
    #expect(questionnaire.question("s")?.initial == .text("Sam"))
    #expect(questionnaire.question("bad")?.initial == nil)
    #expect(warnings.contains { $0.contains("the initial answer of item 'bad' is not one its question takes") })
    // Suggested, not answered: nothing is recorded until the person takes it.
    #expect(ScreeningSession(questionnaire: questionnaire).answers.isEmpty)
  }
}

/// FHIR's other way of suggesting an answer: `initialSelected` on an answerOption.
@Suite struct InitialSelectedTests {
  @Test func anOptionMarkedInitialSelectedIsTheSuggestedAnswer() throws {
    let items = """
      {"linkId": "one", "type": "choice", "text": "One?", "answerOption": [
        {"valueCoding": {"code": "a", "display": "A"}},
        {"valueCoding": {"code": "b", "display": "B"}, "initialSelected": true}]},
      {"linkId": "many", "type": "choice", "repeats": true, "text": "Many?", "answerOption": [
        {"valueString": "x", "initialSelected": true}, {"valueString": "y"}, {"valueString": "z", "initialSelected": true}]}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(warnings == [])
    #expect(questionnaire.question("one")?.initial == .choice("b"))
    #expect(questionnaire.question("many")?.initial == .choices(["x", "z"]))
    #expect(ScreeningSession(questionnaire: questionnaire).answers.isEmpty)
  }

  @Test func anOpenChoiceInitialTextIsTheSuggestedSomethingElse() throws {
    let items = """
      {"linkId": "oc", "type": "open-choice", "text": "Which?", "answerOption": [
        {"valueCoding": {"code": "a", "display": "A"}}], "initial": [{"valueString": "my own"}]}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(warnings == [])
    #expect(questionnaire.question("oc")?.initial == .choice("other"))
    #expect(questionnaire.question("oc_other")?.initial == .text("my own"))
  }
}
