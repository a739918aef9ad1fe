/// Questionnaires shared by the test targets.
public enum SharedFixtures {
  /// A one-section questionnaire of `questions` (YAML flow mappings, one a line).
  public static func questionnaire(questions: [String]) -> String {
    "format: 1\nid: typed\nversion: \"1\"\nlanguage: en\ntitle: Typed\nintro: Typed answers.\n"
      + "disclaimer: Not a diagnosis.\nsections:\n  - id: main\n    title: Main\n    questions:\n"
      + questions.map { "      - \($0)\n" }.joined()
  }

  /// A small valid questionnaire exercising every feature; rule tests change one thing in it.
  public static let demo = """
    format: 1
    id: demo
    version: "1"
    language: en
    title: Demo
    intro: A demo questionnaire.
    disclaimer: This is not a diagnosis.
    sources:
      - file: doc.txt
        title: A document
    scales:
      - id: yn
        options:
          - {code: "yes", label: "Yes", score: 1}
          - {code: "no", label: "No"}
          - {code: prefer_not, label: Prefer not to say, missing: true}
    sections:
      - id: main
        title: Main
        questions:
          - id: gate
            text: Have you used it?
            type: single
            options:
              - {code: "no", label: "No"}
              - {code: "yes", label: "Yes"}
          - id: sign_a
            text: Sign A?
            type: yes_no
            scale: yn
            show_if: {question: gate, equals: "yes"}
            source: {file: doc.txt, quote: A sentence.}
          - id: sign_b
            text: Sign B?
            type: yes_no
            scale: yn
            show_if: {question: gate, equals: "yes"}
          - id: urgent
            text: Urgent?
            type: yes_no
            scale: yn
    scores:
      - id: signs
        label: Signs
        kind: count
        codes: ["yes"]
        questions: [sign_a, sign_b]
    bands:
      score: signs
      ranges:
        - {id: few, min: 0, max: 0, label: Few signs, guidance: Keep an eye on it.}
        - {id: some, min: 1, label: Some signs, guidance: Talk to someone you trust.}
    red_flags:
      - {id: rf_urgent, when: {question: urgent, equals: "yes"}, level: emergency, title: Get help, guidance: Call now.}
    messages:
      - {id: no_use, when: {question: gate, equals: "no"}, title: No use, text: Nothing to score., replaces_band: true}
    domains:
      - {id: all_signs, label: All signs, questions: [sign_a, sign_b]}

    """

  /// A small questionnaire for the screens' mechanics: a gate, two yes/no signs on a scale, a
  /// multiple choice with an exclusive option, a red flag, a number and an optional text. Tests of
  /// keys, layout and transcripts use it, so a change to the bundled content never breaks them.
  public static let mechanics = """
    format: 1
    id: mechanics
    version: "1"
    language: en
    title: Mechanics check
    intro: A small questionnaire for testing the screens. It takes a minute.
    disclaimer: This is not a diagnosis.
    minutes: 1
    scales:
      - id: yn
        options:
          - {code: "yes", label: "Yes", score: 1}
          - {code: "no", label: "No"}
          - {code: prefer_not, label: Prefer not to say, missing: true}
    sections:
      - id: start
        title: Start
        intro: First, one question about use.
        questions:
          - id: gate
            text: Have you used it in the past year?
            type: single
            options:
              - {code: "no", label: "No"}
              - {code: "yes", label: "Yes"}
      - id: signs
        title: Signs
        questions:
          - id: sign_a
            text: Have you used more than you meant to?
            type: yes_no
            scale: yn
            show_if: {question: gate, equals: "yes"}
          - id: sign_b
            text: Have you wanted to cut down and found it hard?
            type: yes_no
            scale: yn
            show_if: {question: gate, equals: "yes"}
          - id: changes
            text: Which of these have you noticed? Choose all that apply.
            type: multiple
            options:
              - {code: sleep, label: Trouble sleeping}
              - {code: mood, label: Low mood}
              - {code: none, label: None of these, exclusive: true}
          - id: urgent
            text: Have you passed out after using?
            type: yes_no
            scale: yn
          - id: days
            text: On how many days in the past month did you use?
            type: number
            min: 0
            max: 31
          - id: note
            text: Anything else you want to note?
            type: text
            required: false
    scores:
      - id: signs
        label: Signs
        kind: count
        codes: ["yes"]
        questions: [sign_a, sign_b]
    bands:
      score: signs
      ranges:
        - {id: few, min: 0, max: 0, label: Few signs, guidance: Keep an eye on it.}
        - {id: some, min: 1, label: Some signs, guidance: Talk to someone you trust.}
    red_flags:
      - {id: rf_urgent, when: {question: urgent, equals: "yes"}, level: emergency, title: Get help now, guidance: Call the emergency number now.}
    messages:
      - {id: no_use, when: {question: gate, equals: "no"}, title: No use, text: Nothing to score., replaces_band: true}
    domains:
      - {id: all_signs, label: All signs, questions: [sign_a, sign_b]}

    """
}
