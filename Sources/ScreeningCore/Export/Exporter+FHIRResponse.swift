extension Exporter {
  /// An R4 QuestionnaireResponse for a questionnaire imported from FHIR: nested like its groups,
  /// with its linkIds, only enabled and answered items, choices as the original codings (with their
  /// weights), and calculated totals.
  func response(for layout: FHIRLayout) -> String {
    let effective = questionnaire.visibility(for: answers).effective
    let result = self.result
    let complete = ScreeningSession(questionnaire: questionnaire, answers: answers).unansweredRequired.isEmpty
    var document: [(String, JSONValue)] = [("resourceType", .string("QuestionnaireResponse")), ("text", narrative)]
    if let canonical = layout.canonical { document.append(("questionnaire", .string(canonical))) }
    document += [
      ("status", .string(complete ? "completed" : "in-progress")),
      ("authored", .string(created.iso8601)),
    ]
    // FHIR JSON has no empty arrays: with nothing answered, there is no `item` at all.
    let answered = items(layout.items, effective: effective, result: result)
    if !answered.isEmpty { document.append(("item", .array(answered))) }
    return JSONValue.object(document).text
  }

  private func items(_ list: [FHIRLayout.Item], effective: [String: Answer], result: ScreeningResult) -> [JSONValue] {
    list.compactMap { item -> JSONValue? in
      switch item {
      case .group(let linkID, let text, let children):
        let inner = items(children, effective: effective, result: result)
        guard !inner.isEmpty else { return nil }
        return .object(Self.head(linkID, text) + [("item", .array(inner))])
      case .question(let linkID, let text, let questionID, let kind, let children):
        var answers = values(of: questionID, kind: kind, effective: effective)
        let inner = items(children, effective: effective, result: result)
        guard !answers.isEmpty else {
          // FHIR nests a question's children under its answers; unanswered, they are left out.
          return nil
        }
        if !inner.isEmpty, case .object(var first) = answers[0] {
          first.append(("item", .array(inner)))
          answers[0] = .object(first)
        }
        return .object(Self.head(linkID, text) + [("answer", .array(answers))])
      case .calculated(let linkID, let text, let scoreID, let isDecimal):
        guard let score = result.scores.first(where: { $0.rule.id == scoreID }),
          score.rule.questionIDs.contains(where: { effective[$0] != nil })
        else { return nil }
        let value: JSONValue = isDecimal ? .decimal(Double(score.value)) : .int(score.value)
        return .object(
          Self.head(linkID, text) + [
            ("answer", .array([.object([(isDecimal ? "valueDecimal" : "valueInteger", value)])]))
          ])
      }
    }
  }

  private static func head(_ linkID: String, _ text: String?) -> [(String, JSONValue)] {
    [("linkId", .string(linkID))] + (text.map { [("text", .string($0))] } ?? [])
  }

  /// The `answer` entries of one question.
  private func values(of questionID: String, kind: FHIRLayout.AnswerKind, effective: [String: Answer]) -> [JSONValue] {
    guard let answer = effective[questionID] else {
      if case .choice(_, let other?) = kind, case .text(let typed)? = effective[other] {
        return [.object([("valueString", .string(typed))])]
      }
      return []
    }
    switch (kind, answer) {
    case (.boolean, .choice(let code)):
      return [.object([("valueBoolean", .bool(code == "yes"))])]
    case (.integer, .number(let value)):
      return [.object([("valueInteger", .int(value))])]
    case (.decimal, .decimal(let value)):
      return [.object([("valueDecimal", .decimal(value))])]
    case (.quantity(let unit), .decimal(let value)):
      var quantity: [(String, JSONValue)] = [("value", .decimal(value))]
      if let unit {
        if let shown = unit.display ?? unit.code { quantity.append(("unit", .string(shown))) }
        if let system = unit.system { quantity.append(("system", .string(system))) }
        if let code = unit.code { quantity.append(("code", .string(code))) }
      }
      return [.object([("valueQuantity", .object(quantity))])]
    case (.date, .text(let text)):
      return [.object([("valueDate", .string(text))])]
    case (.time, .text(let text)):
      return [.object([("valueTime", .string(text))])]
    case (.dateTime, .text(let text)):
      return [.object([("valueDateTime", .string(Self.withOffset(text, of: created)))])]
    case (.string, .text(let text)):
      return [.object([("valueString", .string(text))])]
    case (.choice(let table, let other), _):
      var out = answer.codes.compactMap { table[$0].map(Self.value) }
      if let other, case .text(let typed)? = effective[other] { out.append(.object([("valueString", .string(typed))])) }
      return out
    default:
      return []
    }
  }

  private static func value(_ option: FHIRLayout.OptionValue) -> JSONValue {
    switch option.value {
    case .coding(let system, let code, let display):
      var coding: [(String, JSONValue)] = []
      if let weight = option.weight {
        coding.append(
          (
            "extension",
            .array([
              .object([
                ("url", .string(option.weightURL ?? "http://hl7.org/fhir/StructureDefinition/itemWeight")),
                ("valueDecimal", .decimal(weight)),
              ])
            ])
          ))
      }
      if let system { coding.append(("system", .string(system))) }
      coding.append(("code", .string(code)))
      if let display { coding.append(("display", .string(display))) }
      return .object([("valueCoding", .object(coding))])
    case .string(let text):
      return .object([("valueString", .string(text))])
    case .integer(let number):
      return .object([("valueInteger", .int(number))])
    case .date(let text):
      return .object([("valueDate", .string(text))])
    }
  }

  /// A date and time as FHIR's `dateTime` needs it: with an offset from UTC once it has a time. One
  /// typed without an offset is local time, so it takes the offset the answers were saved with.
  static func withOffset(_ text: String, of created: Timestamp) -> String {
    guard text.contains("T"), !text.hasSuffix("Z"), !text.dropFirst(11).contains(where: { $0 == "+" || $0 == "-" })
    else { return text }
    return text + created.offsetText
  }
}
