import Foundation
import TestSupport
import Testing

/// Exports from the command line: formats, the safe writer's refusals and failures, scripted runs
/// and line mode through a pipe.
@Suite struct ExportCLITests {
  static let umaskZero = ["/bin/sh", "-c", "umask 000; exec \"$0\" \"$@\""]

  static func mode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
  }

  @Test func exportedJSONReScoresToTheSameResult() throws {
    let answers = try CLITests.answersFile(yes: 4, changes: ["sign_tolerance": "prefer_not"])
    let direct = try CLIRunner.run(["score", answers.path, "--region", "UK"])
    let converted = try CLIRunner.run(["score", answers.path, "--format", "json"])
    #expect(converted.status == 0)
    let copy = answers.deletingLastPathComponent().appendingPathComponent("copy.json")
    try Data(converted.stdout.utf8).write(to: copy)
    let again = try CLIRunner.run(["score", copy.path, "--region", "UK"])
    #expect(again.status == 0)
    #expect(again.stdout == direct.stdout)
    #expect(again.stderr == "")
  }

  @Test func filesAreCreated0600WhateverTheUmaskAndNeverReplacedUnasked() throws {
    let answers = try CLITests.answersFile(yes: 2)
    let out = answers.deletingLastPathComponent().appendingPathComponent("summary.txt").path
    let first = try CLIRunner.run(
      ["score", answers.path, "--format", "text", "--output", out], launcher: Self.umaskZero)
    #expect(first.status == 0)
    #expect(first.stdout == "Saved to \(out)\n")
    #expect(try Self.mode(out) == 0o600)
    let again = try CLIRunner.run(["score", answers.path, "--format", "csv", "--output", out])
    #expect(again.status == 73)
    #expect(
      again.stderr
        == "selfscreen: cannot write '\(out)': a file with that name already exists; add --replace to replace it. "
        + "Nothing was written.\n"
    )
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("SelfScreen summary"))
    let replaced = try CLIRunner.run(
      ["score", answers.path, "--format", "csv", "--output", out, "--replace"], launcher: Self.umaskZero)
    #expect(replaced.status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("\"This self-check is not a diagnosis"))
    #expect(try Self.mode(out) == 0o600)
  }

  @Test func aSymbolicLinkIsRefusedEvenWithReplace() throws {
    let answers = try CLITests.answersFile(yes: 2)
    let folder = answers.deletingLastPathComponent()
    let link = folder.appendingPathComponent("link.txt").path
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: folder.appendingPathComponent("elsewhere").path)
    let result = try CLIRunner.run(["score", answers.path, "--format", "text", "--output", link, "--replace"])
    #expect(result.status == 73)
    #expect(result.stderr.contains("it is a symbolic link, and SelfScreen never writes through links"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("elsewhere").path))
  }

  /// Permission denied, as an unprivileged user (the tests run as root here).
  @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
  func permissionDeniedSaysSoAndLeavesNothing() throws {
    let answers = try CLITests.answersFile(yes: 2)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: answers.deletingLastPathComponent().path)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: answers.path)
    let out = answers.deletingLastPathComponent().appendingPathComponent("out.txt").path
    let result = try CLIRunner.run(
      ["score", answers.path, "--format", "text", "--output", out],
      launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
    #expect(result.status == 73)
    #expect(result.stderr == "selfscreen: cannot write '\(out)': permission denied. Nothing was written.\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: answers.deletingLastPathComponent().path) == ["answers.json"])
  }

  /// A read-only file system and a full one: small tmpfs mounts (root only).
  @Test(.enabled(if: getuid() == 0)) func readOnlyAndFullDisks() throws {
    let answers = try CLITests.answersFile(yes: 2)
    for (options, status, reason) in [
      ("ro,size=64k", 73, "the disk or folder is read-only"), ("size=4k", 74, "the disk is full"),
    ] {
      let folder = try CLIRunner.temporaryDirectory()
      guard Shell.run("mount -t tmpfs -o \(options) tmpfs '\(folder.path)'") == 0 else {
        Issue.record("could not mount a tmpfs as root")
        return
      }
      defer { _ = Shell.run("umount '\(folder.path)'") }
      let out = folder.appendingPathComponent("out.fhir.json").path
      let result = try CLIRunner.run(["score", answers.path, "--format", "fhir", "--output", out])
      #expect(Int(result.status) == status)
      #expect(result.stderr == "selfscreen: cannot write '\(out)': \(reason). Nothing was written.\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
  }

  @Test func scriptedRunsExportWithoutAnyPrompt() throws {
    let answers = try CLITests.answersFile(yes: 6, changes: ["safety_passed_out": "yes"])
    let out = answers.deletingLastPathComponent().appendingPathComponent("kiosk.csv").path
    let result = try CLIRunner.run(["run", "--answers", answers.path, "--export", out])
    #expect(result.status == 0)
    #expect(result.stdout == "Saved to \(out)\n")
    let csv = try String(contentsOfFile: out, encoding: .utf8)
    // The disclaimer and the red flag come before the table.
    #expect(
      csv.hasPrefix(
        "\"This self-check is not a diagnosis and is not a validated clinical test. It is for adults 18 and over.\"\r\n"
          + "\"URGENT, get help now: Passing out, or needing emergency care, after using\"\r\n"
          + "\"number\",\"question_id\""))
    #expect(csv.contains("\"safety_passed_out\""))
    let text = answers.deletingLastPathComponent().appendingPathComponent("kiosk.txt").path
    #expect(try CLIRunner.run(["run", "--answers", answers.path, "--export", text, "--format", "text"]).status == 0)
    let lines = try String(contentsOfFile: text, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(lines.first == "SelfScreen summary: Ketamine use: a private self-check")
    #expect(lines.contains("URGENT, get help now: Passing out, or needing emergency care, after using"))
    let wrongVersion = try CLIRunner.run([
      "run", "--answers", try CLITests.answersFile(yes: 1, version: "1.0.0").path, "--export", out,
    ])
    #expect(wrongVersion.status == 65)
    let noAnswers = try CLIRunner.run(["run", "--export", out])
    #expect(noAnswers.status == 64)
    #expect(noAnswers.stderr.contains("--export needs --answers"))
  }

  @Test func aFreeTextFormulaOpensAsTextInCSV() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let questionnaire = """
      format: 1
      id: notes
      version: "1"
      language: en
      title: Notes
      intro: A test.
      disclaimer: Not a diagnosis.
      sections:
        - id: main
          title: Main
          questions:
            - {id: note, text: Anything else?, type: text}
      """
    try Data(questionnaire.utf8).write(to: folder.appendingPathComponent("notes.yaml"))
    try Data(#"{"format": 1, "questionnaire": "notes", "version": "1", "answers": {"note": "=HYPERLINK(\"x\")"}}"#.utf8)
      .write(to: folder.appendingPathComponent("a.json"))
    let result = try CLIRunner.run(
      ["run", "notes.yaml", "--answers", "a.json", "--export", "out.csv"], directory: folder)
    #expect(result.status == 0)
    let csv = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
    #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
  }

  @Test func lineModeThroughAPipe() throws {
    let keys =
      ["3", "4", "1", "1", "1", "1", "1", "2", "2", "2", "2", "2", "8"] + Array(repeating: "2", count: 16) + ["q", "y"]
    let result = try CLIRunner.run(["--region", "UK"], input: keys.joined(separator: "\n") + "\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("Question 1 of 32. Ketamine use."))
    #expect(result.stdout.contains("Result: Several signs (5 of 10 signs)"))
    #expect(result.stdout.hasSuffix("SelfScreen closed. Nothing was saved.\n"))
    #expect(!result.stdout.contains("\u{1B}"))
    // Input that ends before the result: exit 66, so a script can tell it from a finished run.
    let ended = try CLIRunner.run(["--ui", "line"], input: "3\n")
    #expect(ended.status == 66)
    #expect(ended.stdout.hasSuffix("End of input: SelfScreen closed. Nothing was saved.\n"))
  }
}
