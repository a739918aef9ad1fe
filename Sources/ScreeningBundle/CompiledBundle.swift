import ScreeningCore

/// The bundled questionnaires and help resources, ready to use: at build time BundleCompiler loads
/// and validates `Questionnaires/*.yaml` as any file would be, and writes the results as Swift code
/// (a build with an error or warning in them stops there). The program starts without parsing or
/// validating anything (README, "Performance"). `BundledData` still has the files' text, for
/// tests and the benchmark, and the tests check that both give the same values.
public enum CompiledBundle {
  /// The ids of the bundled questionnaires (file names without `.yaml`), in listing order.
  public static var questionnaireIDs: [String] { Compiled.questionnaireIDs }

  /// A bundled questionnaire.
  public static func questionnaire(_ id: String) -> Questionnaire? {
    Compiled.questionnaire(id)
  }

  /// The bundled help resources.
  public static var helpDirectory: HelpDirectory { Compiled.helpDirectory }
}
