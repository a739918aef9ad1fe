import TestSupport
import Testing

@testable import ScreeningCore

/// A text answer that must be written a certain way: native `pattern` (with `pattern_example`),
/// FHIR's `regex` (with `entryFormat`).
@Suite struct TextPatternTests {
  static func native(_ extra: String, type: String = "text") -> String {
    SharedFixtures.questionnaire(questions: ["{id: q, text: Your postcode?, type: \(type)\(extra)}"])
  }

  @Test func anAnswerMustMatchAllOfThePatternAndIsToldHowItLooks() throws {
    let question = try #require(
      try Fixtures.load(Self.native(#", pattern: "[A-Z]{1,2}[0-9] ?[0-9][A-Z]{2}", pattern_example: "SW1 1AA""#))
        .question("q"))
    #expect(try question.validate(.text("SW1 1AA")) == .text("SW1 1AA"))
    #expect(
      throws: AnswerError(
        questionID: "q",
        reason: "\"SW1 1AA please\" is not written the way this question asks for; write it like SW1 1AA")
    ) { try question.validate(.text("SW1 1AA please")) }
    let bare = try #require(try Fixtures.load(Self.native(#", pattern: "[0-9]+""#)).question("q"))
    #expect(
      throws: AnswerError(questionID: "q", reason: "\"12a\" is not written the way this question asks for")
    ) { try bare.validate(.text("12a")) }
  }

  @Test func aBadPatternOrOneOnAnotherTypeIsALocatedError() {
    #expect(
      Fixtures.diagnostics(Self.native(#", pattern: "([a-z""#)).contains {
        $0.hasSuffix("sections[0].questions[0].pattern: '([a-z' is not a regular expression SelfScreen can read")
      })
    #expect(
      Fixtures.diagnostics(Self.native(#", pattern: "[0-9]+""#, type: "number")).contains {
        $0.hasSuffix("sections[0].questions[0].pattern: 'pattern' is only for text questions")
      })
    #expect(
      Fixtures.diagnostics(Self.native(#", pattern_example: "12""#)).contains {
        $0.hasSuffix("'pattern_example' shows how an answer to 'pattern' looks; give the 'pattern'")
      })
  }

  @Test func fhirRegexAndEntryFormatBecomeThePattern() throws {
    let items = #"""
      {"linkId": "phone", "type": "string", "text": "Phone?", "extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/regex", "valueString": "[0-9]{3}-[0-9]{4}"},
        {"url": "http://hl7.org/fhir/StructureDefinition/entryFormat", "valueString": "nnn-nnnn"}]},
      {"linkId": "odd", "type": "string", "text": "Odd?", "extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/regex", "valueString": "(unclosed"}]}
      """#
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    let phone = try #require(questionnaire.question("phone"))
    #expect(phone.pattern == "[0-9]{3}-[0-9]{4}" && phone.patternExample == "nnn-nnnn")
    #expect(throws: AnswerError.self) { try phone.validate(.text("5551234")) }
    #expect(questionnaire.question("odd")?.pattern == nil)
    #expect(warnings.contains { $0.contains("item 'odd' has a regex SelfScreen cannot read; answers are not checked") })
  }
}
