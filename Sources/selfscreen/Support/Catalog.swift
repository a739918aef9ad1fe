import ArgumentParser
import ScreeningBundle
import ScreeningCore

/// Finds questionnaires and help resources for the commands, printing located problems and
/// throwing what went wrong.
enum Catalog {
  /// A bundled id (`ketamine`) or a file path.
  /// `warnings`: whether the file's warnings are printed one by one (for authors: validate, score)
  /// or, for a person running the check, counted on one line that says how to see them.
  static func questionnaire(_ reference: String, valueSets path: String? = nil, warnings: Bool = true)
    throws(Failure) -> Questionnaire
  {
    // A bundled questionnaire was validated when the program was built (CompiledBundle).
    if let bundled = CompiledBundle.questionnaire(reference) { return bundled }
    let result: LoadResult<Questionnaire>
    if reference.contains("/") || reference.contains(".") {
      let context = try fhirContext(valueSets: path)
      do {
        result = try QuestionnaireLoader.load(path: reference, fhir: context)
      } catch {
        throw .noInput(error.description)
      }
    } else {
      // A mistyped command reads as a questionnaire id (run is the default command).
      if let message = SelfScreen.mistypedCommand(reference) { throw .usage(message) }
      throw .usage(
        "there is no bundled questionnaire '\(TextSafety.visible(reference))'; choose one of: "
          + "\(CompiledBundle.questionnaireIDs.joined(separator: ", ")), or give a file path")
    }
    let notes = result.diagnostics.filter { $0.severity == .warning }
    if warnings || result.hasErrors || notes.isEmpty {
      Console.report(result.diagnostics)
    } else {
      Console.complain(
        "'\(TextSafety.visible(reference))' has \(notes.count) note\(notes.count == 1 ? "" : "s") for its author; "
          + "'selfscreen validate \(TextSafety.visible(reference))' lists \(notes.count == 1 ? "it" : "them")")
    }
    guard let questionnaire = result.value else {
      throw .invalidData(
        summary: "'\(TextSafety.visible(reference))' has errors; it cannot be used until they are fixed")
    }
    return questionnaire
  }

  /// What a FHIR questionnaire may draw on: the bundled instruments, and the value sets in the file
  /// given with `--value-sets`, if any (its diagnostics printed; exit 65 / 66).
  static func fhirContext(valueSets path: String?) throws(Failure) -> FHIRContext {
    FHIRContext(valueSets: try valueSets(path), instruments: CompiledBundle.instruments)
  }

  /// The value set file given with `--value-sets` (diagnostics printed; exit 65 / 66), or none.
  static func valueSets(_ path: String?) throws(Failure) -> ValueSetLibrary {
    guard let path else { return .none }
    let loaded = ValueSetLibrary.load(bytes: try input(path), fileName: path)
    Console.report(loaded.diagnostics)
    guard let library = loaded.value else {
      throw .invalidData(summary: "'\(TextSafety.visible(path))' has errors; it cannot be used until they are fixed")
    }
    return library
  }

  /// A native answers file checked against `questionnaire` (diagnostics printed; exit 65 / 66).
  static func answers(_ path: String, for questionnaire: Questionnaire) throws(Failure) -> (
    file: AnswersFile, answers: [String: Answer]
  ) {
    let bytes = try input(path)
    let file = AnswersLoader.read(bytes: bytes, fileName: path)
    Console.report(file.diagnostics)
    guard let value = file.value else { throw .invalidData() }
    let checked = AnswersLoader.answers(of: value, for: questionnaire)
    Console.report(checked.diagnostics)
    guard let answers = checked.value else { throw .invalidData() }
    return (value, answers)
  }

  /// The bytes of an input file: exit 66 when it cannot be read, 65 (with a located problem)
  /// when it is over the size limit.
  static func input(_ path: String) throws(Failure) -> [UInt8] {
    do {
      return try InputFile.read(path, limit: LoadLimits.standard.maxFileBytes)
    } catch {
      throw Failure(reading: error)
    }
  }

  /// The bundled help resources, validated when the program was built (CompiledBundle).
  static var helpDirectory: HelpDirectory { CompiledBundle.helpDirectory }

  /// The region from `--region`, else the locale (from `environment`, read only then), else
  /// international.
  static func region(
    _ code: String?, in directory: HelpDirectory,
    environment: @autoclosure () -> [String: String] = ProcessEnvironment.current()
  ) throws(Failure) -> Region {
    if let code {
      guard let region = directory.region(code: code) else {
        throw .usage(
          "unknown region '\(TextSafety.visible(code))'; choose one of: "
            + "\(directory.regions.map(\.code).joined(separator: ", "))")
      }
      return region
    }
    guard let region = directory.region(forEnvironment: environment()) else {
      throw .invalidData(summary: "the bundled help resources have no international region")
    }
    return region
  }
}
