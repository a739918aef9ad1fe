import Foundation

/// The results as a Markdown table: median, min and max of each measure.
struct Table {
  var title = ""
  private var rows: [String] = []
  private var notes: [String] = []

  mutating func add(_ name: String, _ values: [Double], target: String = "") {
    let clean = values.filter { !$0.isNaN }
    guard let low = clean.min(), let high = clean.max() else {
      rows.append("| \(name) | n/a | | | \(target) |")
      return
    }
    rows.append("| \(name) | \(format(median(clean))) | \(format(low)) | \(format(high)) | \(target) |")
  }

  /// The ratio of two measures taken in turns: each run's pair is divided, and the table shows
  /// the median, min and max of those ratios. A pair meets the machine in one state, so the
  /// drift of a shared machine from one minute to the next cancels out of each ratio.
  mutating func ratio(_ name: String, _ ours: [Double], _ theirs: [Double], target: String) {
    let ratios = zip(ours, theirs).map { $0 / $1 }.filter(\.isFinite)
    guard let low = ratios.min(), let high = ratios.max() else {
      rows.append("| \(name) | n/a | | | \(target) |")
      return
    }
    let cells = [median(ratios), low, high].map { String(format: "%.2f", $0) }
    rows.append("| \(name) | \(cells.joined(separator: " | ")) | \(target) |")
  }

  mutating func note(_ text: String) { notes.append(text) }

  private func format(_ value: Double) -> String {
    value >= 100
      ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value)
  }

  var text: String {
    ([title, "", "| measure | median | min | max | target |", "| --- | ---: | ---: | ---: | --- |"] + rows
      + (notes.isEmpty ? [] : [""] + notes.map { "- " + $0 })).joined(separator: "\n")
  }
}

/// What the figures were measured on.
enum Machine {
  static var description: String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model =
      cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
      .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    var name = utsname()
    uname(&name)
    let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(model), Linux \(release)"
  }
}

/// Questionnaires of any size, for the loading benchmark: yes/no questions in sections of 50,
/// each after the first shown only when the one before was answered "yes", a count and bands.
enum Generated {
  static func questionnaire(questions count: Int) -> [UInt8] {
    var text = """
      format: 1
      id: generated
      version: "1"
      language: en
      title: Generated
      intro: A generated questionnaire for the benchmark.
      disclaimer: This is not a diagnosis.
      scales:
        - id: yn
          options:
            - {code: "yes", label: "Yes", score: 1}
            - {code: "no", label: "No"}
            - {code: prefer_not, label: Prefer not to say, missing: true}
      sections:

      """
    for index in 0..<count {
      if index % 50 == 0 { text += "  - id: s\(index / 50)\n    title: Section \(index / 50)\n    questions:\n" }
      text += "      - id: q\(index)\n        text: Question number \(index), answered yes or no?\n"
      text += "        type: yes_no\n        scale: yn\n"
      if index % 50 != 0 { text += "        show_if: {question: q\(index - 1), answered: true}\n" }
    }
    text += "scores:\n  - id: total\n    label: Total\n    kind: count\n    codes: [\"yes\"]\n    questions: ["
    text += (0..<count).map { "q\($0)" }.joined(separator: ", ") + "]\n"
    text += "bands:\n  score: total\n  ranges:\n"
    text += "    - {id: low, min: 0, max: \(count / 2), label: Fewer signs, guidance: Keep an eye on it.}\n"
    text += "    - {id: high, min: \(count / 2 + 1), label: More signs, guidance: Talk to someone you trust.}\n"
    return Array(text.utf8)
  }
}

extension Generated {
  /// A FHIR Questionnaire of `count` yes/no items; every tenth has an enableWhenExpression that
  /// reads the item before it (`%resource.item.where(linkId = ...)`), as published forms write it.
  static func fhirQuestionnaire(questions count: Int) -> [UInt8] {
    let url = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
    let items = (0..<count).map { index -> String in
      let expression =
        index % 10 == 5
        ? #", "extension": [{"url": "\#(url)", "valueExpression": {"language": "text/fhirpath", "expression": "%resource.item.where(linkId = 'q\#(index - 1)').answer.value = true"}}]"#
        : ""
      return #"{"linkId": "q\#(index)", "type": "boolean", "text": "Question \#(index)?"\#(expression)}"#
    }
    let json =
      #"{"resourceType": "Questionnaire", "status": "active", "title": "Generated", "item": ["#
      + items.joined(separator: ",\n") + "]}"
    return Array(json.utf8)
  }
}
