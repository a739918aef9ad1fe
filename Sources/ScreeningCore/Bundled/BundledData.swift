/// The text of the questionnaires and help resources in `Questionnaires/`, and loading it. The
/// program itself uses `CompiledBundle` (target ScreeningBundle): the same values, loaded and
/// validated at build time.
public enum BundledData {
  /// The ids of the bundled questionnaires, in listing order.
  public static let questionnaireIDs = ["ketamine"]

  /// The name a bundled file goes by in diagnostics.
  public static func fileName(ofQuestionnaire id: String) -> String {
    "Questionnaires/\(id).yaml"
  }

  /// The bytes of a bundled questionnaire.
  public static func questionnaireBytes(_ id: String) -> [UInt8]? {
    switch id {
    case "ketamine": return PackageResources.ketamine_yaml
    default: return nil
    }
  }

  /// Loads a bundled questionnaire.
  public static func questionnaire(_ id: String) -> LoadResult<Questionnaire>? {
    questionnaireBytes(id).map { QuestionnaireLoader.load(bytes: $0, fileName: fileName(ofQuestionnaire: id)) }
  }

  /// The bytes of the bundled help resources.
  public static var helpDirectoryBytes: [UInt8] { PackageResources.resources_yaml }

  /// Loads the bundled help resources.
  public static func helpDirectory() -> LoadResult<HelpDirectory> {
    HelpDirectoryLoader.load(bytes: helpDirectoryBytes, fileName: "Questionnaires/resources.yaml")
  }
}
