import ScreeningCore

/// Everything the screens show, as a value: the session plus where the person is on screen.
///
/// `update(with:layout:)` turns a key into the next state and any effect for the terminal loop
/// to carry out (write a file, end); `Renderer` turns a state and a size into a frame, and works
/// out the layout each key is given. Neither touches the terminal, so both are tested with
/// scripted keys. The jobs live apart: questions (`AppState+Questions`), the review and result
/// (`AppState+Review`), the export dialog (`ExportDialog`), typed text (`TextField`).
public struct AppState: Sendable {
  /// The main screens, in the order a person meets them.
  public enum Screen: Sendable, Hashable {
    case welcome
    case question
    /// Shown right after an answer raised red flags, before going on.
    case redFlag([RedFlag])
    case review
    case results
  }

  /// Screens shown over the current one; Esc closes them.
  public enum Overlay: Sendable, Hashable {
    case resources
    case keyHelp
    case quitConfirm
    /// Saving a copy of the answers (from the results screen).
    case export
    /// Choosing the region whose help resources are shown (c on the welcome or help screen).
    case regionPicker
  }

  /// A file the terminal loop should write now, then report back with `exportFinished`.
  public typealias ExportRequest = ExportDialog.Request

  /// What the terminal loop must do after a key.
  public enum Effect: Sendable, Hashable {
    /// Write this file now, then call `exportFinished` with how it went.
    case write(ExportRequest)
    /// Stop the program.
    case end(Outcome)
  }

  /// Why the program should stop.
  public enum Outcome: Sendable, Hashable {
    /// The person chose to leave (after confirming).
    case quit
    /// Ctrl-C: leave at once, write nothing.
    case interrupted
  }

  public internal(set) var session: ScreeningSession
  public internal(set) var screen: Screen = .welcome
  public internal(set) var overlay: Overlay?
  public internal(set) var outcome: Outcome?
  /// Whose help resources are shown: changed with the region picker, for this run only.
  public internal(set) var region: Region
  /// Every region the person can choose from.
  public let regions: [Region]
  /// The region was not given (`--region`) and the locale named no country: the welcome screen
  /// asks where the person is, until they choose.
  public internal(set) var regionWasGuessed: Bool
  /// There is more than one region to choose from (c opens the picker).
  public var canChooseRegion: Bool { regions.count > 1 }
  /// The last known terminal size (scroll limits depend on it).
  public internal(set) var size: TerminalSize

  /// Highlighted option (question), row (review).
  public internal(set) var highlight = 0
  /// On an unanswered choice question nothing is highlighted until the person moves (an arrow or a
  /// digit), so Enter pressed again and again never answers on their behalf.
  public internal(set) var isHighlightShown = true
  /// First visible body line of scrolling screens (red flag, results) and of overlays.
  public internal(set) var scroll = 0
  public internal(set) var overlayScroll = 0
  /// On a question: the person scrolled with PgUp / PgDn, so the view no longer follows the
  /// highlight (arrow keys make it follow again).
  public internal(set) var manualScroll = false
  /// Multiple choice: the options ticked so far on this question.
  public internal(set) var ticked: [String] = []
  /// Number, date and text questions: what has been typed, and where the cursor is in it.
  public internal(set) var field = TextField()
  public var input: String { field.text }
  /// A text field's Esc: the next key is a command (r, ?, q, b), not text.
  public internal(set) var commandPending = false
  /// A one-line message for the person, cleared by the next key.
  public internal(set) var notice: String?
  /// The result, once the screening is finished.
  public internal(set) var result: ScreeningResult?
  public internal(set) var exportDialog = ExportDialog()
  /// The question being changed from the review, to come back to its row.
  var changingFromReview: String?
  /// Full paths of the files saved in this run.
  public internal(set) var savedPaths: [String] = []
  /// When this run started (names the default export file) and the folder it is saved in.
  public let started: Timestamp
  public let exportFolder: String

  public init(
    session: ScreeningSession, region: Region, size: TerminalSize, started: Timestamp = .now(),
    exportFolder: String = ".", regions: [Region] = [], regionWasGuessed: Bool = false
  ) {
    self.session = session
    self.wording = Wording.forLanguage(session.questionnaire.language)
    // The help listed is the help for what the questionnaire is about (no drug services with a
    // skin form), whichever region is chosen.
    let topic = session.questionnaire.topic
    self.region = region.about(topic)
    self.regions = (regions.isEmpty ? [region] : regions).map { $0.about(topic) }
    self.regionWasGuessed = regionWasGuessed
    self.size = size
    self.started = started
    self.exportFolder = exportFolder
  }

  /// How writing the requested file went: the full path, or why not.
  public mutating func exportFinished(_ outcome: Result<String, WriteError>) {
    if case .success(let path) = outcome { savedPaths.append(path) }
    exportDialog.finished(outcome, wording: wording)
  }

  public var questionnaire: Questionnaire { session.questionnaire }

  /// The words of the screens, in the questionnaire's language (English when there is none).
  public let wording: Wording

  // MARK: Update

  /// The terminal changed size. Scroll offsets past the new end are brought back by the next
  /// scrolling key (and never drawn past it).
  public mutating func resize(to size: TerminalSize) {
    self.size = size
  }

  /// Applies one key, given the layout of the screen as it is now; returns what the terminal
  /// loop must do, if anything.
  @discardableResult
  public mutating func update(with key: Key, layout: Layout) -> Effect? {
    if key == .interrupt {
      outcome = .interrupted
      return .end(.interrupted)
    }
    notice = nil
    if let overlay {
      return updateOverlay(overlay, key, layout: layout)
    }
    var key = key
    if commandPending {
      commandPending = false
      if case .character = key {} else if key == .escape { return nil }
    } else if screen == .question, let question = session.currentQuestion, !question.type.hasOptions {
      // A typed answer: its field says which characters go in; the rest may be command keys.
      let typed: Character? = key == .space ? " " : { if case .character(let c) = key { c } else { nil } }()
      if let typed {
        switch AnswerField(question, wording: wording).keystroke(typed, into: input, at: field.cursor) {
        case .insert(let character):
          field.insert(character)
          return nil
        case .refuse(let reason):
          notice = reason
          return nil
        case .notText:
          break
        }
      }
    }
    if key == .escape, screen == .question, session.currentQuestion?.type.takesFreeText == true {
      commandPending = true
      notice = wording(.noticeTextCommands)
      return nil
    }
    if case .character(let character) = key, let command = Self.command(for: character) {
      switch command {
      case .resources: open(.resources)
      case .keyHelp: open(.keyHelp)
      case .quit: open(.quitConfirm)
      case .back: key = .left
      }
      if command != .back { return nil }
    }
    switch screen {
    case .welcome: updateWelcome(key)
    case .question: updateQuestion(key, layout: layout)
    case .redFlag: updateRedFlag(key, layout: layout)
    case .review: updateReview(key)
    case .results: updateResults(key, layout: layout)
    }
    return nil
  }

  private enum Command { case resources, keyHelp, quit, back }

  private static func command(for character: Character) -> Command? {
    switch character {
    case "r", "R": return .resources
    case "?": return .keyHelp
    case "q", "Q": return .quit
    case "b", "B": return .back
    default: return nil
    }
  }

  mutating func open(_ overlay: Overlay) {
    self.overlay = overlay
    overlayScroll = 0
  }

  private mutating func updateOverlay(_ overlay: Overlay, _ key: Key, layout: Layout) -> Effect? {
    switch overlay {
    case .export:
      let defaultFolder = exportFolder
      let (questionnaireID, started) = (questionnaire.id, started)
      switch exportDialog.update(
        key, wording: wording,
        defaultPath: { format in
          let name = format.defaultFileName(questionnaireID: questionnaireID, on: started)
          return defaultFolder == "." ? name : defaultFolder + "/" + name
        })
      {
      case .close?: self.overlay = nil
      case .write(let request)?: return .write(request)
      case nil: break
      }
    case .quitConfirm:
      switch key {
      case .character("y"), .character("Y"), .character("q"), .character("Q"):
        outcome = .quit
        return .end(.quit)
      case .character("n"), .character("N"), .escape, .enter, .space, .left, .backspace: self.overlay = nil
      default: notice = wording(.noticeLeaveOrStay)
      }
    case .regionPicker:
      switch key {
      case .character(let character)
      where character.wholeNumberValue.map { (1...regions.count).contains($0) } == true:
        region = regions[character.wholeNumberValue! - 1]
        regionWasGuessed = false
        open(.resources)
      case .escape, .left, .backspace, .character("c"), .character("C"): open(.resources)
      case .character("q"), .character("Q"): open(.quitConfirm)
      default: notice = wording(.noticeRegionNumber, ["region": region.name])
      }
    case .resources, .keyHelp:
      switch key {
      case .character(let character) where "cC".contains(character) && overlay == .resources && canChooseRegion:
        open(.regionPicker)
      case .escape, .enter, .left, .backspace, .character("b"), .character("B"): self.overlay = nil
      case .character("r") where overlay == .resources: self.overlay = nil
      case .character("?") where overlay == .keyHelp: self.overlay = nil
      case .character("r"): open(.resources)
      case .character("?"): open(.keyHelp)
      case .character("q"), .character("Q"): open(.quitConfirm)
      default: overlayScroll = scrolled(overlayScroll, by: key, layout: layout)
      }
    }
    return nil
  }

  private mutating func updateWelcome(_ key: Key) {
    switch key {
    case .character(let character) where "cC".contains(character) && canChooseRegion:
      open(.regionPicker)
    case .enter, .space, .right:
      screen = .question
      if session.position == .review {
        screen = .review
        highlight = 0
      } else {
        arriveAtQuestion()
      }
    default:
      break
    }
  }

  // MARK: Scrolling

  /// A scrolling key applied to `offset` (first brought back within the view, which a resize
  /// may have shortened).
  func scrolled(_ offset: Int, by key: Key, layout: Layout) -> Int {
    let maximum = layout.maximumScroll
    let offset = min(max(0, offset), maximum)
    // Two lines of overlap: the "more" markers cover one line at each end.
    let page = max(1, layout.bodyHeight - 2)
    let next: Int
    switch key {
    case .up, .character("k"): next = offset - 1
    case .down, .character("j"), .space: next = offset + 1
    case .pageUp: next = offset - page
    case .pageDown: next = offset + page
    case .home: next = 0
    case .end: next = maximum
    default: return offset
    }
    return min(max(0, next), maximum)
  }
}
