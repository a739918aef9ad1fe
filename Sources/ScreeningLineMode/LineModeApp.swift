import ScreeningCore

/// The screening as numbered prompts, one line at a time: for screen readers, `TERM=dumb`, pipes
/// and scripts. No box drawing, no escape sequences, nothing that moves the cursor.
///
/// Keys: a number answers; `b` goes back, `r` shows help resources, `?` shows help, `q` quits.
/// Invalid input re-prompts with the valid choices; the end of input quits and writes nothing.
public struct LineModeApp<Input: LineReading, Output: LineWriting> {
  /// How the run ended.
  public enum Ending: Sendable, Equatable {
    /// The person saw the result and left.
    case finished
    /// The person chose to quit.
    case quit
    /// The input ended; nothing was written.
    case endOfInput
  }

  private var session: ScreeningSession
  private let region: Region
  private let writer: SafeFileWriter
  private let clock: @Sendable () -> Timestamp
  private var input: Input
  public private(set) var output: Output
  /// Lines are wrapped to this many columns.
  private let width: Int
  /// Plain ASCII output, for a locale that is not UTF-8.
  private let asciiOnly: Bool
  /// The home folder, for `~` in file names.
  private let home: String?

  /// `columns` is the terminal's width (`COLUMNS`, 80 when unknown); `asciiOnly` replaces the
  /// few non-ASCII symbols SelfScreen itself prints, for locales that are not UTF-8.
  public init(
    session: ScreeningSession, region: Region, input: Input, output: Output,
    writer: SafeFileWriter = SafeFileWriter(), clock: @escaping @Sendable () -> Timestamp = { .now() },
    columns: Int = 80, asciiOnly: Bool = false, home: String? = nil
  ) {
    self.session = session
    self.w = Wording.forLanguage(session.questionnaire.language)
    self.region = region.about(session.questionnaire.topic)
    self.input = input
    self.output = output
    self.writer = writer
    self.clock = clock
    self.width = max(30, min(columns, 1000) - 2)
    self.asciiOnly = asciiOnly
    self.home = home
  }

  private var questionnaire: Questionnaire { session.questionnaire }
  /// The program's words, in the questionnaire's language.
  private let w: Wording

  // MARK: Output helpers

  private mutating func say(_ text: String = "") {
    emit(TextSafety.visible(text, keepingNewlines: true) + "\n")
  }

  /// Writes `text`, in ASCII when the locale asks for it.
  private mutating func emit(_ text: String) {
    output.write(asciiOnly ? TextSafety.asciiFallback(text) : text)
  }

  private mutating func paragraph(_ text: String, indent: String = "", firstIndent: String? = nil) {
    for line in TextWrap.wrap(text, width: width, indent: indent, firstIndent: firstIndent) { say(line) }
  }

  /// Reads a line; nil at the end of input.
  private mutating func ask(_ prompt: String) -> String? {
    let lines = TextWrap.wrap(TextSafety.visible(prompt), width: width)
    for line in lines.dropLast() { emit(line + "\n") }
    emit((lines.last ?? "") + " ")
    guard let line = input.readLine() else {
      say()
      return nil
    }
    return line.trimmingSpaces()
  }

  // MARK: Run

  public mutating func run() -> Ending {
    let ending = converse()
    if ending == .endOfInput { paragraph(w(.lineEndOfInput)) }
    return ending
  }

  private mutating func converse() -> Ending {
    say(questionnaire.title)
    say()
    paragraph(questionnaire.intro)
    say()
    var facts = [w(.lineNotDiagnosis)]
    if let minutes = questionnaire.minutes { facts.append(w(.welcomeMinutes, count: minutes)) }
    if let audience = questionnaire.audience {
      facts.append(w(.welcomeAudience, ["audience": audience.prefix(1).lowercased() + audience.dropFirst()]))
    }
    paragraph(facts.joined(separator: " "))
    if let emergency = region.resources.first(where: { $0.kind == .emergency }) {
      paragraph(w(.lineEmergency, ["contact": emergency.contactLine, "name": emergency.name]))
    }
    say()
    helpText()
    while true {
      switch session.position {
      case .question:
        if let ending = askQuestion() { return ending }
      case .review, .finished:
        if let ending = finish() { return ending }
      }
    }
  }

  private mutating func helpText() {
    paragraph(w(.lineHelp))
  }

  /// What a line asks for, beyond an answer.
  private enum Command { case back, resources, help, quit }

  private static func command(_ line: String) -> Command? {
    switch line.lowercased() {
    case "b", "back": return .back
    case "r", "resources", "help resources": return .resources
    case "?", "h", "help": return .help
    case "q", "quit", "exit": return .quit
    default: return nil
    }
  }

  /// Handles a command; returns an ending when the person leaves.
  private mutating func run(_ command: Command) -> Ending? {
    switch command {
    case .back:
      if !session.back() { say(w(.lineFirstQuestion)) }
    case .resources:
      resources()
    case .help:
      helpText()
    case .quit:
      guard
        let answer = ask(w(.lineLeaveDiscarded))
      else { return .endOfInput }
      if answer.lowercased().hasPrefix("y") {
        say(w(.lineClosedNothingSaved))
        return .quit
      }
    }
    return nil
  }

  private mutating func resources() {
    say()
    say(w(.lineWhereToGetHelp, ["region": region.name]))
    for resource in region.resources {
      say("- \(resource.nameAndContact)")
      paragraph(resource.purpose, indent: "  ")
    }
    say()
  }

  // MARK: Questions

  private mutating func askQuestion() -> Ending? {
    guard let question = session.currentQuestion else { return nil }
    let (number, total) = session.progress
    say()
    let section = questionnaire.section(question.sectionID)
    let title = section.map { $0.title.last.map { ".?!:".contains($0) } == true ? $0.title : $0.title + "." }
    paragraph(
      w(.lineQuestionCount, ["number": String(number), "total": String(total)]) + (title.map { ". \($0)" } ?? "."))
    if let intro = section?.intro, section?.questionIDs.first == question.id { paragraph(intro) }
    for note in questionnaire.notes(before: question, answers: session.answers) { paragraph(note) }
    paragraph(question.text)
    if let help = questionnaire.help(of: question, answers: session.answers) { paragraph(help) }
    if question.type == .file { paragraph(w(.filePrivacy)) }
    let field = AnswerField(question, wording: w)
    for (index, option) in question.options.enumerated() { paragraph(option.label, indent: "  \(index + 1). ") }
    let hint = field.lineInstruction
    if let previous = session.answer(for: question.id) {
      say(w(.lineAnswerSoFar, ["answer": question.label(for: previous)]))
    } else if let initial = question.initial {
      say(w(.lineSuggestedAnswer, ["answer": question.label(for: initial)]))
    }
    let optional = question.isRequired ? "" : w(.lineOrSkip)
    // After a mistake only the prompt is asked again, not the whole question.
    while true {
      guard let line = ask(w(.linePrompt, ["instruction": hint, "optional": optional])) else { return .endOfInput }
      if let command = Self.command(line) { return run(command) }
      var reading = field.read(line)
      // An empty line takes the form's suggested answer, when there is one and nothing was given.
      if reading == .empty, session.answer(for: question.id) == nil, let initial = question.initial {
        reading = .answer(initial)
      }
      if reading == .empty {
        if session.answer(for: question.id) != nil || !question.isRequired {
          if session.answer(for: question.id) == nil { session.clearAnswer() }
          advance()
          return nil
        }
        say(w(.linePleaseAnswer))
        continue
      }
      guard case .answer(let answer) = reading else {
        if case .invalid(let reason) = reading { say(w(.lineSorry, ["reason": reason])) }
        continue
      }
      do {
        let raised = try session.answer(answer)
        if question.type == .file, case .text(let path) = answer {
          let size = AttachedFile.sizeText(of: path).map { " (\($0))" } ?? ""
          say(w(.fileAttached, ["file": TextSafety.visible(AttachedFile.name(of: path)) + size]))
        }
        for flag in raised { urgent(flag) }
        advance()
        return nil
      } catch {
        if case .invalid(let problem) = error {
          say(w(.lineDoesNotFit, ["reason": problem.reason]))
        } else {
          say(w(.lineDoesNotFit, ["reason": error.description]))
        }
      }
    }
  }

  private mutating func advance() {
    do {
      try session.next()
    } catch {
      say(error.description)
    }
  }

  private mutating func urgent(_ flag: RedFlag) {
    say()
    paragraph("\(flag.level.heading(w).uppercased()): \(flag.title)")
    paragraph(flag.guidance, indent: "  ")
    say(w(flag.level == .emergency ? .contactNowColon : .contactSoonColon, ["region": region.name]))
    for contact in region.contacts(for: [flag]) {
      paragraph("- \(contact.summaryLine)", indent: "    ", firstIndent: "  ")
    }
    // A clear break before the questions go on, so the guidance does not run into the next one.
    say()
    say(String(repeating: "-", count: min(width, 40)))
    // After the last question it is the result that follows, not more questions.
    let isLast = session.currentQuestion.map { $0.id == session.shownQuestions.last?.id } ?? true
    paragraph(w(isLast ? .lineContactsAgainResult : .lineContactsAgain))
  }

  // MARK: The end

  private mutating func finish() -> Ending? {
    let missing = session.unansweredRequired
    if let first = missing.first {
      say(w(.lineStillNeed, count: missing.count))
      try? session.edit(first.id)
      return nil
    }
    let result: ScreeningResult
    do {
      result = try session.finish()
    } catch {
      say(error.description)
      return .quit
    }
    say()
    for line in ResultReport(questionnaire: questionnaire, result: result, region: region, width: width).text
      .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    {
      say(String(line))
    }
    while true {
      guard
        let line = ask(
          w(.lineResultPrompt)
        )
      else { return .endOfInput }
      switch line.lowercased() {
      case "e", "export", "save":
        exportDialog()
      case "b", "back":
        session.review()
        _ = session.back()
        return nil
      case "r":
        resources()
      case "q", "quit", "exit":
        guard let answer = ask(w(saved ? .lineLeaveClearedSaved : .lineLeaveCleared))
        else { return .endOfInput }
        if ["y", "yes"].contains(answer.lowercased()) {
          say(w(saved ? .lineClosed : .lineClosedNothingSaved))
          return .finished
        }
      default:
        say(w(.lineTypeEBRQ))
      }
    }
  }

  private var saved = false

  /// y or n, asked again until it is one of them; nil for q (cancel) or the end of input.
  private mutating func strictYesNo(_ prompt: String) -> Bool? {
    while true {
      guard let answer = ask(prompt)?.lowercased() else { return nil }
      switch answer {
      case "y", "yes": return true
      case "n", "no": return false
      case "q", "quit", "exit": return nil
      default: say(w(.lineTypeYN))
      }
    }
  }

  private mutating func exportDialog() {
    say(w(.lineSaveAs))
    for (index, format) in ExportFormat.allCases.enumerated() { say("  \(index + 1). \(format.summary(w))") }
    guard let choice = ask(w(.lineChooseFormat, count: ExportFormat.allCases.count)),
      !choice.isEmpty
    else { return }
    guard let number = Int(choice), (1...ExportFormat.allCases.count).contains(number) else {
      say(w(.lineNotAChoiceNothingSaved, ["choice": choice]))
      return
    }
    let format = ExportFormat.allCases[number - 1]
    let now = clock()
    let suggested = format.defaultFileName(questionnaireID: questionnaire.id, on: now)
    let bytes: [UInt8]
    do {
      bytes = try Exporter(questionnaire: questionnaire, answers: session.answers, region: region, created: now)
        .encode(format)
    } catch {
      say(w(.exportCouldNotRead, ["reason": error.reason(w)]))
      return
    }
    var path = suggested
    while true {
      guard let typed = ask(w(.lineFileName, ["suggested": suggested])) else { return }
      // q is never taken as a file name (type ./q for a file called q).
      if Self.command(typed) == .quit {
        say(w(.lineNothingSaved))
        return
      }
      if !typed.isEmpty {
        path = ExportPath.resolve(typed, defaultName: suggested, home: home, isFolder: SystemCalls().isFolder)
      }
      do {
        let written = try writer.write(bytes, to: path, replacing: false)
        say(w(.lineSavedTo, ["path": written]))
        saved = true
        return
      } catch  where error.kind == .exists {
        guard let answer = strictYesNo(w(.lineReplace, ["problem": error.description(w)]))
        else {
          say(w(.lineNothingSaved))
          return
        }
        if answer {
          do {
            let written = try writer.write(bytes, to: path, replacing: true)
            say(w(.lineSavedTo, ["path": written]))
            saved = true
            return
          } catch {
            say(w(.lineCouldNotSave, ["problem": error.description(w)]))
          }
        }
      } catch {
        say(
          w(.lineCouldNotSaveTwice, ["problem": error.description(w)])
        )
        guard strictYesNo(w(.lineTryAgain)) == true else {
          say(w(.lineNothingSaved))
          return
        }
      }
    }
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text = text.dropFirst() }
    while text.last?.isWhitespace == true { text = text.dropLast() }
    return String(text)
  }
}
