import ArgumentParser
import CTerminalGuard

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `selfscreen` command: a private self-check about ketamine use, in the terminal.
@main
struct SelfScreen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selfscreen",
    abstract: "A private self-check about ketamine use. Not a diagnosis.",
    discussion: """
      Nothing is stored or sent anywhere unless you export it. In an emergency, call your local \
      emergency number (for example 911, 999, 112 or 000).
      """,
    version: "selfscreen 0.1.0",
    subcommands: [
      RunCommand.self, ListCommand.self, ValidateCommand.self, ScoreCommand.self, ConvertCommand.self,
      ResourcesCommand.self,
    ],
    defaultSubcommand: RunCommand.self
  )

  /// Runs the command line. The screening's usual starts skip ArgumentParser, whose reflection
  /// took about a third of the time to the first screen (README, "Performance").
  static func main() {
    // Before any input is read, in every command: a crash must not leave answers in a core file.
    tg_disable_core_dumps()
    guard let screening = Screening(quickArguments: Array(CommandLine.arguments.dropFirst())) else {
      main(nil)
      return
    }
    do {
      try screening.run()
    } catch {
      // The message is already printed; ArgumentParser's exit(withError:) would build its help
      // text first, a millisecond after Ctrl-C.
      #if canImport(Glibc)
        Glibc.exit(error.rawValue)
      #else
        Darwin.exit(error.rawValue)
      #endif
    }
  }
}
