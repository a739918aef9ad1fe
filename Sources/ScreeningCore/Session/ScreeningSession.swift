/// The state of one screening: where the person is and what they have answered.
///
/// A value type with no I/O; front ends call `answer`, `next`, `back`, `review`, `edit` and
/// `finish`. Skip logic is evaluated afresh whenever the answers change, so changing an earlier
/// answer immediately hides or shows later questions; answers to hidden questions are kept (in case
/// the person changes their mind again) but never scored.
public struct ScreeningSession: Sendable, Hashable {
  /// Where the person is.
  public enum Position: Sendable, Hashable {
    /// A question, by its index in `questionnaire.questions`.
    case question(Int)
    /// The list of every answer, before finishing.
    case review
    case finished
  }

  /// Why a step cannot be taken.
  public enum StepError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The current question needs an answer before going on.
    case answerRequired(questionID: String)
    /// These shown questions still need answers.
    case unanswered([String])
    /// That question is not shown given the current answers.
    case notShown(questionID: String)
    case notAtQuestion
    case invalid(AnswerError)

    public var description: String {
      switch self {
      case .answerRequired: return "please choose an answer to go on (\"Prefer not to say\" is an answer)"
      case .unanswered(let ids): return "some questions still need an answer: \(ids.joined(separator: ", "))"
      case .notShown(let id): return "question '\(id)' is not asked given the other answers"
      case .notAtQuestion: return "there is no question here to answer"
      case .invalid(let error): return error.description
      }
    }
  }

  public let questionnaire: Questionnaire
  public private(set) var answers: [String: Answer] {
    didSet {
      visible = Visible(questionnaire, answers)
      counted = count()
    }
  }
  /// Which questions the answers show, and the answers that count. Kept with the answers: a front
  /// end reads them several times for every key it draws, and a key that only moves a highlight
  /// changes no answer.
  private var visible: Visible
  public private(set) var position: Position {
    didSet { counted = count() }
  }
  /// `progress`, kept with the answers and the position it is counted from once either has
  /// changed (nil before: the first screen does not show it, and start-up is kept short).
  private var counted: Counted?
  /// Set while changing an answer from the review: `next` then returns to the review, visiting
  /// only newly shown questions that still need an answer.
  public private(set) var isEditingFromReview = false

  /// Starts at the first shown question without an answer, required or not (a questionnaire whose
  /// questions are all optional, as FHIR's are by default, must still ask them), or at the review
  /// when every shown question has one.
  public init(questionnaire: Questionnaire, answers: [String: Answer] = [:]) {
    self.questionnaire = questionnaire
    self.answers = answers
    let visible = Visible(questionnaire, answers)
    self.visible = visible
    let next = visible.shown.first { visible.effective[questionnaire.questions[$0].id] == nil }
    self.position = next.map(Position.question) ?? .review
  }

  // Equal when the questionnaire, the answers and the place are: what is kept with them is
  // worked out from them.
  public static func == (lhs: ScreeningSession, rhs: ScreeningSession) -> Bool {
    lhs.questionnaire == rhs.questionnaire && lhs.answers == rhs.answers && lhs.position == rhs.position
      && lhs.isEditingFromReview == rhs.isEditingFromReview
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(questionnaire)
    hasher.combine(answers)
    hasher.combine(position)
    hasher.combine(isEditingFromReview)
  }

  private struct Counted: Sendable {
    var number: Int
    var total: Int
  }

  /// `Questionnaire.visibility(for:)` of the current answers.
  private struct Visible: Sendable {
    var shown: [Int]
    var effective: [String: Answer]

    init(_ questionnaire: Questionnaire, _ answers: [String: Answer]) {
      (shown, effective) = questionnaire.visibility(for: answers)
    }
  }

  // MARK: What is shown

  /// The questions asked given the current answers, in order.
  public var shownQuestions: [Question] {
    visible.shown.map { questionnaire.questions[$0] }
  }

  /// The answers that count: those to questions that are shown.
  public var effectiveAnswers: [String: Answer] {
    visible.effective
  }

  /// The question at the current position, if any.
  public var currentQuestion: Question? {
    guard case .question(let index) = position else { return nil }
    return questionnaire.questions[index]
  }

  /// The answer to a question, when the question is shown.
  public func answer(for id: String) -> Answer? {
    visible.effective[id]
  }

  /// "Question `number` of `total`": shown questions, plus later ones that may still be shown.
  public var progress: (number: Int, total: Int) {
    let counted = self.counted ?? count()
    return (counted.number, counted.total)
  }

  /// Counts `progress` afresh.
  private func count() -> Counted {
    let effective = visible.effective
    let shown = Set(visible.shown)
    let current: Int
    switch position {
    case .question(let index): current = index
    case .review, .finished: current = questionnaire.questions.count
    }
    var total = 0
    var number = 0
    var possiblyShown: [String: Bool] = [:]
    for (index, question) in questionnaire.questions.enumerated() {
      let isCounted: Bool
      if shown.contains(index) && index <= current {
        isCounted = true
      } else if let condition = question.showIf {
        // Undecided while a question it reads is still to come or unanswered: count it.
        isCounted = condition.mayBeSatisfied(by: effective, undecided: possiblyShown, in: questionnaire) != false
      } else {
        isCounted = true
      }
      // An unanswered "Add another ...?" counts as no: further entries are not counted until asked for.
      let isEntryGate = questionnaire.fhir?.entryGates.contains(question.id) == true
      possiblyShown[question.id] = isCounted && effective[question.id] == nil && !isEntryGate
      if isCounted {
        total += 1
        if index <= current { number = total }
      }
    }
    return Counted(number: number, total: total)
  }

  /// Red flags that hold for the current answers, in the questionnaire's order.
  public var activeRedFlags: [RedFlag] {
    let effective = effectiveAnswers
    return questionnaire.redFlags.filter { $0.condition.isSatisfied(by: effective, in: questionnaire) }
  }

  /// Shown, required questions without an answer.
  public var unansweredRequired: [Question] {
    let effective = effectiveAnswers
    return shownQuestions.filter { $0.isRequired && effective[$0.id] == nil }
  }

  // MARK: Steps

  /// Records an answer to the current question and returns the red flags it newly raised.
  @discardableResult
  public mutating func answer(_ answer: Answer) throws(StepError) -> [RedFlag] {
    guard let question = currentQuestion else { throw .notAtQuestion }
    let normalised: Answer
    do {
      normalised = try question.validate(answer, wording: Wording.forLanguage(questionnaire.language))
    } catch {
      throw .invalid(error)
    }
    let before = Set(activeRedFlags.map(\.id))
    answers[question.id] = normalised
    return activeRedFlags.filter { !before.contains($0.id) }
  }

  /// Removes the answer to the current question.
  public mutating func clearAnswer() {
    guard let question = currentQuestion else { return }
    answers[question.id] = nil
  }

  /// Goes to the next shown question, or to the review after the last one.
  public mutating func next() throws(StepError) {
    guard case .question(let index) = position else { throw .notAtQuestion }
    let (shown, effective) = (visible.shown, visible.effective)
    let question = questionnaire.questions[index]
    if question.isRequired && effective[question.id] == nil {
      throw .answerRequired(questionID: question.id)
    }
    let later = shown.filter { $0 > index }
    let target =
      isEditingFromReview
      ? later.first { effective[questionnaire.questions[$0].id] == nil }
      : later.first
    if let target {
      position = .question(target)
    } else {
      position = .review
      isEditingFromReview = false
    }
  }

  /// Goes to the previous shown question (from the review: the last one). Returns false at the
  /// first question, where there is nothing before.
  @discardableResult
  public mutating func back() -> Bool {
    let shown = visible.shown
    switch position {
    case .question(let index):
      guard let previous = shown.last(where: { $0 < index }) else { return false }
      position = .question(previous)
      return true
    case .review, .finished:
      guard let last = shown.last else { return false }
      position = .question(last)
      isEditingFromReview = false
      return true
    }
  }

  /// Goes to the review of every answer.
  public mutating func review() {
    position = .review
    isEditingFromReview = false
  }

  /// Goes to a shown question to change its answer; `next` then returns to the review.
  public mutating func edit(_ questionID: String) throws(StepError) {
    guard let index = questionnaire.index(of: questionID),
      visible.shown.contains(index)
    else { throw .notShown(questionID: questionID) }
    position = .question(index)
    isEditingFromReview = true
  }

  /// Ends the screening and scores it; every shown, required question must have an answer.
  public mutating func finish() throws(StepError) -> ScreeningResult {
    let missing = unansweredRequired
    guard missing.isEmpty else { throw .unanswered(missing.map(\.id)) }
    position = .finished
    return result
  }

  /// The result for the current answers.
  public var result: ScreeningResult {
    Scorer.score(questionnaire, answers: answers)
  }
}

extension Condition {
  /// Three-valued evaluation: nil when the answer depends on questions still undecided.
  func mayBeSatisfied(by answers: [String: Answer], undecided: [String: Bool], in questionnaire: Questionnaire) -> Bool?
  {
    switch self {
    case .all(let items):
      var result: Bool? = true
      for item in items {
        switch item.mayBeSatisfied(by: answers, undecided: undecided, in: questionnaire) {
        case false?: return false
        case nil: result = nil
        case true?: continue
        }
      }
      return result
    case .any(let items):
      var result: Bool? = false
      for item in items {
        switch item.mayBeSatisfied(by: answers, undecided: undecided, in: questionnaire) {
        case true?: return true
        case nil: result = nil
        case false?: continue
        }
      }
      return result
    case .not(let inner):
      return inner.mayBeSatisfied(by: answers, undecided: undecided, in: questionnaire).map(!)
    case .test(let id, _):
      if answers[id] == nil && undecided[id] == true { return nil }
      return isSatisfied(by: answers, in: questionnaire)
    }
  }
}
