/// Skip logic and trigger conditions over answers.
public indirect enum Condition: Sendable, Hashable {
  /// One test on one question's answer.
  case test(question: String, ConditionTest)
  case all([Condition])
  case any([Condition])
  case not(Condition)

  /// The ids of every question the condition reads, in order of appearance.
  public var questionIDs: [String] {
    switch self {
    case .test(let question, _): return [question]
    case .all(let items), .any(let items): return items.flatMap(\.questionIDs)
    case .not(let inner): return inner.questionIDs
    }
  }
}

/// A test on one answer.
public enum ConditionTest: Sendable, Hashable {
  /// The answer is this code (multiple choice: it is among those chosen).
  case equals(String)
  /// The answer is one of these codes (multiple choice: any of them is chosen).
  case oneOf([String])
  /// The question was shown and answered other than "prefer not to say" (or, when false, was not).
  case answered(Bool)
  /// A number or decimal answer is at least / at most / more than / less than the bound.
  case atLeast(Double)
  case atMost(Double)
  case moreThan(Double)
  case lessThan(Double)
  /// A text or date answer is exactly this text.
  case textEquals(String)
}
