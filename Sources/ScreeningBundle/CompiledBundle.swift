import ScreeningCore

/// The bundled questionnaires and help resources, ready to use: at build time BundleCompiler loads
/// and validates `Questionnaires/*.yaml` as any file would be, and writes the results as Swift code
/// (a build with an error or warning in them stops there). The program starts without parsing or
/// validating anything (docs/decisions/0002-compiled-bundle.md). The tests load the files in
/// `Questionnaires/` themselves and check that both give the same values.
public enum CompiledBundle {
  /// The ids of the bundled questionnaires (file names without `.yaml`), in listing order.
  public static var questionnaireIDs: [String] { Compiled.questionnaireIDs }

  /// A bundled questionnaire.
  public static func questionnaire(_ id: String) -> Questionnaire? {
    Compiled.questionnaire(id)
  }

  /// The bundled help resources.
  public static var helpDirectory: HelpDirectory { Compiled.helpDirectory }

  /// The published instruments a FHIR questionnaire may be (`instruments.yaml`).
  public static var instruments: [StandardInstrument] { Compiled.instruments }
}
