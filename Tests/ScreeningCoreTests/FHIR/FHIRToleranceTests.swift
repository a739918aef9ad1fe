import Testing

@testable import ScreeningCore

/// Real files carry much SelfScreen does not use: that is ignored. What would change the meaning
/// (a modifierExtension, an item type it cannot ask) fails with a located error naming the item.
@Suite struct FHIRToleranceTests {
  @Test func unknownExtensionsPrimitiveExtensionsAndOtherKeysAreIgnored() throws {
    let json = """
      {
        "resourceType": "Questionnaire",
        "id": "x",
        "meta": {"versionId": "4", "profile": ["http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"]},
        "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">X</div>"},
        "extension": [{"url": "http://example.org/anything", "valueCodeableConcept": {"text": 5}}],
        "identifier": [{"system": "urn:ietf:rfc:3986", "value": "urn:oid:1.2.3"}],
        "status": "active",
        "_title": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/translation"}]},
        "item": [{
          "linkId": "a", "type": "boolean", "text": "A?", "code": [{"system": "http://loinc.org", "code": "1-8"}],
          "_text": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/rendering-xhtml", "valueString": "<b>A?</b>"}]},
          "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl", "valueCodeableConcept": {}}],
          "initial": [{"valueBoolean": true}]
        }, {
          "linkId": "b", "type": "boolean", "text": "B?",
          "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", "valueBoolean": "yes"},
                        {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": "zero"}]
        }]
      }
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(json)
    #expect(warnings == [], "a malformed value inside an extension does not fail the import")
    #expect(questionnaire.questions.map(\.text) == ["A?", "B?"])
  }

  @Test func aModifierExtensionFailsTheImportNamingTheItem() {
    let items = """
      {"linkId": "a", "type": "boolean", "text": "A?",
       "modifierExtension": [{"url": "http://example.org/means-the-opposite", "valueBoolean": true}]}
      """
    #expect(
      FHIRFixtures.diagnostics(FHIRFixtures.questionnaire(items)) == [
        "q.json:10:23: item[0].modifierExtension: item 'a' has a modifierExtension "
          + "('http://example.org/means-the-opposite'), which changes what it means in a way SelfScreen does not "
          + "know; the questionnaire cannot be run as written"
      ])
  }

  @Test func aModifierExtensionOnTheQuestionnaireFailsTheImport() {
    let json = """
      {"resourceType": "Questionnaire", "modifierExtension": [{"url": "http://example.org/m"}],
       "item": [{"linkId": "a", "type": "boolean", "text": "A?"}]}
      """
    #expect(
      FHIRFixtures.diagnostics(json) == [
        "q.json:1:56: modifierExtension: the questionnaire has a modifierExtension ('http://example.org/m'), which "
          + "changes what it means in a way SelfScreen does not know; the questionnaire cannot be run as written"
      ])
  }

  /// Anywhere else in the file too: a contained ValueSet, an expansion entry, an extension.
  @Test func aModifierExtensionAnywhereElseFailsTheImport() {
    let json = """
      {"resourceType": "Questionnaire",
       "contained": [{"resourceType": "ValueSet", "id": "yn", "modifierExtension": [{"url": "http://example.org/vs"}],
         "expansion": {"contains": [
           {"system": "http://x", "code": "y", "display": "Yes", "modifierExtension": [{"url": "http://example.org/e"}]},
           {"system": "http://x", "code": "n", "display": "No"}]}}],
       "item": [{"linkId": "a", "type": "choice", "text": "A?", "answerValueSet": "#yn",
         "extension": [{"url": "http://example.org/x", "modifierExtension": [{"url": "http://example.org/inner"}]}]}]}
      """
    let tail =
      "which changes what it means in a way SelfScreen does not know; the questionnaire cannot be run as written"
    #expect(
      FHIRFixtures.diagnostics(json) == [
        "q.json:2:78: contained[0].modifierExtension: this part of the file has a modifierExtension "
          + "('http://example.org/vs'), " + tail,
        "q.json:4:81: contained[0].expansion.contains[0].modifierExtension: this part of the file has a "
          + "modifierExtension ('http://example.org/e'), " + tail,
        "q.json:7:71: item[0].extension[0].modifierExtension: this part of the file has a modifierExtension "
          + "('http://example.org/inner'), " + tail,
      ])
  }

  @Test(arguments: ["reference", "question"])
  func anUnsupportedItemTypeFailsTheImportNamingTheItem(type: String) {
    let items = #"{"linkId": "up", "type": "\#(type)", "text": "Something?", "required": true}"#
    #expect(
      FHIRFixtures.diagnostics(FHIRFixtures.questionnaire(items)) == [
        "q.json:9:37: item[0].type: item 'up' has type '\(type)', which SelfScreen cannot ask (it asks group, "
          + "display, boolean, choice, open-choice, coding, integer, decimal, quantity, string, text, url, date, "
          + "dateTime, time and attachment items; an optional reference item is shown with a note)"
      ])
  }

  @Test func anOptionalReferenceIsShownWithANoteAndAURLIsAskedAsText() throws {
    let items = """
      {"linkId": "gp", "type": "reference", "text": "Your GP?"},
      {"linkId": "site", "type": "url", "text": "Your clinic's web page?"}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.questions.map(\.id) == ["site"])
    #expect(
      questionnaire.notes(before: try #require(questionnaire.question("site")), answers: [:])
        == ["Not asked: \"Your GP?\" SelfScreen can't look up records. If it matters, tell your doctor or nurse."])
    #expect(
      warnings == [
        "q.json:9:37: warning: item[0].type: item 'gp' asks for a record (reference), which SelfScreen cannot "
          + "look up; it is optional, so it is shown with a note and not asked"
      ])
    let response = try FHIRExportTests.response(questionnaire, ["site": .text("https://example.org")])
    let answer = (FHIRExportTests.items(response)["site"]?["answer"] as? [[String: Any]])?.first
    #expect(answer?["valueUri"] as? String == "https://example.org")
  }

  @Test func problemsInTheStructureAreEachReportedWithTheirPlace() {
    let json = """
      {
        "resourceType": "Questionnaire",
        "item": [
          {"type": "string", "text": "No linkId"},
          {"linkId": "a", "type": "string", "text": "A"},
          {"linkId": "a", "type": "string", "text": "Again"},
          {"linkId": "b", "type": "choice", "text": "No options", "required": true},
          {"linkId": "c", "type": "choice", "text": "Outside", "answerValueSet": "http://loinc.org/vs/LL9999-9", "required": true},
          {"linkId": "d", "type": "string", "text": 5},
          {"linkId": "e", "text": "No type"},
          {"linkId": "f", "type": "string", "text": "F", "enableWhen": [{"question": "zz", "operator": "=", "answerString": "x"}]},
          {"linkId": "g", "type": "string", "text": "G", "enableWhen": [{"question": "a", "operator": "~", "answerString": "x"}]},
          {"linkId": "h", "type": "string", "text": "H", "enableWhen": [{"question": "a", "operator": "=", "answerBoolean": true}]},
          {"linkId": "i", "type": "string", "text": "I", "enableWhen": [{"question": "j", "operator": "exists", "answerBoolean": true}]},
          {"linkId": "j", "type": "string", "text": "J"}
        ]
      }
      """
    #expect(
      FHIRFixtures.diagnostics(json) == [
        "q.json:4:5: item[0]: the item has no linkId",
        "q.json:6:16: item[2].linkId: duplicate linkId 'a'; it is first used at 5:5",
        "q.json:7:5: item[3]: item 'b' is a choice with no answerOption or answerValueSet",
        "q.json:8:76: item[4].answerValueSet: item 'c' takes its options from the value set "
          + "'http://loinc.org/vs/LL9999-9', which is not contained in this file and not one of the standard value "
          + "sets SelfScreen carries; SelfScreen works offline and cannot fetch it (give a file with the ValueSet and "
          + "its codes: --value-sets FILE, or put it in the file's 'contained')",
        "q.json:9:47: item[5].text: expected text (a JSON string), found the number 5",
        "q.json:10:5: item[6]: item 'e' has no type",
        "q.json:11:80: item[7].enableWhen[0].question: enableWhen of item 'f' refers to linkId 'zz', which is not an "
          + "item of this questionnaire",
        "q.json:12:97: item[8].enableWhen[0].operator: '~' is not an enableWhen operator; use exists, =, !=, >, <, "
          + ">= or <=",
        "q.json:13:119: item[9].enableWhen[0].answerBoolean: enableWhen of item 'h' compares 'a' (a text question) "
          + "with answerBoolean, which does not fit it",
        "q.json:14:80: item[10].enableWhen: enableWhen refers to 'j', which comes later (15:16); a question can "
          + "only depend on earlier questions",
      ])
  }

  @Test func aResourceThatIsNotAQuestionnaireIsRefused() {
    #expect(
      FHIRFixtures.diagnostics(#"{"resourceType": "Patient", "id": "p1"}"#) == [
        "q.json:1:18: resourceType: this is a FHIR Patient resource; SelfScreen runs Questionnaire resources"
      ])
  }

  @Test func aQuestionnaireWithNothingToAskIsRefused() {
    #expect(
      FHIRFixtures.diagnostics(
        #"{"resourceType": "Questionnaire", "item": [{"linkId": "d", "type": "display", "text": "Hi"}]}"#
      )
      .first == "q.json:1:43: item: the questionnaire has no questions that SelfScreen can ask")
  }

  @Test func controlCharactersInFHIRTextAreRefusedWithTheFHIRPath() {
    let items = #"{"linkId": "a", "type": "boolean", "text": "A\u001b[2J?"}"#
    #expect(
      FHIRFixtures.diagnostics(FHIRFixtures.questionnaire(items)) == [
        "q.json:9:55: item[0].text: the text contains U+001B (escape), which is not allowed in questionnaire "
          + "text; remove it"
      ])
  }

  @Test func hiddenAndReadOnlyItemsAreNotAsked() throws {
    let items = """
      {"linkId": "h", "type": "string", "text": "Hidden", "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", "valueBoolean": true}]},
      {"linkId": "r", "type": "string", "text": "Read only", "readOnly": true},
      {"linkId": "a", "type": "string", "text": "Asked"}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.questions.map(\.id) == ["a"])
    #expect(
      warnings == [
        "q.json:9:77: warning: item[0].extension: item 'h' is hidden, so it is not asked",
        "q.json:10:68: warning: item[1].readOnly: item 'r' is read-only and has no calculation, so it is not asked",
      ])
  }
}

/// Problems found after import are said in the form's own terms.
@Suite struct FHIRMessageTermsTests {
  @Test func aQuestionThatCanNeverBeAskedIsNamedByItsLinkIdAndIsAWarning() throws {
    let items = """
      \(FHIRFixtures.choice("Pick-One", [("b", "B"), ("c", "C")])),
      {"linkId": "Both-B-and-C", "type": "string", "text": "Never?", "enableBehavior": "all", "enableWhen": [
        {"question": "Pick-One", "operator": "=", "answerCoding": {"code": "b"}},
        {"question": "Pick-One", "operator": "=", "answerCoding": {"code": "c"}}]}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(!FHIRImportTests.shown(questionnaire, [:]).contains("both_b_and_c"))
    #expect(
      warnings.contains {
        $0.hasSuffix(
          "item 'Both-B-and-C' can never be shown: its enableWhen is never true given the earlier questions' "
            + "answers; it is never asked")
      })
  }

  @Test func optionsFromAnAnswerExpressionAreRefusedSayingSoWhenTheQuestionIsRequired() {
    let items = #"""
      {"linkId": "pick", "type": "choice", "text": "Which?", "required": true, "extension": [
        {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression",
         "valueExpression": {"language": "text/fhirpath", "expression": "%resource.item.answer.value"}}]}
      """#
    #expect(
      FHIRFixtures.diagnostics(FHIRFixtures.questionnaire(items)) == [
        "q.json:10:3: item[0].extension[0]: item 'pick' takes its options from an answerExpression, worked out as "
          + "the form is filled in; SelfScreen asks from a fixed list only (answerOption or answerValueSet)"
      ])
  }

  /// `"repeats": "true"` is a mistake whose meaning is not in doubt: read as the boolean, with a
  /// located warning, as HAPI's lenient parser does. Any other text is still an error.
  @Test func aBooleanWrittenAsTheTextTrueOrFalseIsReadWithAWarning() throws {
    let items = """
      {"linkId": "a", "type": "choice", "text": "Which?", "repeats": "true", "required": "false",
       "answerOption": [{"valueString": "x"}, {"valueString": "y"}]}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.questions.map(\.type) == [.multiple])
    #expect(questionnaire.questions.map(\.isRequired) == [false])
    #expect(
      warnings == [
        "q.json:9:75: warning: item[0].repeats: expected true without quotes (a JSON boolean), found the text "
          + "\"true\"; read as true",
        "q.json:9:95: warning: item[0].required: expected false without quotes (a JSON boolean), found the text "
          + "\"false\"; read as false",
      ])
    let wrong = #"{"linkId": "a", "type": "boolean", "text": "A?", "required": "yes"}"#
    #expect(
      FHIRFixtures.diagnostics(FHIRFixtures.questionnaire(wrong)) == [
        "q.json:9:73: item[0].required: expected true or false, found the text \"yes\""
      ])
  }
}
