import Testing

@testable import ScreeningCore

/// Importing FHIR Questionnaires: item types, groups, display text and enableWhen.
@Suite struct FHIRImportTests {
  @Test func thePHQ9FixtureImportsAsNineScoredQuestionsInOneSection() throws {
    let phq9 = try FHIRFixtures.phq9()
    #expect(phq9.id == "phq9")
    #expect(phq9.version == "2.0")
    #expect(phq9.title == "Patient Health Questionnaire (PHQ-9)")
    #expect(
      phq9.sections.map(\.title) == [
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
      ])
    #expect(phq9.questions.count == 9)
    let first = try #require(phq9.questions.first)
    #expect(first.id == "q_44250_9")
    #expect(first.text == "Little interest or pleasure in doing things", "a bare number prefix is left out")
    #expect(first.type == .single)
    #expect(first.isRequired)
    #expect(
      first.options.map(\.label) == ["Not at all", "Several days", "More than half the days", "Nearly every day"])
    #expect(first.options.map(\.score) == [0, 1, 2, 3])
    #expect(phq9.fhir?.canonical == "http://example.org/fhir/Questionnaire/phq-9|2.0")
    #expect(phq9.disclaimer.hasPrefix("This is a self-check, not a diagnosis."))
    #expect(phq9.disclaimer.contains("No permission is required to reproduce"))
  }

  @Test func eachItemTypeBecomesTheMatchingQuestion() throws {
    let items = """
      {"linkId": "b", "type": "boolean", "text": "B?"},
      {"linkId": "c1", "type": "choice", "text": "C?", "answerOption": [{"valueString": "One"}, {"valueInteger": 2}]},
      {"linkId": "c2", "type": "choice", "repeats": true, "text": "C2?", "answerOption": [{"valueString": "A"}]},
      {"linkId": "r5", "type": "coding", "text": "R5?", "answerOption": [{"valueCoding": {"code": "k"}}]},
      {"linkId": "i", "type": "integer", "text": "I?", "extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0},
        {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 120}]},
      {"linkId": "d", "type": "decimal", "text": "D?"},
      {"linkId": "s", "type": "string", "text": "S?", "maxLength": 40},
      {"linkId": "t", "type": "text", "text": "T?"},
      {"linkId": "dt", "type": "date", "text": "Date?"}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    let types = questionnaire.questions.map { "\($0.id):\($0.type.rawValue)" }
    #expect(
      types == [
        "b:yes_no", "c1:single", "c2:multiple", "r5:single", "i:number", "d:decimal", "s:text", "t:text", "dt:date",
      ])
    #expect(questionnaire.question("b")?.options.map(\.code) == ["yes", "no"])
    #expect(questionnaire.question("c1")?.options.map(\.code) == ["one", "n_2"])
    #expect(questionnaire.question("c1")?.options.map(\.label) == ["One", "2"])
    #expect(questionnaire.question("r5")?.options.map(\.label) == ["k"])
    #expect(questionnaire.question("i")?.minimum == 0)
    #expect(questionnaire.question("i")?.maximum == 120)
    #expect(questionnaire.question("s")?.maxLength == 40)
    #expect(questionnaire.question("t")?.maxLength == 4_000)
    #expect(questionnaire.questions.allSatisfy { !$0.isRequired }, "FHIR items are optional unless required: true")
  }

  @Test func aPrefixThatIsMoreThanANumberIsShownBeforeTheText() throws {
    let items = """
      {"linkId": "a", "type": "boolean", "prefix": "9a.", "text": "A?"},
      {"linkId": "b", "type": "boolean", "prefix": "(2)", "text": "B?"}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.questions.map(\.text) == ["9a. A?", "B?"])
  }

  @Test func linkIdsAndCodesBecomeNativeIds() {
    #expect(FHIRReader.identifier("/44250-9", prefix: "q") == "q_44250_9")
    #expect(FHIRReader.identifier("PHQ-9", prefix: "q") == "phq_9")
    #expect(FHIRReader.identifier("LA6568-5", prefix: "c") == "la6568_5")
    #expect(FHIRReader.identifier("1.1", prefix: "q") == "q_1_1")
    #expect(FHIRReader.identifier("--", prefix: "q") == "q")
  }

  @Test func linkIdsThatMakeTheSameIdStayApart() throws {
    let items = """
      {"linkId": "a-1", "type": "boolean", "text": "First?"},
      {"linkId": "a.1", "type": "boolean", "text": "Second?"}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.questions.map(\.id) == ["a_1", "a_1_2"])
  }

  @Test func nestedGroupsBecomeSectionsAndTheResponseKeepsTheNesting() throws {
    let items = """
      {"linkId": "outer", "type": "group", "text": "Outer", "item": [
        {"linkId": "q1", "type": "boolean", "text": "One?"},
        {"linkId": "inner", "type": "group", "text": "Inner", "item": [
          {"linkId": "q2", "type": "boolean", "text": "Two?"}]},
        {"linkId": "q3", "type": "boolean", "text": "Three?"}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.sections.map(\.id) == ["outer", "inner", "outer_2"])
    #expect(questionnaire.sections.map(\.title) == ["Outer", "Inner", "Outer"])
    #expect(questionnaire.sections.map(\.questionIDs) == [["q1"], ["q2"], ["q3"]])
    let layout = try #require(questionnaire.fhir)
    guard case .group("outer", "Outer", let children) = try #require(layout.items.first) else {
      Issue.record("the first item is not the outer group: \(layout.items)")
      return
    }
    #expect(children.count == 3)
    guard case .group("inner", _, let innermost) = children[1] else {
      Issue.record("the second child is not the inner group: \(children)")
      return
    }
    #expect(innermost.count == 1)
  }

  @Test func displayItemsBecomeTheSectionIntroAndQuestionHelp() throws {
    let items = """
      {"linkId": "g", "type": "group", "text": "G", "item": [
        {"linkId": "d1", "type": "display", "text": "Read this first."},
        {"linkId": "q1", "type": "boolean", "text": "One?"},
        {"linkId": "d2", "type": "display", "text": "About the next one."},
        {"linkId": "q2", "type": "boolean", "text": "Two?", "item": [
          {"linkId": "q2help", "type": "display", "text": "A hint."}]}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.sections.first?.intro == "Read this first.")
    #expect(questionnaire.question("q1")?.help == nil)
    #expect(questionnaire.question("q2")?.help == "About the next one.\n\nA hint.")
  }

  // MARK: enableWhen

  /// Which questions are shown for `answers` (ids in asking order).
  static func shown(_ questionnaire: Questionnaire, _ answers: [String: Answer]) -> [String] {
    questionnaire.visibility(for: answers).shown.map { questionnaire.questions[$0].id }
  }

  @Test func aDisabledGroupDisablesEverythingInsideItAndIsNeverRequired() throws {
    let items = """
      {"linkId": "uses", "type": "boolean", "text": "Uses?", "required": true},
      {"linkId": "g", "type": "group", "text": "G",
       "enableWhen": [{"question": "uses", "operator": "=", "answerBoolean": true}], "item": [
        {"linkId": "a", "type": "boolean", "text": "A?", "required": true},
        {"linkId": "inner", "type": "group", "text": "Inner", "item": [
          {"linkId": "b", "type": "boolean", "text": "B?", "required": true}]}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(Self.shown(questionnaire, ["uses": .choice("no")]) == ["uses"])
    #expect(Self.shown(questionnaire, ["uses": .choice("yes")]) == ["uses", "a", "b"])
    let session = ScreeningSession(questionnaire: questionnaire, answers: ["uses": .choice("no")])
    #expect(session.unansweredRequired.isEmpty)
    #expect(session.position == .review)
  }

  @Test func enableBehaviorAllNeedsEveryTestAndAnyNeedsOne() throws {
    func items(_ behavior: String?) -> String {
      let key = behavior.map { #", "enableBehavior": "\#($0)""# } ?? ""
      return """
        {"linkId": "a", "type": "boolean", "text": "A?"},
        {"linkId": "b", "type": "boolean", "text": "B?"},
        {"linkId": "c", "type": "string", "text": "C?", "enableWhen": [
          {"question": "a", "operator": "=", "answerBoolean": true},
          {"question": "b", "operator": "=", "answerBoolean": true}]\(key)}
        """
    }
    let one: [String: Answer] = ["a": .choice("yes"), "b": .choice("no")]
    let both: [String: Answer] = ["a": .choice("yes"), "b": .choice("yes")]
    for behavior in [nil, "all"] {
      let (all, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items(behavior)))
      #expect(!Self.shown(all, one).contains("c"), "behavior \(behavior ?? "absent")")
      #expect(Self.shown(all, both).contains("c"), "behavior \(behavior ?? "absent")")
    }
    let (any, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items("any")))
    #expect(Self.shown(any, one).contains("c"))
    #expect(!Self.shown(any, [:]).contains("c"))
  }

  @Test func notEqualsHoldsWhenNoAnswerEqualsIncludingNoAnswerAtAll() throws {
    let items =
      FHIRFixtures.choice("pick", [("x", "X"), ("y", "Y")], extra: #", "repeats": true"#) + ","
      + #"{"linkId": "next", "type": "string", "text": "Next?", "enableWhen": [{"question": "pick", "operator": "!=", "answerCoding": {"system": "http://example.org/cs", "code": "x"}}]}"#
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(Self.shown(questionnaire, [:]).contains("next"), "an unanswered question satisfies !=")
    #expect(Self.shown(questionnaire, ["pick": .choices(["y"])]).contains("next"))
    #expect(!Self.shown(questionnaire, ["pick": .choices(["x"])]).contains("next"))
    #expect(!Self.shown(questionnaire, ["pick": .choices(["x", "y"])]).contains("next"), "one answer equals")
  }

  @Test func equalsHoldsWhenSomeAnswerEquals() throws {
    let items =
      FHIRFixtures.choice("pick", [("x", "X"), ("y", "Y")], extra: #", "repeats": true"#) + ","
      + #"{"linkId": "next", "type": "string", "text": "Next?", "enableWhen": [{"question": "pick", "operator": "=", "answerCoding": {"code": "y"}}]}"#
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(!Self.shown(questionnaire, [:]).contains("next"))
    #expect(Self.shown(questionnaire, ["pick": .choices(["x", "y"])]).contains("next"))
    #expect(!Self.shown(questionnaire, ["pick": .choices(["x"])]).contains("next"))
  }

  @Test func codingsMatchOnSystemAndCodeOrOnCodeAloneWhenASystemIsMissing() throws {
    func diagnostics(_ coding: String, optionSystem: String?) -> [String] {
      let system = optionSystem.map { "\"system\": \"\($0)\", " } ?? ""
      let items = """
        {"linkId": "p", "type": "choice", "text": "P?", "answerOption": [{"valueCoding": {\(system)"code": "x"}}]},
        {"linkId": "n", "type": "string", "text": "N?", "enableWhen": [{"question": "p", "operator": "=", "answerCoding": \(coding)}]}
        """
      return FHIRFixtures.diagnostics(FHIRFixtures.questionnaire(items))
    }
    #expect(diagnostics(#"{"system": "s", "code": "x"}"#, optionSystem: "s") == [])
    #expect(diagnostics(#"{"code": "x"}"#, optionSystem: "s") == [])
    #expect(diagnostics(#"{"system": "s", "code": "x"}"#, optionSystem: nil) == [])
    // A coding the question does not offer: as FHIR evaluates it, '=' is never true (a warning).
    #expect(
      diagnostics(#"{"system": "other", "code": "x"}"#, optionSystem: "s") == [
        "q.json:10:115: warning: item[1].enableWhen[0].answerCoding: enableWhen of item 'n' tests for the coding "
          + "other|x, which is not an option of 'p'; as in FHIR, that test is never true"
      ])
  }

  /// An enableWhen for a coding that is not offered: '=' never holds (the item is never asked),
  /// '!=' always does; with enableBehavior 'any', a test that always holds decides.
  @Test func aCodingThatIsNotOfferedIsEvaluatedAsFHIRDoes() throws {
    func questionnaire(_ operation: String, behavior: String = "all", alsoTests: String = "") throws -> Questionnaire {
      let extra = alsoTests.isEmpty ? "" : ", " + alsoTests
      let items = """
        \(FHIRFixtures.choice("p", [("x", "X"), ("y", "Y")])),
        {"linkId": "n", "type": "string", "text": "N?", "enableBehavior": "\(behavior)", "enableWhen": [{"question": "p", "operator": "\(operation)", "answerCoding": {"code": "gone"}}\(extra)]},
        {"linkId": "last", "type": "string", "text": "Last?"}
        """
      return try FHIRFixtures.load(FHIRFixtures.questionnaire(items)).0
    }
    #expect(try questionnaire("=").questions.map(\.id) == ["p", "last"], "never asked")
    let always = try questionnaire("!=")
    #expect(always.questions.map(\.id) == ["p", "n", "last"])
    #expect(always.question("n")?.showIf == nil, "always asked")
    let either = try questionnaire(
      "=", behavior: "any", alsoTests: #"{"question": "p", "operator": "=", "answerCoding": {"code": "y"}}"#)
    #expect(either.question("n")?.showIf != nil, "the other test decides")
    #expect(!Self.shown(either, ["p": .choice("x")]).contains("n"))
    #expect(Self.shown(either, ["p": .choice("y")]).contains("n"))
  }

  @Test func existsTestsWhetherThereIsAnAnswer() throws {
    let items = """
      {"linkId": "a", "type": "integer", "text": "A?"},
      {"linkId": "has", "type": "string", "text": "Has?", "enableWhen": [{"question": "a", "operator": "exists", "answerBoolean": true}]},
      {"linkId": "none", "type": "string", "text": "None?", "enableWhen": [{"question": "a", "operator": "exists", "answerBoolean": false}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(Self.shown(questionnaire, [:]) == ["a", "none"])
    #expect(Self.shown(questionnaire, ["a": .number(3)]) == ["a", "has"])
  }

  @Test(arguments: [
    (">", 17, [16: false, 17: false, 18: true]),
    (">=", 17, [16: false, 17: true, 18: true]),
    ("<", 17, [16: true, 17: false, 18: false]),
    ("<=", 17, [16: true, 17: true, 18: false]),
    ("=", 17, [16: false, 17: true, 18: false]),
    ("!=", 17, [16: true, 17: false, 18: true]),
  ])
  func numberComparisons(operation: String, bound: Int, expected: [Int: Bool]) throws {
    let items = """
      {"linkId": "age", "type": "integer", "text": "Age?"},
      {"linkId": "next", "type": "decimal", "text": "Next?", "enableWhen": [{"question": "age", "operator": "\(operation)", "answerInteger": \(bound)}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    for (age, shown) in expected {
      #expect(
        Self.shown(questionnaire, ["age": .number(age)]).contains("next") == shown, "\(age) \(operation) \(bound)")
    }
  }

  @Test func decimalStringAndDateComparisons() throws {
    let items = """
      {"linkId": "kg", "type": "decimal", "text": "Kg?"},
      {"linkId": "heavy", "type": "string", "text": "Heavy?", "enableWhen": [{"question": "kg", "operator": ">", "answerDecimal": 72.5}]},
      {"linkId": "word", "type": "string", "text": "Word?"},
      {"linkId": "said", "type": "string", "text": "Said?", "enableWhen": [{"question": "word", "operator": "=", "answerString": "yes please"}]},
      {"linkId": "day", "type": "date", "text": "Day?"},
      {"linkId": "then", "type": "string", "text": "Then?", "enableWhen": [{"question": "day", "operator": "=", "answerDate": "2026-01-02"}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(!Self.shown(questionnaire, ["kg": .decimal(72.5)]).contains("heavy"))
    #expect(Self.shown(questionnaire, ["kg": .decimal(72.6)]).contains("heavy"))
    #expect(Self.shown(questionnaire, ["word": .text("yes please")]).contains("said"))
    #expect(!Self.shown(questionnaire, ["word": .text("no")]).contains("said"))
    #expect(Self.shown(questionnaire, ["day": .text("2026-01-02")]).contains("then"))
    #expect(!Self.shown(questionnaire, ["day": .text("2026-01-03")]).contains("then"))
  }

  @Test func openChoiceAddsSomethingElseAndAFollowUpForTheTypedAnswer() throws {
    let items = """
      {"linkId": "where", "type": "open-choice", "text": "Where?", "required": true,
       "answerOption": [{"valueString": "Home"}, {"valueString": "Party"}]},
      {"linkId": "typed", "type": "string", "text": "Typed?", "enableWhen": [{"question": "where", "operator": "=", "answerString": "Festival"}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    let question = try #require(questionnaire.question("where"))
    #expect(question.options.map(\.code) == ["home", "party", "other"])
    #expect(question.options.last?.label == "Something else (type it next)")
    let followUp = try #require(questionnaire.question("where_other"))
    #expect(followUp.type == .text)
    #expect(followUp.text == "Your answer in your own words: Where?")
    #expect(followUp.isRequired)
    #expect(Self.shown(questionnaire, ["where": .choice("home")]) == ["where"])
    #expect(Self.shown(questionnaire, ["where": .choice("other")]) == ["where", "where_other"])
    #expect(
      Self.shown(questionnaire, ["where": .choice("other"), "where_other": .text("Festival")]) == [
        "where", "where_other", "typed",
      ])
  }

  @Test func anR5AnswerConstraintOptionsOrStringIsAnOpenChoice() throws {
    let items = #"""
      {"linkId": "w", "type": "coding", "answerConstraint": "optionsOrString", "text": "W?",
       "answerOption": [{"valueCoding": {"code": "a", "display": "A"}}]}
      """#
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    #expect(questionnaire.question("w")?.options.map(\.code) == ["a", "other"])
    #expect(questionnaire.question("w_other")?.type == .text)
  }

  @Test func theMixedFixtureUsesEveryFeatureTogether() throws {
    let result = QuestionnaireLoader.load(bytes: try FHIRFixtures.file("mixed.json"), fileName: "mixed.json")
    #expect(result.diagnostics.map(\.description) == [])
    let questionnaire = try #require(result.value)
    #expect(questionnaire.sections.map(\.id) == ["questions", "g1", "g2"])
    #expect(questionnaire.sections.first?.intro == "Please answer honestly.")
    #expect(
      questionnaire.questions.map(\.id) == [
        "uses", "often", "mood", "age", "amount", "when", "where", "where_other", "notes",
      ])
    #expect(questionnaire.scores.map(\.questionIDs) == [["often", "mood"]])
    #expect(questionnaire.question("mood")?.options.map(\.score) == [0, 5])
    let answers: [String: Answer] = ["uses": .choice("yes"), "often": .choice("never"), "mood": .choice("low")]
    #expect(Self.shown(questionnaire, answers).contains("notes"), "any: mood was answered")
    #expect(!Self.shown(questionnaire, ["uses": .choice("yes"), "often": .choice("never")]).contains("notes"))
    #expect(Scorer.score(questionnaire, answers: answers).scores.map(\.value) == [5])
  }

  @Test func anOpenChoiceWithoutOptionsIsATextQuestion() throws {
    let (questionnaire, _) = try FHIRFixtures.load(
      FHIRFixtures.questionnaire(#"{"linkId": "o", "type": "open-choice", "text": "O?"}"#))
    #expect(questionnaire.question("o")?.type == .text)
  }
}
