/// The result of loading a file: the value when it is valid, and every diagnostic found.
public struct LoadResult<Value: Sendable>: Sendable {
  public var value: Value?
  public var diagnostics: [Diagnostic]

  /// Whether any diagnostic is an error (then `value` is nil).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads and validates questionnaire files (YAML or JSON), reporting every problem with its place.
public enum QuestionnaireLoader {
  /// Loads the file at `path`; throws only when it cannot be read at all.
  public static func load(path: String, limits: LoadLimits = .standard, fhir: FHIRContext = .none)
    throws(InputError) -> LoadResult<Questionnaire>
  {
    let bytes = try InputFile.read(path, limit: limits.maxFileBytes)
    return load(bytes: bytes, fileName: path, limits: limits, fhir: fhir)
  }

  /// Loads a questionnaire from bytes; `fileName` names it in diagnostics and picks JSON by `.json`.
  /// `fhir`: what a FHIR questionnaire may draw on (value sets it names by URL without containing
  /// them, the published instruments it may be).
  public static func load(
    bytes: [UInt8], fileName: String, limits: LoadLimits = .standard, fhir: FHIRContext = .none
  ) -> LoadResult<Questionnaire> {
    let sink = DiagnosticSink(file: fileName)
    guard
      let root = DocumentReader.read(
        bytes, syntax: DocumentReader.syntax(forFile: fileName), limits: limits, into: sink)
    else {
      return LoadResult(value: nil, diagnostics: sink.sorted)
    }
    var result =
      FHIRImporter.isFHIR(root)
      ? FHIRImporter.load(root: root, sink: sink, limits: limits, fhir: fhir)
      : load(root: root, sink: sink, limits: limits)
    result.value?.setContentHash(ofFile: bytes)
    return result
  }

  /// `isImport`: a form published elsewhere (FHIR), whose wording and logic are not the importer's
  /// to change: text above the reading level is not warned about, and a question that can never be
  /// shown is a warning (FHIR allows it) rather than an error.
  static func load(root: SourceNode, sink: DiagnosticSink, limits: LoadLimits, isImport: Bool = false)
    -> LoadResult<Questionnaire>
  {
    let decoder = QuestionnaireDecoder(sink: sink, limits: limits)
    let questionnaire = decoder.decode(root)
    if let questionnaire {
      QuestionnaireValidator(
        questionnaire: questionnaire, map: decoder.map, sink: sink, gradesReading: !isImport,
        neverShownIsError: !isImport
      )
      .run()
    }
    return LoadResult(value: sink.hasErrors ? nil : questionnaire, diagnostics: sink.sorted)
  }
}

/// Validates any SelfScreen data file: a questionnaire, a help resources file (told apart by its
/// top-level `regions` key) or an instruments file (its top-level `instruments` key).
public enum FileValidator {
  /// What kind of file was checked.
  public enum Kind: String, Sendable {
    case questionnaire
    case resources
    case instruments
  }

  public static func validate(
    bytes: [UInt8], fileName: String, limits: LoadLimits = .standard, fhir: FHIRContext = .none
  ) -> (
    kind: Kind?, diagnostics: [Diagnostic]
  ) {
    let sink = DiagnosticSink(file: fileName)
    guard
      let root = DocumentReader.read(
        bytes, syntax: DocumentReader.syntax(forFile: fileName), limits: limits, into: sink)
    else {
      return (nil, sink.sorted)
    }
    if case .mapping(let entries) = root.value, entries.contains(where: { $0.key == "regions" }),
      !entries.contains(where: { $0.key == "sections" })
    {
      return (.resources, HelpDirectoryLoader.load(root: root, sink: sink, limits: limits).diagnostics)
    }
    if case .mapping(let entries) = root.value, entries.contains(where: { $0.key == "instruments" }),
      !entries.contains(where: { $0.key == "sections" })
    {
      return (.instruments, InstrumentLoader.load(root: root, sink: sink, limits: limits).diagnostics)
    }
    if FHIRImporter.isFHIR(root) {
      return (
        .questionnaire, FHIRImporter.load(root: root, sink: sink, limits: limits, fhir: fhir).diagnostics
      )
    }
    return (.questionnaire, load(root: root, sink: sink, limits: limits).diagnostics)
  }

  private static func load(root: SourceNode, sink: DiagnosticSink, limits: LoadLimits) -> LoadResult<Questionnaire> {
    QuestionnaireLoader.load(root: root, sink: sink, limits: limits)
  }
}
