import Foundation
import Testing

/// Terminal faults on a bare pseudo-terminal: after each, the terminal's own modes are restored,
/// the exit status is the documented one, and no core file is written.
@Suite(.serialized) struct RawTerminalTests {
  enum Fault: String, CaseIterable, Sendable {
    case quitKey, controlC, controlBackslash, sigint, sigterm, sighup, sigquit, crash
  }

  static func expectedStatus(_ fault: Fault) -> Int32 {
    switch fault {
    case .quitKey: return 0
    case .controlC, .sigint: return 130
    case .sigterm: return 143
    case .sighup: return 129
    case .sigquit, .controlBackslash: return 131
    case .crash: return 139
    }
  }

  @Test(arguments: Fault.allCases)
  func eachFaultRestoresTheTerminal(fault: Fault) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-raw-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let terminal = try RawTerminal(directory: folder.path)
    terminal.waitFor("Enter start")
    terminal.send("\r")
    terminal.waitForRedraw()
    terminal.send("3\r")
    terminal.waitForRedraw()
    // While the program runs, the terminal is in its raw mode.
    #expect(terminal.modes().canonical == false)
    switch fault {
    case .quitKey:
      terminal.send("q")
      terminal.waitForRedraw()
      terminal.send("y")
    case .controlC: terminal.send("\u{03}")
    case .controlBackslash: terminal.send("\u{1C}")
    case .sigint: kill(terminal.pid, SIGINT)
    case .sigterm: kill(terminal.pid, SIGTERM)
    case .sighup: kill(terminal.pid, SIGHUP)
    case .sigquit: kill(terminal.pid, SIGQUIT)
    // A crash: the guard's handler runs for a SIGSEGV however it comes, so no hook in the
    // program is needed to cause one.
    case .crash: kill(terminal.pid, SIGSEGV)
    }
    let exit = try #require(terminal.waitForExit())
    #expect(RawTerminal.shellStatus(exit.status) == Self.expectedStatus(fault))
    let modes = terminal.modes()
    #expect(modes.echo && modes.canonical, "echo \(modes.echo), canonical \(modes.canonical)")
    // Core dumps are off (the shell allowed them; the program turned them off).
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers.isEmpty, "left behind: \(leftovers)")
  }

  @Test func theTerminalClosingEndsTheProgramWithoutSpinning() throws {
    let terminal = try RawTerminal(keepOpen: false)
    terminal.waitFor("Enter start")
    terminal.send("\r")
    terminal.waitForRedraw()
    terminal.closeMaster()
    let exit = try #require(terminal.waitForExit(seconds: 5))
    #expect(RawTerminal.shellStatus(exit.status) == 129)
    #expect(exit.cpu < 1.0)
  }
}
