import Testing

@testable import ScreeningCore

/// Scores from FHIR weights, wherever published files put them, and calculated totals.
@Suite struct FHIRScoringTests {
  static let ordinal = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
  static let weight = "http://hl7.org/fhir/StructureDefinition/itemWeight"

  /// The same two-option question with its weights in each of the four places.
  static let places: [(String, String, String)] = [
    (
      "on the option",
      #"""
      {"linkId": "q", "type": "choice", "text": "Q?", "answerOption": [
        {"extension": [{"url": "\#(ordinal)", "valueDecimal": 0}], "valueCoding": {"code": "lo", "display": "Low"}},
        {"extension": [{"url": "\#(ordinal)", "valueDecimal": 4}], "valueCoding": {"code": "hi", "display": "High"}}]}
      """#, ""
    ),
    (
      "on the coding",
      #"""
      {"linkId": "q", "type": "choice", "text": "Q?", "answerOption": [
        {"valueCoding": {"extension": [{"url": "\#(weight)", "valueDecimal": 0}], "code": "lo", "display": "Low"}},
        {"valueCoding": {"extension": [{"url": "\#(weight)", "valueDecimal": 4}], "code": "hi", "display": "High"}}]}
      """#, ""
    ),
    (
      "on a contained ValueSet's expansion",
      ##"{"linkId": "q", "type": "choice", "text": "Q?", "answerValueSet": "#levels"}"##,
      #"""
      {"resourceType": "ValueSet", "id": "levels", "expansion": {"contains": [
        {"system": "http://example.org/cs", "code": "lo", "display": "Low", "extension": [{"url": "\#(ordinal)", "valueDecimal": 0}]},
        {"system": "http://example.org/cs", "code": "hi", "display": "High", "extension": [{"url": "\#(ordinal)", "valueInteger": 4}]}]}}
      """#
    ),
    (
      "on a contained ValueSet's compose concepts, by canonical URL",
      #"{"linkId": "q", "type": "choice", "text": "Q?", "answerValueSet": "http://example.org/ValueSet/levels|2"}"#,
      #"""
      {"resourceType": "ValueSet", "url": "http://example.org/ValueSet/levels", "version": "2", "compose": {"include": [
        {"system": "http://example.org/cs", "concept": [
          {"code": "lo", "display": "Low", "extension": [{"url": "\#(weight)", "valueDecimal": 0}]},
          {"code": "hi", "display": "High", "extension": [{"url": "\#(weight)", "valueDecimal": 4}]}]}]}}
      """#
    ),
  ]

  @Test(arguments: places.indices)
  func weightsBecomeOptionScoresAndATotal(place: Int) throws {
    let (name, items, contained) = Self.places[place]
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items, contained: contained))
    #expect(warnings == [], "\(name)")
    let question = try #require(questionnaire.question("q"), "\(name)")
    #expect(question.options.map(\.label) == ["Low", "High"], "\(name)")
    #expect(question.options.map(\.score) == [0, 4], "\(name)")
    #expect(questionnaire.scores.map(\.label) == ["Total score"], "\(name)")
    let result = Scorer.score(questionnaire, answers: ["q": .choice("hi")])
    #expect(result.scores.map(\.value) == [4], "\(name)")
    let blocks = ResultDocument.blocks(questionnaire: questionnaire, result: result, region: nil)
    #expect(blocks.contains(.bullets(["Total score: 4 of 4"])), "\(name)")
  }

  @Test func everyPHQ9AnswerNearlyEveryDayTotals27() throws {
    let phq9 = try FHIRFixtures.phq9()
    var answers: [String: Answer] = [:]
    for question in phq9.questions { answers[question.id] = .choice("la6571_9") }
    let result = Scorer.score(phq9, answers: answers)
    #expect(result.scores.map(\.rule.label) == ["Patient Health Questionnaire 9 item (PHQ-9) total score"])
    #expect(result.scores.map(\.value) == [27])
    let text = ResultReport(questionnaire: phq9, result: result, region: nil, width: 200).text
    #expect(
      text.contains(
        "Result: a score of 27 out of 27, in the range the PHQ-9's authors call \"severe\" (20 to 27)"))
    // Item 9 above "Not at all": the crisis guidance comes first.
    #expect(result.redFlags.map(\.level) == [.crisis])
  }

  @Test func aSkippedQuestionIsSaidToLowerTheTotal() throws {
    let phq9 = try FHIRFixtures.phq9()
    // Item 1 skipped, the other eight "More than half the days" (2 each).
    let answers = Dictionary(
      uniqueKeysWithValues: phq9.questions.dropFirst().prefix(8).map { ($0.id, Answer.choice("la6570_1")) })
    let result = Scorer.score(phq9, answers: answers)
    let blocks = ResultDocument.blocks(questionnaire: phq9, result: result, region: nil)
    #expect(
      blocks.contains(
        .heading(
          "Result: a score of 16 out of 27, in the range the PHQ-9's authors call \"moderately severe\" (15 to 19)")))
    #expect(
      blocks.contains(
        .paragraph("1 of these questions was skipped or answered \"prefer not to say\", so this result may understate.")
      ))
  }

  @Test func aMildRangeIsNotGivenWhileTheSafetyQuestionIsUnanswered() throws {
    let phq9 = try FHIRFixtures.phq9()
    // Items 1 to 8 "Several days" (8: mild), item 9 skipped.
    let answers = Dictionary(uniqueKeysWithValues: phq9.questions.prefix(8).map { ($0.id, Answer.choice("la6569_3")) })
    let result = Scorer.score(phq9, answers: answers)
    #expect(result.band == nil && result.withheldBand == .safetyNotAnswered)
    let blocks = ResultDocument.blocks(questionnaire: phq9, result: result, region: nil)
    #expect(blocks.contains(.heading("Safety questions you did not answer")))
    #expect(
      blocks.contains(.heading("Patient Health Questionnaire 9 item (PHQ-9) total score: a score of 8 out of 27")))
    #expect(!blocks.contains { if case .heading(let text) = $0 { text.contains("mild") } else { false } })
  }

  @Test func aCalculatedSumCanNameTheItemsItAdds() throws {
    let items = #"""
      {"linkId": "a", "type": "choice", "text": "A?", "answerOption": [
        {"extension": [{"url": "\#(Self.ordinal)", "valueDecimal": 1}], "valueString": "One"}]},
      {"linkId": "b", "type": "choice", "text": "B?", "answerOption": [
        {"extension": [{"url": "\#(Self.ordinal)", "valueDecimal": 5}], "valueString": "Five"}]},
      {"linkId": "sum-a", "type": "integer", "text": "Just A", "readOnly": true, "extension": [
        {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
         "valueExpression": {"language": "text/fhirpath", "expression": "%resource.item.where(linkId = 'a').answer.value.ordinal().sum()"}}]}
      """#
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.questions.map(\.id) == ["a", "b"], "a calculated item is not asked")
    #expect(questionnaire.scores.map(\.questionIDs) == [["a"]])
    let result = Scorer.score(questionnaire, answers: ["a": .choice("one"), "b": .choice("five")])
    #expect(result.scores.map(\.value) == [1])
  }

  static let variable = "http://hl7.org/fhir/StructureDefinition/variable"
  static let calculated = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"

  /// A BMI form as SDC writes one: two variables and a calculated item that reads them.
  static let bmi = #"""
    {"linkId": "weight", "type": "decimal", "text": "Weight (kg)"},
    {"linkId": "height", "type": "decimal", "text": "Height (m)"},
    {"linkId": "bmi", "type": "decimal", "text": "Body mass index", "extension": [
      {"url": "\#(variable)", "valueExpression": {"name": "w", "language": "text/fhirpath",
        "expression": "%resource.item.where(linkId='weight').answer.value"}},
      {"url": "\#(variable)", "valueExpression": {"name": "h", "language": "text/fhirpath",
        "expression": "%resource.item.where(linkId='height').answer.value"}},
      {"url": "\#(calculated)", "valueExpression": {"language": "text/fhirpath",
        "expression": "(%w / (%h * %h)).round(1)"}},
      {"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
       "valueCoding": {"system": "http://unitsofmeasure.org", "code": "kg/m2"}}]}
    """#

  @Test func aCalculatedItemIsComputedFromItsVariablesShownAndNotAsked() throws {
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(Self.bmi))
    #expect(warnings == [])
    #expect(questionnaire.questions.map(\.id) == ["weight", "height"])
    let result = Scorer.score(questionnaire, answers: ["weight": .decimal(70), "height": .decimal(1.75)])
    #expect(result.computed == [ComputedValue(linkID: "bmi", label: "Body mass index", text: "22.9 kg/m2")])
    let blocks = ResultDocument.blocks(questionnaire: questionnaire, result: result, region: nil)
    #expect(blocks.contains(.bullets(["Body mass index: 22.9 kg/m2"])))
    // Until both are answered there is no value, and nothing is shown.
    #expect(Scorer.score(questionnaire, answers: ["weight": .decimal(70)]).computed == [])
  }

  @Test func aComputedValueIsWrittenInTheResponseWithTheItemsType() throws {
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(Self.bmi))
    let response = try FHIRExportTests.response(questionnaire, ["weight": .decimal(70), "height": .decimal(1.75)])
    let items = FHIRExportTests.items(response)
    #expect((items["bmi"]?["answer"] as? [[String: Any]])?.first?["valueDecimal"] as? Double == 22.9)
    let partial = try FHIRExportTests.response(questionnaire, ["weight": .decimal(70)])
    #expect(FHIRExportTests.items(partial)["bmi"] == nil)
  }

  @Test func anEnableWhenExpressionDecidesWhetherAQuestionIsAsked() throws {
    let items = #"""
      {"linkId": "age", "type": "integer", "text": "Age?"},
      {"linkId": "adult", "type": "group", "text": "Adults", "extension": [
        {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
         "valueExpression": {"language": "text/fhirpath",
           "expression": "%resource.item.where(linkId='age').answer.value >= 18"}}],
       "item": [{"linkId": "work", "type": "boolean", "text": "Do you work?"}]}
      """#
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(warnings == [])
    #expect(FHIRImportTests.shown(questionnaire, [:]) == ["age"])
    #expect(FHIRImportTests.shown(questionnaire, ["age": .number(12)]) == ["age"])
    #expect(FHIRImportTests.shown(questionnaire, ["age": .number(40)]) == ["age", "work"])
    // An answer given while the question was asked does not count once it no longer is.
    let result = Scorer.score(questionnaire, answers: ["age": .number(12), "work": .choice("yes")])
    #expect(result.answered.map(\.questionID) == ["age"])
  }

  /// The response the expressions read is built once and reused until an answer is added: each
  /// expression still sees every answer given before its question, and none after it.
  @Test func eachEnableWhenExpressionSeesTheAnswersBeforeItsQuestion() throws {
    func gated(_ linkID: String, on earlier: String) -> String {
      #"{"linkId": "\#(linkID)", "type": "boolean", "text": "\#(linkID)?", "extension": [{"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression", "valueExpression": {"language": "text/fhirpath", "expression": "%resource.item.where(linkId = '\#(earlier)').answer.value = true and %resource.item.where(linkId = 'later').exists().not()"}}]}"#
    }
    let items = [
      #"{"linkId": "a", "type": "boolean", "text": "A?"}"#, gated("b", on: "a"), gated("b2", on: "a"),
      #"{"linkId": "c", "type": "boolean", "text": "C?"}"#, gated("d", on: "c"),
      #"{"linkId": "later", "type": "boolean", "text": "Later?"}"#,
    ].joined(separator: ", ")
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    let yes = Answer.choice("yes")
    #expect(FHIRImportTests.shown(questionnaire, ["a": yes]) == ["a", "b", "b2", "c", "later"])
    #expect(
      FHIRImportTests.shown(questionnaire, ["a": yes, "b": yes, "c": yes, "later": yes])
        == ["a", "b", "b2", "c", "d", "later"])
    #expect(FHIRImportTests.shown(questionnaire, ["c": yes, "later": yes]) == ["a", "c", "d", "later"])
  }

  @Test func anEnableWhenExpressionReadsTheVariablesOfItsGroups() throws {
    // The variable is defined on the group; the question inside it reads it.
    let items = #"""
      {"linkId": "age", "type": "integer", "text": "Age?"},
      {"linkId": "adult", "type": "group", "text": "Adults", "extension": [
        {"url": "\#(Self.variable)", "valueExpression": {"name": "years", "language": "text/fhirpath",
          "expression": "%resource.item.where(linkId='age').answer.value"}}],
       "item": [{"linkId": "work", "type": "boolean", "text": "Do you work?", "extension": [
         {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
          "valueExpression": {"language": "text/fhirpath", "expression": "%years >= 18"}}]},
        {"linkId": "note", "type": "display", "text": "Thank you.", "extension": [
         {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
          "valueExpression": {"language": "text/fhirpath", "expression": "%years >= 65"}}]}]}
      """#
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(warnings == [])
    #expect(FHIRImportTests.shown(questionnaire, ["age": .number(12)]) == ["age"])
    #expect(FHIRImportTests.shown(questionnaire, ["age": .number(40)]) == ["age", "work"])
    let work = try #require(questionnaire.question("work"))
    #expect(questionnaire.help(of: work, answers: ["age": .number(40)]) == nil)
    #expect(questionnaire.help(of: work, answers: ["age": .number(70)]) == "Thank you.")
  }

  @Test func enableWhenOrdersDatesAndTextsAndTestsCalculatedItems() throws {
    let items = #"""
      {"linkId": "when", "type": "date", "text": "When?"},
      {"linkId": "late", "type": "boolean", "text": "Late?",
       "enableWhen": [{"question": "when", "operator": ">=", "answerDate": "2024-01-01"}]},
      {"linkId": "name", "type": "string", "text": "Name?"},
      {"linkId": "second-half", "type": "boolean", "text": "N to Z?",
       "enableWhen": [{"question": "name", "operator": ">", "answerString": "M"},
                      {"question": "when", "operator": "exists", "answerBoolean": true}], "enableBehavior": "any"},
      \#(Self.bmi),
      {"linkId": "heavy", "type": "boolean", "text": "Advice?",
       "enableWhen": [{"question": "bmi", "operator": ">", "answerDecimal": 30}]}
      """#
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(warnings == [])
    let always = ["when", "name", "weight", "height"]
    #expect(FHIRImportTests.shown(questionnaire, [:]) == always)
    #expect(
      FHIRImportTests.shown(questionnaire, ["when": .text("2023-12-31")]) == [
        "when", "name", "second_half", "weight", "height",
      ])
    #expect(FHIRImportTests.shown(questionnaire, ["when": .text("2024-01-01")]).contains("late"))
    #expect(FHIRImportTests.shown(questionnaire, ["name": .text("Alex")]) == always)
    #expect(FHIRImportTests.shown(questionnaire, ["name": .text("Sam")]).contains("second_half"))
    // The calculated BMI: 70 kg at 1.75 m is 22.9, 100 kg is 32.7.
    #expect(
      !FHIRImportTests.shown(questionnaire, ["weight": .decimal(70), "height": .decimal(1.75)]).contains("heavy"))
    #expect(
      FHIRImportTests.shown(questionnaire, ["weight": .decimal(100), "height": .decimal(1.75)]).contains("heavy"))
  }

  @Test func anExpressionOutsideTheSubsetIsAWarningNamingItAndTheItemIsLeftOut() throws {
    let items = #"""
      {"linkId": "a", "type": "integer", "text": "A?"},
      {"linkId": "bmi", "type": "decimal", "text": "BMI", "extension": [
        {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
         "valueExpression": {"language": "text/fhirpath", "expression": "%a.toQuantity() / %height"}}]},
      {"linkId": "c", "type": "decimal", "text": "C", "extension": [
        {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
         "valueExpression": {"language": "text/fhirpath", "expression": "%weight * 2"}}]}
      """#
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.questions.map(\.id) == ["a"])
    #expect(questionnaire.scores.isEmpty)
    #expect(
      warnings == [
        "q.json:10:66: warning: item[1].extension: item 'bmi' is calculated by an expression SelfScreen cannot "
          + "evaluate; it is not asked and left out of the results",
        "q.json:12:67: warning: item[1].extension[0].valueExpression.expression: item 'bmi': the FHIRPath "
          + "expression '%a.toQuantity() / %height' cannot be evaluated: the function 'toQuantity()' (column 4) is "
          + "outside the FHIRPath SelfScreen reads",
        "q.json:15:67: warning: item[2].extension[0].valueExpression.expression: item 'c': the FHIRPath "
          + "expression '%weight * 2' reads %weight, which no variable in the file defines; it gives no value",
      ])
  }

  @Test func aWeightThatIsNotANumberIsIgnoredAndTheImportGoesOn() throws {
    let items = #"""
      {"linkId": "q", "type": "choice", "text": "Q?", "answerOption": [
        {"extension": [{"url": "\#(Self.ordinal)", "valueString": "three"}], "valueString": "A"},
        {"extension": [{"url": "\#(Self.ordinal)", "valueDecimal": 2}], "valueString": "B"}]}
      """#
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.question("q")?.options.map(\.score) == [0, 2])
    #expect(
      warnings == [
        "q.json:10:18: warning: item[0].answerOption[0].extension[0]: this weight extension has no number "
          + "(valueDecimal); it is ignored"
      ])
  }

  @Test func aFractionalWeightIsLeftOutOfTheTotalWithAWarning() throws {
    let items = #"""
      {"linkId": "q", "type": "choice", "text": "Q?", "answerOption": [
        {"extension": [{"url": "\#(Self.ordinal)", "valueDecimal": 0.5}], "valueString": "Half"}]}
      """#
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.question("q")?.options.map(\.score) == [0])
    #expect(
      warnings == [
        "q.json:10:120: warning: item[0].answerOption[0].valueString: the weight 0.5 is not a whole number; SelfScreen "
          + "adds whole numbers only, so this option adds nothing to the total"
      ])
  }

  @Test func withoutWeightsThereIsNoTotal() throws {
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(FHIRFixtures.choice("q", [("a", "A")])))
    #expect(questionnaire.scores.isEmpty)
  }
}

/// Value sets named by URL that SelfScreen carries, and the message for one it does not.
@Suite struct StandardValueSetTests {
  @Test func aStandardValueSetByURLGivesItsCodesAndWeights() throws {
    let items = """
      {"linkId": "sex", "type": "choice", "text": "Sex?",
       "answerValueSet": "http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1"},
      {"linkId": "mood", "type": "choice", "text": "Feeling down?", "answerValueSet": "http://loinc.org/vs/LL358-3"}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(warnings == [])
    #expect(questionnaire.question("sex")?.options.map(\.label) == ["Male", "Female", "Other", "Unknown"])
    #expect(questionnaire.question("mood")?.options.map(\.score) == [0, 1, 2, 3])
    let response = try FHIRExportTests.response(questionnaire, ["sex": .choice("female"), "mood": .choice("la6570_1")])
    let coding = (FHIRExportTests.items(response)["sex"]?["answer"] as? [[String: Any]])?.first?["valueCoding"]
    #expect((coding as? [String: Any])?["system"] as? String == "http://hl7.org/fhir/administrative-gender")
  }

  @Test func anotherValueSetByURLIsOneLocatedErrorSayingHowToSupplyIt() {
    // A required question: an optional one is shown with a note instead (UnanswerableQuestionTests).
    let items = """
      {"linkId": "vs", "type": "choice", "text": "Which?", "answerValueSet": "http://example.org/ValueSet/local",
       "required": true}
      """
    #expect(
      FHIRFixtures.diagnostics(FHIRFixtures.questionnaire(items)) == [
        "q.json:9:83: item[0].answerValueSet: item 'vs' takes its options from the value set "
          + "'http://example.org/ValueSet/local', which is not contained in this file and not one of the standard "
          + "value sets SelfScreen carries; SelfScreen works offline and cannot fetch it (give a file with the "
          + "ValueSet and its codes: --value-sets FILE, or put it in the file's 'contained')"
      ])
  }
}

/// `--value-sets FILE`: value sets a person supplies for a form that names them by URL.
@Suite struct ValueSetLibraryTests {
  static let library = """
    {"resourceType": "Bundle", "entry": [
      {"resource": {"resourceType": "ValueSet", "url": "http://example.org/ValueSet/local", "version": "2",
       "expansion": {"contains": [{"system": "http://example.org/cs", "code": "a", "display": "Apple"},
                                  {"system": "http://example.org/cs", "code": "b", "display": "Banana"}]}}}]}
    """

  @Test func aSuppliedValueSetGivesTheOptionsOfAFormThatNamesIt() throws {
    let loaded = ValueSetLibrary.load(bytes: Array(Self.library.utf8), fileName: "sets.json")
    #expect(loaded.diagnostics.isEmpty)
    let library = try #require(loaded.value)
    #expect(library.urls == ["http://example.org/ValueSet/local"])
    let items = """
      {"linkId": "fruit", "type": "choice", "text": "Fruit?", "answerValueSet": "http://example.org/ValueSet/local|2",
       "required": true}
      """
    let result = QuestionnaireLoader.load(
      bytes: Array(FHIRFixtures.questionnaire(items).utf8), fileName: "q.json", fhir: FHIRContext(valueSets: library))
    #expect(result.diagnostics.map(\.description) == [])
    #expect(result.value?.question("fruit")?.options.map(\.label) == ["Apple", "Banana"])
    // Named in the message when it does not hold the set the form needs.
    let other = items.replacing("local|2", with: "other")
    #expect(
      QuestionnaireLoader.load(
        bytes: Array(FHIRFixtures.questionnaire(other).utf8), fileName: "q.json", fhir: FHIRContext(valueSets: library)
      )
      .diagnostics.map(\.description) == [
        "q.json:9:86: item[0].answerValueSet: item 'fruit' takes its options from the value set "
          + "'http://example.org/ValueSet/other', which is not contained in this file, nor in 'sets.json' and not "
          + "one of the standard value sets SelfScreen carries; SelfScreen works offline and cannot fetch it (give "
          + "a file with the ValueSet and its codes: --value-sets FILE, or put it in the file's 'contained')"
      ])
  }

  @Test func problemsInAValueSetFileAreLocatedInIt() {
    let text = """
      [{"resourceType": "ValueSet", "expansion": {"contains": [{"code": "a"}]}},
       {"resourceType": "ValueSet", "url": "http://x/filtered", "compose": {"include": [{"system": "http://loinc.org",
         "filter": [{"property": "parent", "op": "is-a", "value": "LP1"}]}]}},
       {"resourceType": "Patient"}]
      """
    #expect(
      ValueSetLibrary.load(bytes: Array(text.utf8), fileName: "sets.json").diagnostics.map(\.description) == [
        "sets.json:1:2: [0]: the ValueSet has no 'url', so no questionnaire can name it",
        "sets.json:2:83: [1].compose.include[0]: this include chooses codes by a filter or another value set, which "
          + "SelfScreen cannot expand offline; list them as 'concept' or give an 'expansion'",
        "sets.json:4:19: [2].resourceType: this is a FHIR Patient resource; a value set file holds ValueSet resources",
      ])
  }
}
