import Foundation
import TestSupport
import Testing

@testable import ScreeningCore

/// Small questionnaires and helpers shared by the core tests.
enum Fixtures {
  /// A small valid questionnaire exercising every feature; rule tests change one thing in it.
  static let demo = """
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

  /// `demo` with each `(old, new)` replacement applied once; fails the test if `old` is absent.
  static func demo(_ replacements: (String, String)...) -> String {
    var text = demo
    for (old, new) in replacements {
      guard let range = text.range(of: old) else {
        Issue.record("fixture text not found: \(old)")
        continue
      }
      text.replaceSubrange(range, with: new)
    }
    return text
  }

  /// Diagnostics of loading `text` as `demo.yaml` (or another name), as printed.
  static func diagnostics(_ text: String, fileName: String = "demo.yaml", limits: LoadLimits = .standard) -> [String] {
    QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: fileName, limits: limits).diagnostics.map(\.description)
  }

  static func diagnostics(bytes: [UInt8], fileName: String = "demo.yaml") -> [String] {
    QuestionnaireLoader.load(bytes: bytes, fileName: fileName).diagnostics.map(\.description)
  }

  /// Loads `text`, failing the test on any diagnostic.
  static func load(_ text: String, fileName: String = "demo.yaml") throws -> Questionnaire {
    let result = QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: fileName)
    #expect(result.diagnostics.map(\.description) == [])
    return try #require(result.value)
  }

  /// The bundled ketamine questionnaire.
  static func ketamine() throws -> Questionnaire {
    let result = try #require(BundledData.questionnaire("ketamine"))
    #expect(result.diagnostics.map(\.description) == [])
    return try #require(result.value)
  }

  /// The repository's top folder (this file is Tests/ScreeningCoreTests/Support/Fixtures.swift).
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
}
