/// Imports HL7 FHIR R4 `Questionnaire` resources (JSON), so published instruments run as they are.
///
/// The importer writes a native questionnaire document (see `FHIRReader`), then decodes and
/// validates it like any native file; diagnostics point into the FHIR file, with FHIR paths
/// (`item[0].item[2].enableWhen`). The loaded questionnaire carries a `FHIRLayout` for export.
public enum FHIRImporter {
  /// Whether a parsed document is a FHIR resource: a JSON object with a `resourceType`.
  static func isFHIR(_ root: SourceNode) -> Bool {
    guard case .mapping(let entries) = root.value else { return false }
    return entries.contains { $0.key == "resourceType" }
  }

  /// Loads a parsed FHIR resource as a questionnaire; every problem goes to `sink`.
  static func load(root: SourceNode, sink: DiagnosticSink, limits: LoadLimits, fhir: FHIRContext = .none)
    -> LoadResult<Questionnaire>
  {
    guard let (output, native) = importDocument(root: root, sink: sink, limits: limits, valueSets: fhir.valueSets)
    else {
      return LoadResult(value: nil, diagnostics: sink.sorted)
    }
    var questionnaire = native.value
    questionnaire?.fhir = output.layout
    // A published instrument (PHQ-9, GAD-7) gets its authors' score ranges and its red flags.
    let codes = StandardInstrument.loincCodes(of: root)
    if let loaded = questionnaire,
      let instrument = StandardInstrument.recognised(
        panelCodes: codes.panel, itemCodes: Set(codes.items.values), among: fhir.instruments)
    {
      // A standard instrument's question SelfScreen cannot ask (its answers are kept online, say)
      // would leave a total and a safety question short: the form is refused, not run without it.
      let alarmCodes = Set(instrument.alarms.map(\.code))
      for (linkID, code) in codes.items.sorted(by: { $0.key < $1.key })
      where instrument.itemCodes.contains(code) || alarmCodes.contains(code) {
        guard let place = output.notAsked[linkID] else { continue }
        sink.error(
          "item '\(TextSafety.visible(linkID))' is question \(code) of the \(instrument.name), and SelfScreen "
            + "cannot ask it (see the warning here); a \(instrument.name) result without it could mislead, so the "
            + "form is not run",
          at: place.location, path: place.path)
      }
      let questions = StandardInstrument.questionIDs(in: output.layout)
      let byCode = Dictionary(
        codes.items.compactMap { linkID, code in questions[linkID].map { (code, $0) } }, uniquingKeysWith: { a, _ in a }
      )
      questionnaire = instrument.applied(to: loaded, questionIDs: byCode)
    }
    return LoadResult(value: sink.hasErrors ? nil : questionnaire, diagnostics: sink.sorted)
  }

  /// The native YAML equivalent of a FHIR Questionnaire file, or nil with the reasons.
  public static func convert(
    bytes: [UInt8], fileName: String, limits: LoadLimits = .standard, fhir: FHIRContext = .none
  ) -> (
    yaml: String?, diagnostics: [Diagnostic]
  ) {
    let sink = DiagnosticSink(file: fileName)
    // Read as `load` reads the same file (JSON for `.json`, YAML otherwise), so that a file that
    // validates also converts.
    guard
      let root = DocumentReader.read(
        bytes, syntax: DocumentReader.syntax(forFile: fileName), limits: limits, into: sink)
    else {
      return (nil, sink.sorted)
    }
    guard isFHIR(root) else {
      sink.error(
        "this is not a FHIR resource (it has no 'resourceType'); convert reads FHIR Questionnaire JSON",
        at: root.location, path: "(top level)")
      return (nil, sink.sorted)
    }
    guard let (output, _) = importDocument(root: root, sink: sink, limits: limits, valueSets: fhir.valueSets),
      !sink.hasErrors
    else {
      return (nil, sink.sorted)
    }
    let codes = StandardInstrument.loincCodes(of: root)
    if let instrument = StandardInstrument.recognised(
      panelCodes: codes.panel, itemCodes: Set(codes.items.values), among: fhir.instruments)
    {
      sink.warning(
        "this is the \(instrument.name): run from this FHIR file, SelfScreen adds the score ranges its authors publish"
          + (instrument.alarms.isEmpty ? "" : " and urgent guidance for its safety question")
          + "; the converted file carries the form's own content only, so run the FHIR file to keep them",
        at: root.location, path: .root)
    }
    return (YAMLWriter.text(of: output.document, comments: output.comments), sink.sorted)
  }

  /// Reads the FHIR resource, then decodes and validates the native document it becomes.
  private static func importDocument(
    root: SourceNode, sink: DiagnosticSink, limits: LoadLimits, valueSets: ValueSetLibrary
  ) -> (FHIRReader.Output, LoadResult<Questionnaire>)? {
    let reader = FHIRReader(sink: sink, limits: limits, fileName: sink.file, valueSets: valueSets)
    guard let output = reader.read(root) else { return nil }
    let nativeSink = DiagnosticSink(file: sink.file)
    let native = QuestionnaireLoader.load(
      root: output.document, sink: nativeSink, limits: limits, isImport: true)
    // A problem found in the native document is said in the file's terms: its FHIR path, the
    // enableWhen (not show_if), and each question by its item's linkId (not the native id).
    let linkIDs = Dictionary(
      StandardInstrument.questionIDs(in: output.layout).map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    sink.absorb(nativeSink) { diagnostic in
      var moved = diagnostic
      moved.path = fhirPath(for: diagnostic.path, in: output.paths)
      moved.message = moved.message.replacing("show_if", with: "enableWhen")
      for (id, linkID) in linkIDs where moved.message.contains("question '\(id)'") {
        moved.message = moved.message.replacing("question '\(id)'", with: "item '\(TextSafety.visible(linkID))'")
      }
      return moved
    }
    return (output, native)
  }

  /// The FHIR path of a native one: the longest mapped prefix, then the rest (dropped after a
  /// `show_if`, whose native shape has no FHIR counterpart beyond the enableWhen it came from).
  static func fhirPath(for nativePath: String, in paths: [String: String]) -> String {
    var end = nativePath.endIndex
    while true {
      let prefix = String(nativePath[..<end])
      if let mapped = paths[prefix] {
        let rest = nativePath[end...]
        if prefix.hasSuffix("show_if") || rest.isEmpty { return mapped }
        return mapped + rest
      }
      guard let cut = nativePath[..<end].lastIndex(where: { $0 == "." || $0 == "[" }) else { return nativePath }
      end = cut
    }
  }
}
