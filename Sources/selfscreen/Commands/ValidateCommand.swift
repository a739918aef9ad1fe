import ArgumentParser
import ScreeningCore

/// `selfscreen validate FILE...`: every problem in each file, with its place.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check questionnaire or resources files and report every problem.",
    discussion:
      "Each problem is printed as file:line:col: path: message. Exit status: 0 when every file is clean, 65 when any "
      + "has errors, 66 when a file cannot be read."
  )

  @Argument(help: "Questionnaire (.yaml, .json) or resources files.")
  var files: [String]

  @Option(
    name: .customLong("value-sets"),
    help: "A FHIR ValueSet, or a Bundle of them, for value sets a FHIR questionnaire names by URL but does not contain."
  )
  var valueSets: String?

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one file to check") }
  }

  func run() throws {
    let context = try Catalog.fhirContext(valueSets: valueSets)
    var errors = 0
    var unreadable = 0
    for file in files {
      let bytes: [UInt8]
      do {
        bytes = try InputFile.read(file, limit: LoadLimits.standard.maxFileBytes)
      } catch {
        // Every file is checked: each failure is said now, and the worst sets the status.
        let failure = Failure(reading: error)
        if let message = failure.message { Console.complain(message) }
        if case .noInput = failure { unreadable += 1 } else { errors += 1 }
        continue
      }
      let (kind, diagnostics) = FileValidator.validate(bytes: bytes, fileName: file, fhir: context)
      Console.report(diagnostics)
      let count = diagnostics.errorCount
      errors += count
      if count == 0 {
        Console.out("\(TextSafety.visible(file)): ok (\(kind?.rawValue ?? "file"))\n")
      }
    }
    let summary = errors > 0 ? "\(errors) error\(errors == 1 ? "" : "s") found" : nil
    if unreadable > 0 {
      if let summary { Console.complain(summary) }
      throw Failure.noInput()
    }
    if errors > 0 { throw Failure.invalidData(summary: summary) }
  }
}
