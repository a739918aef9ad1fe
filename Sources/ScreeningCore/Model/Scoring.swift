/// A sum or count over named questions.
public struct ScoreRule: Sendable, Hashable, Identifiable {
  public enum Kind: String, Sendable, Hashable {
    /// Questions whose answer is one of `codes`.
    case count
    /// The chosen options' scores.
    case sum
  }

  public var id: String
  public var label: String
  public var kind: Kind
  public var questionIDs: [String]
  /// `count` only: the answer codes that count.
  public var codes: [String]
  /// Whether the result shows its one question's answer in words ("Weekly") instead of a value.
  public var showsAnswer: Bool

  public init(
    id: String, label: String, kind: Kind, questionIDs: [String], codes: [String] = [], showsAnswer: Bool = false
  ) {
    self.id = id
    self.label = label
    self.kind = kind
    self.questionIDs = questionIDs
    self.codes = codes
    self.showsAnswer = showsAnswer
  }
}

/// A range of one score with its guidance.
public struct Band: Sendable, Hashable, Identifiable {
  public var id: String
  public var minimum: Int
  /// Inclusive; nil on the last band means "and above".
  public var maximum: Int?
  public var label: String
  public var guidance: String
  public var nextSteps: [String]
  /// Whether its words reassure ("few or no signs"): such a band is never shown after a red flag.
  public var isReassuring: Bool

  public init(
    id: String, minimum: Int, maximum: Int?, label: String, guidance: String, nextSteps: [String] = [],
    isReassuring: Bool = false
  ) {
    self.id = id
    self.minimum = minimum
    self.maximum = maximum
    self.label = label
    self.guidance = guidance
    self.nextSteps = nextSteps
    self.isReassuring = isReassuring
  }

  /// Whether `value` falls in this band.
  public func contains(_ value: Int) -> Bool {
    value >= minimum && (maximum.map { value <= $0 } ?? true)
  }
}

/// The bands of one score.
public struct BandSet: Sendable, Hashable {
  public var scoreID: String
  public var bands: [Band]
  /// How many of the score's questions may be skipped and a band still given; nil: any number.
  public var maxSkipped: Int?

  public init(scoreID: String, bands: [Band], maxSkipped: Int? = nil) {
    self.scoreID = scoreID
    self.bands = bands
    self.maxSkipped = maxSkipped
  }
}

/// An answer condition that calls for urgent guidance, whatever the score.
public struct RedFlag: Sendable, Hashable, Identifiable {
  /// How soon to act, which sets the heading its guidance is shown under.
  public enum Level: String, Sendable, Hashable, CaseIterable {
    /// Now: call the emergency number.
    case emergency
    /// Today: talk to a crisis line.
    case crisis
    /// Today: a same-day medical route (a doctor, an urgent medical advice line).
    case medical

    /// The kinds of contact a flag of this level lists when it names none of its own.
    public var defaultContacts: [HelpResource.Kind] {
      switch self {
      case .emergency: return [.emergency]
      case .crisis: return [.crisis, .emergency]
      case .medical: return [.medical, .gp]
      }
    }
  }

  public var id: String
  public var condition: Condition
  public var level: Level
  public var title: String
  public var guidance: String
  /// The kinds of contact this flag calls for, most needed first (e.g. emergency, then poison).
  public var contacts: [HelpResource.Kind]

  public init(
    id: String, condition: Condition, level: Level, title: String, guidance: String,
    contacts: [HelpResource.Kind]? = nil
  ) {
    self.id = id
    self.condition = condition
    self.level = level
    self.title = title
    self.guidance = guidance
    self.contacts = contacts ?? level.defaultContacts
  }
}

/// Guidance shown with the result when its condition holds.
public struct ResultMessage: Sendable, Hashable, Identifiable {
  public var id: String
  public var condition: Condition
  public var title: String
  public var text: String
  /// When true the band is not shown (for example "no use in the past year").
  public var replacesBand: Bool
  /// Kinds of help resource listed with it (a crisis line).
  public var contacts: [HelpResource.Kind]
  /// When true it is shown right after the red flags, before the band (safety notes).
  public var isFirst: Bool

  public init(
    id: String, condition: Condition, title: String, text: String, replacesBand: Bool = false,
    contacts: [HelpResource.Kind] = [], isFirst: Bool = false
  ) {
    self.id = id
    self.condition = condition
    self.title = title
    self.text = text
    self.replacesBand = replacesBand
    self.contacts = contacts
    self.isFirst = isFirst
  }
}

/// A group of questions shown as one bar of the results chart.
public struct Domain: Sendable, Hashable, Identifiable {
  public var id: String
  public var label: String
  public var questionIDs: [String]

  public init(id: String, label: String, questionIDs: [String]) {
    self.id = id
    self.label = label
    self.questionIDs = questionIDs
  }
}
