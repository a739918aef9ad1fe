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
    let blocks = ResultDocument.blocks(questionnaire: questionnaire, result: result, region: region)
    let wording = Wording.forLanguage(questionnaire.language)
    let lines =
      [wording(.resultTitleLine, ["title": questionnaire.title]), ""]
      + Self.lines(blocks, width: width, wording: wording)
    return lines.map { TextSafety.visible($0) }.joined(separator: "\n") + "\n"
  }

  /// Plain-text lines for result blocks, with a blank line between blocks (none after a heading).
  static func lines(_ blocks: [ResultBlock], width: Int, wording: Wording) -> [String] {
    var out: [String] = []
    func bullets(_ items: [String]) {
      for item in items { out += TextWrap.wrap(item, width: width, indent: "    ", firstIndent: "  - ") }
    }
    for (index, block) in blocks.enumerated() {
      switch block {
      case .urgent(let level, let title, let guidance, let contacts):
        out += TextWrap.wrap("\(level.heading(wording)): \(title)", width: width, indent: "  ", firstIndent: "")
        out += TextWrap.wrap(guidance, width: width, indent: "  ")
        bullets(contacts)
      case .heading(let title):
        out += TextWrap.wrap(title, width: width, indent: "  ", firstIndent: "")
        continue  // a heading belongs to the block after it: no blank line
      case .paragraph(let text):
        let indent = (index > 0 && blocks[index - 1].isHeading) ? "  " : ""
        out += TextWrap.wrap(text, width: width, indent: indent)
      case .bullets(let items):
        bullets(items)
      case .bars(let bars):
        let labelWidth = min(32, bars.map(\.label.count).max() ?? 0)
        for bar in bars {
          let label = String(bar.label.prefix(labelWidth))
          let padded = label + String(repeating: " ", count: labelWidth - label.count)
          let filled = bar.maximum == 0 ? 0 : (bar.value * 10 + bar.maximum / 2) / bar.maximum
          out.append(
            "  \(padded)  [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: 10 - filled))] "
              + "\(bar.value) of \(bar.maximum)")
        }
      case .note(let text):
        out += TextWrap.wrap(text, width: width)
      }
      if index + 1 < blocks.count { out.append("") }
    }
    return out
  }
}

extension ResultBlock {
  var isHeading: Bool {
    if case .heading = self { return true }
    return false
  }
}
