import ScreeningCore

/// Everything the screens show, as a value: the session plus where the person is on screen.
///
/// `update(with:)` turns a key into the next state; `Renderer` turns a state and a size into a
/// frame. Neither touches the terminal, so both are tested with scripted keys.
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

  /// The export dialog: pick a format, edit the path, confirm replacing, see where it went.
  public struct ExportDialog: Sendable, Hashable {
    public enum Step: Sendable, Hashable { case format, path, confirmReplace, done }
    public var step: Step = .format
    public var formatIndex = 0
    /// The file name being edited.
    public var pathField = TextField()
    public var path: String { pathField.text }
    /// What happened last, in words (saved, or why not).
    public var message: String?
    public var isError = false

    public var format: ExportFormat { ExportFormat.allCases[formatIndex] }
  }

  /// A file the terminal loop should write now, then report back with `exportFinished`.
  public struct ExportRequest: Sendable, Hashable {
    public var format: ExportFormat
    public var path: String
    public var replacing: Bool
  }

  /// Why the program should stop.
  public enum Outcome: Sendable, Hashable {
    /// The person chose to leave (after confirming).
    case quit
    /// Ctrl-C: leave at once, write nothing.
    case interrupted
  }

  public private(set) var session: ScreeningSession
  public private(set) var screen: Screen = .welcome
  public private(set) var overlay: Overlay?
  public private(set) var outcome: Outcome?
  /// Whose help resources are shown: changed with the region picker, for this run only.
  public private(set) var region: Region
  /// Every region the person can choose from.
  public let regions: [Region]
  /// The region was not given (`--region`) and the locale named no country: the welcome screen
  /// asks where the person is, until they choose.
  public private(set) var regionWasGuessed: Bool
  /// There is more than one region to choose from (c opens the picker).
  public var canChooseRegion: Bool { regions.count > 1 }
  /// The last known terminal size (scroll limits depend on it).
  public private(set) var size: TerminalSize

  /// Highlighted option (question), row (review).
  public private(set) var highlight = 0
  /// On an unanswered choice question nothing is highlighted until the person moves (an arrow or a
  /// digit), so Enter pressed again and again never answers on their behalf.
  public private(set) var isHighlightShown = true
  /// First visible body line of scrolling screens (red flag, results) and of overlays.
  public private(set) var scroll = 0
  public private(set) var overlayScroll = 0
  /// On a question: the person scrolled with PgUp / PgDn, so the view no longer follows the
  /// highlight (arrow keys make it follow again).
  public private(set) var manualScroll = false
  /// Multiple choice: the options ticked so far on this question.
  public private(set) var ticked: [String] = []
  /// Number, date and text questions: what has been typed, and where the cursor is in it.
  public private(set) var field = TextField()
  public var input: String { field.text }
  /// A text field's Esc: the next key is a command (r, ?, q, b), not text.
  public private(set) var commandPending = false
  /// A one-line message for the person, cleared by the next key.
  public private(set) var notice: String?
  /// The result, once the screening is finished.
  public private(set) var result: ScreeningResult?
  public private(set) var exportDialog = ExportDialog()
  public private(set) var pendingExport: ExportRequest?
  /// The question being changed from the review, to come back to its row.
  private var changingFromReview: String?
  /// Full paths of the files saved in this run.
  public private(set) var savedPaths: [String] = []
  /// When this run started (names the default export file) and the folder it is saved in.
  public let started: Timestamp
  public let exportFolder: String

  public init(
    session: ScreeningSession, region: Region, size: TerminalSize, started: Timestamp = .now(),
    exportFolder: String = ".", regions: [Region] = [], regionWasGuessed: Bool = false
  ) {
    self.session = session
    self.region = region
    self.regions = regions.isEmpty ? [region] : regions
    self.regionWasGuessed = regionWasGuessed
    self.size = size
    self.started = started
    self.exportFolder = exportFolder
  }

  /// Takes the file to write, if one was asked for.
  public mutating func takeExportRequest() -> ExportRequest? {
    defer { pendingExport = nil }
    return pendingExport
  }

  /// How writing the requested file went: the full path, or why not.
  public mutating func exportFinished(_ outcome: Result<String, WriteError>) {
    switch outcome {
    case .success(let path):
      savedPaths.append(path)
      exportDialog.step = .done
      exportDialog.message = "Saved to \(path) (readable only by you)."
      exportDialog.isError = false
    case .failure(let error) where error.kind == .exists:
      exportDialog.step = .confirmReplace
      exportDialog.message = "\(error.path) already exists. Replace it?"
      exportDialog.isError = false
    case .failure(let error):
      exportDialog.step = .path
      exportDialog.message = "Could not save: \(error.reason). Your answers are kept; change the name and try again."
      exportDialog.isError = true
    }
  }

  private func defaultExportPath(_ format: ExportFormat) -> String {
    let name = format.defaultFileName(questionnaireID: questionnaire.id, on: started)
    return exportFolder == "." ? name : exportFolder + "/" + name
  }

  public var questionnaire: Questionnaire { session.questionnaire }

  // MARK: Update

  /// The terminal changed size.
  public mutating func resize(to size: TerminalSize) {
    self.size = size
    clampScroll()
  }

  /// Applies one key.
  public mutating func update(with key: Key) {
    if key == .interrupt {
      outcome = .interrupted
      return
    }
    notice = nil
    if let overlay {
      updateOverlay(overlay, key)
      return
    }
    var key = key
    if commandPending {
      commandPending = false
      if case .character = key {} else if key == .escape { return }
    } else if screen == .question, let question = session.currentQuestion, !question.type.hasOptions {
      // A typed answer: its field says which characters go in; the rest may be command keys.
      let typed: Character? = key == .space ? " " : { if case .character(let c) = key { c } else { nil } }()
      if let typed {
        switch AnswerField(question).keystroke(typed, into: input, at: field.cursor) {
        case .insert(let character):
          field.insert(character)
          return
        case .refuse(let reason):
          notice = reason
          return
        case .notText:
          break
        }
      }
    }
    if key == .escape, screen == .question, session.currentQuestion?.type == .text {
      commandPending = true
      notice = "Press r for help resources, ? for keys, q to quit, b to go back"
      return
    }
    if case .character(let character) = key, let command = Self.command(for: character) {
      switch command {
      case .resources: open(.resources)
      case .keyHelp: open(.keyHelp)
      case .quit: open(.quitConfirm)
      case .back: key = .left
      }
      if command != .back { return }
    }
    switch screen {
    case .welcome: updateWelcome(key)
    case .question: updateQuestion(key)
    case .redFlag: updateRedFlag(key)
    case .review: updateReview(key)
    case .results: updateResults(key)
    }
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

  private mutating func open(_ overlay: Overlay) {
    self.overlay = overlay
    overlayScroll = 0
  }

  private mutating func updateOverlay(_ overlay: Overlay, _ key: Key) {
    switch overlay {
    case .export:
      updateExport(key)
    case .quitConfirm:
      switch key {
      case .character("y"), .character("Y"), .character("q"), .character("Q"): outcome = .quit
      case .character("n"), .character("N"), .escape, .enter, .space, .left, .backspace: self.overlay = nil
      default: notice = "Press y to leave, or n to stay"
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
      default: notice = "Type the number of your region, or Esc to keep \(region.name)"
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
      default: overlayScroll = scrolled(overlayScroll, by: key, maximum: Renderer.maximumScroll(self))
      }
    }
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

  // MARK: Questions

  /// Sets up the highlight and input for the current question from its answer.
  private mutating func arriveAtQuestion() {
    guard let question = session.currentQuestion else { return }
    let answer = session.answer(for: question.id)
    highlight = 0
    isHighlightShown = answer != nil || !question.type.hasOptions
    ticked = []
    field = TextField(AnswerField(question).text(for: answer))
    commandPending = false
    switch answer {
    case .choice(let code)?: highlight = question.options.firstIndex { $0.code == code } ?? 0
    case .choices(let codes)?:
      ticked = codes
      highlight = codes.first.flatMap { code in question.options.firstIndex { $0.code == code } } ?? 0
    case .number?, .decimal?, .text?, nil: break
    }
    scroll = 0
    manualScroll = false
  }

  private mutating func updateQuestion(_ key: Key) {
    guard let question = session.currentQuestion else { return }
    if !question.type.hasOptions, editField(with: key) { return }
    switch key {
    case .left, .backTab, .backspace:
      goBack()
    case .pageUp, .pageDown:
      let base = manualScroll ? scroll : Renderer.followingOffset(self)
      manualScroll = true
      scroll = scrolled(base, by: key, maximum: Renderer.maximumScroll(self))
    case .up, .down, .home, .end:
      guard question.type.hasOptions else { return }
      move(key, in: question)
    case .character(let character) where character.isASCII && character.isNumber:
      if let number = character.wholeNumberValue, number >= 1, number <= question.options.count {
        highlight = number - 1
        isHighlightShown = true
        manualScroll = false
        if question.type == .multiple { toggle(question.options[highlight], in: question) }
      }
    case .character("k") where question.type.hasOptions:
      move(.up, in: question)
    case .character("j") where question.type.hasOptions:
      move(.down, in: question)
    case .space:
      if question.type == .multiple {
        if isHighlightShown {
          toggle(question.options[highlight], in: question)
        } else {
          notice = "Move to an option with ↑↓ or its number first, then press Space to tick it"
        }
      } else if question.type.hasOptions {
        choose(question)
      }
    case .enter:
      choose(question)
    case .right, .tab:
      goOn(from: question, key: key)
    default:
      break
    }
  }

  /// Arrow keys, Home/End and j/k on the options. The first move on an unanswered question shows
  /// the highlight (Down and Home on the first option, Up and End on the last).
  private mutating func move(_ key: Key, in question: Question) {
    manualScroll = false
    let last = question.options.count - 1
    guard isHighlightShown else {
      isHighlightShown = true
      highlight = key == .up || key == .end ? last : 0
      return
    }
    switch key {
    case .up: highlight = max(0, highlight - 1)
    case .down: highlight = min(last, highlight + 1)
    case .home: highlight = 0
    default: highlight = last
    }
  }

  /// Right and Tab: the next question when this one is answered or optional. They never choose:
  /// the highlighted option is not recorded. Tab in a typed field goes on with what was typed, as
  /// Enter does; Right there stays in the field.
  private mutating func goOn(from question: Question, key: Key) {
    switch question.type {
    case .single, .yesNo:
      if session.answer(for: question.id) != nil || !question.isRequired {
        advance()
      } else {
        notice = "Please choose an answer to go on (↑↓ or its number, then Enter)"
      }
    case .multiple:
      // Ticks are the person's own choices: going on keeps them, as Enter does.
      choose(question)
    case .number, .decimal, .text, .date:
      if key == .tab { choose(question) }
    }
  }

  private mutating func toggle(_ option: AnswerOption, in question: Question) {
    if let index = ticked.firstIndex(of: option.code) {
      ticked.remove(at: index)
    } else if option.isExclusive {
      ticked = [option.code]
    } else {
      ticked.removeAll { question.option($0)?.isExclusive == true }
      ticked.append(option.code)
    }
  }

  /// The editing keys of a typed field (cursor, Home/End, Backspace, Delete, Ctrl-A/E/U/W/K);
  /// false for keys that are not edits here. Backspace and ← held down stop at the start of the
  /// field: they must not run on into the question before and eat its answer. ← in an empty field
  /// goes back, as on every other question.
  private mutating func editField(with key: Key) -> Bool {
    guard let edit = TextField.edit(for: key) else { return false }
    if key == .left && field.isEmpty { return false }
    if !field.apply(edit) {
      switch edit {
      case .deleteBefore where field.isEmpty:
        notice = "The answer is empty. Press ← or Shift-Tab for the previous question"
      case .left, .deleteBefore:
        notice = "This is the start of your answer. Press Shift-Tab for the previous question"
      default: break
      }
    }
    return true
  }

  /// Records the answer on screen and goes on (through the red-flag screen when one is raised).
  private mutating func choose(_ question: Question) {
    let answer: Answer?
    switch question.type {
    case .single, .yesNo:
      answer = isHighlightShown ? .choice(question.options[highlight].code) : nil
    case .multiple:
      answer = ticked.isEmpty ? nil : .choices(ticked)
    case .number, .decimal, .text, .date:
      switch AnswerField(question).read(input) {
      case .empty: answer = nil
      case .answer(let typed): answer = typed
      case .invalid(let reason):
        notice = Self.sentence(reason)
        return
      }
    }
    guard let answer else {
      if question.isRequired {
        switch question.type {
        case .multiple:
          notice = "Choose at least one option with Space (or \"None of these\"), then press Enter"
        case .single, .yesNo:
          notice = "Choose an answer with ↑↓ or its number, then press Enter"
        default:
          notice = "Please answer to go on"
        }
        return
      }
      session.clearAnswer()
      advance()
      return
    }
    do {
      let raised = try session.answer(answer)
      if !raised.isEmpty {
        screen = .redFlag(raised)
        scroll = 0
        return
      }
      advance()
    } catch {
      if case .invalid(let problem) = error {
        notice = Self.sentence(problem.reason)
      } else {
        notice = Self.sentence(error.description)
      }
    }
  }

  private static func sentence(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  /// Goes to the next question, or to the review after the last.
  private mutating func advance() {
    do {
      try session.next()
    } catch {
      notice = Self.sentence(error.description)
      screen = .question
      return
    }
    if session.position == .review {
      screen = .review
      // Back from changing an answer: on the row that was changed; else on "See my results".
      let shown = session.shownQuestions
      highlight = changingFromReview.flatMap { id in shown.firstIndex { $0.id == id } } ?? shown.count
      changingFromReview = nil
      scroll = 0
    } else {
      screen = .question
      arriveAtQuestion()
    }
  }

  private mutating func goBack() {
    if session.back() {
      screen = .question
      arriveAtQuestion()
    } else {
      screen = .welcome
    }
  }

  // MARK: Red flags, review, results

  private mutating func updateRedFlag(_ key: Key) {
    switch key {
    case .enter, .space, .right, .tab:
      advance()
    case .left, .backspace, .backTab:
      screen = .question
      arriveAtQuestion()
    default:
      scroll = scrolled(scroll, by: key, maximum: Renderer.maximumScroll(self))
    }
  }

  private mutating func updateReview(_ key: Key) {
    let rows = session.shownQuestions.count + 1
    switch key {
    case .up, .character("k"): highlight = max(0, highlight - 1)
    case .down, .character("j"), .tab: highlight = min(rows - 1, highlight + 1)
    case .home: highlight = 0
    case .end: highlight = rows - 1
    case .pageUp: highlight = max(0, highlight - max(1, size.rows - 6))
    case .pageDown: highlight = min(rows - 1, highlight + max(1, size.rows - 6))
    case .left, .backspace, .backTab:
      goBack()
    case .enter, .space, .right:
      let shown = session.shownQuestions
      if highlight < shown.count {
        try? session.edit(shown[highlight].id)
        changingFromReview = shown[highlight].id
        screen = .question
        arriveAtQuestion()
      } else {
        finish()
      }
    default:
      break
    }
  }

  private mutating func finish() {
    do {
      result = try session.finish()
      screen = .results
      scroll = 0
    } catch {
      let missing = session.unansweredRequired
      if let first = missing.first, let row = session.shownQuestions.firstIndex(of: first) {
        highlight = row
      }
      notice = "\(missing.count) question\(missing.count == 1 ? " needs" : "s need") an answer first"
    }
  }

  private mutating func updateExport(_ key: Key) {
    var dialog = exportDialog
    defer { exportDialog = dialog }
    switch dialog.step {
    case .format:
      let count = ExportFormat.allCases.count
      switch key {
      case .up, .character("k"): dialog.formatIndex = max(0, dialog.formatIndex - 1)
      case .down, .character("j"): dialog.formatIndex = min(count - 1, dialog.formatIndex + 1)
      case .character(let character):
        if let number = character.wholeNumberValue, number >= 1, number <= count { dialog.formatIndex = number - 1 }
      case .enter, .space, .right:
        dialog.step = .path
        dialog.pathField = TextField(defaultExportPath(dialog.format))
        dialog.message = nil
      case .escape, .left, .backspace:
        overlay = nil
      default: break
      }
    case .path:
      switch key {
      case .character(let character):
        if !character.unicodeScalars.contains(where: TextSafety.isUnsafe) { dialog.pathField.insert(character) }
      case .space: dialog.pathField.insert(" ")
      case _ where TextField.edit(for: key) != nil:
        dialog.pathField.apply(TextField.edit(for: key)!)
      case .enter:
        if dialog.path.allSatisfy(\.isWhitespace) {
          dialog.message = "Type a file name."
          dialog.isError = true
        } else {
          pendingExport = ExportRequest(format: dialog.format, path: dialog.path, replacing: false)
        }
      case .escape: dialog.step = .format
      default: break
      }
    case .confirmReplace:
      switch key {
      case .character("y"), .character("Y"):
        pendingExport = ExportRequest(format: dialog.format, path: dialog.path, replacing: true)
      case .character("n"), .character("N"), .escape:
        dialog.step = .path
        dialog.message = "Change the name, then press Enter."
        dialog.isError = false
      default: break
      }
    case .done:
      switch key {
      case .enter, .escape, .space, .left: overlay = nil
      default: break
      }
    }
  }

  private mutating func updateResults(_ key: Key) {
    switch key {
    case .character("e"), .character("E"):
      exportDialog = ExportDialog()
      overlay = .export
    case .left, .backspace, .backTab:
      session.review()
      result = nil
      screen = .review
      highlight = session.shownQuestions.count
    default:
      scroll = scrolled(scroll, by: key, maximum: Renderer.maximumScroll(self))
    }
  }

  // MARK: Scrolling

  private func scrolled(_ offset: Int, by key: Key, maximum: Int) -> Int {
    // Two lines of overlap: the "more" markers cover one line at each end.
    let page = max(1, Renderer.bodyHeight(size) - 2)
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

  private mutating func clampScroll() {
    if overlay != nil {
      overlayScroll = min(overlayScroll, Renderer.maximumScroll(self))
      var underneath = self
      underneath.overlay = nil
      scroll = min(scroll, Renderer.maximumScroll(underneath))
    } else {
      scroll = min(scroll, Renderer.maximumScroll(self))
    }
  }

}
