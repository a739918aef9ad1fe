/// One question of a questionnaire.
public struct Question: Sendable, Hashable, Identifiable {
  public var id: String
  public var text: String
  public var help: String?
  public var type: QuestionType
  /// The options of a choice question (from its scale or its own list); empty otherwise.
  public var options: [AnswerOption]
  public var isRequired: Bool
  public var showIf: Condition?
  public var minimum: Int?
  public var maximum: Int?
  public var maxLength: Int
  public var source: Citation?
  /// The id of the section it belongs to.
  public var sectionID: String
  /// An answer offered at the start (the form's suggestion): shown ready to take, recorded only
  /// when the person takes it.
  public var initial: Answer?
  /// A text answer must match this regular expression, all of it (a postcode, a phone number).
  public var pattern: String?
  /// How such an answer looks, said when one does not match ("nnn-nnn-nnnn", "AB12 3CD").
  public var patternExample: String?
  /// A file question: the kinds of file it takes, as media types (`image/*`, `application/pdf`);
  /// empty takes any kind.
  public var accept: [String]
  /// A file question: the largest file it takes, in bytes (never above `AttachedFile.largest`).
  public var maxSize: Int?

  public init(
    id: String, text: String, help: String? = nil, type: QuestionType, options: [AnswerOption] = [],
    isRequired: Bool = true, showIf: Condition? = nil, minimum: Int? = nil, maximum: Int? = nil,
    maxLength: Int = 500, source: Citation? = nil, sectionID: String = "", initial: Answer? = nil,
    pattern: String? = nil, patternExample: String? = nil, accept: [String] = [], maxSize: Int? = nil
  ) {
    self.accept = accept
    self.maxSize = maxSize
    self.initial = initial
    self.pattern = pattern
    self.patternExample = patternExample
    self.id = id
    self.text = text
    self.help = help
    self.type = type
    self.options = options
    self.isRequired = isRequired
    self.showIf = showIf
    self.minimum = minimum
    self.maximum = maximum
    self.maxLength = maxLength
    self.source = source
    self.sectionID = sectionID
  }

  /// The option with `code`, if any.
  public func option(_ code: String) -> AnswerOption? {
    options.first { $0.code == code }
  }
}

/// A titled group of questions.
public struct Section: Sendable, Hashable, Identifiable {
  public var id: String
  public var title: String
  public var intro: String?
  public var questionIDs: [String]

  public init(id: String, title: String, intro: String? = nil, questionIDs: [String]) {
    self.id = id
    self.title = title
    self.intro = intro
    self.questionIDs = questionIDs
  }
}
