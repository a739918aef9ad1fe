import Testing

@testable import ScreeningCore

/// Each validation rule of DESIGN §3 with a bad file and the exact message it must produce.
@Suite struct ValidationRuleTests {
  @Test func demoFixtureIsValid() throws {
    let questionnaire = try Fixtures.load(Fixtures.demo)
    #expect(questionnaire.questions.map(\.id) == ["gate", "sign_a", "sign_b", "urgent"])
  }

  @Test func unknownKeySuggestsTheNearestOne() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("    title: Main\n", "    titel: Main\n"))) == [
        "demo.yaml:18:5: sections[0]: missing required key 'title'",
        "demo.yaml:19:5: sections[0].titel: unknown key 'titel'; did you mean 'title'?",
      ])
  }

  @Test func unknownKeyListsTheAllowedKeys() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("title: Demo\n", "title: Demo\ncolour: blue\n"))) == [
        "demo.yaml:6:1: colour: unknown key 'colour'; a questionnaire can have: format, id, version, language, title, "
          + "intro, disclaimer, audience, minutes, topic, sources, scales, sections, scores, bands, red_flags, messages, "
          + "domains"
      ])
  }

  @Test func missingRequiredKey() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("disclaimer: This is not a diagnosis.\n", ""))) == [
        "demo.yaml:1:1: (top level): missing required key 'disclaimer'"
      ])
  }

  @Test func nullForARequiredKey() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("title: Demo\n", "title: null\n"))) == [
        "demo.yaml:5:8: title: 'title' needs a value"
      ])
  }

  @Test func wrongTypes() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("format: 1\n", "format: one\n"))) == [
        "demo.yaml:1:9: format: expected a whole number, found one"
      ])
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("sections:\n  - id: main", "sections:\n  x: 1\nold:\n  - id: main"))).first
        == "demo.yaml:18:3: sections: expected a list of sections, found a mapping")
    #expect(
      Fixtures.diagnostics(
        Fixtures.demo(("{code: \"yes\", label: \"Yes\", score: 1}", "{code: \"yes\", label: \"Yes\", score: \"1\"}")))
        == [
          "demo.yaml:14:44: scales[0].options[0].score: expected a whole number, found the text \"1\""
        ])
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("missing: true}", "missing: sure}"))) == [
        "demo.yaml:16:63: scales[0].options[2].missing: expected true or false, found \"sure\""
      ])
  }

  @Test(arguments: [
    ("1.5", "expected a whole number, found 1.5"),
    ("1e999", "expected a whole number, found 1e999"),
    ("12345678901234567890", "the number 12345678901234567890 is too large"),
  ])
  func numbersThatAreNotWholeNumbers(value: String, message: String) {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("score: 1}", "score: \(value)}"))) == [
        "demo.yaml:14:44: scales[0].options[0].score: \(message)"
      ])
  }

  @Test func duplicateQuestionIDNamesBothPlaces() {
    let text = Fixtures.demo(("      - id: sign_b\n", "      - id: sign_a\n"))
    #expect(
      Fixtures.diagnostics(text).first
        == "demo.yaml:33:13: sections[0].questions[2].id: duplicate question id 'sign_a'; it is first defined at 27:13")
  }

  @Test func duplicateOptionCodeAndScaleAndSectionIDs() {
    #expect(
      Fixtures.diagnostics(
        Fixtures.demo(
          (
            "{code: \"no\", label: \"No\"}\n      - {code: prefer_not",
            "{code: \"yes\", label: \"No\"}\n      - {code: prefer_not"
          ))
      ).first
        == "demo.yaml:15:16: scales[0].options[1].code: duplicate option code 'yes'; it is first given at 14:16")
    let twoSections = Fixtures.demo(
      (
        "scores:\n",
        "  - id: main\n    title: Again\n    questions:\n      - {id: extra, text: Extra?, type: text}\nscores:\n"
      ))
    #expect(
      Fixtures.diagnostics(twoSections) == [
        "demo.yaml:42:9: sections[1].id: duplicate section id 'main'; it is first given at 18:9"
      ])
  }

  @Test func duplicateKeyNamesBothPlaces() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("title: Demo\n", "title: Demo\ntitle: Other\n"))) == [
        "demo.yaml:6:1: title: duplicate key 'title'; it is first given at 5:1"
      ])
  }

  @Test func showIfThatRefersToNothing() {
    #expect(
      Fixtures.diagnostics(
        Fixtures.demo(
          (
            "show_if: {question: gate, equals: \"yes\"}\n        source",
            "show_if: {question: gates, equals: \"yes\"}\n        source"
          ))) == [
          "demo.yaml:31:29: sections[0].questions[1].show_if.question: refers to question 'gates', which is not in "
            + "this questionnaire; did you mean 'gate'?"
        ])
  }

  @Test func showIfThatPointsForward() {
    #expect(
      Fixtures.diagnostics(
        Fixtures.demo(
          (
            "show_if: {question: gate, equals: \"yes\"}\n        source",
            "show_if: {question: urgent, equals: \"yes\"}\n        source"
          ))) == [
          "demo.yaml:31:29: sections[0].questions[1].show_if.question: show_if refers to 'urgent', which comes later "
            + "(38:13); a question can only depend on earlier questions"
        ])
  }

  @Test func showIfCycleAndSelfLoop() {
    let cycle = Fixtures.demo(
      (
        "show_if: {question: gate, equals: \"yes\"}\n        source",
        "show_if: {question: sign_b, equals: \"yes\"}\n        source"
      ),
      (
        "show_if: {question: gate, equals: \"yes\"}\n      - id: urgent",
        "show_if: {question: sign_a, equals: \"yes\"}\n      - id: urgent"
      ))
    #expect(
      Fixtures.diagnostics(cycle) == [
        "demo.yaml:31:29: sections[0].questions[1].show_if.question: show_if makes a cycle: sign_a -> sign_b -> sign_a"
      ])
    let selfLoop = Fixtures.demo(
      (
        "show_if: {question: gate, equals: \"yes\"}\n        source",
        "show_if: {question: sign_a, equals: \"yes\"}\n        source"
      ))
    #expect(
      Fixtures.diagnostics(selfLoop) == [
        "demo.yaml:31:29: sections[0].questions[1].show_if.question: show_if refers to the question itself, so it "
          + "could never be shown (a cycle)"
      ])
  }

  @Test func unreachableQuestion() {
    let text = Fixtures.demo(
      (
        "show_if: {question: gate, equals: \"yes\"}\n      - id: urgent",
        "show_if: {all: [{question: gate, equals: \"yes\"}, {question: gate, equals: \"no\"}]}\n      - id: urgent"
      ))
    #expect(
      Fixtures.diagnostics(text) == [
        "demo.yaml:37:18: sections[0].questions[2].show_if: question 'sign_b' can never be shown: its show_if is "
          + "never true given the earlier questions' answers"
      ])
  }

  @Test func questionBehindAnUnreachableOneIsUnreachableToo() {
    let text = Fixtures.demo(
      (
        "show_if: {question: gate, equals: \"yes\"}\n        source",
        "show_if: {not: {answered: {question: gate}}}\n        source"
      ))
    // `not` of a malformed test is reported as a shape problem, not reachability.
    #expect(!Fixtures.diagnostics(text).isEmpty)
    let chain = Fixtures.demo(
      (
        "show_if: {question: gate, equals: \"yes\"}\n        source",
        "show_if: {all: [{question: gate, equals: \"yes\"}, {question: gate, answered: false}]}\n        source"
      ),
      (
        "show_if: {question: gate, equals: \"yes\"}\n      - id: urgent",
        "show_if: {question: sign_a, answered: true}\n      - id: urgent"
      ))
    #expect(
      Fixtures.diagnostics(chain) == [
        "demo.yaml:31:18: sections[0].questions[1].show_if: question 'sign_a' can never be shown: its show_if is "
          + "never true given the earlier questions' answers",
        "demo.yaml:37:18: sections[0].questions[2].show_if: question 'sign_b' can never be shown: its show_if is "
          + "never true given the earlier questions' answers",
      ])
  }

  @Test func conditionOnACodeTheQuestionDoesNotHave() {
    #expect(
      Fixtures.diagnostics(
        Fixtures.demo(
          (
            "show_if: {question: gate, equals: \"yes\"}\n        source",
            "show_if: {question: gate, equals: maybe}\n        source"
          ))) == [
          "demo.yaml:31:43: sections[0].questions[1].show_if.equals: 'maybe' is not an option of question 'gate' (its "
            + "options: no, yes)"
        ])
  }

  @Test func questionWithoutOptions() {
    #expect(
      Fixtures.diagnostics(
        Fixtures.demo(
          ("text: Urgent?\n        type: yes_no\n        scale: yn\n", "text: Urgent?\n        type: yes_no\n"))) == [
          "demo.yaml:38:9: sections[0].questions[3]: a yes_no question needs options: give 'scale' or 'options'"
        ])
    #expect(
      Fixtures.diagnostics(
        Fixtures.demo(
          (
            "        options:\n          - {code: \"no\", label: \"No\"}\n          - {code: \"yes\", label: "
              + "\"Yes\"}\n",
            "        options: []\n"
          ))) == [
          "demo.yaml:24:18: sections[0].questions[0].options: the list of options is empty"
        ])
    #expect(
      Fixtures.diagnostics(
        Fixtures.demo(
          (
            "text: Urgent?\n        type: yes_no\n        scale: yn\n",
            "text: Urgent?\n        type: yes_no\n        scale: yesno\n"
          ))) == [
          "demo.yaml:41:16: sections[0].questions[3].scale: refers to scale 'yesno', which is not defined under "
            + "'scales'"
        ])
  }

  @Test func bandsWithAGapOrAnOverlap() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("{id: some, min: 1,", "{id: some, min: 2,"))) == [
        "demo.yaml:52:7: bands.ranges[1]: values 1 fall in no band (a gap before band 'some')"
      ])
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("{id: few, min: 0, max: 0,", "{id: few, min: 0, max: 1,"))) == [
        "demo.yaml:52:7: bands.ranges[1]: band 'some' overlaps band 'few': value 1 is in both"
      ])
    #expect(
      Fixtures.diagnostics(
        Fixtures.demo(
          ("{id: few, min: 0, max: 0,", "{id: few, min: 1, max: 1,"), ("{id: some, min: 1,", "{id: some, min: 2,")))
        == [
          "demo.yaml:51:7: bands.ranges[0]: values 0 fall in no band (a gap before band 'few')"
        ])
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("{id: few, min: 0,", "{id: few, min: 1,"))) == [
        "demo.yaml:51:30: bands.ranges[0].max: 'max' (0) is smaller than 'min' (1)"
      ])
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("{id: some, min: 1, label", "{id: some, min: 1, max: 1, label"))) == [
        "demo.yaml:52:7: bands.ranges[1]: values 2 fall in no band (score 'signs' can reach 2)"
      ])
  }

  @Test(arguments: [
    ("\u{1B}", "U+001B (escape)"),
    ("\u{08}", "U+0008 (backspace)"),
    ("\u{00}", "U+0000 (null)"),
    ("\u{9B}", "U+009B (C1 control character)"),
    ("\u{202E}", "U+202E (bidirectional control)"),
    ("\u{200B}", "U+200B (zero-width character)"),
  ])
  func unsafeCharactersInText(character: String, name: String) {
    // Written raw into the file (not as a YAML escape), inside a question's text.
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("text: Sign B?", "text: Sign\(character) B?"))) == [
        "demo.yaml:34:15: sections[0].questions[2].text: the text contains \(name), which is not allowed in "
          + "questionnaire text; remove it"
      ])
  }

  @Test func rawCarriageReturnIsALineBreakButAnEscapedOneIsRefused() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("text: Sign B?", "text: \"Sign\\r B?\""))) == [
        "demo.yaml:34:15: sections[0].questions[2].text: the text contains U+000D (carriage return), which is not "
          + "allowed in questionnaire text; remove it"
      ])
  }

  @Test func escapedControlCharacterInQuotedText() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("text: Sign B?", "text: \"Sign \\e]52;c;SGk=\\a B?\""))) == [
        "demo.yaml:34:15: sections[0].questions[2].text: the text contains U+001B (escape), which is not allowed in "
          + "questionnaire text; remove it"
      ])
  }

  @Test func unsafeCharactersInAnID() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("      - id: urgent\n", "      - id: \"urg\\u202Eent\"\n"))).first
        == "demo.yaml:38:13: sections[0].questions[3].id: the id contains U+202E (bidirectional control), which is "
        + "not allowed; remove it"
    )
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("      - id: urgent\n", "      - id: Urgent\n"))).first
        == "demo.yaml:38:13: sections[0].questions[3].id: 'Urgent' is not a valid id: use a lowercase letter, then "
        + "lowercase letters, digits or '_'"
    )
  }

  @Test func sizeLimits() {
    let longText = String(repeating: "a", count: 100_000)
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("text: Sign B?", "text: \(longText)"))) == [
        "demo.yaml:34:15: sections[0].questions[2].text: the text is 100000 characters long; the limit is 4000"
      ])
    let longID = String(repeating: "a", count: 10_000)
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("id: demo\n", "id: \(longID)\n"))) == [
        "demo.yaml:2:5: id: the id is 10000 characters long; the limit is 64"
      ])
    var small = LoadLimits.standard
    small.maxQuestions = 3
    #expect(
      Fixtures.diagnostics(Fixtures.demo, limits: small) == [
        "demo.yaml:18:3: sections: the questionnaire has 4 questions; the limit is 3"
      ])
    small = .standard
    small.maxFileBytes = 100
    #expect(
      Fixtures.diagnostics(Fixtures.demo, limits: small) == [
        "demo.yaml:1:1: (file): the file is 1 KiB, more than the limit of 100 bytes"
      ])
  }

  @Test func diagnosticAndStigmatisingWording() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("guidance: Talk to someone you trust.}", "guidance: You are addicted.}")))
        == [
          "demo.yaml:52:55: bands.ranges[1].guidance: uses the wording 'you are addicted'; the tool never diagnoses; "
            + "describe the signs instead (\"your answers show several signs\")"
        ])
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("label: Some signs,", "label: Severe,"))) == [
        "demo.yaml:52:33: bands.ranges[1].label: uses the wording 'severe'; bands describe how many signs there are "
          + "(\"some signs\", \"many signs\"), not a severity"
      ])
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("guidance: Call now.}", "guidance: Addicts should call now.}"))) == [
        "demo.yaml:54:107: red_flags[0].guidance: uses the wording 'addicts'; use person-first language (\"a person "
          + "who uses ketamine\")"
      ])
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("text: Nothing to score.,", "text: This is a diagnosis of nothing.,"))).count
        == 1)
  }

  @Test func yesNoQuestionsNeedYesAndNo() {
    let text = Fixtures.demo(
      (
        "      - {code: \"no\", label: \"No\"}\n      - {code: prefer",
        "      - {code: maybe, label: \"Maybe\"}\n      - {code: prefer"
      ))
    #expect(
      Fixtures.diagnostics(text).prefix(1) == [
        "demo.yaml:30:16: sections[0].questions[1].scale: a yes_no question's options must be 'yes' and 'no', plus at "
          + "most one 'missing: true' option"
      ])
  }

  @Test func citationMustNameAListedSource() {
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("source: {file: doc.txt,", "source: {file: other.txt,"))) == [
        "demo.yaml:32:17: sections[0].questions[1].source.file: cites 'other.txt', which is not listed under 'sources'"
      ])
  }

  @Test func everyProblemIsReportedAtOnce() {
    let text = Fixtures.demo(
      ("title: Demo\n", "title: Demo\ncolour: blue\n"),
      ("      - id: urgent\n", "      - {id: sign_a, text: Again?, type: text}\n      - id: urgent\n"),
      ("text: Urgent?", "text: Urg\u{1B}ent?"))
    #expect(
      Fixtures.diagnostics(text) == [
        "demo.yaml:6:1: colour: unknown key 'colour'; a questionnaire can have: format, id, version, language, title, "
          + "intro, disclaimer, audience, minutes, topic, sources, scales, sections, scores, bands, red_flags, messages, "
          + "domains",
        "demo.yaml:39:14: sections[0].questions[3].id: duplicate question id 'sign_a'; it is first defined at 28:13",
        "demo.yaml:41:15: sections[0].questions[4].text: the text contains U+001B (escape), which is not allowed in "
          + "questionnaire text; remove it",
      ])
  }
}
