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

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one file to check") }
  }

  func run() throws {
    var errors = 0
    var unreadable = 0
    for file in files {
      let bytes: [UInt8]
      do {
        bytes = try InputFile.read(file, limit: LoadLimits.standard.maxFileBytes)
      } catch {
        if let diagnostic = error.tooLarge {
          Console.report([diagnostic])
          errors += 1
        } else {
          Console.complain(error.description)
          unreadable += 1
        }
        continue
      }
      let (kind, diagnostics) = FileValidator.validate(bytes: bytes, fileName: file)
      Console.report(diagnostics)
      let count = diagnostics.errorCount
      errors += count
      if count == 0 {
        Console.out("\(TextSafety.visible(file)): ok (\(kind?.rawValue ?? "file"))\n")
      }
    }
    if errors > 0 {
      Console.complain("\(errors) error\(errors == 1 ? "" : "s") found")
    }
    if unreadable > 0 { throw Exit.noInput }
    if errors > 0 { throw Exit.dataError }
  }
}
