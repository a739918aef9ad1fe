import ArgumentParser
import Foundation
import ScreeningCore
import ScreeningTUI

/// `selfscreen [run] [QUESTIONNAIRE]`: the full-screen screening.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Start the screening in the terminal (the default).",
    discussion: """
      Keys: arrows or j/k move, Enter chooses, Left or b goes back, r shows help resources, \
      ? lists the keys, q leaves. Ctrl-C leaves at once. Nothing is saved.
      """)

  @Argument(help: "A bundled questionnaire id or a questionnaire file.")
  var questionnaire: String = "ketamine"

  @Option(help: "US, UK, IE, CA, AU or INTL for the help resources (default: from the locale).")
  var region: String?

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let chosen = try Catalog.questionnaire(questionnaire)
    let directory = try Catalog.helpDirectory()
    let chosenRegion = try Catalog.region(region, in: directory)
    do {
      try TerminalApp.checkTerminal(environment: environment)
    } catch {
      Console.complain(error.description)
      throw Exit.usage
    }
    let ending: TerminalApp.Ending
    do {
      ending = try TerminalApp.run(
        session: ScreeningSession(questionnaire: chosen), region: chosenRegion, environment: environment)
    } catch {
      Console.complain(error.description)
      throw Exit.usage
    }
    switch ending {
    case .quit:
      Console.out("SelfScreen closed. Nothing was saved.\n")
    case .interrupted:
      throw Exit.interrupted
    }
  }
}
