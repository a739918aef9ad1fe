import ArgumentParser
import ScreeningBundle
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

  @Option(
    name: .customLong("value-sets"),
    help: "A FHIR ValueSet, or a Bundle of them, for value sets a FHIR questionnaire names by URL but does not contain."
  )
  var valueSets: String?

  @Option(help: "Convert the answers instead: text (a summary), json, csv or fhir.")
  var format: ExportFormat?

  @Option(help: "Write to this file (created mode 0600; never through a link) instead of the screen.")
  var output: String?

  @Flag(help: "Replace the --output file if it exists.")
  var replace = false

  func validate() throws {
    if output != nil && format == nil { throw ValidationError("--output needs --format") }
  }

  func run() throws {
    let directory = Catalog.helpDirectory
    let place = try Catalog.region(region, in: directory)
    let bytes = try Catalog.input(answers)
    let file = AnswersLoader.read(bytes: bytes, fileName: answers)
    Console.report(file.diagnostics)
    guard let file = file.value else { throw Failure.invalidData() }
    let reference = questionnaire ?? file.questionnaireID
    if questionnaire == nil && CompiledBundle.questionnaire(reference) == nil {
      Console.report([AnswersLoader.unknownQuestionnaire(file)])
      throw Failure.invalidData()
    }
    let chosen = try Catalog.questionnaire(reference, valueSets: valueSets)
    let chosenRegion = place.about(chosen.topic)
    let checked = AnswersLoader.answers(of: file, for: chosen)
    Console.report(checked.diagnostics)
    guard let values = checked.value else { throw Failure.invalidData() }
    guard let format else {
      let result = Scorer.score(chosen, answers: values)
      Console.out(ResultReport(questionnaire: chosen, result: result, region: chosenRegion).text)
      return
    }
    let created = file.created.flatMap(Timestamp.init(iso8601:)) ?? .now()
    let encoded = try Export.encode(
      Exporter(questionnaire: chosen, answers: values, region: chosenRegion, created: created), format)
    guard let output else {
      Console.out(String(decoding: encoded, as: UTF8.self))
      return
    }
    try Export.write(encoded, to: output, replacing: replace)
  }
}

extension ExportFormat: ExpressibleByArgument {}

/// Encodes and writes export files for the commands, mapping failures to exit statuses.
enum Export {
  /// The export's bytes; an attached file that can no longer be read fails it (exit 74).
  static func encode(_ exporter: Exporter, _ format: ExportFormat) throws(Failure) -> [UInt8] {
    do {
      return try exporter.encode(format)
    } catch {
      throw Failure(writing: error)
    }
  }

  static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws(Failure) {
    do {
      let written = try SafeFileWriter().write(bytes, to: path, replacing: replacing)
      Console.out("Saved to \(TextSafety.visible(written))\n")
    } catch {
      throw Failure(writing: error, hint: error.kind == .exists ? "; add --replace to replace it" : nil)
    }
  }
}
