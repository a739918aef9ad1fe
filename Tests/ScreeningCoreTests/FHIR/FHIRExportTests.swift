import Foundation
import TestSupport
import Testing

@testable import ScreeningCore

/// The QuestionnaireResponse handed back for an imported questionnaire, and `convert`.
@Suite struct FHIRExportTests {
  static func response(_ questionnaire: Questionnaire, _ answers: [String: Answer]) throws -> [String: Any] {
    let bytes = try Exporter(
      questionnaire: questionnaire, answers: answers, region: nil, created: Timestamp(secondsSinceEpoch: 1_795_000_000)
    ).encode(.fhir)
    let object = try JSONSerialization.jsonObject(with: Data(bytes))
    return try #require(object as? [String: Any])
  }

  /// Every item of a response, depth first, by linkId.
  static func items(_ response: [String: Any]) -> [String: [String: Any]] {
    var found: [String: [String: Any]] = [:]
    func visit(_ list: Any?) {
      for item in (list as? [[String: Any]]) ?? [] {
        if let linkID = item["linkId"] as? String { found[linkID] = item }
        visit(item["item"])
        for answer in (item["answer"] as? [[String: Any]]) ?? [] { visit(answer["item"]) }
      }
    }
    visit(response["item"])
    return found
  }

  @Test func thePHQ9ResponseHasTheLinkIdsCodingsWeightsAndTotal() throws {
    let phq9 = try FHIRFixtures.phq9()
    var answers: [String: Answer] = [:]
    for question in phq9.questions { answers[question.id] = .choice("la6571_9") }
    let response = try Self.response(phq9, answers)
    #expect(response["resourceType"] as? String == "QuestionnaireResponse")
    #expect(response["questionnaire"] as? String == "http://example.org/fhir/Questionnaire/phq-9|2.0")
    #expect(response["status"] as? String == "completed")
    #expect(response["authored"] as? String == "2026-11-18T11:06:40Z")
    let top = try #require(response["item"] as? [[String: Any]])
    #expect(top.map { $0["linkId"] as? String } == ["/phq9"])
    let inner = try #require(top[0]["item"] as? [[String: Any]])
    #expect(
      inner.map { $0["linkId"] as? String } == [
        "/44250-9", "/44255-8", "/44259-0", "/44254-1", "/44251-7", "/44258-2", "/44252-5", "/44253-3", "/44260-8",
        "/44261-6",
      ])
    let first = try #require((inner[0]["answer"] as? [[String: Any]])?.first?["valueCoding"] as? [String: Any])
    #expect(first["system"] as? String == "http://loinc.org")
    #expect(first["code"] as? String == "LA6571-9")
    #expect(first["display"] as? String == "Nearly every day")
    let weight = try #require((first["extension"] as? [[String: Any]])?.first)
    #expect(weight["url"] as? String == "http://hl7.org/fhir/StructureDefinition/ordinalValue")
    #expect((weight["valueDecimal"] as? NSNumber)?.intValue == 3)
    let total = try #require((inner[9]["answer"] as? [[String: Any]])?.first)
    #expect((total["valueInteger"] as? NSNumber)?.intValue == 27)
  }

  @Test func onlyEnabledAndAnsweredItemsAreSentAndEmptyGroupsAreLeftOut() throws {
    let items = """
      {"linkId": "uses", "type": "boolean", "text": "Uses?"},
      {"linkId": "g", "type": "group", "text": "G", "enableWhen": [{"question": "uses", "operator": "=", "answerBoolean": true}], "item": [
        {"linkId": "n", "type": "integer", "text": "N?"}]},
      {"linkId": "other", "type": "group", "text": "Other", "item": [
        {"linkId": "kg", "type": "decimal", "text": "Kg?"},
        {"linkId": "day", "type": "date", "text": "Day?"},
        {"linkId": "note", "type": "text", "text": "Note?"}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    let response = try Self.response(
      questionnaire,
      ["uses": .choice("no"), "n": .number(4), "kg": .decimal(72.5), "day": .text("2026-01-02")])
    let found = Self.items(response)
    #expect(Set(found.keys) == ["uses", "other", "kg", "day"])
    #expect((found["uses"]?["answer"] as? [[String: Any]])?.first?["valueBoolean"] as? Bool == false)
    #expect(((found["kg"]?["answer"] as? [[String: Any]])?.first?["valueDecimal"] as? NSNumber)?.doubleValue == 72.5)
    #expect((found["day"]?["answer"] as? [[String: Any]])?.first?["valueDate"] as? String == "2026-01-02")
    #expect(response["questionnaire"] as? String == "http://example.org/Questionnaire/test|3")
    #expect(response["status"] as? String == "completed")
  }

  @Test func aTypedOpenChoiceAnswerIsAValueStringAndChildrenNestUnderTheAnswer() throws {
    let items = """
      {"linkId": "where", "type": "open-choice", "text": "Where?", "repeats": true,
       "answerOption": [{"valueString": "Home"}, {"valueInteger": 7}], "item": [
         {"linkId": "why", "type": "string", "text": "Why?"}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    let response = try Self.response(
      questionnaire, ["where": .choices(["home", "n_7", "other"]), "where_other": .text("Bus"), "why": .text("Cheap")])
    let found = Self.items(response)
    let answers = try #require(found["where"]?["answer"] as? [[String: Any]])
    #expect(answers.count == 3)
    #expect(answers[0]["valueString"] as? String == "Home")
    #expect((answers[1]["valueInteger"] as? NSNumber)?.intValue == 7)
    #expect(answers[2]["valueString"] as? String == "Bus")
    let nested = try #require(answers[0]["item"] as? [[String: Any]])
    #expect(nested.first?["linkId"] as? String == "why")
    #expect(found["where_other"] == nil, "the follow-up is part of the open-choice answer, not an item")
  }

  @Test func anUnfinishedResponseIsInProgressAndNamesNoQuestionnaireWithoutAURL() throws {
    let json =
      #"{"resourceType": "Questionnaire", "item": [{"linkId": "a", "type": "boolean", "text": "A?", "required": true}, {"linkId": "b", "type": "boolean", "text": "B?", "required": true}]}"#
    let (questionnaire, _) = try FHIRFixtures.load(json)
    let response = try Self.response(questionnaire, ["a": .choice("yes")])
    #expect(response["status"] as? String == "in-progress")
    #expect(response["questionnaire"] == nil)
  }

  // MARK: convert

  @Test func convertWritesNativeYAMLThatLoadsToTheSameQuestionnaire() throws {
    let bytes = try FHIRFixtures.file("phq-9.json")
    let (yaml, diagnostics) = FHIRImporter.convert(bytes: bytes, fileName: "phq-9.json", fhir: BundledData.fhirContext)
    #expect(
      diagnostics.map(\.description) == [
        "phq-9.json:1:1: warning: (top level): this is the PHQ-9: run from this FHIR file, SelfScreen adds the score "
          + "ranges its authors publish and urgent guidance for its safety question; the converted file carries the "
          + "form's own content only, so run the FHIR file to keep them"
      ])
    let text = try #require(yaml)
    #expect(text.hasPrefix("# Converted by `selfscreen convert` from the FHIR Questionnaire"))
    #expect(text.contains("      # linkId: /44250-9\n      - id: \"q_44250_9\"\n"))
    let loaded = QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: "phq-9.yaml")
    // Once native, its wording is the author's to check: `validate` grades its reading level.
    #expect(
      loaded.diagnostics.map(\.description) == [
        "phq-9.yaml:119:15: warning: sections[0].questions[6].text: reads at about grade 11.7 (Flesch-Kincaid); "
          + "aim for about grade 8 and no higher than 10: shorter sentences and shorter words help"
      ])
    let native = try #require(loaded.value)
    var imported = try FHIRFixtures.phq9()
    imported.fhir = nil
    imported.contentHash = native.contentHash
    // The PHQ-9's ranges and item-9 crisis guidance are added when the FHIR file is run; the
    // converted file carries the form's own content only, and convert warns about that.
    #expect(imported.bands != nil && imported.redFlags.count == 1)
    imported.bands = nil
    imported.redFlags = []
    #expect(native == imported)
  }

  @Test func convertingAFileWithErrorsGivesNoYAML() {
    let (yaml, diagnostics) = FHIRImporter.convert(
      bytes: Array(
        FHIRFixtures.questionnaire(#"{"linkId": "a", "type": "reference", "text": "Which record?", "required": true}"#)
          .utf8),
      fileName: "q.json")
    #expect(yaml == nil)
    #expect(diagnostics.count == 1)
  }

  @Test func aFileThatLoadsAlsoConverts() throws {
    // Found by FuzzQuestionnaire: FHIR written in YAML's flow style (a key with no value, which
    // JSON does not allow) loaded from a .yaml file, and convert then read it as JSON and failed.
    let json = FHIRFixtures.questionnaire(#"{"linkId": "a", "type": "boolean", "text": "A?"}"#)
    let yaml = json.replacing(#""linkId": "a","#, with: #""linkId": "a", "",  "#)
    #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(json.utf8)) }
    for (text, name) in [(json, "q.json"), (yaml, "q.yaml"), (json, "q.yaml")] {
      let loaded = QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: name)
      #expect(loaded.value != nil, "\(name): \(loaded.diagnostics)")
      let (converted, diagnostics) = FHIRImporter.convert(bytes: Array(text.utf8), fileName: name)
      #expect(diagnostics.map(\.description) == [])
      let native = try Fixtures.load(try #require(converted), fileName: "native.yaml")
      #expect(native.questions.map(\.id) == ["a"])
    }
    // The same YAML named .json is read as JSON, and refused.
    let asJSON = FHIRImporter.convert(bytes: Array(yaml.utf8), fileName: "q.json")
    #expect(asJSON.yaml == nil)
    #expect(asJSON.diagnostics.first?.description.contains("syntax error") == true)
  }

  @Test func convertRefusesANativeFile() {
    let (yaml, diagnostics) = FHIRImporter.convert(bytes: Array(#"{"format": 1}"#.utf8), fileName: "n.json")
    #expect(yaml == nil)
    #expect(
      diagnostics.map(\.description) == [
        "n.json:1:1: (top level): this is not a FHIR resource (it has no 'resourceType'); convert reads FHIR "
          + "Questionnaire JSON"
      ])
  }

  @Test func theYAMLWriterRoundTripsHostileText() throws {
    let node = NativeNode.map(
      [
        (
          "a",
          NativeNode.text("quote \" backslash \\ line\nbreak tab\t: # not a comment", at: .init(line: 1, column: 1))
        ),
        ("b", NativeNode.list([NativeNode.integer(-3, at: .init(line: 1, column: 1))], at: .init(line: 1, column: 1))),
      ], at: .init(line: 1, column: 1))
    let yaml = YAMLWriter.text(of: node)
    let back = try YAMLReader.parse(Array(yaml.utf8), limits: .standard)
    guard case .mapping(let entries) = back.value, case .scalar(let text, _) = entries[0].value.value else {
      Issue.record("not read back as a mapping: \(yaml)")
      return
    }
    #expect(text == "quote \" backslash \\ line\nbreak tab\t: # not a comment")
    #expect(entries.map(\.key) == ["a", "b"])
  }
}

extension FHIRExportTests {
  @Test func convertShowsControlCharactersInLinkIdsSafelyInItsComments() throws {
    let json = FHIRFixtures.questionnaire(
      #"{"linkId": "a\u001b]52;c;x\u0007\nformat: 2", "type": "boolean", "text": "A?"}"#)
    let (yaml, _) = FHIRImporter.convert(bytes: Array(json.utf8), fileName: "q.json")
    let text = try #require(yaml)
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(text.contains("# linkId: a<U+001B>]52;c;x<U+0007>\n      # format: 2\n"))
    #expect(try Fixtures.load(text, fileName: "q.yaml").questions.count == 1)
  }
}

extension FHIRExportTests {
  /// FHIR JSON has no empty arrays: a response with nothing answered has no `item` at all, for an
  /// imported questionnaire and a native one alike.
  @Test func nothingAnsweredMeansNoItemArray() throws {
    let native = try Fixtures.load(Fixtures.demo)
    for questionnaire in [try FHIRFixtures.phq9(), native] {
      let bytes = try Exporter(
        questionnaire: questionnaire, answers: [:], region: nil, created: Timestamp(secondsSinceEpoch: 1_795_000_000)
      ).encode(.fhir)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
      #expect(object["item"] == nil, "\(questionnaire.id)")
      #expect(object["status"] as? String == "in-progress")
      #expect(!String(decoding: bytes, as: UTF8.self).contains("[]"), "\(questionnaire.id)")
    }
  }
}

extension FHIRExportTests {
  /// A form with neither name nor id is known by its canonical url, not by what its file is called.
  @Test func theIdentityComesFromTheURLBeforeTheFileName() throws {
    let json = FHIRFixtures.questionnaire(FHIRFixtures.choice("a", [("x", "X"), ("y", "Y")]))
      .replacingOccurrences(of: #""name": "test","#, with: "")
      .replacingOccurrences(
        of: "http://example.org/Questionnaire/test", with: "http://example.org/Questionnaire/sleep-check")
    let (questionnaire, _) = try FHIRFixtures.load(json, fileName: "downloaded (3).json")
    #expect(questionnaire.id == "sleep_check")
    #expect(questionnaire.fhir?.canonical == "http://example.org/Questionnaire/sleep-check|3")
  }
}

extension FHIRExportTests {
  /// An untitled group is not shown under the title of the group before it.
  @Test func anUntitledGroupDoesNotBorrowTheTitleBeforeIt() throws {
    let first =
      #"{"linkId": "g1", "type": "group", "text": "Sleep", "item": [\#(FHIRFixtures.choice("a", [("x", "X")]))]}"#
    let second = #"{"linkId": "g2", "type": "group", "item": [\#(FHIRFixtures.choice("b", [("x", "X")]))]}"#
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(first + ", " + second))
    #expect(questionnaire.sections.map(\.title) == ["Sleep", "Test"])
  }
}

extension FHIRExportTests {
  /// A file written for FHIR STU3 is told which R4 name its choices go by.
  @Test func stu3OptionIsNamedAsSuch() {
    let item = #"{"linkId": "a", "type": "choice", "text": "A?", "option": [{"valueCoding": {"code": "x"}}]}"#
    let diagnostics = FHIRFixtures.diagnostics(FHIRFixtures.questionnaire(item))
    #expect(
      diagnostics.contains {
        $0.contains(
          "item[0].option: item 'a' gives its choices as 'option', the FHIR STU3 name; SelfScreen reads "
            + "FHIR R4, where it is 'answerOption'")
      }, "\(diagnostics)")
  }
}

extension FHIRExportTests {
  /// Items inside a hidden group are not asked, so they need no text.
  @Test func itemsInAHiddenGroupNeedNoText() throws {
    let hidden =
      #"{"linkId": "h", "type": "group", "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", "valueBoolean": true}], "item": [{"linkId": "h1", "type": "integer"}]}"#
    let (questionnaire, warnings) = try FHIRFixtures.load(
      FHIRFixtures.questionnaire(FHIRFixtures.choice("a", [("x", "X")]) + ", " + hidden))
    #expect(questionnaire.questions.map(\.id) == ["a"])
    #expect(
      warnings.contains { $0.contains("group 'h' is hidden, so it is not asked") || $0.contains("item 'h' is hidden") })
  }
}

extension FHIRExportTests {
  /// Integer, string and date items with answerOption are asked as choices among those values, and
  /// answered with the value of the chosen one.
  @Test func typedItemsWithOptionsAreChoices() throws {
    let items = """
      {"linkId": "n", "type": "integer", "text": "How many?", "answerOption": [{"valueInteger": 1}, {"valueInteger": 2}]},
      {"linkId": "s", "type": "string", "text": "Which?", "answerOption": [{"valueString": "Red"}, {"valueString": "Blue"}]},
      {"linkId": "d", "type": "date", "text": "When?", "answerOption": [{"valueDate": "2026-01-01"}, {"valueDate": "2026-02-01"}]},
      {"linkId": "after", "type": "string", "text": "After?", "enableWhen": [{"question": "d", "operator": "=", "answerDate": "2026-02-01"}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.questions.prefix(3).map(\.type) == [.single, .single, .single])
    #expect(questionnaire.question("s")?.options.map(\.label) == ["Red", "Blue"])
    #expect(questionnaire.question("d")?.options.map(\.label) == ["2026-01-01", "2026-02-01"])
    let answers: [String: Answer] = [
      "n": .choice(try #require(questionnaire.question("n")?.options[1].code)),
      "s": .choice(try #require(questionnaire.question("s")?.options[0].code)),
      "d": .choice(try #require(questionnaire.question("d")?.options[1].code)),
      "after": .text("yes"),
    ]
    let response = try Self.response(questionnaire, answers)
    let byLinkID = Dictionary(
      uniqueKeysWithValues: try #require(response["item"] as? [[String: Any]]).map {
        ($0["linkId"] as? String ?? "", ($0["answer"] as? [[String: Any]])?.first ?? [:])
      })
    #expect((byLinkID["n"]?["valueInteger"] as? NSNumber)?.intValue == 2)
    #expect(byLinkID["s"]?["valueString"] as? String == "Red")
    #expect(byLinkID["d"]?["valueDate"] as? String == "2026-02-01")
    #expect(byLinkID["after"] != nil, "enabled: answerDate matched the chosen date")
  }
}

extension FHIRExportTests {
  /// What published forms showed: units, flyover help, read-only groups, occurrence limits, and
  /// a description without a full stop.
  @Test func unitsHelpReadOnlyGroupsAndIntrosReadAsTheFormMeans() throws {
    let unit =
      #"{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unit", "valueCoding": {"system": "http://unitsofmeasure.org", "code": "[in_i]"}}"#
    let flyover =
      #"{"linkId": "w.help", "type": "text", "text": "Without shoes", "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl", "valueCodeableConcept": {"coding": [{"code": "flyover"}]}}]}"#
    let items = """
      {"linkId": "w", "type": "decimal", "text": "Height?", "extension": [\(unit)], "item": [\(flyover)]},
      {"linkId": "ro", "type": "group", "text": "Provider details", "readOnly": true, "item": [{"linkId": "ro1", "type": "string", "text": "Provider number"}]},
      \(FHIRFixtures.choice("fruit", [("a", "Apple"), ("b", "Pear")], extra: #", "repeats": true, "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs", "valueInteger": 2}]"#))
      """
    let json = FHIRFixtures.questionnaire(items).replacingOccurrences(
      of: #""title": "Test","#, with: #""title": "Test", "description": "A short form without a full stop","#)
    let (questionnaire, warnings) = try FHIRFixtures.load(json)
    #expect(questionnaire.question("w")?.help == "Without shoes\n\nIn inches.")
    #expect(questionnaire.questions.map(\.id) == ["w", "fruit"], "the flyover and the read-only group are not asked")
    #expect(questionnaire.intro == "A short form without a full stop.")
    #expect(
      warnings.contains {
        $0.contains("item 'fruit' says how many answers to give at least (minOccurs); SelfScreen does not count them")
      })
  }
}

extension FHIRExportTests {
  /// A quantity item is asked as a number in its unit and answered as a valueQuantity.
  @Test func aQuantityIsANumberInItsUnit() throws {
    let item = """
      {"linkId": "sys", "type": "quantity", "text": "Systolic blood pressure?", "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption", "valueCoding": {"system": "http://unitsofmeasure.org", "code": "mm[Hg]", "display": "mmHg"}}], "initial": [{"valueQuantity": {"value": 120, "unit": "mmHg"}}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(item))
    let question = try #require(questionnaire.question("sys"))
    #expect(question.type == .decimal)
    #expect(question.help == "In mmHg.")
    #expect(question.initial == .decimal(120))
    let response = try Self.response(questionnaire, ["sys": .decimal(118)])
    let answer = try #require(((response["item"] as? [[String: Any]])?.first?["answer"] as? [[String: Any]])?.first)
    let quantity = try #require(answer["valueQuantity"] as? [String: Any])
    #expect((quantity["value"] as? NSNumber)?.doubleValue == 118)
    #expect(quantity["unit"] as? String == "mmHg")
    #expect(quantity["system"] as? String == "http://unitsofmeasure.org")
    #expect(quantity["code"] as? String == "mm[Hg]")
  }
}
