import ArgumentParser
import ScreeningCore
import ScreeningLineMode
import ScreeningTUI

/// Which front end runs the screening.
enum UserInterface: String, ExpressibleByArgument, CaseIterable {
  /// Full screen on a terminal; line mode when input or output is not a terminal or TERM is unset or dumb.
  case auto
  case tui
  case line
}

/// `selfscreen [run] [QUESTIONNAIRE]`: the screening.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Start the screening (the default).",
    discussion: """
      Full screen: arrows or j/k move, Enter chooses, Left or b goes back, r shows help resources, \
      ? lists the keys, e saves a copy (on the result), q leaves. Ctrl-C leaves at once. \
      Line mode (--ui line, or automatic when not on a terminal): type the number of your answer. \
      Nothing is saved unless you ask.
      """)

  @Argument(help: "A bundled questionnaire id or a questionnaire file.")
  var questionnaire: String = "ketamine"

  @Option(help: "US, UK, IE, CA, AU or INTL for the help resources (default: from the locale).")
  var region: String?

  @Option(
    name: .customLong("value-sets"),
    help: "A FHIR ValueSet, or a Bundle of them, for value sets a FHIR questionnaire names by URL but does not contain."
  )
  var valueSets: String?

  @Option(help: "auto, tui or line (auto: line mode when not on a terminal or TERM is unset or dumb).")
  var ui: UserInterface = .auto

  @Option(help: "Start from the answers in this native JSON answers file.")
  var answers: String?

  @Option(help: "With --answers: save to this file without asking anything, then exit.")
  var export: String?

  @Option(help: "The --export format: text, json, csv or fhir (default: from the file name, else text).")
  var format: ExportFormat?

  @Flag(help: "Replace the --export file if it exists.")
  var replace = false

  func validate() throws {
    if export != nil && answers == nil { throw ValidationError("--export needs --answers") }
    if format != nil && export == nil { throw ValidationError("--format needs --export") }
    if replace && export == nil { throw ValidationError("--replace needs --export") }
  }

  func run() throws {
    try Screening(
      questionnaire: questionnaire, region: region, valueSets: valueSets, ui: ui, answers: answers, export: export,
      format: format, replace: replace
    ).run()
  }
}

/// What `selfscreen run` does once its command line is read (by `RunCommand`, or by
/// `Screening.init(quickArguments:)` for the usual starts).
struct Screening {
  var questionnaire = "ketamine"
  var region: String?
  var valueSets: String?
  var ui: UserInterface = .auto
  var answers: String?
  var export: String?
  var format: ExportFormat?
  var replace = false

  func run() throws(Failure) {
    let environment = ProcessEnvironment.current()
    let directory = Catalog.helpDirectory
    let chosen: Questionnaire
    do {
      chosen = try Catalog.questionnaire(questionnaire, valueSets: valueSets, warnings: false)
    } catch {
      // The person who ran it may have come for help: say plainly that nothing was checked, and
      // where help is, before the author's summary.
      if case .invalidData = error, let place = try? Catalog.region(region, in: directory, environment: environment) {
        // What the form was about is not known: the help listed is the help for anything.
        Console.error(Self.refusedForm(region: place.about(.general)))
      }
      throw error
    }
    let chosenRegion = try Catalog.region(region, in: directory, environment: environment).about(chosen.topic)
    var session = ScreeningSession(questionnaire: chosen)
    if let answers {
      let file = try Catalog.answers(answers, for: chosen)
      session = ScreeningSession(questionnaire: chosen, answers: file.answers)
      if let export {
        let created = Timestamp.now()
        let bytes = try Export.encode(
          Exporter(questionnaire: chosen, answers: file.answers, region: chosenRegion, created: created),
          format ?? ExportFormat.guess(from: export))
        try Export.write(bytes, to: export, replacing: replace)
        return
      }
    }

    var useLineMode = ui == .line
    if ui == .auto {
      useLineMode = (try? TerminalApp.checkTerminal(environment: environment)) == nil
    }
    if useLineMode {
      var app = LineModeApp(
        session: session, region: chosenRegion, input: StandardInput(), output: StandardOutput(),
        columns: environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 80,
        asciiOnly: !RunCommand.localeIsUTF8(environment), home: environment["HOME"])
      // Input that ends before the result is not a finished screening: scripts can tell.
      if app.run() == .endOfInput { throw .noInput() }
      return
    }
    do {
      try TerminalApp.checkTerminal(environment: environment)
    } catch {
      throw .usage(error.description + " (or use --ui line)")
    }
    let ending: TerminalApp.Ending
    do {
      // No --region and a locale that names no country we have (C.UTF-8 on servers, containers,
      // WSL): the international list, and the welcome screen asks where the person is.
      let guessed = region == nil && chosenRegion.code == "INTL"
      ending = try TerminalApp.run(
        session: session, region: chosenRegion, environment: environment, regions: directory.regions,
        regionWasGuessed: guessed)
    } catch {
      throw .usage(error.description + " (or use --ui line)")
    }
    let wording = Wording.forLanguage(chosen.language)
    switch ending {
    case .quit(let saved):
      Console.out(
        saved.isEmpty
          ? wording(.closedNothingSaved) + "\n" : wording(.closedSaved, ["paths": saved.joined(separator: ", ")]) + "\n"
      )
    case .interrupted:
      throw .interrupted
    }
  }
}

extension RunCommand {
  /// Whether the locale's character set is UTF-8, as setlocale would find it: the first of
  /// LC_ALL, LC_CTYPE and LANG that is set (none, "C" or "POSIX": ASCII).
  static func localeIsUTF8(_ environment: [String: String]) -> Bool {
    let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
    let plain = String(name.lowercased().filter { $0 != "-" && $0 != "_" })
    return plain.contains("utf8")
  }
}

/// Line mode's output: standard output, flushed at once so prompts show before input is read.
struct StandardOutput: LineWriting {
  mutating func write(_ text: String) {
    Console.out(text)
  }
}

extension ExportFormat {
  /// The format a file name suggests: `.csv`, `.json` (`.fhir.json`), else text.
  static func guess(from path: String) -> ExportFormat {
    let lower = path.lowercased()
    if lower.hasSuffix(".fhir.json") { return .fhir }
    if lower.hasSuffix(".json") { return .json }
    if lower.hasSuffix(".csv") { return .csv }
    return .text
  }
}

extension Screening {
  /// What a person reads when the questionnaire they ran cannot be used: in plain words, with the
  /// region's help resources.
  static func refusedForm(region: Region) -> String {
    ([
      "",
      "SelfScreen can't run this questionnaire: it has mistakes, listed above, that its author needs to fix. "
        + "Nothing was checked or saved. Please let whoever gave it to you know.",
      "If you need help now (\(region.name)):",
    ]
      + region.resources.map { "  - " + $0.summaryLine } + [""]).joined(separator: "\n")
  }
}
