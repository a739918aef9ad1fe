extension Questionnaire {
  /// The highest value a score can reach, or nil when it is unbounded (a number question
  /// without `max`) or reads a question that is not in the questionnaire.
  public func maximum(of rule: ScoreRule) -> Int? {
    var total = 0
    for id in rule.questionIDs {
      guard let question = question(id) else { return nil }
      switch rule.kind {
      case .count:
        total += 1
      case .sum:
        if question.type == .number {
          guard let top = question.maximum else { return nil }
          total += max(top, 0)
        } else if question.type == .multiple {
          total += question.options.filter { !$0.isExclusive }.map { max($0.score, 0) }.reduce(0, +)
        } else {
          total += question.options.map(\.score).max().map { max($0, 0) } ?? 0
        }
      }
    }
    return total
  }
}
