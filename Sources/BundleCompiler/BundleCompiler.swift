import Foundation
import ScreeningCore

/// Build tool: loads and validates the bundled questionnaires and help resources, exactly as
/// `selfscreen validate` would, and writes them as Swift code for the `ScreeningBundle` target.
/// Any error or warning stops the build with its place (`file:line:col`).
///
/// Usage: BundleCompiler OUTPUT.swift FOLDER
///
/// FOLDER is `Questionnaires/`: its `resources.yaml` is the help resources, its `instruments.yaml`
/// (if any) the published instruments a FHIR questionnaire may be, and every other `.yaml` file a
/// bundled questionnaire, whose id is its file's name without `.yaml`. The folder is read
/// here, when the command runs, not when the build is planned: a file added or removed since
/// then is shipped or dropped by the next build.
@main
enum BundleCompiler {
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count == 2 else {
      fail("usage: BundleCompiler OUTPUT.swift FOLDER")
    }
    let output = arguments[0]
    let (resources, instrumentsFile, paths) = files(in: arguments[1])
    let help = load(resources, with: HelpDirectoryLoader.load(bytes:fileName:limits:))
    let instruments =
      instrumentsFile.map { load($0) { InstrumentLoader.load(bytes: $0, fileName: $1, limits: $2) } } ?? []
    let questionnaires = paths.map { path in
      let value = load(path) { QuestionnaireLoader.load(bytes: $0, fileName: $1, limits: $2) }
      guard name(path).hasSuffix(".yaml") else { fail("\(path): a bundled questionnaire's file name ends in .yaml") }
      let id = String(name(path).dropLast(".yaml".count))
      guard value.fhir == nil, let hash = value.contentHash else { fail("\(path): not a native questionnaire") }
      return (id: id, value: value, hash: hash)
    }
    let source = GeneratedFile.text(
      questionnaires: questionnaires, help: help, instruments: instruments,
      inputs: ([resources] + (instrumentsFile.map { [$0] } ?? []) + paths).map(fileName))
    do {
      try source.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
      fail("cannot write \(output): \(error)")
    }
  }

  /// The value in `path`, or the build stops with every diagnostic (warnings included).
  static func load<Value>(_ path: String, with loader: ([UInt8], String, LoadLimits) -> LoadResult<Value>) -> Value {
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(path, limit: LoadLimits.standard.maxFileBytes)
    } catch {
      fail("\(path): \(error.description)")
    }
    let result = loader(bytes, path, .standard)
    for diagnostic in result.diagnostics {
      // As Diagnostic.description, with the severity always named, as compilers write it.
      let place = "\(diagnostic.file):\(diagnostic.location)"
      let text = "\(TextSafety.visible(diagnostic.path)): \(TextSafety.visible(diagnostic.message))"
      FileHandle.standardError.write(Data("\(place): \(diagnostic.severity.rawValue): \(text)\n".utf8))
    }
    guard let value = result.value, result.diagnostics.isEmpty else {
      fail("\(fileName(path)): bundled data must load without errors or warnings")
    }
    return value
  }

  /// The help resources file, the instruments file and the questionnaire files in `folder`, in
  /// name order.
  static func files(in folder: String) -> (resources: String, instruments: String?, questionnaires: [String]) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
    } catch {
      fail("cannot read the folder \(folder): \(error)")
    }
    guard names.contains("resources.yaml") else { fail("\(folder): resources.yaml is missing") }
    let paths = names.filter { $0 != "resources.yaml" && $0 != "instruments.yaml" }.map { folder + "/" + $0 }
    let instruments = names.contains("instruments.yaml") ? folder + "/instruments.yaml" : nil
    return (folder + "/resources.yaml", instruments, paths)
  }

  /// The last component of a path.
  static func name(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  static func fileName(_ path: String) -> String {
    "Questionnaires/" + name(path)
  }

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("BundleCompiler: error: \(message)\n".utf8))
    exit(1)
  }
}

/// The generated Swift file.
enum GeneratedFile {
  static func text(
    questionnaires: [(id: String, value: Questionnaire, hash: String)], help: HelpDirectory,
    instruments: [StandardInstrument], inputs: [String]
  ) -> String {
    var out = """
      // Written by BundleCompiler at build time from \(inputs.joined(separator: ", ")).
      // Do not edit: edit those files. The build loads and validates them first.
      import ScreeningCore

      enum Compiled {
        static let questionnaireIDs: [String] = \(SwiftSource.strings(questionnaires.map(\.id)))

        static func questionnaire(_ id: String) -> ScreeningCore.Questionnaire? {
          switch id {

      """
    for entry in questionnaires {
      out += "    case \(SwiftSource.string(entry.id)): return questionnaire_\(entry.id.identifier)\n"
    }
    out += "    default: return nil\n    }\n  }\n"
    for entry in questionnaires {
      out += """

          static let questionnaire_\(entry.id.identifier): ScreeningCore.Questionnaire = {
            var value = \(SwiftSource.questionnaire(entry.value).indented("    ").dropFirst(4))
            value.contentHash = \(SwiftSource.string(entry.hash))
            value.topic = ScreeningCore.Questionnaire.Topic(rawValue: \(SwiftSource.string(entry.value.topic.rawValue)))!
            return value
          }()

        """
    }
    out += """

        static let helpDirectory: ScreeningCore.HelpDirectory = \(SwiftSource.helpDirectory(help).indented("  ").dropFirst(2))

        static let instruments: [ScreeningCore.StandardInstrument] = \(SwiftSource.list(instruments.map(SwiftSource.instrument)).indented("  ").dropFirst(2))
      }

      """
    return out
  }
}

extension String {
  /// Letters, digits and `_` only, for a Swift name.
  fileprivate var identifier: String {
    String(unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" })
  }

  fileprivate func indented(_ prefix: String) -> String {
    split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
  }
}
