import Foundation
import Testing

/// The command line as a person uses it: exit status, stdout and stderr of the built binary.
@Suite struct CLITests {
  static let signIDs = [
    "sign_more_than_intended", "sign_cut_down", "sign_time_spent", "sign_craving", "sign_missed_duties",
    "sign_relationships", "sign_gave_up_activities", "sign_risky_use", "sign_health_despite",
    "sign_tolerance",
  ]

  /// A native answers file for ketamine 2.0.0 with `yes` signs answered yes.
  static func answersFile(yes: Int, version: String = "2.0.0", changes: [String: String] = [:]) throws -> URL {
    var answers: [String: Any] = [
      "used_past_year": "yes", "frequency_3m": "weekly", "withdrawal_after_stopping": ["none"],
    ]
    for (index, id) in signIDs.enumerated() { answers[id] = index < yes ? "yes" : "no" }
    for id in [
      "urinary_symptoms", "memory_attention", "feeling_detached", "racing_heart", "others_concerned",
      "mixing_depressants", "coping_low_mood", "safety_passed_out", "safety_emergency_care", "safety_chest_pain",
      "safety_stomach_cramps", "safety_bladder_blood", "safety_cannot_pee", "safety_kidney_pain",
      "safety_hallucinations", "safety_self_harm_thoughts",
    ] { answers[id] = "no" }
    for (key, value) in changes { answers[key] = value }
    let document: [String: Any] = ["format": 1, "questionnaire": "ketamine", "version": version, "answers": answers]
    let url = try CLIRunner.temporaryDirectory().appendingPathComponent("answers.json")
    try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted]).write(to: url)
    return url
  }

  @Test func versionAndHelp() throws {
    let version = try CLIRunner.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout == "selfscreen 0.1.0\n")
    let help = try CLIRunner.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("A private self-check about ketamine use. Not a diagnosis."))
    for command in ["list", "validate", "score", "convert", "resources"] {
      #expect(help.stdout.contains("  \(command) "))
    }
  }

  @Test func usageErrorsExit64() throws {
    let unknown = try CLIRunner.run(["frobnicate"])
    #expect(unknown.status == 64)
    #expect(
      unknown.stderr
        == "selfscreen: there is no bundled questionnaire 'frobnicate'; choose one of: ketamine, or give a file path\n")
    let option = try CLIRunner.run(["list", "--frobnicate"])
    #expect(option.status == 64)
    #expect(option.stderr.contains("Unknown option '--frobnicate'"))
    let notATerminal = try CLIRunner.run(["--ui", "tui"])
    #expect(notATerminal.status == 64)
    #expect(
      notATerminal.stderr
        == "selfscreen: the screening needs a terminal, but standard input is not one; run selfscreen in a terminal "
        + "window (or use --ui line)\n")
  }

  /// Nothing from outside reaches the terminal raw: option values, unknown options and extra
  /// arguments in ArgumentParser's messages, and file names in diagnostics, all go through the
  /// one escaper; ArgumentParser's messages read `selfscreen: ` like every other.
  @Test func everythingFromOutsideIsEscapedOnTheWayToTheTerminal() throws {
    let escape = "\u{1B}[2J"
    let format = try CLIRunner.run(["score", "x.json", "--format", "t\(escape)xt"])
    #expect(format.status == 64)
    #expect(format.stderr.hasPrefix("selfscreen: The value 't<U+001B>[2Jxt' is invalid for '--format <format>'."))
    let unknown = try CLIRunner.run(["list", "--x\(escape)\u{07}"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.hasPrefix("selfscreen: Unknown option '--x<U+001B>[2J<U+0007>'\n"))
    let extra = try CLIRunner.run(["score", "a.json", "b\nforged: line", "\u{9B}c"])
    #expect(extra.status == 64)
    #expect(extra.stderr.hasPrefix("selfscreen: 2 unexpected arguments: 'b<U+000A>forged: line', '<U+009B>c'\n"))
    let folder = try CLIRunner.temporaryDirectory()
    let named = folder.appendingPathComponent("bad\(escape)\nname.yaml")
    try Data("format: 1\nid: [\n".utf8).write(to: named)
    let validate = try CLIRunner.run(["validate", named.path])
    #expect(validate.status == 65)
    #expect(validate.stderr.hasPrefix(folder.path + "/bad<U+001B>[2J<U+000A>name.yaml:"))
    for output in [format, unknown, extra, validate] {
      #expect(!(output.stdout + output.stderr).unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" })
    }
  }

  /// A mistyped command gets a suggestion; --help shows the run options; score says what it reads.
  @Test func mistakesGetPlainSuggestions() throws {
    for (typed, command) in [("lsit", "list"), ("socre", "score"), ("valdiate", "validate")] {
      let result = try CLIRunner.run([typed, "x"])
      #expect(result.status == 64)
      #expect(
        result.stderr
          == "selfscreen: '\(typed)' is not a command or a bundled questionnaire; did you mean 'selfscreen "
          + "\(command)'? (selfscreen --help lists the commands)\n")
    }
    let help = try CLIRunner.run(["--help"])
    #expect(help.stdout.contains("  --region <region>  US, UK, IE, CA, AU or INTL (default: from the locale)\n"))
    #expect(help.stdout.contains("  --ui <ui>          auto, tui (full screen) or line (numbered prompts)\n"))
    #expect(
      help.stdout.contains(
        "  --value-sets <file>\n                     for a FHIR form: the value sets it names by URL\n"))
    let folder = try CLIRunner.temporaryDirectory()
    try Data("Question,Answer\r\nHave you used ketamine?,Yes\r\n".utf8).write(
      to: folder.appendingPathComponent("my-answers.csv"))
    let csv = try CLIRunner.run(["score", "my-answers.csv"], directory: folder)
    #expect(csv.status == 65)
    #expect(
      csv.stderr.hasPrefix(
        "my-answers.csv:1:1: (file): this is not an answers file but a table or a line of text (a CSV copy?); "
          + "SelfScreen scores the JSON answers file it saves"))
  }

  /// Help and version are what was asked for: if they cannot be written, that is an I/O error.
  @Test(arguments: [["--help"], ["--version"], ["list", "--help"], ["list"]])
  func outputThatCannotBeWrittenExits74(arguments: [String]) throws {
    let result = try CLIRunner.run(
      ["-c", "exec \"$0\" \"$@\" > /dev/full", CLIRunner.binary.path] + arguments,
      executable: URL(fileURLWithPath: "/bin/sh"))
    #expect(result.status == 74)
    #expect(result.stderr == "selfscreen: cannot write to standard output: No space left on device\n")
  }

  @Test func listShowsTheBundledQuestionnaireFromAnyFolder() throws {
    let result = try CLIRunner.run(["list"], directory: URL(fileURLWithPath: "/"))
    #expect(result.status == 0)
    #expect(result.stdout == "ketamine  version 2.0.0  32 questions  Ketamine use: a private self-check\n")
    #expect(result.stderr == "")
  }

  /// Output that cannot be written (a full disk, a closed stream) is said on stderr, with the
  /// I/O error status, instead of stopping the program with a crash.
  @Test(arguments: [
    (">/dev/full", "No space left on device"), (">&-", "Bad file descriptor"),
  ])
  func standardOutputThatCannotBeWrittenIsAnIOError(redirection: String, reason: String) throws {
    let answers = try Self.answersFile(yes: 2).path
    for arguments in [["list"], ["resources", "--region", "UK"], ["score", answers]] {
      let result = try CLIRunner.run(arguments, launcher: ["/bin/sh", "-c", "exec \"$0\" \"$@\" \(redirection)"])
      #expect(result.status == 74, "\(arguments)")
      #expect(result.stderr == "selfscreen: cannot write to standard output: \(reason)\n", "\(arguments)")
    }
  }

  @Test func aCopiedBinaryStillHasItsQuestionnaires() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let copy = folder.appendingPathComponent("selfscreen")
    try FileManager.default.copyItem(at: CLIRunner.binary, to: copy)
    let result = try CLIRunner.run(["resources", "--region", "UK"], directory: folder, executable: copy)
    #expect(result.status == 0)
    #expect(result.stdout.contains("Emergency services: call 999"))
    #expect(try CLIRunner.run(["list"], directory: folder, executable: copy).status == 0)
  }

  @Test func validateTheBundledFiles() throws {
    let root = CLIRunner.repositoryRoot
    let result = try CLIRunner.run(
      ["validate", "Questionnaires/ketamine.yaml", "Questionnaires/resources.yaml"], directory: root)
    #expect(result.status == 0)
    #expect(
      result.stdout
        == "Questionnaires/ketamine.yaml: ok (questionnaire)\nQuestionnaires/resources.yaml: ok (resources)\n")
    #expect(result.stderr == "")
  }

  @Test func validateReportsEveryProblemWithItsPlace() throws {
    let original = try String(
      contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("Questionnaires/ketamine.yaml"), encoding: .utf8)
    var lines = original.components(separatedBy: "\n")
    // 1. An unknown key on the first section, 2. a duplicated question, 3. ESC in a question's text.
    let section = try #require(lines.firstIndex(of: "  - id: gate"))
    lines.insert("    colour: blue", at: section + 1)
    let tolerance = try #require(lines.firstIndex { $0.hasSuffix("- id: sign_tolerance") })
    let indent = String(lines[tolerance].prefix { $0 == " " })
    lines.insert(
      contentsOf: ["\(indent)- id: sign_craving", "\(indent)  text: Again?", "\(indent)  type: text"], at: tolerance)
    let craving = try #require(lines.firstIndex { $0.hasSuffix("- id: sign_craving") })
    let text = try #require(lines[craving...].firstIndex { $0.contains("text: ") })
    lines[text] = lines[text].replacingOccurrences(of: "text: ", with: "text: \u{1B}[31m")
    let folder = try CLIRunner.temporaryDirectory()
    let bad = folder.appendingPathComponent("bad.yaml")
    try lines.joined(separator: "\n").write(to: bad, atomically: true, encoding: .utf8)

    let result = try CLIRunner.run(["validate", "bad.yaml"], directory: folder)
    #expect(result.status == 65)
    #expect(result.stdout == "")
    let problems = result.stderr.split(separator: "\n").map(String.init)
    #expect(problems.count == 4)
    #expect(
      problems[0]
        == "bad.yaml:\(section + 2):5: sections[0].colour: unknown key 'colour'; a section can have: id, title, "
        + "intro, questions"
    )
    #expect(problems[1].hasPrefix("bad.yaml:\(text + 1):"))
    #expect(
      problems[1].hasSuffix(
        ".text: the text contains U+001B (escape), which is not allowed in questionnaire text; remove it"))
    #expect(problems[2].hasPrefix("bad.yaml:\(tolerance + 1):"))
    #expect(problems[2].contains(".id: duplicate question id 'sign_craving'; it is first defined at \(craving + 1):"))
    #expect(problems[3] == "selfscreen: 3 errors found")
    // Nothing raw reaches the terminal.
    #expect(!result.stderr.contains("\u{1B}"))
  }

  @Test func validateMissingAndUnreadableFilesExit66() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let missing = try CLIRunner.run(["validate", "nope.yaml"], directory: folder)
    #expect(missing.status == 66)
    #expect(missing.stderr == "selfscreen: cannot read 'nope.yaml': no such file\n")
    let directory = try CLIRunner.run(["validate", "."], directory: folder)
    #expect(directory.status == 66)
    #expect(directory.stderr == "selfscreen: cannot read '.': it is a folder, not a file\n")
  }

  @Test func scoreShowsTheSeveralSignsGuidanceWithoutDiagnosticWords() throws {
    let result = try CLIRunner.run(["score", try Self.answersFile(yes: 5).path, "--region", "UK"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout.hasPrefix(
        "Ketamine use: a private self-check: your result\n\nThis self-check is not a diagnosis and is not a "
          + "validated clinical test. It is\nfor adults 18 and over.\n\nResult: Several signs (5 of 10 signs)\n"))
    #expect(result.stdout.contains("Your answers show several signs"))
    let lower = result.stdout.lowercased()
    for word in [
      "disorder", "addict", "abuser", "you are addicted", "diagnosis of", "diagnosed with", "mild", "moderate",
      "severe",
    ] {
      #expect(!lower.contains(word), "found '\(word)'")
    }
  }

  @Test func urgentGuidanceComesFirst() throws {
    let file = try Self.answersFile(yes: 5, changes: ["safety_passed_out": "yes"])
    let result = try CLIRunner.run(["score", file.path], environment: ["LANG": "en_GB.UTF-8"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    // The disclaimer, then the red flag, before anything else.
    try #require(lines.count > 5)
    #expect(lines[2].hasPrefix("This self-check is not a diagnosis"))
    #expect(lines[5] == "URGENT, get help now: Passing out, or needing emergency care, after using")
    #expect(result.stdout.contains("  - Emergency services: call 999\n  - NHS 111: call 111 · 111.nhs.uk\n"))
  }

  @Test func answersForAnotherVersionAreRefused() throws {
    let result = try CLIRunner.run(["score", try Self.answersFile(yes: 1, version: "0.9.0").path])
    #expect(result.status == 65)
    #expect(result.stdout == "")
    #expect(
      result.stderr.contains(
        ": version: these answers are for version 0.9.0 of 'ketamine', but the questionnaire is version 2.0.0; "
          + "answers cannot be scored against a different version\n"
      ))
  }

  @Test func badAnswersFilesExit65WithAPlace() throws {
    let folder = try CLIRunner.temporaryDirectory()
    try Data("{\"format\": 1,\n \"questionnaire\": \"ketamine\" \"version\"}".utf8).write(
      to: folder.appendingPathComponent("a.json"))
    let syntax = try CLIRunner.run(["score", "a.json"], directory: folder)
    #expect(syntax.status == 65)
    #expect(syntax.stderr == "a.json:2:30: (file): syntax error: expected ',' or '}', found '\"'\n")
    let missing = try CLIRunner.run(["score", "b.json"], directory: folder)
    #expect(missing.status == 66)
    #expect(missing.stderr == "selfscreen: cannot read 'b.json': no such file\n")
  }

  @Test func resourcesForTheUK() throws {
    let result = try CLIRunner.run(["resources", "--region", "UK"])
    #expect(result.status == 0)
    for contact in ["call 999", "NHS 111: call 111", "FRANK: call 0300 123 6600", "Samaritans: call 116 123"] {
      #expect(result.stdout.contains(contact), "missing \(contact)")
    }
    #expect(result.stdout.hasPrefix("Where to get help: United Kingdom\n\nEmergency services: call 999\n"))
  }

  @Test func resourcesFollowTheLocale() throws {
    let result = try CLIRunner.run(["resources"], environment: ["LANG": "en_US.UTF-8"])
    #expect(result.status == 0)
    for contact in ["call 911", "call 988", "call 1-800-662-4357"] { #expect(result.stdout.contains(contact)) }
    let fallback = try CLIRunner.run(["resources"], environment: ["LANG": "de_DE.UTF-8"])
    #expect(fallback.stdout.hasPrefix("Where to get help: International"))
  }

  @Test func anUnknownRegionIsAUsageError() throws {
    let result = try CLIRunner.run(["resources", "--region", "XX"])
    #expect(result.status == 64)
    #expect(result.stderr == "selfscreen: unknown region 'XX'; choose one of: US, UK, IE, CA, AU, INTL\n")
  }

  /// `selfscreen` and `selfscreen [run] --region CODE` are read without ArgumentParser; with the
  /// default `--ui auto` added they go through it, and must do exactly the same.
  @Test(arguments: [
    [], ["run"], ["--region", "UK"], ["run", "--region", "IE"], ["--region", "XX"], ["--region", ""],
  ])
  func theUsualStartsReadAsTheParserReadsThem(arguments: [String]) throws {
    let input = "1\n1\n"
    let quick = try CLIRunner.run(arguments, environment: ["LANG": "en_GB.UTF-8"], input: input)
    let parsed = try CLIRunner.run(arguments + ["--ui", "auto"], environment: ["LANG": "en_GB.UTF-8"], input: input)
    #expect(quick.status == parsed.status)
    #expect(quick.stdout == parsed.stdout)
    #expect(quick.stderr == parsed.stderr)
  }
}
