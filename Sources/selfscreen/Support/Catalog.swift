import ArgumentParser
import ScreeningBundle
import ScreeningCore

/// Finds questionnaires and help resources for the commands, printing problems and picking the
/// exit status.
enum Catalog {
  /// A bundled id (`ketamine`) or a file path.
  static func questionnaire(_ reference: String) throws(ExitCode) -> Questionnaire {
    // A bundled questionnaire was validated when the program was built (CompiledBundle).
    if let bundled = CompiledBundle.questionnaire(reference) { return bundled }
    let result: LoadResult<Questionnaire>
    if reference.contains("/") || reference.contains(".") {
      do {
        result = try QuestionnaireLoader.load(path: reference)
      } catch {
        Console.complain(error.description)
        throw Exit.noInput
      }
    } else {
      // A mistyped command reads as a questionnaire id (run is the default command).
      if let message = SelfScreen.mistypedCommand(reference) {
        Console.complain(message)
        throw Exit.usage
      }
      Console.complain(
        "there is no bundled questionnaire '\(TextSafety.visible(reference))'; choose one of: "
          + "\(CompiledBundle.questionnaireIDs.joined(separator: ", ")), or give a file path"
      )
      throw Exit.usage
    }
    Console.report(result.diagnostics)
    guard let questionnaire = result.value else {
      Console.complain("'\(TextSafety.visible(reference))' has errors; it cannot be used until they are fixed")
      throw Exit.dataError
    }
    return questionnaire
  }

  /// A native answers file checked against `questionnaire` (diagnostics printed; exit 65 / 66).
  static func answers(_ path: String, for questionnaire: Questionnaire) throws(ExitCode) -> (
    file: AnswersFile, answers: [String: Answer]
  ) {
    let bytes = try input(path)
    let file = AnswersLoader.read(bytes: bytes, fileName: path)
    Console.report(file.diagnostics)
    guard let value = file.value else { throw Exit.dataError }
    let checked = AnswersLoader.answers(of: value, for: questionnaire)
    Console.report(checked.diagnostics)
    guard let answers = checked.value else { throw Exit.dataError }
    return (value, answers)
  }

  /// The bytes of an input file: exit 66 when it cannot be read, 65 (with a located problem)
  /// when it is over the size limit.
  static func input(_ path: String) throws(ExitCode) -> [UInt8] {
    do {
      return try InputFile.read(path, limit: LoadLimits.standard.maxFileBytes)
    } catch {
      if let diagnostic = error.tooLarge {
        Console.report([diagnostic])
        throw Exit.dataError
      }
      Console.complain(error.description)
      throw Exit.noInput
    }
  }

  /// The bundled help resources, validated when the program was built (CompiledBundle).
  static var helpDirectory: HelpDirectory { CompiledBundle.helpDirectory }

  /// The region from `--region`, else the locale (from `environment`, read only then), else
  /// international.
  static func region(
    _ code: String?, in directory: HelpDirectory,
    environment: @autoclosure () -> [String: String] = ProcessEnvironment.current()
  ) throws(ExitCode) -> Region {
    if let code {
      guard let region = directory.region(code: code) else {
        Console.complain(
          "unknown region '\(TextSafety.visible(code))'; choose one of: "
            + "\(directory.regions.map(\.code).joined(separator: ", "))"
        )
        throw Exit.usage
      }
      return region
    }
    guard let region = directory.region(forEnvironment: environment()) else {
      Console.complain("the bundled help resources have no international region")
      throw Exit.dataError
    }
    return region
  }
}
