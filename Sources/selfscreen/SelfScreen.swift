import ArgumentParser
import CTerminalGuard
import ScreeningBundle
import ScreeningCore

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

      Run options (for `selfscreen` alone, or `selfscreen run`):
        --region <region>  US, UK, IE, CA, AU or INTL (default: from the locale)
        --ui <ui>          auto, tui (full screen) or line (numbered prompts)
        --answers <file>   start from a saved answers file
        --export <file>    with --answers: save a copy, no prompts (--format)
        --value-sets <file>
                           for a FHIR form: the value sets it names by URL
      """,
    version: "selfscreen 0.1.0",
    subcommands: [
      RunCommand.self, ListCommand.self, ValidateCommand.self, ScoreCommand.self, ConvertCommand.self,
      ResourcesCommand.self,
    ],
    defaultSubcommand: RunCommand.self
  )

  /// Runs the command line. The screening's usual starts skip ArgumentParser, whose reflection
  /// took about a third of the time to the first screen (docs/decisions/0004-argument-fast-path.md).
  static func main() {
    // Before any input is read, in every command: a crash must not leave answers in a core file.
    tg_disable_core_dumps()
    guard let screening = Screening(quickArguments: Array(CommandLine.arguments.dropFirst())) else {
      runParsed(Array(CommandLine.arguments.dropFirst()))
      return
    }
    do {
      try screening.run()
    } catch {
      // Not through ArgumentParser's exit(withError:): it would build its help text first, a
      // millisecond after Ctrl-C.
      error.exit()
    }
  }

  /// ArgumentParser's `main`, with its output through `Console` like everything else: help and
  /// version on standard output (exit 74 if that fails), errors on standard error as
  /// `selfscreen: message`, option values and unknown arguments escaped.
  static func runParsed(_ arguments: [String]) -> Never {
    if let first = arguments.first, let message = mistypedCommand(first) { Failure.usage(message).exit() }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch let failure as Failure {
      failure.exit()
    } catch {
      // ArgumentParser's own errors (a bad option, --help, --version), with its statuses.
      let status = exitCode(for: error).rawValue
      let message = fullMessage(for: error)
      if status == 0 {
        if !message.isEmpty { Console.out(message + "\n") }
      } else if !message.isEmpty {
        Console.error(Self.rendered(message, arguments: arguments))
      }
      Failure.end(status)
    }
    Failure.end(0)
  }

  /// The message for a first argument that is a near miss of a command name (`lsit`, `socre`)
  /// and neither a command, a bundled questionnaire nor a file path; nil otherwise.
  static func mistypedCommand(_ word: String) -> String? {
    let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
    guard !word.hasPrefix("-"), !word.contains("/"), !word.contains("."), !commands.contains(word),
      !CompiledBundle.questionnaireIDs.contains(word), let command = Suggestion.closest(word, in: commands)
    else { return nil }
    return "'\(TextSafety.visible(word))' is not a command or a bundled questionnaire; did you mean "
      + "'selfscreen \(command)'? (selfscreen --help lists the commands)"
  }

  /// An ArgumentParser error message in SelfScreen's form: `selfscreen: ` instead of `Error: `,
  /// and every argument (or option value) that holds a line break or other unsafe character
  /// shown escaped, so an argument cannot forge a line (`Console` keeps the message's own line
  /// breaks and escapes the rest).
  static func rendered(_ message: String, arguments: [String]) -> String {
    var text = message
    if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
    if !text.hasPrefix("selfscreen: ") { text = "selfscreen: " + text }
    var pieces = Set<String>()
    for argument in arguments where TextSafety.firstUnsafe(in: argument, allowingNewlines: false) != nil {
      pieces.insert(argument)
      if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
        pieces.insert(String(argument[..<equals]))
        pieces.insert(String(argument[argument.index(after: equals)...]))
      }
    }
    for piece in pieces.sorted(by: { $0.count > $1.count }) where !piece.isEmpty {
      text = text.replacing(piece, with: TextSafety.visible(piece))
    }
    return text.hasSuffix("\n") ? text : text + "\n"
  }
}
