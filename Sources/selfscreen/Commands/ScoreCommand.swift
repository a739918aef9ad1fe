import ArgumentParser
import ScreeningCore

/// `selfscreen score ANSWERS`: the result for a saved answers file.
struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score a saved answers file and show the result as text.",
    discussion: "The answers file names its questionnaire and version; a file for another version is refused (exit 65)."
  )

  @Argument(help: "A native JSON answers file.")
  var answers: String

  @Option(help: "Questionnaire id or file to score against (default: the one the answers file names).")
  var questionnaire: String?

  @Option(help: "US, UK, IE, CA, AU or INTL for the help resources (default: from the locale).")
  var region: String?

  func run() throws {
    let directory = try Catalog.helpDirectory()
    let chosenRegion = try Catalog.region(region, in: directory)
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(answers, limit: LoadLimits.standard.maxFileBytes)
    } catch {
      Console.complain(error.description)
      throw Exit.noInput
    }
    let file = AnswersLoader.read(bytes: bytes, fileName: answers)
    Console.report(file.diagnostics)
    guard let file = file.value else { throw Exit.dataError }
    let reference = questionnaire ?? file.questionnaireID
    if questionnaire == nil && BundledData.questionnaireBytes(reference) == nil {
      Console.complain(
        "the answers are for questionnaire '\(reference)', which is not bundled; give its file with --questionnaire "
          + "FILE"
      )
      throw Exit.dataError
    }
    let chosen = try Catalog.questionnaire(reference)
    let checked = AnswersLoader.answers(of: file, for: chosen)
    Console.report(checked.diagnostics)
    guard let values = checked.value else { throw Exit.dataError }
    let result = Scorer.score(chosen, answers: values)
    Console.out(ResultReport(questionnaire: chosen, result: result, region: chosenRegion).text)
  }
}
