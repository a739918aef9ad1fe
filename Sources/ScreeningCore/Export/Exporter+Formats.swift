extension Exporter {
  // MARK: Text

  /// A summary to hand to a clinician: disclaimer and red flags first, then every question with
  /// its answer, then the result and where to get help.
  var text: String {
    let width = 78
    let result = self.result
    var lines = [
      wording(.exportSummaryTitle, ["title": questionnaire.title]),
      wording(
        .exportSummaryIdentity,
        ["id": questionnaire.id, "version": questionnaire.version, "time": created.local]), "",
    ]
    lines += TextWrap.wrap(questionnaire.disclaimer, width: width)
    lines.append("")
    let blocks = ResultDocument.blocks(questionnaire: questionnaire, result: result, region: region)
    let urgent = blocks.filter { if case .urgent = $0 { return true } else { return false } }
    if !urgent.isEmpty {
      lines += ResultReport.lines(urgent, width: width, wording: wording)
      lines.append("")
    }
    lines.append(wording(.exportAnswersHeading))
    for (number, row) in rows(of: result).enumerated() {
      lines += TextWrap.wrap(
        row.question.text, width: width, indent: "     ", firstIndent: "  \(number + 1).".padding(5))
      lines += TextWrap.wrap(
        wording(.exportAnswerLine, ["answer": summaryLabel(row.answer, of: row.question)]), width: width,
        indent: "     ")
    }
    lines.append("")
    lines.append(wording(.exportResultHeading))
    let rest = blocks.filter {
      switch $0 {
      case .urgent, .note: return false
      default: return true
      }
    }
    lines += ResultReport.lines(rest, width: width, wording: wording)
    return lines.map { TextSafety.visible($0) }.joined(separator: "\n") + "\n"
  }

  // MARK: JSON

  /// Native answers: questionnaire id, version, content hash, language, time, answers by id.
  var json: String {
    let result = self.result
    let effective = questionnaire.visibility(for: answers).effective
    let members = questionnaire.questions.compactMap { question -> (String, JSONValue)? in
      guard let answer = effective[question.id] else { return nil }
      return (question.id, Self.jsonValue(answer))
    }
    var document: [(String, JSONValue)] = [
      ("format", .int(1)), ("disclaimer", .string(questionnaire.disclaimer)),
      (
        "red_flags",
        .array(
          result.redFlags.map { flag in
            .object([
              ("id", .string(flag.id)), ("level", .string(flag.level.rawValue)), ("title", .string(flag.title)),
            ])
          })
      ),
      ("questionnaire", .string(questionnaire.id)), ("version", .string(questionnaire.version)),
    ]
    if let hash = questionnaire.contentHash { document.append(("content_hash", .string(hash))) }
    document += [
      ("language", .string(questionnaire.language)), ("created", .string(created.iso8601)),
      ("answers", .object(members)),
    ]
    return JSONValue.object(document).text
  }

  static func jsonValue(_ answer: Answer) -> JSONValue {
    switch answer {
    case .choice(let code): return .string(code)
    case .choices(let codes): return .array(codes.map(JSONValue.string))
    case .number(let value): return .int(value)
    case .decimal(let value): return .decimal(value)
    case .text(let text): return .string(text)
    }
  }

  // MARK: CSV

  /// The disclaimer as the first row, a row per red flag, then a header and one row per question
  /// asked; RFC 4180 quoting, CRLF line ends, and cells a spreadsheet would run as a formula
  /// (starting with = + - @, tab or CR) prefixed with an apostrophe.
  var csv: String {
    let result = self.result
    let counted = Set(result.bandScore?.contributingIDs ?? [])
    var lines = [Self.cell(questionnaire.disclaimer)]
    lines += result.redFlags.map { Self.cell("\($0.level.heading(wording)): \($0.title)") }
    lines.append(
      ["number", "question_id", "section", "question", "answer_code", "answer", "counted"].map(Self.cell)
        .joined(separator: ","))
    for (number, row) in rows(of: result).enumerated() {
      let section = questionnaire.section(row.question.sectionID)?.title ?? ""
      let codes: String
      switch row.answer {
      case .choice(let code)?: codes = code
      case .choices(let list)?: codes = list.joined(separator: ";")
      case .number(let value)?: codes = String(value)
      case .decimal(let value)?: codes = Answer.decimalText(value)
      case .text?, nil: codes = ""
      }
      let answer = row.answer == nil ? "" : Self.label(row.answer, of: row.question)
      lines.append(
        [
          String(number + 1), row.question.id, section, row.question.text, codes, answer,
          counted.contains(row.question.id) ? "yes" : "no",
        ].map(Self.cell).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// One CSV cell: neutralised when a spreadsheet would read it as a formula, then quoted.
  static func cell(_ value: String) -> String {
    var value = value
    if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      value = "'" + value
    }
    return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
  }

  // MARK: FHIR

  /// An HL7 FHIR R4 QuestionnaireResponse: one group per section, only questions that were shown
  /// and answered, choices as codings.
  func fhir(attachments: [String: [UInt8]]) -> String {
    if let layout = questionnaire.fhir { return response(for: layout, attachments: attachments) }
    let effective = questionnaire.visibility(for: answers).effective
    let system = "urn:selfscreen:\(questionnaire.id):\(questionnaire.version)"
    let groups = questionnaire.sections.compactMap { section -> JSONValue? in
      let items = section.questionIDs.compactMap { id -> JSONValue? in
        guard let question = questionnaire.question(id), let answer = effective[id] else { return nil }
        let values: [JSONValue]
        switch answer {
        case .choice(let code):
          values = [Self.coding(code, of: question, system: system)]
        case .choices(let codes):
          values = codes.map { Self.coding($0, of: question, system: system) }
        case .number(let value):
          values = [.object([("valueInteger", .int(value))])]
        case .decimal(let value):
          values = [.object([("valueDecimal", .decimal(value))])]
        case .text(let text):
          switch question.type {
          case .date: values = [.object([("valueDate", .string(text))])]
          case .time: values = [.object([("valueTime", .string(text))])]
          case .dateTime: values = [.object([("valueDateTime", .string(Self.withOffset(text, of: created)))])]
          case .file:
            values = [.object([("valueAttachment", FHIRResponseBuilder.attachment(text, bytes: attachments[id]))])]
          default: values = [.object([("valueString", .string(text))])]
          }
        }
        return .object([("linkId", .string(id)), ("text", .string(question.text)), ("answer", .array(values))])
      }
      guard !items.isEmpty else { return nil }
      return .object([("linkId", .string(section.id)), ("text", .string(section.title)), ("item", .array(items))])
    }
    let complete = ScreeningSession(questionnaire: questionnaire, answers: answers).unansweredRequired.isEmpty
    var document: [(String, JSONValue)] = [
      ("resourceType", .string("QuestionnaireResponse")),
      ("text", narrative),
      ("questionnaire", .string("urn:selfscreen:questionnaire:\(questionnaire.id)|\(questionnaire.version)")),
      ("status", .string(complete ? "completed" : "in-progress")),
      ("authored", .string(created.iso8601)),
    ]
    // FHIR JSON has no empty arrays: with nothing answered, there is no `item` at all.
    if !groups.isEmpty { document.append(("item", .array(groups))) }
    return JSONValue.object(document).text
  }

  /// The resource's human-readable `text`: the disclaimer, then each red flag with its guidance.
  var narrative: JSONValue {
    var html = "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>\(Self.xhtml(questionnaire.disclaimer))</p>"
    for flag in result.redFlags {
      html +=
        "<p><b>\(Self.xhtml("\(flag.level.heading(wording)): \(flag.title)"))</b> \(Self.xhtml(flag.guidance))</p>"
    }
    html += "</div>"
    return .object([("status", .string("generated")), ("div", .string(html))])
  }

  /// Text escaped for XHTML content.
  static func xhtml(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }

  static func coding(_ code: String, of question: Question, system: String) -> JSONValue {
    var coding: [(String, JSONValue)] = [("system", .string(system)), ("code", .string(code))]
    if let option = question.option(code) { coding.append(("display", .string(option.label))) }
    return .object([("valueCoding", .object(coding))])
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }

  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self { if character == target { out += replacement } else { out.append(character) } }
    return out
  }
}
