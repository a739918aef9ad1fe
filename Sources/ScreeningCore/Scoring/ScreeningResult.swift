/// The value of one score rule for a set of answers.
public struct ScoreValue: Sendable, Hashable {
  public var rule: ScoreRule
  public var value: Int
  /// The questions that added to the value (for a count: the ones answered with a counted code).
  public var contributingIDs: [String]
  /// Shown questions it reads that were unanswered or "prefer not to say".
  public var skippedIDs: [String]
}

/// One bar of the results chart.
public struct DomainValue: Sendable, Hashable {
  public var domain: Domain
  public var value: Int
  public var maximum: Int
}

/// Why a banded score is shown without its band. A band that reassures is given only when no
/// red flag holds, every safety question was answered, and the skipped questions could not take
/// the score out of it.
public enum WithheldBand: Sendable, Hashable {
  /// More of the score's questions were skipped than its bands allow: the score could be anywhere
  /// from `lowest` to `highest` (nil when a skipped question has no upper bound).
  case notEnoughAnswers(lowest: Int, highest: Int?)
  /// A red flag holds and the band would reassure.
  case afterRedFlag
  /// A safety question (one a red flag reads) was skipped and the band would reassure.
  case safetyNotAnswered
}

/// A value a FHIR form computes from the answers (`calculatedExpression`): a BMI, a total.
public struct ComputedValue: Sendable, Hashable {
  public var linkID: String
  public var label: String
  /// The value as a person reads it ("24.2 kg/m2").
  public var text: String
}

/// What a set of answers adds up to: never a diagnosis, only signs, guidance and next steps.
public struct ScreeningResult: Sendable, Hashable {
  /// Red flags that hold, in the questionnaire's order; shown before anything else.
  public var redFlags: [RedFlag]
  /// The band of the banded score, unless a message replaces it.
  public var band: Band?
  /// The banded score's value.
  public var bandScore: ScoreValue?
  /// Set when the banded score has a value but no band is given, and why.
  public var withheldBand: WithheldBand?
  /// Conditional guidance that holds, in the questionnaire's order.
  public var messages: [ResultMessage]
  public var scores: [ScoreValue]
  public var domains: [DomainValue]
  /// Shown questions left unanswered or answered "prefer not to say".
  public var skippedIDs: [String]
  /// The skipped ones that a red flag reads (safety questions), in asking order.
  public var skippedSafetyIDs: [String]
  /// Whether questions the band reads were skipped, so the result may understate.
  public var mayUnderstate: Bool
  /// Shown questions with their answers (missing ones included), in asking order.
  public var answered: [(questionID: String, answer: Answer?)]
  /// The values a FHIR form computes, in the form's order (those with a value only).
  public var computed: [ComputedValue] = []

  public static func == (lhs: ScreeningResult, rhs: ScreeningResult) -> Bool {
    lhs.redFlags == rhs.redFlags && lhs.band == rhs.band && lhs.bandScore == rhs.bandScore
      && lhs.withheldBand == rhs.withheldBand && lhs.skippedSafetyIDs == rhs.skippedSafetyIDs
      && lhs.messages == rhs.messages && lhs.scores == rhs.scores && lhs.domains == rhs.domains
      && lhs.skippedIDs == rhs.skippedIDs && lhs.mayUnderstate == rhs.mayUnderstate
      && lhs.answered.map(\.questionID) == rhs.answered.map(\.questionID)
      && lhs.answered.map(\.answer) == rhs.answered.map(\.answer) && lhs.computed == rhs.computed
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(redFlags)
    hasher.combine(band)
    hasher.combine(scores)
    hasher.combine(skippedIDs)
  }
}
