extension Condition {
  /// Whether the condition holds for `answers`, which must hold only questions that are shown.
  public func isSatisfied(by answers: [String: Answer], in questionnaire: Questionnaire) -> Bool {
    switch self {
    case .all(let items): return items.allSatisfy { $0.isSatisfied(by: answers, in: questionnaire) }
    case .any(let items): return items.contains { $0.isSatisfied(by: answers, in: questionnaire) }
    case .not(let inner): return !inner.isSatisfied(by: answers, in: questionnaire)
    case .test(let id, let test):
      let answer = answers[id]
      switch test {
      case .equals(let code): return answer?.codes.contains(code) ?? false
      case .textEquals(let text):
        if case .text(let given)? = answer { return given == text }
        return false
      case .oneOf(let codes): return answer?.codes.contains(where: codes.contains) ?? false
      case .answered(let wanted):
        let answered = answer.map { questionnaire.question(id)?.isMissing($0) == false } ?? false
        return answered == wanted
      case .atLeast(let bound): return answer?.numericValue.map { $0 >= bound } ?? false
      case .atMost(let bound): return answer?.numericValue.map { $0 <= bound } ?? false
      case .moreThan(let bound): return answer?.numericValue.map { $0 > bound } ?? false
      case .lessThan(let bound): return answer?.numericValue.map { $0 < bound } ?? false
      }
    }
  }
}

extension Questionnaire {
  /// Which questions are shown given `answers`, in asking order, with the answers that count.
  ///
  /// A question is shown when its show_if holds over the answers of the questions shown before it;
  /// answers to questions that are not shown are dropped, so they never count.
  public func visibility(for answers: [String: Answer]) -> (shown: [Int], effective: [String: Answer]) {
    var shown: [Int] = []
    var effective: [String: Answer] = [:]
    // The response an enableWhenExpression reads holds the answers so far; it is built again only
    // when an answer has been added since (effective only grows), not for every such question.
    var response: (count: Int, builder: FHIRResponseBuilder, resource: JSONValue)?
    for (index, question) in questions.enumerated() {
      if let condition = question.showIf, !condition.isSatisfied(by: effective, in: self) { continue }
      if let fhir, let expressions = fhir.enableExpressions[question.id] {
        if response?.count != effective.count {
          // The calculated items are found once, from the first builder.
          let builder = FHIRResponseBuilder(
            layout: fhir, effective: effective, scores: [], created: .now(),
            calculations: response?.builder.calculations)
          response = (effective.count, builder, FHIRResponseBuilder.resource(builder.computing().items))
        }
        if let response, !response.builder.isEnabled(expressions, over: response.resource) { continue }
      }
      shown.append(index)
      if let answer = answers[question.id] { effective[question.id] = answer }
    }
    return (shown, effective)
  }
}
