import Foundation
import Testing

/// The bad-input corpus (Tests/Corpus): every file gets its exact, located, plain-language
/// diagnostics and exit status; nothing traps, hangs, or prints a raw control character.
@Suite struct CorpusTests {
  static let corpus = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Corpus")

  static func cases(_ folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)) ?? []
    return names.filter { !$0.hasSuffix(".expected") && !$0.hasPrefix("seed-") }.sorted()
  }

  /// `(status, stderr lines)` sections of a `.expected` file.
  static func expected(_ folder: String, _ name: String) throws -> [(Int32, String)] {
    let text = try String(contentsOf: corpus.appendingPathComponent("\(folder)/\(name).expected"), encoding: .utf8)
    var sections: [(Int32, String)] = []
    for chunk in text.components(separatedBy: "--- run --answers: ") {
      var lines = chunk.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let status = Int32(lines.removeFirst().replacingOccurrences(of: "exit ", with: "")) ?? -1
      while lines.last == "" { lines.removeLast() }
      sections.append((status, lines.map { $0 + "\n" }.joined()))
    }
    return sections
  }

  static func expectClean(_ output: CLIRunner.Output, _ name: String) {
    #expect(!output.stderr.contains("Fatal error"), "\(name): runtime trap")
    #expect(!output.stderr.contains("Backtrace") && !output.stderr.contains("Stack dump"), "\(name): stack trace")
    let raw = (output.stderr + output.stdout).unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }
    #expect(raw.isEmpty, "\(name): raw control characters \(raw.map(\.value))")
  }

  @Test func theCorpusHasAtLeastFortyFiles() {
    #expect(Self.cases("questionnaires").count + Self.cases("answers").count >= 40)
  }

  @Test(arguments: cases("questionnaires"))
  func questionnaire(_ name: String) throws {
    let (status, stderr) = try #require(try Self.expected("questionnaires", name).first)
    let output = try CLIRunner.run(
      ["validate", name], directory: Self.corpus.appendingPathComponent("questionnaires"), timeout: 20)
    #expect(output.status == status, "\(name)")
    #expect(output.stderr == stderr, "\(name)")
    #expect(output.stdout == (status == 0 ? "\(name): ok (questionnaire)\n" : ""), "\(name)")
    Self.expectClean(output, name)
  }

  @Test(arguments: cases("answers"))
  func answers(_ name: String) throws {
    let sections = try Self.expected("answers", name)
    try #require(sections.count == 2)
    let folder = Self.corpus.appendingPathComponent("answers")
    let score = try CLIRunner.run(["score", name], directory: folder, timeout: 20)
    #expect(score.status == sections[0].0, "\(name)")
    #expect(score.stderr == sections[0].1, "\(name)")
    #expect(score.stdout == "")
    Self.expectClean(score, name)
    let out = try CLIRunner.temporaryDirectory().appendingPathComponent("never.txt")
    let run = try CLIRunner.run(["run", "--answers", name, "--export", out.path], directory: folder, timeout: 20)
    #expect(run.status == sections[1].0, "\(name)")
    #expect(run.stderr == sections[1].1, "\(name)")
    #expect(!FileManager.default.fileExists(atPath: out.path), "\(name): wrote a file")
    Self.expectClean(run, name)
  }

  /// A file with a hundred thousand problems costs what one with a hundred does: the first 100
  /// are shown, then one line counts the rest (docs/PERFORMANCE.md has the 8 MiB figures).
  @Test func diagnosticsStopAfterAHundred() throws {
    let folder = try CLIRunner.temporaryDirectory()
    var text = try String(
      contentsOf: Self.corpus.appendingPathComponent("questionnaires/many-unknown-references.yaml"), encoding: .utf8)
    let references = (0..<100_000).map { "z\($0)" }.joined(separator: ", ")
    text = text.replacingOccurrences(of: "questions: [sign, q0,", with: "questions: [sign, \(references), x0,")
    let file = folder.appendingPathComponent("huge.yaml")
    try Data(text.utf8).write(to: file)
    let output = try CLIRunner.run(["validate", file.path], timeout: 60)
    #expect(output.status == 65)
    let lines = output.stderr.split(separator: "\n")
    #expect(lines.count == 102)
    #expect(
      lines[100].hasSuffix(
        "(file): and 100,150 more problems not shown (the first is here); fix those above and check the file again"))
    #expect(lines[101] == "selfscreen: 100250 errors found")
  }

  /// Inputs that are not files: fail fast, never block or grow memory.
  @Test func devicesPipesFoldersLoopsAndOversizedFiles() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let fifo = folder.appendingPathComponent("pipe.yaml").path
    #expect(mkfifo(fifo, 0o600) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("a.yaml").path,
      withDestinationPath: folder.appendingPathComponent("b.yaml").path)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("b.yaml").path,
      withDestinationPath: folder.appendingPathComponent("a.yaml").path)
    let big = folder.appendingPathComponent("big.yaml")
    try Data(repeating: UInt8(ascii: "a"), count: 9 << 20).write(to: big)
    let cases: [([String], Int32, String)] = [
      (
        ["validate", "/dev/zero"], 66,
        "selfscreen: cannot read '/dev/zero': it is not a regular file (a device, pipe or socket)\n"
      ),
      (
        ["validate", fifo], 66,
        "selfscreen: cannot read '\(fifo)': it is not a regular file (a device, pipe or socket)\n"
      ),
      (["validate", folder.path], 66, "selfscreen: cannot read '\(folder.path)': it is a folder, not a file\n"),
      (
        ["validate", folder.appendingPathComponent("a.yaml").path], 66,
        "selfscreen: cannot read '\(folder.appendingPathComponent("a.yaml").path)': too many levels of symbolic links "
          + "(a symlink loop?)\n"
      ),
      (
        ["validate", big.path], 65,
        "\(big.path):1:1: (file): the file is 9 MiB, more than the limit of 8 MiB\nselfscreen: 1 error found\n"
      ),
      (
        ["score", "/dev/zero"], 66,
        "selfscreen: cannot read '/dev/zero': it is not a regular file (a device, pipe or socket)\n"
      ),
      (
        ["score", fifo], 66, "selfscreen: cannot read '\(fifo)': it is not a regular file (a device, pipe or socket)\n"
      ),
      (["score", big.path], 65, "\(big.path):1:1: (file): the file is 9 MiB, more than the limit of 8 MiB\n"),
      (
        ["run", "--answers", fifo, "--export", "x.txt"], 66,
        "selfscreen: cannot read '\(fifo)': it is not a regular file (a device, pipe or socket)\n"
      ),
      (["run", fifo], 66, "selfscreen: cannot read '\(fifo)': it is not a regular file (a device, pipe or socket)\n"),
    ]
    for (arguments, status, stderr) in cases {
      let output = try CLIRunner.run(arguments, directory: folder, timeout: 10)
      #expect(output.status == status, "\(arguments)")
      #expect(output.stderr == stderr, "\(arguments)")
    }
  }
}
