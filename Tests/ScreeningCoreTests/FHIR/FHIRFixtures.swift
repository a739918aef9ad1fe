import Foundation
import TestSupport
import Testing

@testable import ScreeningCore

/// FHIR Questionnaire fixtures written for these tests, and helpers to load them.
enum FHIRFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// The bytes of `Fixtures/NAME`.
  static func file(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: folder.appendingPathComponent(name)))
  }

  /// A Questionnaire resource around `items` (a JSON array's contents), with `contained` resources.
  static func questionnaire(_ items: String, contained: String = "") -> String {
    """
    {
      "resourceType": "Questionnaire",
      "url": "http://example.org/Questionnaire/test",
      "version": "3",
      "name": "test",
      "title": "Test",
      "status": "active",
      "contained": [\(contained)],
      "item": [\(items)]
    }
    """
  }

  /// Loads FHIR JSON, failing the test on any error (warnings are returned).
  static func load(_ json: String, fileName: String = "q.json") throws -> (Questionnaire, warnings: [String]) {
    let result = QuestionnaireLoader.load(bytes: Array(json.utf8), fileName: fileName, fhir: BundledData.fhirContext)
    #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
    return (try #require(result.value), result.diagnostics.map(\.description))
  }

  /// Every diagnostic of loading FHIR JSON, as printed.
  static func diagnostics(_ json: String, fileName: String = "q.json") -> [String] {
    QuestionnaireLoader.load(bytes: Array(json.utf8), fileName: fileName, fhir: BundledData.fhirContext).diagnostics
      .map(\.description)
  }

  /// The PHQ-9 fixture: a FHIR R4 Questionnaire with ordinalValue weights and a calculated total.
  static func phq9() throws -> Questionnaire {
    let result = QuestionnaireLoader.load(
      bytes: try file("phq-9.json"), fileName: "phq-9.json", fhir: BundledData.fhirContext)
    #expect(result.diagnostics.map(\.description) == [])
    return try #require(result.value)
  }

  /// A choice item with one `answerOption` per `(code, display, weight)`.
  static func choice(_ linkID: String, _ options: [(String, String)], extra: String = "") -> String {
    let list = options.map {
      #"{"valueCoding": {"system": "http://example.org/cs", "code": "\#($0.0)", "display": "\#($0.1)"}}"#
    }
    return
      #"{"linkId": "\#(linkID)", "type": "choice", "text": "Question \#(linkID)?", "answerOption": [\#(list.joined(separator: ", "))]\#(extra)}"#
  }
}
