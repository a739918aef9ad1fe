import Foundation
import ScreeningCore

/// The questionnaires and help resources in `Questionnaires/`, read from the folder itself: the
/// same files the build compiles into the program (`CompiledBundle`), so tests of the content and
/// the check that the compiled bundle matches the folder read one source.
public enum BundledData {
  /// `Questionnaires/` in this checkout.
  public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Questionnaires")

  /// The ids of the questionnaires in the folder (file names without `.yaml`), in listing order.
  public static var questionnaireIDs: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") && $0 != "resources.yaml" && $0 != "instruments.yaml" }
      .map { String($0.dropLast(5)) }.sorted()
  }

  /// The name a bundled file goes by in diagnostics.
  public static func fileName(ofQuestionnaire id: String) -> String {
    "Questionnaires/\(id).yaml"
  }

  /// The bytes of a bundled questionnaire.
  public static func questionnaireBytes(_ id: String) -> [UInt8]? {
    guard questionnaireIDs.contains(id) else { return nil }
    return read("\(id).yaml")
  }

  /// Loads a bundled questionnaire.
  public static func questionnaire(_ id: String) -> LoadResult<Questionnaire>? {
    questionnaireBytes(id).map { QuestionnaireLoader.load(bytes: $0, fileName: fileName(ofQuestionnaire: id)) }
  }

  /// Loads the bundled instruments (`instruments.yaml`).
  public static func instruments() -> LoadResult<[StandardInstrument]> {
    InstrumentLoader.load(bytes: read("instruments.yaml") ?? [], fileName: "Questionnaires/instruments.yaml")
  }

  /// What the program gives a FHIR import: the bundled instruments (no value sets supplied).
  public static let fhirContext = FHIRContext(instruments: instruments().value ?? [])

  /// The bytes of the bundled help resources.
  public static var helpDirectoryBytes: [UInt8] { read("resources.yaml") ?? [] }

  /// Loads the bundled help resources.
  public static func helpDirectory() -> LoadResult<HelpDirectory> {
    HelpDirectoryLoader.load(bytes: helpDirectoryBytes, fileName: "Questionnaires/resources.yaml")
  }

  private static func read(_ name: String) -> [UInt8]? {
    FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map(Array.init)
  }
}
