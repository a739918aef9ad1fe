/// The kind of answer a question takes.
public enum QuestionType: String, Sendable, Hashable, CaseIterable {
  case single
  case multiple
  case yesNo = "yes_no"
  case number
  case text

  /// Whether the answer is chosen from options.
  public var hasOptions: Bool {
    switch self {
    case .single, .multiple, .yesNo: return true
    case .number, .text: return false
    }
  }
}
