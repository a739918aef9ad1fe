/// The result as an ordered list of blocks, shared by every way of showing it (plain text, the
/// full-screen results, exports), so they always say the same things in the same order.
public enum ResultBlock: Sendable, Hashable {
  /// Guidance for a red flag with the contacts it calls for; right after the disclaimer.
  case urgent(level: RedFlag.Level, title: String, guidance: String, contacts: [String])
  case heading(String)
  case paragraph(String)
  case bullets([String])
  /// One bar per domain: label, value and maximum.
  case bars([ResultBar])
  /// Small print (the disclaimer), first of all.
  case note(String)
}

/// One bar of the "signs by area" chart.
public struct ResultBar: Sendable, Hashable {
  public var label: String
  public var value: Int
  public var maximum: Int
}

extension RedFlag.Level {
  /// The heading a red flag's guidance is shown under: it says how soon to act, as the text does.
  public func heading(_ wording: Wording) -> String {
    switch self {
    case .emergency: return wording(.levelEmergency)
    case .crisis: return wording(.levelCrisis)
    case .medical: return wording(.levelMedical)
    }
  }
}

/// Builds the blocks of a result: disclaimer, red flags, safety notes, band (or why there is
/// none), what counted, chart, next steps, notes, skipped questions, help resources.
public enum ResultDocument {
  public static func blocks(questionnaire: Questionnaire, result: ScreeningResult, region: Region?) -> [ResultBlock] {
    let w = Wording.forLanguage(questionnaire.language)
    var blocks: [ResultBlock] = [.note(questionnaire.disclaimer)]
    func contacts(_ kinds: [HelpResource.Kind]) -> [String] {
      region?.contacts(for: kinds).map(\.summaryLine) ?? []
    }
    for flag in result.redFlags {
      blocks.append(
        .urgent(level: flag.level, title: flag.title, guidance: flag.guidance, contacts: contacts(flag.contacts)))
    }
    for message in result.messages where message.isFirst {
      blocks.append(.heading(message.title))
      blocks.append(.paragraph(message.text))
      let lines = contacts(message.contacts)
      if !lines.isEmpty { blocks.append(.bullets(lines)) }
    }
    if !result.skippedSafetyIDs.isEmpty {
      blocks.append(.heading(w(.resultSafetyUnanswered)))
      blocks.append(.bullets(result.skippedSafetyIDs.map { questionnaire.question($0)?.text ?? $0 }))
      blocks.append(
        .paragraph(w(.resultSafetyUnansweredAdvice)))
    }
    for message in result.messages where message.replacesBand && !message.isFirst {
      blocks.append(.heading(message.title))
      blocks.append(.paragraph(message.text))
    }
    if let score = result.bandScore {
      blocks += bandBlocks(
        score, band: result.band, withheld: result.withheldBand, in: questionnaire, result: result, wording: w)
    }
    let answeredIDs = Set(result.answered.compactMap { $0.answer == nil ? nil : $0.questionID })
    let others = result.scores.filter { score in
      score.rule.id != result.bandScore?.rule.id && score.rule.questionIDs.contains(where: answeredIDs.contains)
    }
    if !others.isEmpty {
      blocks.append(.heading(w(.resultScores, count: others.count)))
      blocks.append(.bullets(others.map { scoreLine($0, in: questionnaire, result: result, wording: w) }))
    }
    if !result.computed.isEmpty {
      blocks.append(.heading(w(.resultCalculated)))
      blocks.append(.bullets(result.computed.map { "\($0.label): \($0.text)" }))
    }
    let notes = result.messages.filter { !$0.replacesBand && !$0.isFirst }
    if !notes.isEmpty {
      blocks.append(.heading(w(.resultAlsoWorthKnowing)))
      blocks.append(
        .bullets(
          notes.map { note in (["\(note.title). \(note.text)"] + contacts(note.contacts)).joined(separator: " ") }))
    }
    if !result.skippedIDs.isEmpty {
      // "prefer not to say" is named only where the questionnaire offers it.
      let offersMissing = questionnaire.questions.contains { $0.options.contains(where: \.isMissing) }
      blocks.append(
        .paragraph(w(offersMissing ? .resultSkipped : .resultSkippedUnanswered, count: result.skippedIDs.count)))
    }
    if let notAsked = questionnaire.fhir?.notAsked, !notAsked.isEmpty {
      blocks.append(.paragraph(w(.resultNotAsked, count: notAsked.count)))
    }
    if let region {
      blocks.append(.heading(w(.resultWhereToGetHelp, ["region": region.name])))
      blocks.append(.bullets(region.resources.map(\.summaryLine)))
    }
    return blocks
  }

  /// The banded score: its band and guidance, or why no band is given, then what counted.
  private static func bandBlocks(
    _ score: ScoreValue, band: Band?, withheld: WithheldBand?, in questionnaire: Questionnaire,
    result: ScreeningResult, wording w: Wording
  ) -> [ResultBlock] {
    let total = score.rule.questionIDs.count
    // A total of weights reads as a score out of its highest (the PHQ-9's 27), not as a count.
    let counted =
      score.rule.kind == .sum
      ? questionnaire.maximum(of: score.rule).map {
        w(.resultScoreOutOf, ["value": String(score.value), "maximum": String($0)])
      } ?? String(score.value)
      : w(.resultCounted, ["value": String(score.value), "total": String(total)])
    let scoreHeading = w(.resultScoreHeading, ["label": score.rule.label, "counted": counted])
    var blocks: [ResultBlock] = []
    switch (band, withheld) {
    case (let band?, _) where score.rule.kind == .sum:
      // A total of weights (PHQ-9): its value out of its highest, not a count of signs.
      let values = ["band": band.label, "value": String(score.value)]
      if let top = questionnaire.maximum(of: score.rule) {
        blocks.append(.heading(w(.resultBandScoreOf, values.merging(["maximum": String(top)]) { $1 })))
      } else {
        blocks.append(.heading(w(.resultBandScore, values)))
      }
      blocks.append(.paragraph(band.guidance))
    case (let band?, _):
      blocks.append(.heading(w(.resultBand, ["band": band.label, "counted": counted, "total": String(total)])))
      blocks.append(.paragraph(band.guidance))
    case (nil, .notEnoughAnswers(let lowest, let highest)?):
      let skipped = score.skippedIDs.count
      let range =
        highest.map { w(.resultRangeBetween, ["lowest": String(lowest), "highest": String($0)]) }
        ?? w(.resultRangeOrMore, ["lowest": String(lowest)])
      blocks.append(.heading(w(.resultNotEnough)))
      blocks.append(
        .paragraph(
          w(.resultNotEnoughWhy, ["skipped": String(skipped), "total": String(total), "range": range])))
    case (nil, .afterRedFlag?):
      blocks.append(.heading(scoreHeading))
      blocks.append(.paragraph(w(.resultAfterRedFlag)))
    case (nil, .safetyNotAnswered?):
      blocks.append(.heading(scoreHeading))
      blocks.append(.paragraph(w(.resultSafetyNotAnswered)))
    case (nil, nil):
      return []
    }
    if !score.contributingIDs.isEmpty {
      blocks.append(.heading(w(score.rule.kind == .sum ? .resultWhatAdded : .resultWhatCounted)))
      blocks.append(.bullets(score.contributingIDs.map { questionnaire.question($0)?.text ?? $0 }))
    }
    guard let band else { return blocks }
    if !score.skippedIDs.isEmpty {
      blocks.append(.paragraph(w(.resultMayUnderstate, count: score.skippedIDs.count)))
    }
    let bars = result.domains.filter { $0.maximum > 0 }
    if !bars.isEmpty {
      blocks.append(.heading(w(.resultSignsByArea)))
      blocks.append(.bars(bars.map { ResultBar(label: $0.domain.label, value: $0.value, maximum: $0.maximum) }))
    }
    if !band.nextSteps.isEmpty {
      blocks.append(.heading(w(.resultNextSteps)))
      blocks.append(.bullets(band.nextSteps))
    }
    return blocks
  }

  /// `Total score: 27 of 27`, with how many of its questions were skipped; a score that shows its
  /// answer is that answer in words (`How often: Weekly`).
  private static func scoreLine(
    _ score: ScoreValue, in questionnaire: Questionnaire, result: ScreeningResult, wording w: Wording
  ) -> String {
    if score.rule.showsAnswer, let question = score.rule.questionIDs.first.flatMap(questionnaire.question),
      let answer = result.answered.first(where: { $0.questionID == question.id })?.answer
    {
      return w(.resultScoreAnswer, ["label": score.rule.label, "answer": question.label(for: answer)])
    }
    let values = ["label": score.rule.label, "value": String(score.value)]
    var line = w(.resultScoreValue, values)
    if let top = questionnaire.maximum(of: score.rule) {
      line = w(.resultScoreOf, values.merging(["maximum": String(top)]) { $1 })
    }
    let skipped = score.skippedIDs.count
    if skipped > 0 { line += w(.resultScoreSkipped, count: skipped) }
    return line
  }
}
