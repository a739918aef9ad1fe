import ArgumentParser
import ScreeningCore

/// `selfscreen convert FILE.json`: a FHIR Questionnaire as a native YAML questionnaire.
struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Write the native YAML equivalent of a FHIR Questionnaire (JSON).",
    discussion:
      "The YAML goes to the screen, or to --output (created mode 0600; never through a link). Problems are printed "
      + "as file:line:col: path: message. Exit status: 0 converted, 65 the file has errors, 66 it cannot be read, "
      + "73 the output cannot be created."
  )

  @Argument(help: "A FHIR R4 Questionnaire resource (.json).")
  var file: String

  @Option(help: "Write the YAML to this file instead of the screen.")
  var output: String?

  @Flag(help: "Replace the --output file if it exists.")
  var replace = false

  @Option(
    name: .customLong("value-sets"),
    help: "A FHIR ValueSet, or a Bundle of them, for value sets a FHIR questionnaire names by URL but does not contain."
  )
  var valueSets: String?

  func validate() throws {
    if replace && output == nil { throw ValidationError("--replace needs --output") }
  }

  func run() throws {
    let bytes = try Catalog.input(file)
    let context = try Catalog.fhirContext(valueSets: valueSets)
    let (yaml, diagnostics) = FHIRImporter.convert(bytes: bytes, fileName: file, fhir: context)
    Console.report(diagnostics)
    guard let yaml else {
      throw Failure.invalidData(summary: "'\(TextSafety.visible(file))' cannot be converted until its errors are fixed")
    }
    guard let output else {
      Console.out(yaml)
      return
    }
    try Export.write(Array(yaml.utf8), to: output, replacing: replace)
  }
}
