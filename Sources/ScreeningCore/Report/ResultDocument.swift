/// The result as an ordered list of blocks, shared by every way of showing it (plain text, the
/// full-screen results, exports), so they always say the same things in the same order.
public enum ResultBlock: Sendable, Hashable {
  /// Urgent guidance with the contacts to use now; always first.
  case urgent(title: String, guidance: String, contacts: [String])
  case heading(String)
  case paragraph(String)
  case bullets([String])
  /// One bar per domain: label, value and maximum.
  case bars([ResultBar])
  /// Small print (the disclaimer).
  case note(String)
}

/// One bar of the "signs by area" chart.
public struct ResultBar: Sendable, Hashable {
  public var label: String
  public var value: Int
  public var maximum: Int
}

/// Builds the blocks of a result: red flags, band, what counted, chart, next steps, notes,
/// skipped questions, help resources, disclaimer.
public enum ResultDocument {
  public static func blocks(questionnaire: Questionnaire, result: ScreeningResult, region: Region?) -> [ResultBlock] {
    var blocks: [ResultBlock] = []
    for flag in result.redFlags {
      let contacts = region?.contacts(for: flag.level).map { "\($0.name): \($0.contactLine)" } ?? []
      blocks.append(.urgent(title: flag.title, guidance: flag.guidance, contacts: contacts))
    }
    for message in result.messages where message.replacesBand {
      blocks.append(.heading(message.title))
      blocks.append(.paragraph(message.text))
    }
    if let band = result.band, let score = result.bandScore {
      let total = score.rule.questionIDs.count
      blocks.append(
        .heading("Result: \(band.label) (\(score.value) of \(total) \(total == 1 ? "sign" : "signs"))"))
      blocks.append(.paragraph(band.guidance))
      if !score.contributingIDs.isEmpty {
        blocks.append(.heading("What counted: you answered \"yes\" to"))
        blocks.append(.bullets(score.contributingIDs.map { questionnaire.question($0)?.text ?? $0 }))
      }
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
    }
    let others = result.scores.filter { $0.rule.id != result.bandScore?.rule.id }
    if !others.isEmpty {
      blocks.append(.heading(others.count == 1 ? "Score" : "Scores"))
      blocks.append(.bullets(others.map { scoreLine($0, in: questionnaire) }))
    }
    let notes = result.messages.filter { !$0.replacesBand }
    if !notes.isEmpty {
      blocks.append(.heading("Also worth knowing"))
      blocks.append(.bullets(notes.map { "\($0.title). \($0.text)" }))
    }
    if !result.skippedIDs.isEmpty {
      let count = result.skippedIDs.count
      blocks.append(
        .paragraph(
          "Skipped: \(count) question\(count == 1 ? "" : "s") left unanswered or answered \"prefer not to say\"."))
    }
    if let region {
      blocks.append(.heading("Where to get help (\(region.name))"))
      blocks.append(
        .bullets(
          region.resources.map { resource in
            let contact = resource.contactLine
            return contact.isEmpty ? "\(resource.name): \(resource.purpose)" : "\(resource.name): \(contact)"
          }))
    }
    blocks.append(.note(questionnaire.disclaimer))
    return blocks
  }

  /// `Total score: 27 of 27`, with how many of its questions were skipped.
  private static func scoreLine(_ score: ScoreValue, in questionnaire: Questionnaire) -> String {
    var line = "\(score.rule.label): \(score.value)"
    if let top = questionnaire.maximum(of: score.rule) { line += " of \(top)" }
    let skipped = score.skippedIDs.count
    if skipped > 0 {
      line += " (\(skipped) of its questions \(skipped == 1 ? "was" : "were") skipped, so it may understate)"
    }
    return line
  }
}
