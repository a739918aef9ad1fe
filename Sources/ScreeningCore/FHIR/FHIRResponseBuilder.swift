/// Builds a QuestionnaireResponse's items from the answers, nested like the questionnaire's
/// groups, and computes its calculated items (FHIRPath) over that response.
struct FHIRResponseBuilder {
  let layout: FHIRLayout
  /// The answers to the questions that are asked.
  let effective: [String: Answer]
  /// The native scores, for calculated totals SelfScreen adds up itself.
  let scores: [ScoreValue]
  let created: Timestamp
  /// Each calculated item with the linkIds whose variables it sees (`calculations(in:scope:)`).
  let calculations: [(FHIRLayout.Calculation, [String])]
  /// The bytes of attached files, by question id: only the export reads them. Without them an
  /// attachment is named, not held (the response FHIRPath reads as the person answers).
  var attachments: [String: [UInt8]] = [:]

  /// `calculations`, when given, are the layout's (a caller building many responses for one
  /// layout finds them once).
  init(
    layout: FHIRLayout, effective: [String: Answer], scores: [ScoreValue], created: Timestamp,
    calculations: [(FHIRLayout.Calculation, [String])]? = nil
  ) {
    self.layout = layout
    self.effective = effective
    self.scores = scores
    self.created = created
    self.calculations = calculations ?? Self.calculations(in: layout.items, scope: [""])
  }

  /// What the calculated items came to, by linkId: each one's `answer` entries.
  typealias Computed = [String: [JSONValue]]

  /// The response's items, with the calculated items computed (each in the file's order, over the
  /// response so far, until the values settle: one may read another).
  func computing() -> (items: [JSONValue], computed: Computed) {
    var computed: Computed = [:]
    guard calculations.contains(where: { $0.0.expression != nil }) else {
      return (items(layout.items, computed: computed), computed)
    }
    for _ in 0..<4 {
      var changed = false
      for (calculation, scope) in calculations where calculation.expression != nil {
        let value = evaluate(calculation, scope: scope, computed: computed)
        if !Self.sameAnswers(value, computed[calculation.linkID]) {
          computed[calculation.linkID] = value
          changed = true
        }
      }
      if !changed { break }
    }
    return (items(layout.items, computed: computed), computed)
  }

  /// The computed values the result shows: shown calculated items that are not native totals
  /// (those are shown as scores), with a value.
  func shownValues() -> [ComputedValue] {
    let computed = computing().computed
    return Self.calculations(in: layout.items, scope: []).compactMap { calculation, _ in
      guard calculation.isShown, calculation.scoreID == nil, let answers = computed[calculation.linkID],
        !answers.isEmpty
      else { return nil }
      var text = answers.compactMap(Self.shownText).joined(separator: ", ")
      guard !text.isEmpty else { return nil }
      if let unit = calculation.unit, calculation.answer == .integer || calculation.answer == .decimal {
        text += " " + unit
      }
      return ComputedValue(linkID: calculation.linkID, label: calculation.text ?? calculation.linkID, text: text)
    }
  }

  private static func number(_ json: JSONValue) -> String? {
    if case .int(let whole) = json { return String(whole) }
    if case .decimal(let fraction) = json {
      return Answer.decimalText((fraction * 100).rounded(.toNearestOrAwayFromZero) / 100)
    }
    return nil
  }

  /// An `answer` entry as a person reads it: a number with up to two decimals, with its unit.
  static func shownText(_ entry: JSONValue) -> String? {
    guard case .object(let pairs) = entry, !pairs.isEmpty else { return nil }
    let key: String = pairs[0].0
    let value: JSONValue = pairs[0].1
    switch value {
    case .bool(let flag): return flag ? "yes" : "no"
    case .object(let quantity) where key == "valueQuantity":
      var amount: String?
      var unit: String?
      for (name, part) in quantity {
        if name == "value" { amount = number(part) }
        if name == "unit", case .string(let text) = part { unit = text }
      }
      guard let amount else { return nil }
      return unit.map { "\(amount) \($0)" } ?? amount
    case .object(let coding):
      for wanted in ["display", "code"] {
        for (name, part) in coding where name == wanted {
          if case .string(let text) = part { return text }
        }
      }
      return nil
    case .string(let text): return text
    default: return number(value)
    }
  }

  /// Whether every one of `expressions` is true over the response so far (FHIRPath: an empty or
  /// failed result is not true). `resource` is the response built from these answers (`resource(computing().items)`), built
  /// once by a caller that tests many expressions.
  func isEnabled(_ expressions: [FHIRLayout.Expression], over resource: JSONValue) -> Bool {
    for expression in expressions {
      guard let parsed = expression.parsed else { return false }
      // Each sees the variables of its own item and those around it; %context is the response.
      var constants = variables(in: expression.scope, resource: resource)
      constants["context"] = [.node(resource)]
      let evaluator = FHIRPathEvaluator(constants: constants, now: created)
      guard let result = try? evaluator.evaluate(parsed, on: [.node(resource)]), result.count == 1,
        case .boolean(true) = result[0]
      else { return false }
    }
    return true
  }

  static func resource(_ items: [JSONValue]) -> JSONValue {
    var pairs: [(String, JSONValue)] = [("resourceType", .string("QuestionnaireResponse"))]
    if !items.isEmpty { pairs.append(("item", .array(items))) }
    return .object(pairs)
  }

  /// Each calculated item with the linkIds whose variables it sees (the questionnaire's, then
  /// each enclosing item's, then its own).
  static func calculations(in list: [FHIRLayout.Item], scope: [String]) -> [(FHIRLayout.Calculation, [String])] {
    list.flatMap { item -> [(FHIRLayout.Calculation, [String])] in
      switch item {
      case .group(let linkID, _, let children), .question(let linkID, _, _, _, let children):
        return calculations(in: children, scope: scope + [linkID])
      case .calculated(let calculation):
        return [(calculation, scope + [calculation.linkID])]
      }
    }
  }

  /// The variables in `scope`, each evaluated in order (a later one may read an earlier one).
  private func variables(in scope: [String], resource: JSONValue) -> [String: [FHIRPathValue]] {
    var constants: [String: [FHIRPathValue]] = ["resource": [.node(resource)]]
    if let form = layout.resource { constants["questionnaire"] = [.node(form.json)] }
    for linkID in scope {
      guard let defined = layout.variables[linkID], !defined.isEmpty else { continue }
      let context =
        linkID.isEmpty ? resource : (Self.find(linkID, in: resource) ?? .object([("linkId", .string(linkID))]))
      constants["context"] = [.node(context)]
      for variable in defined {
        let evaluator = FHIRPathEvaluator(constants: constants, now: created)
        let value = (try? FHIRPath.parse(variable.expression)).flatMap {
          try? evaluator.evaluate($0, on: [.node(context)])
        }
        constants[variable.name] = value ?? []
      }
    }
    return constants
  }

  /// The response item with `linkID`, anywhere in the response.
  static func find(_ linkID: String, in node: JSONValue) -> JSONValue? {
    switch node {
    case .object(let pairs):
      if pairs.contains(where: { $0.0 == "linkId" && FHIRPathEvaluator.same($0.1, .string(linkID)) }) { return node }
      for (_, value) in pairs { if let found = find(linkID, in: value) { return found } }
      return nil
    case .array(let items):
      for item in items { if let found = find(linkID, in: item) { return found } }
      return nil
    default:
      return nil
    }
  }

  /// One calculated item's `answer` entries over the response so far; none when its expression
  /// gives nothing, fails, or gives a value its type cannot hold.
  private func evaluate(_ calculation: FHIRLayout.Calculation, scope: [String], computed: Computed) -> [JSONValue] {
    guard let expression = calculation.expression, let parsed = try? FHIRPath.parse(expression) else { return [] }
    let resource = Self.resource(items(layout.items, computed: computed))
    var constants = variables(in: scope, resource: resource)
    let own = Self.find(calculation.linkID, in: resource) ?? .object([("linkId", .string(calculation.linkID))])
    constants["context"] = [.node(own)]
    let evaluator = FHIRPathEvaluator(constants: constants, now: created)
    guard let result = try? evaluator.evaluate(parsed, on: [.node(resource)]) else { return [] }
    return result.compactMap { Self.answer($0, as: calculation.answer) }
  }

  /// A computed value as an `answer` entry of the item's type.
  static func answer(_ value: FHIRPathValue, as kind: FHIRLayout.AnswerKind) -> JSONValue? {
    func entry(_ key: String, _ json: JSONValue) -> JSONValue { .object([(key, json)]) }
    switch (kind, value) {
    case (.integer, .integer(let whole)): return entry("valueInteger", .int(whole))
    case (.integer, .decimal(let number)) where number.isFinite && abs(number) < 1e15:
      return entry("valueInteger", .int(Int(number.rounded(.toNearestOrAwayFromZero))))
    case (.decimal, _) where value.number != nil && value.number!.isFinite:
      return entry("valueDecimal", .decimal(value.number!))
    case (.quantity(let unit), _) where value.number != nil && value.number!.isFinite:
      var computedUnit: String?
      if case .quantity(_, let code?) = value { computedUnit = code }
      return entry("valueQuantity", quantity(value.number!, unit: unit, code: computedUnit))
    case (.boolean, .boolean(let flag)): return entry("valueBoolean", .bool(flag))
    case (.string, _): return FHIRPathEvaluator.text(of: value).map { entry("valueString", .string($0)) }
    case (.date, .date(let text)), (.date, .dateTime(let text)):
      return entry("valueDate", .string(String(text.prefix(10))))
    case (.dateTime, .dateTime(let text)), (.dateTime, .date(let text)): return entry("valueDateTime", .string(text))
    case (.time, .time(let text)): return entry("valueTime", .string(text))
    case (.choice, .node(let node)):
      if case .object(let pairs) = node, pairs.contains(where: { $0.0 == "code" }) { return entry("valueCoding", node) }
      return nil
    case (.choice, .string(let text)): return entry("valueString", .string(text))
    default: return nil
    }
  }

  /// A `valueQuantity`: the number in the item's unit (as written, with its system and code), or,
  /// when the item names none, with the unit `code` the value came with.
  static func quantity(_ value: Double, unit: FHIRLayout.Unit?, code: String?) -> JSONValue {
    var quantity: [(String, JSONValue)] = [("value", .decimal(value))]
    if let unit {
      if let shown = unit.display ?? unit.code { quantity.append(("unit", .string(shown))) }
      if let system = unit.system { quantity.append(("system", .string(system))) }
      if let code = unit.code { quantity.append(("code", .string(code))) }
    } else if let code {
      quantity.append(("unit", .string(code)))
    }
    return .object(quantity)
  }

  private static func sameAnswers(_ a: [JSONValue], _ b: [JSONValue]?) -> Bool {
    guard let b else { return a.isEmpty }
    return a.count == b.count && zip(a, b).allSatisfy { FHIRPathEvaluator.same($0, $1) }
  }

  func items(_ list: [FHIRLayout.Item], computed: Computed) -> [JSONValue] {
    var out: [JSONValue] = []
    var previousQuestion: String?
    for item in list {
      // The entries of a repeating question come one after another: one item, several answers.
      if case .question(let linkID, _, _, _, _) = item, linkID == previousQuestion,
        let entry = self.item(item, computed: computed), case .object(let pairs) = entry,
        case .array(let more)? = pairs.first(where: { $0.0 == "answer" })?.1,
        case .object(var last)? = out.last, let index = last.firstIndex(where: { $0.0 == "answer" }),
        case .array(let answers) = last[index].1
      {
        last[index].1 = .array(answers + more)
        out[out.count - 1] = .object(last)
        continue
      }
      guard let entry = self.item(item, computed: computed) else { continue }
      out.append(entry)
      if case .question(let linkID, _, _, _, _) = item { previousQuestion = linkID } else { previousQuestion = nil }
    }
    return out
  }

  private func item(_ item: FHIRLayout.Item, computed: Computed) -> JSONValue? {
    switch item {
    case .group(let linkID, let text, let children):
      let inner = items(children, computed: computed)
      guard !inner.isEmpty else { return nil }
      return .object(Self.head(linkID, text) + [("item", .array(inner))])
    case .question(let linkID, let text, let questionID, let kind, let children):
      var answers = values(of: questionID, kind: kind)
      let inner = items(children, computed: computed)
      guard !answers.isEmpty else {
        // FHIR nests a question's children under its answers; unanswered, they are left out.
        return nil
      }
      if !inner.isEmpty, case .object(var first) = answers[0] {
        first.append(("item", .array(inner)))
        answers[0] = .object(first)
      }
      return .object(Self.head(linkID, text) + [("answer", .array(answers))])
    case .calculated(let calculation):
      var answers: [JSONValue] = []
      // A total of weights has a value once one of the questions it adds up is answered.
      let score = scores.first { $0.rule.id == calculation.scoreID }
      if let score, !score.rule.questionIDs.contains(where: { effective[$0] != nil }) {
        answers = []
      } else if calculation.expression != nil {
        answers = computed[calculation.linkID] ?? []
      } else if let score, let entry = Self.answer(.integer(score.value), as: calculation.answer) {
        answers = [entry]
      }
      guard !answers.isEmpty else { return nil }
      return .object(Self.head(calculation.linkID, calculation.text) + [("answer", .array(answers))])
    }
  }

  private static func head(_ linkID: String, _ text: String?) -> [(String, JSONValue)] {
    [("linkId", .string(linkID))] + (text.map { [("text", .string($0))] } ?? [])
  }

  /// The `answer` entries of one question.
  private func values(of questionID: String, kind: FHIRLayout.AnswerKind) -> [JSONValue] {
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
      return [.object([("valueQuantity", Self.quantity(value, unit: unit, code: nil))])]
    case (.date, .text(let text)):
      return [.object([("valueDate", .string(text))])]
    case (.time, .text(let text)):
      return [.object([("valueTime", .string(text))])]
    case (.dateTime, .text(let text)):
      return [.object([("valueDateTime", .string(Exporter.withOffset(text, of: created)))])]
    case (.string, .text(let text)):
      return [.object([("valueString", .string(text))])]
    case (.uri, .text(let text)):
      return [.object([("valueUri", .string(text))])]
    case (.attachment, .text(let path)):
      return [.object([("valueAttachment", Self.attachment(path, bytes: attachments[questionID]))])]
    case (.choice(let table, let other), _):
      var out = answer.codes.compactMap { table[$0].map(Self.value) }
      if let other, case .text(let typed)? = effective[other] { out.append(.object([("valueString", .string(typed))])) }
      return out
    default:
      return []
    }
  }

  /// A FHIR `Attachment`: its media type (from the file's name), its title (the file's name) and,
  /// when read, its size and bytes in base64.
  static func attachment(_ path: String, bytes: [UInt8]?) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("contentType", .string(AttachedFile.mediaType(of: path) ?? "application/octet-stream"))
    ]
    if let bytes { pairs.append(("data", .string(AttachedFile.base64(bytes)))) }
    if let bytes { pairs.append(("size", .int(bytes.count))) }
    pairs.append(("title", .string(AttachedFile.name(of: path))))
    return .object(pairs)
  }

  static func value(_ option: FHIRLayout.OptionValue) -> JSONValue {
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
      if let code { coding.append(("code", .string(code))) }
      if let display { coding.append(("display", .string(display))) }
      return .object([("valueCoding", .object(coding))])
    case .string(let text):
      return .object([("valueString", .string(text))])
    case .integer(let number):
      return .object([("valueInteger", .int(number))])
    case .date(let text):
      return .object([("valueDate", .string(text))])
    case .time(let text):
      return .object([("valueTime", .string(text))])
    }
  }
}

extension Questionnaire {
  /// A question's help as shown with `answers`: its own, then any display text of the form's whose
  /// enableWhen holds for them.
  public func help(of question: Question, answers: [String: Answer]) -> String? {
    guard let fhir, let notes = fhir.conditionalHelp[question.id] else { return question.help }
    let all = (question.help.map { [$0] } ?? []) + shown(notes, fhir: fhir, answers: answers)
    return all.isEmpty ? nil : all.joined(separator: "\n\n")
  }

  /// The notes shown before a question: each question of the form that is not asked, with why,
  /// placed before the next question asked (and never between a question and its options).
  public func notes(before question: Question, answers: [String: Answer]) -> [String] {
    guard let fhir, let notes = fhir.notesBefore[question.id] else { return [] }
    return shown(notes, fhir: fhir, answers: answers)
  }

  /// The texts whose expressions all hold for `answers`.
  private func shown(_ notes: [FHIRLayout.ConditionalText], fhir: FHIRLayout, answers: [String: Answer]) -> [String] {
    if notes.allSatisfy({ $0.expressions.isEmpty }) { return notes.map(\.text) }
    let builder = FHIRResponseBuilder(
      layout: fhir, effective: visibility(for: answers).effective, scores: [], created: .now())
    let resource = FHIRResponseBuilder.resource(builder.computing().items)
    return notes.filter { builder.isEnabled($0.expressions, over: resource) }.map(\.text)
  }
}
