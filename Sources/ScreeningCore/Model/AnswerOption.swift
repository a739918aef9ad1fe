/// One answer a person can choose.
public struct AnswerOption: Sendable, Hashable {
  public var code: String
  public var label: String
  public var score: Int
  /// "Prefer not to say": recorded, but scored as a missing answer, never as "no".
  public var isMissing: Bool
  /// Multiple choice: choosing it clears the other options ("none of these").
  public var isExclusive: Bool

  public init(code: String, label: String, score: Int = 0, isMissing: Bool = false, isExclusive: Bool = false) {
    self.code = code
    self.label = label
    self.score = score
    self.isMissing = isMissing
    self.isExclusive = isExclusive
  }
}
