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

  public init(id: String, label: String, kind: Kind, questionIDs: [String], codes: [String] = []) {
    self.id = id
    self.label = label
    self.kind = kind
    self.questionIDs = questionIDs
    self.codes = codes
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

  public init(id: String, minimum: Int, maximum: Int?, label: String, guidance: String, nextSteps: [String] = []) {
    self.id = id
    self.minimum = minimum
    self.maximum = maximum
    self.label = label
    self.guidance = guidance
    self.nextSteps = nextSteps
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

  public init(scoreID: String, bands: [Band]) {
    self.scoreID = scoreID
    self.bands = bands
  }
}

/// An answer condition that calls for urgent guidance, whatever the score.
public struct RedFlag: Sendable, Hashable, Identifiable {
  /// Which contacts come first.
  public enum Level: String, Sendable, Hashable, CaseIterable {
    /// The emergency number.
    case emergency
    /// A crisis line.
    case crisis
    /// Urgent medical advice.
    case medical
  }

  public var id: String
  public var condition: Condition
  public var level: Level
  public var title: String
  public var guidance: String

  public init(id: String, condition: Condition, level: Level, title: String, guidance: String) {
    self.id = id
    self.condition = condition
    self.level = level
    self.title = title
    self.guidance = guidance
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

  public init(id: String, condition: Condition, title: String, text: String, replacesBand: Bool = false) {
    self.id = id
    self.condition = condition
    self.title = title
    self.text = text
    self.replacesBand = replacesBand
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
