/// Turns answers into a `ScreeningResult`: scores, band, red flags, messages and chart.
public enum Scorer {
  /// Scores `answers`; answers to questions that are not shown, and "prefer not to say", add nothing.
  public static func score(_ questionnaire: Questionnaire, answers: [String: Answer]) -> ScreeningResult {
    let (shown, effective) = questionnaire.visibility(for: answers)
    let shownIDs = Set(shown.map { questionnaire.questions[$0].id })

    func countable(_ id: String) -> (Question, Answer)? {
      guard let question = questionnaire.question(id), let answer = effective[id], !question.isMissing(answer) else {
        return nil
      }
      return (question, answer)
    }

    let scores = questionnaire.scores.map { rule -> ScoreValue in
      var value = 0
      var contributing: [String] = []
      var skipped: [String] = []
      for id in rule.questionIDs {
        guard let (question, answer) = countable(id) else {
          if shownIDs.contains(id) { skipped.append(id) }
          continue
        }
        let points: Int
        switch rule.kind {
        case .count:
          points = answer.codes.contains(where: rule.codes.contains) ? 1 : 0
        case .sum:
          if case .number(let number) = answer {
            points = number
          } else {
            points = answer.codes.compactMap { question.option($0)?.score }.reduce(0, +)
          }
        }
        value += points
        if points != 0 { contributing.append(id) }
      }
      return ScoreValue(rule: rule, value: value, contributingIDs: contributing, skippedIDs: skipped)
    }

    let messages = questionnaire.messages.filter { $0.condition.isSatisfied(by: effective, in: questionnaire) }
    let redFlags = questionnaire.redFlags.filter { $0.condition.isSatisfied(by: effective, in: questionnaire) }
    var skipped: [String] = []
    var skippedSafety: [String] = []
    var answered: [(questionID: String, answer: Answer?)] = []
    let flagQuestions = Set(questionnaire.redFlags.flatMap(\.condition.questionIDs))
    for index in shown {
      let question = questionnaire.questions[index]
      let answer = effective[question.id]
      answered.append((question.id, answer))
      if answer.map(question.isMissing) ?? true {
        skipped.append(question.id)
        if flagQuestions.contains(question.id) { skippedSafety.append(question.id) }
      }
    }

    var band: Band?
    var bandScore: ScoreValue?
    var withheld: WithheldBand?
    if let set = questionnaire.bands, let value = scores.first(where: { $0.rule.id == set.scoreID }) {
      bandScore = value
      if !messages.contains(where: \.replacesBand) {
        let found = set.bands.first { $0.contains(value.value) }
        // What the skipped questions could add at most: the score's own maximum over them.
        let rest = ScoreRule(
          id: value.rule.id, label: value.rule.label, kind: value.rule.kind, questionIDs: value.skippedIDs,
          codes: value.rule.codes)
        let highest = questionnaire.maximum(of: rest).map { value.value + $0 }
        let couldBeHigher = found.map { band in highest.map { !band.contains($0) } ?? true } ?? false
        if let limit = set.maxSkipped, value.skippedIDs.count > limit {
          withheld = .notEnoughAnswers(lowest: value.value, highest: highest)
        } else if let found, found.isReassuring {
          // Reassurance only when nothing speaks against it.
          if !redFlags.isEmpty {
            withheld = .afterRedFlag
          } else if !skippedSafety.isEmpty {
            withheld = .safetyNotAnswered
          } else if couldBeHigher {
            withheld = .notEnoughAnswers(lowest: value.value, highest: highest)
          } else {
            band = found
          }
        } else {
          band = found
        }
      }
    }

    let domains = questionnaire.domains.map { domain -> DomainValue in
      var value = 0
      var maximum = 0
      for id in domain.questionIDs {
        guard let question = questionnaire.question(id) else { continue }
        maximum +=
          question.type == .multiple
          ? question.options.map { max($0.score, 0) }.reduce(0, +)
          : question.options.map(\.score).max() ?? 0
        if let (question, answer) = countable(id) {
          value += answer.codes.compactMap { question.option($0)?.score }.reduce(0, +)
        }
      }
      return DomainValue(domain: domain, value: value, maximum: maximum)
    }

    var result = ScreeningResult(
      redFlags: redFlags, band: band, bandScore: bandScore, withheldBand: withheld, messages: messages,
      scores: scores, domains: domains, skippedIDs: skipped, skippedSafetyIDs: skippedSafety,
      mayUnderstate: band != nil && !(bandScore?.skippedIDs.isEmpty ?? true), answered: answered)
    if let layout = questionnaire.fhir {
      result.computed = FHIRResponseBuilder(layout: layout, effective: effective, scores: scores, created: .now())
        .shownValues()
    }
    return result
  }
}
