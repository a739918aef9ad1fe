import Foundation
import TestSupport
import Testing

@testable import ScreeningCore

/// Small questionnaires and helpers shared by the core tests.
enum Fixtures {
  /// A small valid questionnaire exercising every feature; rule tests change one thing in it.
  static let demo = SharedFixtures.demo

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
