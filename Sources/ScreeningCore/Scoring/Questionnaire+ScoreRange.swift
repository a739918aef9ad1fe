extension Questionnaire {
  /// The highest value a score can reach, or nil when it is unbounded (a number question
  /// without `max`) or reads a question that is not in the questionnaire.
  public func maximum(of rule: ScoreRule) -> Int? {
    var total = 0
    for id in rule.questionIDs {
      guard let index = index(of: id) else { return nil }
      // Read in place: `question(_:)` would copy the whole Question.
      switch rule.kind {
      case .count:
        total += 1
      case .sum:
        let type = questions[index].type
        if type == .number {
          guard let top = questions[index].maximum else { return nil }
          total += max(top, 0)
        } else if type == .multiple {
          total += questions[index].options.filter { !$0.isExclusive }.map { max($0.score, 0) }.reduce(0, +)
        } else {
          total += questions[index].options.map(\.score).max().map { max($0, 0) } ?? 0
        }
      }
    }
    return total
  }
}
