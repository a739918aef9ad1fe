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
  public var heading: String {
    switch self {
    case .emergency: return "URGENT, get help now"
    case .crisis: return "Please reach out for support today"
    case .medical: return "See a doctor today"
    }
  }
}

/// Builds the blocks of a result: disclaimer, red flags, safety notes, band (or why there is
/// none), what counted, chart, next steps, notes, skipped questions, help resources.
public enum ResultDocument {
  public static func blocks(questionnaire: Questionnaire, result: ScreeningResult, region: Region?) -> [ResultBlock] {
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
      blocks.append(.heading("Safety questions you did not answer"))
      blocks.append(.bullets(result.skippedSafetyIDs.map { questionnaire.question($0)?.text ?? $0 }))
      blocks.append(
        .paragraph(
          "If any of these apply to you, please talk to a doctor, or use the help resources below. "
            + "You do not have to explain anything you do not want to."))
    }
    for message in result.messages where message.replacesBand && !message.isFirst {
      blocks.append(.heading(message.title))
      blocks.append(.paragraph(message.text))
    }
    if let score = result.bandScore {
      blocks += bandBlocks(score, band: result.band, withheld: result.withheldBand, in: questionnaire, result: result)
    }
    let answeredIDs = Set(result.answered.compactMap { $0.answer == nil ? nil : $0.questionID })
    let others = result.scores.filter { score in
      score.rule.id != result.bandScore?.rule.id && score.rule.questionIDs.contains(where: answeredIDs.contains)
    }
    if !others.isEmpty {
      blocks.append(.heading(others.count == 1 ? "Score" : "Scores"))
      blocks.append(.bullets(others.map { scoreLine($0, in: questionnaire, result: result) }))
    }
    let notes = result.messages.filter { !$0.replacesBand && !$0.isFirst }
    if !notes.isEmpty {
      blocks.append(.heading("Also worth knowing"))
      blocks.append(
        .bullets(
          notes.map { note in (["\(note.title). \(note.text)"] + contacts(note.contacts)).joined(separator: " ") }))
    }
    if !result.skippedIDs.isEmpty {
      let count = result.skippedIDs.count
      blocks.append(
        .paragraph(
          "Skipped: \(count) question\(count == 1 ? "" : "s") left unanswered or answered \"prefer not to say\"."))
    }
    if let region {
      blocks.append(.heading("Where to get help (\(region.name))"))
      blocks.append(.bullets(region.resources.map(\.summaryLine)))
    }
    return blocks
  }

  /// The banded score: its band and guidance, or why no band is given, then what counted.
  private static func bandBlocks(
    _ score: ScoreValue, band: Band?, withheld: WithheldBand?, in questionnaire: Questionnaire,
    result: ScreeningResult
  ) -> [ResultBlock] {
    let total = score.rule.questionIDs.count
    let counted = "\(score.value) of \(total)"
    var blocks: [ResultBlock] = []
    switch (band, withheld) {
    case (let band?, _):
      blocks.append(.heading("Result: \(band.label) (\(counted) \(total == 1 ? "sign" : "signs"))"))
      blocks.append(.paragraph(band.guidance))
    case (nil, .notEnoughAnswers(let lowest, let highest)?):
      let skipped = score.skippedIDs.count
      let range = highest.map { "between \(lowest) and \($0)" } ?? "\(lowest) or more"
      blocks.append(.heading("Result: not enough answers to count"))
      blocks.append(
        .paragraph(
          "\(skipped) of the \(total) questions this result counts \(skipped == 1 ? "was" : "were") skipped or "
            + "answered \"prefer not to say\", so this check cannot say how many signs there are. Counting "
            + "the skipped ones, it could be anywhere \(range). That is fine: you do not have to answer "
            + "everything. If you would like to talk it through, a doctor or a drug service can help, "
            + "in confidence (see the help resources below)."))
    case (nil, .afterRedFlag?):
      blocks.append(.heading("\(score.rule.label): \(counted)"))
      blocks.append(
        .paragraph(
          "Because of what you said in the safety questions, please follow the advice at the top of this "
            + "result first. A doctor or a drug service can talk through the rest of your answers with you."))
    case (nil, .safetyNotAnswered?):
      blocks.append(.heading("\(score.rule.label): \(counted)"))
      blocks.append(
        .paragraph(
          "Some safety questions were not answered (see above), so this check does not say whether your "
            + "answers are reassuring. A doctor or a drug service can talk things through with you."))
    case (nil, nil):
      return []
    }
    if !score.contributingIDs.isEmpty {
      blocks.append(.heading("What counted: you answered \"yes\" to"))
      blocks.append(.bullets(score.contributingIDs.map { questionnaire.question($0)?.text ?? $0 }))
    }
    guard let band else { return blocks }
    if !score.skippedIDs.isEmpty {
      let count = score.skippedIDs.count
      blocks.append(
        .paragraph(
          "\(count) of these questions \(count == 1 ? "was" : "were") skipped or answered \"prefer not to say\", "
            + "so this result may understate."))
    }
    let bars = result.domains.filter { $0.maximum > 0 }
    if !bars.isEmpty {
      blocks.append(.heading("Signs by area"))
      blocks.append(.bars(bars.map { ResultBar(label: $0.domain.label, value: $0.value, maximum: $0.maximum) }))
    }
    if !band.nextSteps.isEmpty {
      blocks.append(.heading("Next steps"))
      blocks.append(.bullets(band.nextSteps))
    }
    return blocks
  }

  /// `Total score: 27 of 27`, with how many of its questions were skipped; a score that shows its
  /// answer is that answer in words (`How often: Weekly`).
  private static func scoreLine(_ score: ScoreValue, in questionnaire: Questionnaire, result: ScreeningResult)
    -> String
  {
    if score.rule.showsAnswer, let question = score.rule.questionIDs.first.flatMap(questionnaire.question),
      let answer = result.answered.first(where: { $0.questionID == question.id })?.answer
    {
      return "\(score.rule.label): \(question.label(for: answer))"
    }
    var line = "\(score.rule.label): \(score.value)"
    if let top = questionnaire.maximum(of: score.rule) { line += " of \(top)" }
    let skipped = score.skippedIDs.count
    if skipped > 0 {
      line += " (\(skipped) of its questions \(skipped == 1 ? "was" : "were") skipped, so it may understate)"
    }
    return line
  }
}
