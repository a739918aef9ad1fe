import CTerminalGuard
import ScreeningCore

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the full-screen screening in the terminal until the person leaves.
public enum TerminalApp {
  /// How the screening ended.
  public enum Ending: Sendable, Equatable {
    /// The person left with q (after confirming); the files saved on the way.
    case quit(saved: [String])
    /// Ctrl-C: exit status 130.
    case interrupted
  }

  /// Why the full-screen screening cannot run here.
  public struct Unavailable: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Checks that stdin and stdout are a terminal that can draw screens.
  public static func checkTerminal(environment: [String: String]) throws(Unavailable) {
    guard isatty(0) == 1, isatty(1) == 1 else {
      throw Unavailable(
        description: "the screening needs a terminal, but standard \(isatty(0) == 1 ? "output" : "input") "
          + "is not one; run selfscreen in a terminal window")
    }
    let term = environment["TERM"] ?? ""
    if term.isEmpty || term == "dumb" {
      throw Unavailable(
        description: "this terminal (TERM=\(term.isEmpty ? "unset" : term)) cannot draw screens; "
          + "set TERM, for example TERM=xterm-256color")
    }
  }

  /// Runs the screening. Terminating signals restore the terminal and re-raise (never returns).
  public static func run(
    session: ScreeningSession, region: Region, environment: [String: String], regions: [Region] = [],
    regionWasGuessed: Bool = false
  ) throws(Unavailable) -> Ending {
    try checkTerminal(environment: environment)
    tg_disable_core_dumps()
    let terminal: TerminalScreen
    do {
      terminal = try TerminalScreen(environment: environment)
    } catch {
      throw Unavailable(description: error.message)
    }
    let writer = SafeFileWriter()
    var state = AppState(
      session: session, region: region, size: terminal.size, started: .now(),
      exportFolder: writer.currentDirectory, regions: regions, regionWasGuessed: regionWasGuessed)
    // A frame is drawn after each change only: an idle screen (a read that times out) costs nothing.
    var changed = true
    var effect: AppState.Effect?
    while true {
      let signal = tg_pending_signal()
      if signal != 0 {
        terminal.end()
        tg_reraise(signal)
      }
      switch effect {
      case .end(let outcome)?:
        terminal.end()
        return outcome == .quit ? .quit(saved: state.savedPaths) : .interrupted
      case .write(let request)?:
        do {
          let bytes = try Exporter(
            questionnaire: state.questionnaire, answers: state.session.answers, region: region, created: .now()
          ).encode(request.format)
          let path = ExportPath.resolve(
            request.path,
            defaultName: request.format.defaultFileName(questionnaireID: state.questionnaire.id, on: state.started),
            home: environment["HOME"], isFolder: SystemCalls().isFolder)
          state.exportFinished(.success(try writer.write(bytes, to: path, replacing: request.replacing)))
        } catch {
          state.exportFinished(.failure(error))
        }
        changed = true
      case nil:
        break
      }
      effect = nil
      if changed { terminal.paint(Renderer.render(state, symbols: terminal.symbols)) }
      changed = true
      switch terminal.read() {
      case .key(let key): effect = state.update(with: key, layout: Renderer.layout(for: state))
      case .resize(let size): state.resize(to: size)
      case .suspend: terminal.suspend()
      case .quitSignal:
        terminal.end()
        tg_reraise(SIGQUIT)
      case .hangup:
        terminal.end()
        tg_reraise(SIGHUP)
      case .none: changed = false
      }
    }
  }
}
