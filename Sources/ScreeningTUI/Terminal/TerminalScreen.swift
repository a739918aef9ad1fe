import CNcurses
import CTerminalGuard
import ScreeningCore

#if canImport(Glibc)
  import Glibc
#endif

/// The one place that talks to ncurses: starts and ends the screen, reads keys, paints frames.
final class TerminalScreen {
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let utf8: Bool
  private let colours: Bool
  private var lastFrame: Frame?

  /// Why the terminal could not be used.
  struct StartError: Error {
    var message: String
  }

  /// Starts ncurses on the controlling terminal (stdin / stdout).
  init(environment: [String: String]) throws(StartError) {
    // The character set is all the screens need from the locale (LC_CTYPE: UTF-8 or not, and
    // character widths); loading every category read a dozen more files at each start.
    setlocale(LC_CTYPE, "")
    utf8 = String(cString: nl_langinfo(nl_item(CODESET))).uppercased().replacingUTF8Dash() == "UTF8"
    tg_save_modes()
    // The window's real size always wins: exported LINES / COLUMNS would otherwise freeze it
    // (and use_env(false) would take the size from terminfo instead of the window).
    use_env(true)
    use_tioctl(true)
    guard let screen = newterm(nil, cn_stdout(), cn_stdin()) else {
      let name = environment["TERM"] ?? ""
      throw StartError(
        message: "the terminal type '\(TextSafety.visible(name))' is not known here, so the screens cannot be drawn; "
          + "try TERM=xterm-256color")
    }
    self.screen = screen
    guard let window = cn_stdscr() else {
      endwin()
      delscreen(screen)
      throw StartError(message: "the terminal could not be set up")
    }
    self.window = window
    tg_install(Self.restoreSequence())
    raw()  // Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys: each is handled here, cleanly
    noecho()
    nonl()
    keypad(window, true)
    if environment["ESCDELAY"] == nil { set_escdelay(25) }
    wtimeout(window, Self.readTimeout)
    let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
    if !noColour && has_colors() {
      start_color()
      use_default_colors()
      init_pair(1, Int16(COLOR_RED), -1)
      init_pair(2, Int16(COLOR_CYAN), -1)
      init_pair(3, Int16(COLOR_GREEN), -1)
      colours = true
    } else {
      colours = false
    }
  }

  /// What ncurses would send to give the terminal back, for the crash guard.
  private static func restoreSequence() -> String {
    var sequence = ""
    for name in ["sgr0", "clear", "rmcup", "cnorm"] {
      guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { continue }
      sequence += String(cString: value)
    }
    return sequence
  }

  var symbols: Symbols { utf8 ? .unicode : .ascii }

  var size: TerminalSize { TerminalSize(columns: Int(cn_cols()), rows: Int(cn_lines())) }

  // MARK: Input

  /// What a read from the terminal produced.
  enum Input {
    case key(Key)
    case resize(TerminalSize)
    case suspend
    /// Ctrl-\ : leave as SIGQUIT would.
    case quitSignal
    /// Nothing within the timeout (or a signal interrupted the wait).
    case none
    /// The terminal went away.
    case hangup
  }

  private var quickFailures = 0
  /// How long a read waits for a key before the loop looks at signals and the clock (ms).
  private static let readTimeout: Int32 = 250

  func read() -> Input {
    let started = Self.now()
    // Bytes, decoded here rather than by wget_wch: ncurses throws away the bytes it was holding
    // when one is not valid UTF-8 (a pasted stray byte cost the characters typed after it), and
    // reports the bad byte as a failed read, which looked like a terminal gone away.
    let code = wgetch(window)
    if code == ERR {
      let error = errno
      // A read that fails at once, over and over, means the terminal is gone.
      if Self.now() - started < 0.05 && error != EINTR {
        quickFailures += 1
        if quickFailures >= 3 || Self.terminalIsGone() { return .hangup }
      } else {
        quickFailures = 0
      }
      return .none
    }
    quickFailures = 0
    if code >= KEY_MIN {
      switch code {
      case KEY_UP: return .key(.up)
      case KEY_DOWN: return .key(.down)
      case KEY_LEFT: return .key(.left)
      case KEY_RIGHT: return .key(.right)
      case KEY_PPAGE: return .key(.pageUp)
      case KEY_NPAGE: return .key(.pageDown)
      case KEY_HOME: return .key(.home)
      case KEY_END: return .key(.end)
      case KEY_BTAB: return .key(.backTab)
      case KEY_BACKSPACE: return .key(.backspace)
      case KEY_DC: return .key(.delete)
      case KEY_ENTER: return .key(.enter)
      case KEY_RESIZE: return .resize(size)
      default: return .none
      }
    }
    switch code {
    case 3: return .key(.interrupt)
    case 26: return .suspend
    case 28: return .quitSignal
    case 27: return .key(.escape)
    case 10, 13: return .key(.enter)
    case 9: return .key(.tab)
    case 8, 127: return .key(.backspace)
    case 32: return .key(.space)
    case 1...26:
      // The rest of Ctrl-A to Ctrl-Z: text-field editing (Ctrl-A, E, U, W, K, D).
      return .key(.control(Character(Unicode.Scalar(UInt8(code) + 0x60))))
    default:
      guard let scalar = code < 0x80 ? Unicode.Scalar(UInt8(code)) : readScalar(startingWith: UInt8(code)),
        !TextSafety.isUnsafe(scalar)
      else { return .none }
      return .key(.character(Character(scalar)))
    }
  }

  /// The rest of a UTF-8 sequence after its first byte, or nil for an invalid sequence. A byte
  /// that does not continue the sequence is left to be read next, so only the bad bytes are lost.
  private func readScalar(startingWith first: UInt8) -> Unicode.Scalar? {
    let (count, lowest): (Int, UInt32)
    switch first {
    case 0xC2...0xDF: (count, lowest) = (1, 0x80)
    case 0xE0...0xEF: (count, lowest) = (2, 0x800)
    case 0xF0...0xF4: (count, lowest) = (3, 0x10000)
    default: return nil  // a stray continuation byte, or a lead byte UTF-8 never uses
    }
    var value = UInt32(first) & (0x3F >> UInt32(count))
    // The rest of a character arrives with its first byte; a short wait covers a slow link.
    wtimeout(window, 50)
    defer { wtimeout(window, Self.readTimeout) }
    for _ in 0..<count {
      let next = wgetch(window)
      guard next != ERR else { return nil }
      guard next < 0x100, next & 0xC0 == 0x80 else {
        ungetch(next)
        return nil
      }
      value = value << 6 | UInt32(next & 0x3F)
    }
    guard value >= lowest else { return nil }  // an over-long form
    return Unicode.Scalar(value)  // nil for surrogates and values past U+10FFFF
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  private static func terminalIsGone() -> Bool {
    var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, 0) >= 0 else { return true }
    return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
  }

  // MARK: Output

  /// Paints a frame; ncurses sends only the cells that changed since the last one.
  func paint(_ frame: Frame) {
    if frame == lastFrame { return }
    lastFrame = frame
    werase(window)
    for (row, line) in frame.lines.enumerated() {
      wmove(window, Int32(row), 0)
      for span in line.spans {
        let (attributes, pair) = style(span.style)
        var text = Array(
          (utf8 ? span.text : TextSafety.asciiFallback(span.text)).unicodeScalars.map { wchar_t(bitPattern: $0.value) })
        text.append(0)
        _ = cn_draw(window, text, Int32(text.count - 1), attributes, pair)
      }
    }
    if let cursor = frame.cursor {
      wmove(window, Int32(cursor.row), Int32(cursor.column))
      curs_set(1)
    } else {
      curs_set(0)
    }
    wrefresh(window)
  }

  /// Forces a full repaint (after the terminal was suspended or disturbed).
  func invalidate() {
    lastFrame = nil
    clearok(cn_curscr(), true)
  }

  private func style(_ style: TextStyle) -> (attr_t, Int16) {
    switch style {
    case .normal: return (cn_a_normal(), 0)
    case .bold: return (cn_a_bold(), 0)
    case .dim: return (colours ? cn_a_dim() : cn_a_normal(), 0)
    case .focus, .bar: return (cn_a_reverse(), 0)
    case .urgent: return colours ? (cn_a_bold(), 1) : (cn_a_bold() | cn_a_underline(), 0)
    case .heading: return colours ? (cn_a_bold(), 2) : (cn_a_bold(), 0)
    case .filled: return colours ? (cn_a_normal(), 3) : (cn_a_normal(), 0)
    }
  }

  // MARK: Ending

  /// Clears the screen and gives the terminal back, as it was before.
  func end() {
    werase(window)
    wrefresh(window)
    endwin()
    delscreen(screen)
    tg_restore_modes()
    tg_uninstall()
  }

  /// Gives the terminal back while the process is stopped (Ctrl-Z), then takes it again.
  func suspend() {
    endwin()
    tg_restore_modes()
    tg_suspend()
    invalidate()
    wrefresh(window)
  }
}

extension String {
  fileprivate func replacingUTF8Dash() -> String {
    filter { $0 != "-" }
  }
}
