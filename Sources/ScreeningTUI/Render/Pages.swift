import ScreeningCore

/// The welcome screen: what this is, what it is not, what happens to the answers.
enum WelcomePage {
  static func page(_ state: AppState, width: Int, symbols: Symbols) -> Renderer.Page {
    let w = state.wording
    let questionnaire = state.questionnaire
    var lines = [FrameLine()]
    lines += Renderer.wrapped(questionnaire.title, width: width, style: .heading)
    lines.append(FrameLine())
    lines += Renderer.wrapped(questionnaire.intro, width: width)
    lines.append(FrameLine())
    lines += Renderer.wrapped(w(.welcomeNotDiagnosis), width: width, style: .bold)
    var facts = [w(.welcomeNothingStored)]
    if let minutes = questionnaire.minutes { facts.append(w(.welcomeMinutes, count: minutes)) }
    if let audience = questionnaire.audience {
      facts.append(w(.welcomeAudience, ["audience": audience.prefix(1).lowercased() + audience.dropFirst()]))
    }
    lines += Renderer.wrapped(facts.joined(separator: " "), width: width)
    if state.canChooseRegion {
      lines.append(FrameLine())
      let where_ =
        state.regionWasGuessed
        ? w(.welcomeRegionGuessed, ["region": state.region.name])
        : w(.welcomeRegionShown, ["region": state.region.name])
      lines += Renderer.wrapped(where_, width: width, style: state.regionWasGuessed ? .bold : .dim)
    }
    lines.append(FrameLine())
    lines.append(FrameLine([Span(" "), Span(w(.welcomeStartButton), .focus), Span(w(.welcomePressEnter), .dim)]))
    var hints = [w(.hintStart), w(.hintHelpResources)]
    if state.canChooseRegion { hints.append(w(.hintCountry)) }
    return Renderer.Page(
      title: "SelfScreen\(symbols.separator)\(questionnaire.title)", lines: lines, focus: lines.count - 1,
      cursorColumn: 2, hints: hints + [w(.hintKeys), w(.hintQuit)])
  }
}

/// One question: section, progress, the question, its options or input field.
enum QuestionPage {
  static func page(_ state: AppState, width: Int, symbols: Symbols) -> Renderer.Page {
    let w = state.wording
    let session = state.session
    guard let question = session.currentQuestion else {
      return Renderer.Page(title: "SelfScreen", hints: [w(.hintQuit)])
    }
    let section = state.questionnaire.section(question.sectionID)
    let (number, total) = session.progress
    var pinned: [FrameLine] = []
    // A long section title is cut, never the "Question N of M" after it.
    let count = w(.questionCount, ["number": String(number), "total": String(total)])
    var heading = count
    if let title = section?.title {
      let room = width - 2 - DisplayWidth.of(count) - DisplayWidth.of(symbols.separator)
      if room >= 8 {
        heading = DisplayWidth.truncated(TextSafety.visible(title), to: room) + symbols.separator + count
      }
    }
    pinned.append(
      FrameLine([Span(" "), Span(DisplayWidth.truncated(TextSafety.visible(heading), to: width - 2), .heading)]))
    pinned.append(progressBar(number: number, total: total, width: width, symbols: symbols))
    pinned.append(FrameLine())

    var lines: [FrameLine] = []
    if let intro = section?.intro, section?.questionIDs.first == question.id {
      lines += Renderer.wrapped(intro, width: width, style: .dim)
      lines.append(FrameLine())
    }
    for note in session.questionnaire.notes(before: question, answers: session.answers) {
      lines += Renderer.wrapped(note, width: width, style: .dim)
      lines.append(FrameLine())
    }
    let questionLine = lines.count
    lines += Renderer.wrapped(question.text, width: width, style: .bold)
    let questionEnd = lines.count
    if let help = session.questionnaire.help(of: question, answers: session.answers) {
      lines += Renderer.wrapped(help, width: width, style: .dim)
    }
    lines.append(FrameLine())

    var focus: Int?
    var cursorColumn = 1
    var hints: [String]
    let chosen = session.answer(for: question.id)
    switch question.type {
    case .single, .yesNo, .multiple:
      for (index, option) in question.options.enumerated() {
        let isFocused = state.isHighlightShown && index == state.highlight
        let isOn: Bool
        if question.type == .multiple {
          isOn = state.ticked.contains(option.code)
        } else {
          isOn = chosen?.codes.contains(option.code) ?? false
        }
        let box =
          question.type == .multiple
          ? (isOn ? symbols.boxOn : symbols.boxOff) : (isOn ? symbols.radioOn : symbols.radioOff)
        let number = index < 9 ? "\(index + 1) " : "  "
        let marker = isFocused ? symbols.focus : " "
        let label = TextSafety.visible(option.label)
        let room = max(8, width - 10)
        for (lineIndex, text) in TextLayout.wrap(label, width: room).enumerated() {
          if lineIndex == 0 {
            if isFocused { focus = lines.count }
            lines.append(
              FrameLine([
                Span(" \(marker) ", isFocused ? .bold : .normal),
                Span("\(number)\(box) \(text)", isFocused ? .focus : .normal),
              ]))
          } else {
            lines.append(
              FrameLine([
                Span("       " + String(repeating: " ", count: DisplayWidth.of(box))),
                Span(text, isFocused ? .focus : .normal),
              ]))
          }
        }
      }
      // With nothing highlighted yet, the view and the cursor start at the question itself, so
      // a small window shows the question first (a screen reader reads it first too).
      if !state.isHighlightShown { focus = questionLine }
      cursorColumn = 1
      hints =
        question.type == .multiple
        ? [w(.hintMove), w(.hintTick), w(.hintNext), w(.hintBack), w(.hintHelp), w(.hintKeys), w(.hintQuit)]
        : [w(.hintMove), w(.hintChoose), w(.hintBack), w(.hintHelp), w(.hintKeys), w(.hintQuit)]
    default:
      // A typed answer: its field (AnswerField) says what to type.
      // "Your answer (a whole number, 0 to 10):": what to type, then the accepted range.
      let prompt =
        AnswerField(question, wording: w).expected.map { w(.answerPromptExpecting, ["expected": $0]) }
        ?? w(.answerPrompt)
      lines += Renderer.wrapped(prompt, width: width, style: .dim)
      let field = FieldView.line(state.field, width: max(10, width - 4), style: .focus, symbols: symbols)
      focus = lines.count
      cursorColumn = field.cursorColumn
      lines.append(field.line)
      switch question.type {
      case .text: hints = [w(.hintTypeAnswer), w(.hintNext), w(.hintEscThenCommand)]
      case .file: hints = [w(.hintTypePath), w(.hintNext), w(.hintEscThenCommand)]
      case .date, .dateTime: hints = [w(.hintTypeDate), w(.hintNext), w(.hintBack), w(.hintHelp), w(.hintQuit)]
      case .time: hints = [w(.hintTypeTime), w(.hintNext), w(.hintBack), w(.hintHelp), w(.hintQuit)]
      default: hints = [w(.hintTypeNumber), w(.hintNext), w(.hintBack), w(.hintHelp), w(.hintQuit)]
      }
    }
    // A message about the answer ("9 is above the highest accepted value, 7") goes right under
    // the options or the field it is about, not at the foot of the window.
    if let notice = state.notice {
      lines += Renderer.wrapped(notice, width: width, style: .bold)
    }
    if question.type == .file {
      lines += [FrameLine()] + Renderer.wrapped(w(.filePrivacy), width: width, style: .dim)
    }
    if !question.isRequired {
      lines += [FrameLine()] + Renderer.wrapped(w(.answerOptional), width: width, style: .dim)
    }
    let page = Renderer.Page(
      title: "SelfScreen\(symbols.separator)\(state.questionnaire.title)", pinned: pinned, lines: lines,
      focus: focus, cursorColumn: cursorColumn, scroll: state.scroll, manualScroll: state.manualScroll,
      hints: hints, showsNotice: true)
    // A section's introduction stays where it is: the question is pinned only when it comes first.
    guard questionLine == 0 else { return page }
    return keepingQuestionInView(page, questionLines: questionEnd, height: Renderer.bodyHeight(state.size))
  }

  /// A window too small for the whole page, following a highlight or field further down: the
  /// question (the first `questionLines` lines) stays in view under the progress bar while its help
  /// and options scroll, when that leaves room for a few of them. In the smallest windows the
  /// progress bar gives way to the question.
  static func keepingQuestionInView(_ page: Renderer.Page, questionLines: Int, height: Int) -> Renderer.Page {
    guard let focus = page.focus, focus >= questionLines, page.pinned.count + page.lines.count > height else {
      return page
    }
    let kept = page.pinned.count + questionLines + 4 <= height ? page.pinned : Array(page.pinned.prefix(1))
    guard kept.count + questionLines + 4 <= height else { return page }
    var page = page
    page.pinned = kept + page.lines[..<questionLines]
    page.lines.removeFirst(questionLines)
    page.focus = focus - questionLines
    return page
  }

  static func progressBar(number: Int, total: Int, width: Int, symbols: Symbols) -> FrameLine {
    let percent = total == 0 ? 0 : number * 100 / total
    let barWidth = max(10, min(40, width - 10))
    let filled = total == 0 ? 0 : barWidth * number / total
    return FrameLine([
      Span(" "), Span(String(repeating: symbols.barFull, count: filled), .filled),
      Span(String(repeating: symbols.barEmpty, count: barWidth - filled), .dim), Span(" \(percent)%"),
    ])
  }
}

/// Urgent guidance right after an answer that raised a red flag, with the contacts to use now.
enum RedFlagPage {
  static func page(_ state: AppState, flags: [RedFlag], width: Int, symbols: Symbols) -> Renderer.Page {
    let w = state.wording
    var lines: [FrameLine] = [FrameLine()]
    for flag in flags {
      lines += Renderer.wrapped("\(symbols.warning) \(flag.title)", width: width, style: .urgent)
      lines.append(FrameLine())
      lines += Renderer.wrapped(flag.guidance, width: width)
      lines.append(FrameLine())
    }
    let level = flags.map(\.level).first ?? .emergency
    lines += Renderer.wrapped(
      w(level == .emergency ? .contactNow : .contactSoon, ["region": state.region.name]), width: width,
      style: .heading)
    for contact in state.region.contacts(for: flags) {
      lines += Renderer.item(
        contact.nameAndContact, marker: symbols.bullet, width: width,
        style: contact.kind == .emergency ? .bold : .normal)
      lines += Renderer.wrapped(contact.purpose, width: width, indent: 4, style: .dim)
    }
    lines.append(FrameLine())
    // After the last question, Enter leads to the review and the result, not to more questions.
    let session = state.session
    let isLast = session.currentQuestion.map { $0.id == session.shownQuestions.last?.id } ?? true
    lines += Renderer.wrapped(w(isLast ? .redFlagGoOnToReview : .redFlagGoOn), width: width)
    // In a window too small for the whole page, the first contact (the emergency number for an
    // emergency) stays at the top, so it is on the first page whatever the scroll.
    var pinned: [FrameLine] = []
    if lines.count > Renderer.bodyHeight(state.size), let first = state.region.contacts(for: flags).first {
      pinned = [
        FrameLine([
          Span(" "),
          Span(
            DisplayWidth.truncated(TextSafety.visible("\(symbols.warning) \(first.nameAndContact)"), to: width - 2),
            .urgent),
        ])
      ]
    }
    return Renderer.Page(
      title: level.heading(w), pinned: pinned, lines: lines, scroll: state.scroll,
      hints: [w(.hintGoOn), w(.hintChangeAnswer), w(.hintScroll), w(.hintAllHelp), w(.hintQuit)])
  }
}

/// Every answer, each one can be changed; the last row finishes.
enum ReviewPage {
  static func page(_ state: AppState, width: Int, symbols: Symbols) -> Renderer.Page {
    let w = state.wording
    let session = state.session
    let shown = session.shownQuestions
    let effective = session.effectiveAnswers  // once: each lookup would re-run the skip logic
    let missing = Set(session.unansweredRequired.map(\.id))
    let skipped = shown.filter { question in
      effective[question.id].map(question.isMissing) ?? !missing.contains(question.id)
    }.count
    var pinned = Renderer.wrapped(w(.reviewHeading), width: width, style: .heading)
    var summary = w(.reviewQuestions, count: shown.count)
    if skipped > 0 { summary += w(.reviewSkipped, count: skipped) }
    if !missing.isEmpty { summary += w(.reviewStillToAnswer, count: missing.count) }
    pinned += Renderer.wrapped(w(.reviewHowToChange, ["summary": summary]), width: width, style: .dim)
    pinned.append(FrameLine())

    var lines: [FrameLine] = []
    var focus = 0
    let answerWidth = max(8, min(28, width / 3))
    let numberWidth = String(shown.count).count + 2
    let textWidth = max(8, width - answerWidth - numberWidth - 5)
    for (index, question) in shown.enumerated() {
      let isFocused = index == state.highlight
      if isFocused { focus = lines.count }
      let answer = describe(effective[question.id], of: question, missing: missing.contains(question.id), wording: w)
      let number = "\(index + 1).".leftPadded(numberWidth)
      // Other rows are cut to one line; the highlighted one is shown in full (question and
      // answer wrapped), so two questions that start alike can be told apart.
      let texts =
        isFocused
        ? TextLayout.wrap(TextSafety.visible(question.text), width: textWidth)
        : [DisplayWidth.truncated(TextSafety.visible(question.text), to: textWidth)]
      let answers =
        isFocused
        ? TextLayout.wrap(TextSafety.visible(answer), width: answerWidth)
        : [DisplayWidth.truncated(TextSafety.visible(answer), to: answerWidth)]
      let style: TextStyle = isFocused ? .focus : .normal
      for row in 0..<max(texts.count, answers.count, 1) {
        let text = row < texts.count ? texts[row] : ""
        let gap = String(repeating: " ", count: max(1, textWidth - DisplayWidth.of(text) + 1))
        let lead = row == 0 ? number : String(repeating: " ", count: numberWidth)
        lines.append(
          FrameLine([
            Span(isFocused && row == 0 ? symbols.focus : " ", .bold), Span(lead + " " + text + gap, style),
            Span(
              row < answers.count ? answers[row] : "",
              isFocused ? .focus : (missing.contains(question.id) ? .bold : .dim)),
          ]))
      }
    }
    lines.append(FrameLine())
    let finishFocused = state.highlight >= shown.count
    if finishFocused { focus = lines.count }
    lines.append(
      FrameLine([
        Span(finishFocused ? symbols.focus : " ", .bold), Span(w(.reviewFinish), finishFocused ? .focus : .bold),
      ]))
    return Renderer.Page(
      title: "SelfScreen\(symbols.separator)\(w(.reviewTitle))", pinned: pinned, lines: lines, focus: focus,
      cursorColumn: 0,
      hints: [w(.hintMove), w(.hintChangeOrFinish), w(.hintBack), w(.hintHelp), w(.hintQuit)])
  }

  static func describe(_ answer: Answer?, of question: Question, missing: Bool, wording w: Wording) -> String {
    guard let answer else { return w(missing ? .reviewNeedsAnswer : .reviewLeftEmpty) }
    // An attached file by its name: its folder would push the name out of the row.
    if question.type == .file, case .text(let path) = answer { return AttachedFile.name(of: path) }
    return question.label(for: answer)
  }
}

/// The result: red flags first, then band, what counted, chart, next steps, notes, help.
enum ResultsPage {
  static func page(_ state: AppState, width: Int, symbols: Symbols) -> Renderer.Page {
    let w = state.wording
    guard let result = state.result else {
      return Renderer.Page(title: w(.resultTitle), hints: [w(.hintQuit)])
    }
    let blocks = ResultDocument.blocks(questionnaire: state.questionnaire, result: result, region: state.region)
    var lines: [FrameLine] = [FrameLine()]
    for (index, block) in blocks.enumerated() {
      switch block {
      case .urgent(let level, let title, let guidance, let contacts):
        lines += Renderer.wrapped("\(symbols.warning) \(level.heading(w)): \(title)", width: width, style: .urgent)
        lines += Renderer.wrapped(guidance, width: width, indent: 3)
        for contact in contacts {
          lines += Renderer.item(contact, marker: symbols.bullet, width: width, indent: 3, style: .bold)
        }
      case .heading(let text):
        lines += Renderer.wrapped(text, width: width, style: .heading)
        continue
      case .paragraph(let text):
        lines += Renderer.wrapped(text, width: width, indent: 3)
      case .bullets(let items):
        for item in items { lines += Renderer.item(item, marker: symbols.bullet, width: width, indent: 3) }
      case .bars(let bars):
        let labelWidth = min(max(8, width - 30), bars.map { DisplayWidth.of($0.label) }.max() ?? 10)
        let barWidth = max(5, min(20, width - labelWidth - 16))
        for bar in bars {
          let label = DisplayWidth.truncated(TextSafety.visible(bar.label), to: labelWidth)
          let pad = String(repeating: " ", count: labelWidth - DisplayWidth.of(label))
          let filled = bar.maximum == 0 ? 0 : (bar.value * barWidth + bar.maximum / 2) / bar.maximum
          lines.append(
            FrameLine([
              Span("   " + label + pad + "  "), Span(String(repeating: symbols.barFull, count: filled), .filled),
              Span(String(repeating: symbols.barEmpty, count: barWidth - filled), .dim),
              Span(" \(bar.value) of \(bar.maximum)"),
            ]))
        }
      case .note(let text):
        lines += Renderer.wrapped(text, width: width, style: .dim)
      }
      if index + 1 < blocks.count { lines.append(FrameLine()) }
    }
    return Renderer.Page(
      title: w(.resultTitle) + symbols.separator + state.questionnaire.title, lines: lines, scroll: state.scroll,
      hints: [w(.hintScrollPages), w(.hintSaveCopy), w(.hintReviewAnswers), w(.hintHelp), w(.hintKeys), w(.hintQuit)])
  }
}

/// Help resources for the region, reachable from every screen.
enum ResourcesPage {
  static func page(_ state: AppState, width: Int, symbols: Symbols) -> Renderer.Page {
    let w = state.wording
    var lines: [FrameLine] = [FrameLine()]
    lines += Renderer.wrapped(
      w(.resourcesDangerFirst), width: width, style: .bold)
    lines.append(FrameLine())
    for resource in state.region.resources {
      lines += Renderer.wrapped(
        resource.nameAndContact, width: width, style: resource.kind == .emergency ? .urgent : .heading)
      lines += Renderer.wrapped(resource.purpose, width: width, indent: 3)
      if let hours = resource.hours {
        lines += Renderer.wrapped(w(.resourcesHours, ["hours": hours]), width: width, indent: 3, style: .dim)
      }
      lines += Renderer.wrapped(
        w(.resourcesLastChecked, ["date": resource.lastVerified]), width: width, indent: 3, style: .dim)
      lines.append(FrameLine())
    }
    return Renderer.Page(
      title: w(.resourcesTitle) + symbols.separator + state.region.name, lines: lines, scroll: state.overlayScroll,
      hints: [w(.hintScroll), w(.hintClose)] + (state.canChooseRegion ? [w(.hintChangeCountry)] : []) + [
        w(.hintKeys), w(.hintQuit),
      ])
  }
}

/// Where the person is, for the help resources: chosen for this run only, never written down.
enum RegionPickerPage {
  static func page(_ state: AppState, width: Int, symbols: Symbols) -> Renderer.Page {
    let w = state.wording
    var lines: [FrameLine] = [FrameLine()]
    lines += Renderer.wrapped(w(.regionQuestion), width: width, style: .bold)
    lines.append(FrameLine())
    var focus = 0
    for (index, region) in state.regions.enumerated() {
      let isCurrent = region.code == state.region.code
      if isCurrent { focus = lines.count }
      lines.append(
        FrameLine([
          Span(isCurrent ? " \(symbols.focus) " : "   ", .bold),
          Span("\(index + 1) \(TextSafety.visible(region.name))", isCurrent ? .focus : .normal),
        ]))
    }
    lines.append(FrameLine())
    lines += Renderer.wrapped(w(.regionKeptForRun), width: width, style: .dim)
    return Renderer.Page(
      title: w(.regionTitle), lines: lines, focus: focus, cursorColumn: 1,
      hints: [w(.hintChooseNumber, count: state.regions.count), w(.hintKeepRegion, ["region": state.region.name])])
  }
}

/// The keys, as a table.
enum KeyHelpPage {
  static let keys: [(String, Phrase)] = [
    ("↑ ↓  k j", .keyMoveOptions),
    ("1-9", .keyDigit),
    ("Enter", .keyEnter),
    ("Space", .keySpace),
    ("→ Tab", .keyNext),
    ("← Backspace b", .keyBack),
    ("Shift-Tab", .keyShiftTab),
    ("PgUp PgDn", .keyPages),
    ("r", .keyResources),
    ("c", .keyCountry),
    ("?", .keyHelp),
    ("e", .keyExport),
    ("q", .keyQuit),
    ("Esc", .keyEscape),
    ("Ctrl-C", .keyInterrupt),
  ]
  /// In a typed answer or a file name (one editor for both).
  static let editingKeys: [(String, Phrase)] = [
    ("← → Home End", .keyCursor),
    ("Backspace Del", .keyDelete),
    ("Ctrl-U Ctrl-K", .keyDeleteToEnds),
    ("Ctrl-W", .keyDeleteWord),
  ]

  static func page(_ state: AppState, width: Int, symbols: Symbols) -> Renderer.Page {
    let w = state.wording
    var lines: [FrameLine] = [FrameLine()]
    let keyWidth = (keys + editingKeys).map { DisplayWidth.of($0.0) }.max() ?? 10
    for (index, (key, action)) in (keys + editingKeys).enumerated() {
      if index == keys.count {
        lines.append(FrameLine())
        lines += Renderer.wrapped(w(.keysEditingHeading), width: width, style: .heading)
      }
      let pad = String(repeating: " ", count: keyWidth - DisplayWidth.of(key) + 2)
      let wrappedAction = TextLayout.wrap(w(action), width: max(8, width - keyWidth - 6))
      for (row, text) in wrappedAction.enumerated() {
        lines.append(
          FrameLine([
            Span(" "), Span(row == 0 ? key : String(repeating: " ", count: DisplayWidth.of(key)), .bold),
            Span(pad + text),
          ]))
      }
    }
    lines.append(FrameLine())
    lines += Renderer.wrapped(
      w(.keysTextNote), width: width, style: .dim)
    return Renderer.Page(
      title: w(.keysTitle), lines: lines, scroll: state.overlayScroll,
      hints: [w(.hintClose), w(.hintHelpResources), w(.hintQuit)])
  }
}

extension String {
  func leftPadded(_ width: Int) -> String {
    let gap = width - DisplayWidth.of(self)
    return gap > 0 ? String(repeating: " ", count: gap) + self : self
  }
}

/// Saving a copy: format, then the file name, then where it went.
enum ExportPage {
  static func page(_ state: AppState, width: Int, symbols: Symbols) -> Renderer.Page {
    let w = state.wording
    let dialog = state.exportDialog
    var lines: [FrameLine] = [FrameLine()]
    var focus: Int?
    var cursorColumn = 1
    var hints: [String]
    switch dialog.step {
    case .format:
      lines += Renderer.wrapped(w(.exportWhatKind), width: width, style: .heading)
      lines.append(FrameLine())
      for (index, format) in ExportFormat.allCases.enumerated() {
        let isFocused = index == dialog.formatIndex
        if isFocused { focus = lines.count }
        lines.append(
          FrameLine([
            Span(" \(isFocused ? symbols.focus : " ") ", .bold),
            Span("\(index + 1) \(format.summary(w))", isFocused ? .focus : .normal),
          ]))
      }
      hints = [w(.hintMove), w(.hintChoose), w(.hintCancel)]
    case .path, .confirmReplace, .done:
      lines += Renderer.wrapped(w(.exportFileName, ["format": dialog.format.summary(w)]), width: width, style: .heading)
      let field = FieldView.line(
        dialog.pathField, width: max(10, width - 4), style: dialog.step == .path ? .focus : .normal, symbols: symbols)
      focus = lines.count
      cursorColumn = field.cursorColumn
      lines.append(field.line)
      lines.append(FrameLine())
      // A FHIR response holds the files attached to its answers as well.
      let holdsFiles =
        dialog.format == .fhir
        && state.questionnaire.questions.contains { $0.type == .file && state.session.answer(for: $0.id) != nil }
      lines += Renderer.wrapped(w(holdsFiles ? .exportPrivateWithFiles : .exportPrivate), width: width, style: .dim)
      hints = [w(.hintTypeToEdit), w(.hintMoveCursor), w(.hintSave), w(.hintEscBack)]
      if dialog.step == .confirmReplace { hints = [w(.hintReplace), w(.hintKeepAndRename)] }
      if dialog.step == .done {
        hints = [w(.hintEnterClose)]
        focus = nil
      }
    }
    if let message = dialog.message {
      lines.append(FrameLine())
      lines += Renderer.wrapped(message, width: width, style: dialog.isError ? .urgent : .bold)
    }
    return Renderer.Page(
      title: w(.exportTitle), lines: lines, focus: focus, cursorColumn: cursorColumn, hints: hints)
  }
}
