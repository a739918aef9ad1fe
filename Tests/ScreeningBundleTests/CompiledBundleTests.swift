import Foundation
import ScreeningBundle
import ScreeningCore
import TestSupport
import Testing

@testable import BundleCompiler

/// The program uses the bundled questionnaires and help resources as code written at build time
/// (CompiledBundle) from every file in `Questionnaires/`. That code must give exactly what loading
/// the files in the folder gives, and name the same questionnaires: a stale bundle fails here.
@Suite struct CompiledBundleTests {
  @Test func theCompiledQuestionnairesAreTheBundledFilesLoaded() throws {
    #expect(CompiledBundle.questionnaireIDs == BundledData.questionnaireIDs)
    for id in BundledData.questionnaireIDs {
      let loaded = try #require(BundledData.questionnaire(id)?.value)
      let compiled = try #require(CompiledBundle.questionnaire(id))
      #expect(compiled == loaded)
      // Equality covers every field; these are the ones a person sees and an export records.
      #expect(compiled.questions == loaded.questions)
      #expect(compiled.redFlags == loaded.redFlags)
      #expect(compiled.contentHash == loaded.contentHash)
      #expect(compiled.contentHash?.hasPrefix("sha256:") == true)
    }
    #expect(CompiledBundle.questionnaire("no-such-questionnaire") == nil)
  }

  @Test func aFolderWithoutHelpResourcesStopsTheBuild() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try compile(folder.appendingPathComponent("out.swift").path, folder.path)
    #expect(run.status == 1)
    #expect(run.stderr.contains("\(folder.path): resources.yaml is missing"))
  }

  @Test func theCompiledInstrumentsAreTheBundledFileLoaded() throws {
    let loaded = try #require(BundledData.instruments().value)
    #expect(!loaded.isEmpty)
    #expect(CompiledBundle.instruments == loaded)
  }

  @Test func theCompiledHelpResourcesAreTheBundledFileLoaded() throws {
    let loaded = try #require(BundledData.helpDirectory().value)
    #expect(CompiledBundle.helpDirectory == loaded)
    #expect(CompiledBundle.helpDirectory.regions.map(\.code) == loaded.regions.map(\.code))
  }

  @Test(arguments: [
    ("plain", "\"plain\""),
    ("say \"no\"", "\"say \\\"no\\\"\""),
    ("back\\slash", "\"back\\\\slash\""),
    ("two\nlines\ttab\r", "\"two\\nlines\\ttab\\r\""),
    ("bell\u{7}del\u{7F}c1\u{85}", "\"bell\\u{7}del\\u{7f}c1\\u{85}\""),
    ("bidi\u{202E}zero\u{200B}", "\"bidi\\u{202e}zero\\u{200b}\""),
    ("Musk’s · café · 🙂", "\"Musk’s · café · 🙂\""),
    ("\\(not interpolated)", "\"\\\\(not interpolated)\""),
  ])
  func textBecomesASwiftLiteralOfTheSameText(text: String, literal: String) {
    #expect(SwiftSource.string(text) == literal)
  }

  @Test func conditionsKeepTheirNestingAndNumbers() {
    let condition = Condition.any([
      .test(question: "a", .atLeast(2.5)), .not(.all([.test(question: "b", .oneOf(["x", "y"]))])),
    ])
    let source = SwiftSource.condition(condition)
    #expect(source.contains("ScreeningCore.ConditionTest.atLeast(2.5)"))
    #expect(source.contains("ScreeningCore.Condition.not(ScreeningCore.Condition.all("))
    #expect(source.contains("ScreeningCore.ConditionTest.oneOf([\"x\", \"y\"])"))
  }

  @Test func aBrokenBundledFileStopsTheBuildWithItsPlace() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(BundledData.helpDirectoryBytes).write(to: folder.appendingPathComponent("resources.yaml"))
    var text = String(decoding: try #require(BundledData.questionnaireBytes("ketamine")), as: UTF8.self)
    text = text.replacingOccurrences(of: "\nminutes: 5\n", with: "\nminutes: five\n")
    try Data(text.utf8).write(to: folder.appendingPathComponent("ketamine.yaml"))
    let output = folder.appendingPathComponent("out.swift")

    let run = try compile(output.path, folder.path)
    #expect(run.status == 1)
    #expect(
      run.stderr.contains("\(folder.path)/ketamine.yaml:17:10: error: minutes: expected a whole number, found five"))
    #expect(run.stderr.contains("Questionnaires/ketamine.yaml: bundled data must load without errors or warnings"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  @Test func theCompilerWritesTheFileFromTheBundledData() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(BundledData.helpDirectoryBytes).write(to: folder.appendingPathComponent("resources.yaml"))
    try Data(try #require(BundledData.questionnaireBytes("ketamine"))).write(
      to: folder.appendingPathComponent("ketamine.yaml"))
    // A second questionnaire dropped in the folder is found with nothing else to edit; files
    // that are not YAML are left alone.
    var second = String(decoding: try #require(BundledData.questionnaireBytes("ketamine")), as: UTF8.self)
    second = second.replacingOccurrences(of: "\nid: ketamine\n", with: "\nid: another\n")
    try Data(second.utf8).write(to: folder.appendingPathComponent("another.yaml"))
    try Data("notes".utf8).write(to: folder.appendingPathComponent("FORMAT.md"))
    let output = folder.appendingPathComponent("out.swift")
    let run = try compile(output.path, folder.path)
    #expect(run.status == 0)
    #expect(run.stderr == "")
    let source = try String(contentsOf: output, encoding: .utf8)
    #expect(source.contains("static let questionnaireIDs: [String] = [\"another\", \"ketamine\"]"))
    #expect(source.contains("case \"another\": return questionnaire_another"))
    #expect(source.contains("case \"ketamine\": return questionnaire_ketamine"))
    #expect(source.contains("value.contentHash = \"sha256:"))
    #expect(source.contains("static let helpDirectory: ScreeningCore.HelpDirectory = ScreeningCore.HelpDirectory("))
  }

  /// Runs the built BundleCompiler.
  private func compile(_ arguments: String...) throws -> (status: Int32, stderr: String) {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var directory = executable.deletingLastPathComponent()
    for _ in 0..<4
    where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("BundleCompiler").path) {
      directory = directory.deletingLastPathComponent()
    }
    let process = Process()
    process.executableURL = directory.appendingPathComponent("BundleCompiler")
    process.arguments = arguments
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
