/// The result as plain text a person can read in a terminal or hand to a clinician.
///
/// Red flags always come first. It describes signs and next steps and never states a diagnosis.
public struct ResultReport: Sendable {
  public var questionnaire: Questionnaire
  public var result: ScreeningResult
  public var region: Region?
  public var width: Int

  public init(questionnaire: Questionnaire, result: ScreeningResult, region: Region?, width: Int = 78) {
    self.questionnaire = questionnaire
    self.result = result
    self.region = region
    self.width = width
  }

  public var text: String {
    var out: [String] = []
    func paragraph(_ text: String, indent: String = "") {
      out.append(contentsOf: TextWrap.wrap(text, width: width, indent: indent))
    }
    func bullet(_ text: String) {
      out.append(contentsOf: TextWrap.wrap(text, width: width, indent: "    ", firstIndent: "  - "))
    }

    out.append("\(questionnaire.title): your result")
    out.append("")
    for flag in result.redFlags {
      out.append("URGENT: \(flag.title)")
      paragraph(flag.guidance, indent: "  ")
      if let region {
        for contact in region.contacts(for: flag.level) {
          bullet("\(contact.name): \(contact.contactLine)")
        }
      }
      out.append("")
    }

    for message in result.messages where message.replacesBand {
      out.append(message.title)
      paragraph(message.text, indent: "  ")
      out.append("")
    }

    if let band = result.band, let score = result.bandScore {
      let total = score.rule.questionIDs.count
      let signs = score.value == 1 ? "sign" : "signs"
      out.append("Result: \(band.label) (\(score.value) of \(total) \(signs))")
      paragraph(band.guidance, indent: "  ")
      out.append("")
      if !score.contributingIDs.isEmpty {
        out.append("What counted: you answered \"yes\" to")
        for id in score.contributingIDs {
          bullet(questionnaire.question(id)?.text ?? id)
        }
        out.append("")
      }
      if !score.skippedIDs.isEmpty {
        let count = score.skippedIDs.count
        paragraph(
          "\(count) of these questions \(count == 1 ? "was" : "were") skipped or answered \"prefer not to say\", so "
            + "this result may understate."
        )
        out.append("")
      }
    }

    let bars = result.domains.filter { $0.maximum > 0 }
    if result.band != nil && !bars.isEmpty {
      out.append("Signs by area")
      let labelWidth = min(32, bars.map(\.domain.label.count).max() ?? 0)
      for bar in bars {
        let label = String(bar.domain.label.prefix(labelWidth))
        let padded = label + String(repeating: " ", count: labelWidth - label.count)
        let filled = bar.maximum == 0 ? 0 : (bar.value * 10 + bar.maximum / 2) / bar.maximum
        out.append(
          "  \(padded)  [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: 10 - filled))] "
            + "\(bar.value) of \(bar.maximum)"
        )
      }
      out.append("")
    }

    if let band = result.band, !band.nextSteps.isEmpty {
      out.append("Next steps")
      for step in band.nextSteps { bullet(step) }
      out.append("")
    }

    let notes = result.messages.filter { !$0.replacesBand }
    if !notes.isEmpty {
      out.append("Also worth knowing")
      for message in notes {
        out.append("  \(message.title)")
        paragraph(message.text, indent: "    ")
      }
      out.append("")
    }

    if !result.skippedIDs.isEmpty {
      let count = result.skippedIDs.count
      paragraph("Skipped: \(count) question\(count == 1 ? "" : "s") left unanswered or answered \"prefer not to say\".")
      out.append("")
    }

    if let region {
      out.append("Where to get help (\(region.name))")
      for resource in region.resources {
        let contact = resource.contactLine
        bullet(contact.isEmpty ? "\(resource.name): \(resource.purpose)" : "\(resource.name): \(contact)")
      }
      out.append("")
    }

    paragraph(questionnaire.disclaimer)
    return out.map { TextSafety.visible($0) }.joined(separator: "\n") + "\n"
  }
}
