import Foundation
import Testing

/// Every command makes itself unable to dump core before it reads any input, so a crash never
/// writes the answers typed or read so far to a file (traced with strace, which .ci/run installs).
@Suite struct CrashHygieneTests {
  static let strace = "/usr/bin/strace"
  static let questionnaire = """
    format: 1
    id: tiny
    version: "1"
    language: en
    title: Tiny
    intro: One question.
    disclaimer: Not a diagnosis.
    sections:
      - {id: s, title: S, questions: [{id: q, text: Have you used it?, type: yes_no, options: [{code: "yes", label: "Yes"}, {code: "no", label: "No"}]}]}

    """

  @Test(arguments: [
    ["list"], ["resources"], ["validate", "INPUT"], ["score", "ANSWERS"], ["convert", "INPUT"],
    ["run", "--ui", "line"], ["run", "--answers", "ANSWERS", "--export", "OUT"],
  ])
  func noCoreDumpBeforeAnyInputIsRead(arguments: [String]) throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.strace))
    let folder = try CLIRunner.temporaryDirectory()
    let questionnaire = folder.appendingPathComponent("input.yaml")
    try Data(Self.questionnaire.utf8).write(to: questionnaire)
    let answers = try CLITests.answersFile(yes: 2)
    let paths = [
      "INPUT": questionnaire.path, "ANSWERS": answers.path, "OUT": folder.appendingPathComponent("out.txt").path,
    ]
    let command = arguments.map { paths[$0] ?? $0 }
    let trace = folder.appendingPathComponent("trace").path
    let result = try CLIRunner.run(
      ["-f", "-o", trace, "-e", "trace=prctl,prlimit64,setrlimit,openat,read", CLIRunner.binary.path] + command,
      executable: URL(fileURLWithPath: Self.strace), input: "")
    #expect(result.status != 132 && result.status != 139)
    let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
    let limit = calls.firstIndex { $0.contains("RLIMIT_CORE, {rlim_cur=0, rlim_max=0}") }
    let dumpable = calls.firstIndex { $0.contains("prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE)") }
    // The first read of anything the person gave: standard input or a file named on the line.
    let input = calls.firstIndex { call in
      call.contains("read(0,") || paths.values.contains { call.contains("\"\($0)\"") }
    }
    let (limitAt, dumpableAt) = (try #require(limit), try #require(dumpable))
    if let input {
      #expect(limitAt < input && dumpableAt < input, "\(command)")
    }
  }
}

/// An export exists under no name until it is complete: written to an unnamed file (O_TMPFILE)
/// and linked into place, by an unprivileged user too (whose process is not dumpable, which
/// shuts some of /proc to it), so even SIGKILL mid-write leaves nothing.
@Suite struct ExportLeavesNothingTests {
  @Test(.enabled(if: getuid() == 0)) func anExportIsNamedOnlyWhenComplete() throws {
    try #require(FileManager.default.isExecutableFile(atPath: CrashHygieneTests.strace))
    let folder = try CLIRunner.temporaryDirectory()
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
    let answers = try CLITests.answersFile(yes: 2)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: answers.path)
    var parent = answers.deletingLastPathComponent()
    while parent.path != "/" {
      _ = chmod(parent.path, 0o755)
      parent = parent.deletingLastPathComponent()
    }
    let output = folder.appendingPathComponent("out.txt").path
    let trace = folder.appendingPathComponent("trace").path
    let result = try CLIRunner.run(
      [
        "-f", "-o", trace, "-e", "trace=openat,open,creat,link,linkat,rename,renameat,renameat2",
        "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
        CLIRunner.binary.path, "score", answers.path, "--format", "text", "--output", output,
      ],
      executable: URL(fileURLWithPath: CrashHygieneTests.strace), input: "")
    #expect(result.status == 0, "\(result.stderr)")
    let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(calls.contains { $0.contains("O_TMPFILE") && $0.contains("\"\(folder.path)\"") })
    #expect(calls.contains { $0.contains("linkat(") && $0.contains("\"\(output)\"") && !$0.contains("= -1") })
    #expect(!calls.contains { $0.contains(".selfscreen-") }, "a named temporary file was used")
    let attributes = try FileManager.default.attributesOfItem(atPath: output)
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    #expect(attributes[.ownerAccountID] as? Int == 65534)
  }
}
