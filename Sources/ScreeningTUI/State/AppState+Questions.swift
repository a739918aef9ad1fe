import ScreeningCore

/// Questions: arriving, moving between options, ticking, typing, choosing, going on and back.
extension AppState {
  /// Sets up the highlight and input for the current question from its answer, or from the
  /// form's suggested (initial) answer, shown ready to take and recorded only when taken.
  mutating func arriveAtQuestion() {
    guard let question = session.currentQuestion else { return }
    let answer = session.answer(for: question.id) ?? question.initial
    highlight = 0
    isHighlightShown = answer != nil || !question.type.hasOptions
    ticked = []
    field = TextField(AnswerField(question, wording: wording).text(for: answer))
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

  mutating func updateQuestion(_ key: Key, layout: Layout) {
    guard let question = session.currentQuestion else { return }
    if !question.type.hasOptions, editField(with: key) { return }
    switch key {
    case .left, .backTab, .backspace:
      goBack()
    case .pageUp, .pageDown:
      let base = manualScroll ? scroll : layout.followingOffset
      manualScroll = true
      scroll = scrolled(base, by: key, layout: layout)
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
          notice = wording(.noticeMoveFirst)
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
  mutating func move(_ key: Key, in question: Question) {
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
  mutating func goOn(from question: Question, key: Key) {
    switch question.type {
    case .single, .yesNo:
      if session.answer(for: question.id) != nil || !question.isRequired {
        advance()
      } else {
        notice = wording(.noticeChooseToGoOn)
      }
    case .multiple:
      // Ticks are the person's own choices: going on keeps them, as Enter does.
      choose(question)
    default:
      // A typed answer (AnswerField reads it): Tab goes on with what was typed.
      if key == .tab { choose(question) }
    }
  }

  mutating func toggle(_ option: AnswerOption, in question: Question) {
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
  mutating func editField(with key: Key) -> Bool {
    guard let edit = TextField.edit(for: key) else { return false }
    if key == .left && field.isEmpty { return false }
    if !field.apply(edit) {
      switch edit {
      case .deleteBefore where field.isEmpty:
        notice = wording(.noticeAnswerEmpty)
      case .left, .deleteBefore:
        notice = wording(.noticeStartOfAnswer)
      default: break
      }
    }
    return true
  }

  /// Records the answer on screen and goes on (through the red-flag screen when one is raised).
  mutating func choose(_ question: Question) {
    let answer: Answer?
    switch question.type {
    case .single, .yesNo:
      answer = isHighlightShown ? .choice(question.options[highlight].code) : nil
    case .multiple:
      answer = ticked.isEmpty ? nil : .choices(ticked)
    default:
      // Every typed kind of answer is read by its field.
      switch AnswerField(question, wording: wording).read(input) {
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
          notice = wording(.noticeTickAtLeastOne)
        case .single, .yesNo:
          notice = wording(.noticeChooseAnswer)
        default:
          notice = wording(.noticeAnswerToGoOn)
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

  static func sentence(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  /// Goes to the next question, or to the review after the last.
  mutating func advance() {
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

  mutating func goBack() {
    if session.back() {
      screen = .question
      arriveAtQuestion()
    } else {
      screen = .welcome
    }
  }
}
