extension FHIRReader {
  /// An item's `enableWhen` list as one native condition (`all` unless `enableBehavior` is `any`),
  /// or nil when it has none or one of its tests could not be read (then an error says why).
  func condition(for item: Item) -> SourceNode? {
    if case .when(let node) = enablement(of: item) { return node }
    return nil
  }

  /// When an item is asked, from its `enableWhen` list.
  enum Enablement {
    /// No enableWhen, or one that always holds.
    case always
    /// An enableWhen that can never hold (it tests for a coding the question does not offer, as
    /// FHIR evaluates it): the item is never asked.
    case never
    case when(SourceNode)
    /// Tests a native condition cannot hold (dates or texts compared with `>`, a calculated item),
    /// as one FHIRPath expression over the response, evaluated as the form is answered.
    case expression(String)
    /// A test could not be read; an error says why.
    case unreadable
  }

  func enablement(of item: Item) -> Enablement {
    let element = item.element
    let list = values.objects(element, "enableWhen")
    guard !list.isEmpty else { return .always }
    let behavior = values.string(element, "enableBehavior") ?? "all"
    if behavior != "all" && behavior != "any" {
      values.error(
        "enableBehavior '\(TextSafety.visible(behavior))' is not 'all' or 'any'", element.place(of: "enableBehavior"))
      return .unreadable
    }
    if list.contains(where: needsExpression) {
      let tests = list.map { expression(for: $0, of: item) }
      guard tests.allSatisfy({ $0 != nil }) else { return .unreadable }
      return .expression(tests.map { "(\($0!))" }.joined(separator: behavior == "all" ? " and " : " or "))
    }
    var parts: [SourceNode] = []
    var constants: [Bool] = []
    for when in list {
      if let constant = unknownCoding(when, of: item) ?? unansweredTest(when, of: item) {
        constants.append(constant)
      } else if let part = test(when, of: item) {
        parts.append(part)
      } else {
        return .unreadable
      }
    }
    // A test that is always false decides `all`; one that is always true decides `any`.
    if behavior == "all" && constants.contains(false) { return .never }
    if behavior == "any" && constants.contains(true) { return .always }
    if parts.isEmpty { return behavior == "all" ? .always : .never }
    if parts.count == 1 { return .when(parts[0]) }
    return .when(
      NativeNode.map(
        [(behavior, NativeNode.list(parts, at: element.place(of: "enableWhen").location))], at: element.location))
  }

  /// An `=` or `!=` test for a coding that the question it tests does not offer: FHIR evaluates
  /// `=` as false and `!=` as true, so it is that constant, with a warning. Nil for any other test.
  private func unknownCoding(_ when: FHIRElement, of owner: Item) -> Bool? {
    guard let operation = values.string(when, "operator", report: false), operation == "=" || operation == "!=",
      let coding = values.object(when, "answerCoding", report: false),
      let linkID = values.string(when, "question", report: false), let target = itemsByLinkID[linkID],
      case .question(let type) = target.kind, type.hasOptions
    else { return nil }
    let code = values.string(coding, "code", report: false)
    let system = values.string(coding, "system", report: false)
    guard target.optionCodes(matching: code, system: system).isEmpty else { return nil }
    values.warning(
      "enableWhen of item '\(TextSafety.visible(owner.linkID))' tests for the coding "
        + "\(system.map { "\(TextSafety.visible($0))|" } ?? "")\(TextSafety.visible(code ?? "?")), which is not an "
        + "option of '\(TextSafety.visible(linkID))'; as in FHIR, that test is "
        + (operation == "=" ? "never true" : "always true"),
      when.place(of: "answerCoding"))
    return operation == "!="
  }

  /// A test of an item that is never asked and has no answer (hidden, say, and filled from a
  /// patient record SelfScreen does not have): FHIR evaluates it as on an unanswered question, so
  /// `exists false` and `!=` hold and every other test fails. A warning says so. Nil for any other
  /// test, and for a target that has an `initial` answer (that stays an error: it is not read).
  func unansweredTest(_ when: FHIRElement, of owner: Item) -> Bool? {
    guard let linkID = values.string(when, "question", report: false), let target = itemsByLinkID[linkID],
      target.isNeverAnswered, !target.element.has("initial"),
      let operation = values.string(when, "operator", report: false),
      ["exists", "=", "!=", ">", "<", ">=", "<="].contains(operation)
    else { return nil }
    let holds: Bool
    if operation == "exists" {
      guard let wanted = values.bool(when, "answerBoolean", report: false) else { return nil }
      holds = !wanted
    } else {
      holds = operation == "!="
    }
    values.warning(
      "enableWhen of item '\(TextSafety.visible(owner.linkID))' tests '\(TextSafety.visible(linkID))', "
        + "\(description(of: target)), so it has no answer; as in FHIR, that test is "
        + (holds ? "always true" : "never true"),
      when.place(of: "question"))
    return holds
  }

  private static let answerKeys = [
    "answerBoolean", "answerDecimal", "answerInteger", "answerDate", "answerDateTime", "answerTime", "answerString",
    "answerCoding", "answerQuantity", "answerReference",
  ]

  /// One `enableWhen` as a native test. FHIR's meaning is kept: `=` holds when some answer equals
  /// the value, `!=` when none does (so an unanswered question satisfies `!=`), `exists` when the
  /// question has (or, with false, has no) answer.
  private func test(_ when: FHIRElement, of owner: Item) -> SourceNode? {
    let name = "item '\(TextSafety.visible(owner.linkID))'"
    refuseModifiers(when, what: "an enableWhen of \(name)")
    guard let linkID = values.string(when, "question") else {
      if !when.has("question") { values.error("the enableWhen has no 'question' (the linkId it tests)", when.place) }
      return nil
    }
    let questionPlace = when.place(of: "question")
    guard let target = itemsByLinkID[linkID] else {
      values.error(
        "enableWhen of \(name) refers to linkId '\(TextSafety.visible(linkID))', which is not an item of this "
          + "questionnaire",
        questionPlace)
      return nil
    }
    guard case .question(let type) = target.kind, let id = target.nativeID else {
      values.error(
        "enableWhen of \(name) refers to '\(TextSafety.visible(linkID))', which is \(description(of: target)); "
          + "it can only test a question",
        questionPlace)
      return nil
    }
    guard let operation = values.string(when, "operator") else {
      if !when.has("operator") { values.error("the enableWhen has no 'operator'", when.place) }
      return nil
    }
    let given = Self.answerKeys.filter(when.has)
    guard given.count == 1, let key = given.first else {
      values.error(
        given.isEmpty
          ? "the enableWhen has no answer to compare with (answerCoding, answerBoolean, answerInteger, ...)"
          : "the enableWhen has more than one answer (\(given.joined(separator: ", "))); give one",
        when.place)
      return nil
    }
    let place = when.place(of: key)
    let at = when.location

    func test(_ pairs: [(String, SourceNode)], question: String = id) -> SourceNode {
      NativeNode.map([("question", NativeNode.text(question, at: questionPlace.location))] + pairs, at: at)
    }
    func mismatch() -> SourceNode? {
      values.error(
        "enableWhen of \(name) compares '\(TextSafety.visible(linkID))' (\(description(of: target))) with \(key), "
          + "which does not fit it",
        place)
      return nil
    }
    func range(_ value: Double) -> SourceNode {
      NativeNode.map(
        [
          (
            "all",
            NativeNode.list(
              [
                test([("at_least", NativeNode.decimal(value, at: at))]),
                test([("at_most", NativeNode.decimal(value, at: at))]),
              ],
              at: at)
          )
        ], at: at)
    }

    switch operation {
    case "exists":
      guard key == "answerBoolean", let wanted = values.bool(when, key) else {
        values.error("'exists' needs answerBoolean: true (has an answer) or false (has none)", place)
        return nil
      }
      return test([("answered", NativeNode.bool(wanted, at: at))])
    case "=", "!=":
      var positive: SourceNode?
      switch key {
      case "answerCoding":
        guard type.hasOptions, let coding = values.object(when, key) else { return mismatch() }
        let codes = target.optionCodes(
          matching: values.string(coding, "code"), system: values.string(coding, "system"))
        // A coding the question does not offer never gets here: `unknownCoding` reads it first,
        // as FHIR does (a constant, with a warning).
        guard !codes.isEmpty else { return nil }
        positive =
          codes.count == 1
          ? test([("equals", NativeNode.text(codes[0], at: at))])
          : test([("in", NativeNode.list(codes.map { NativeNode.text($0, at: at) }, at: at))])
      case "answerBoolean":
        guard type == .yesNo, let wanted = values.bool(when, key) else { return mismatch() }
        positive = test([("equals", NativeNode.text(wanted ? "yes" : "no", at: at))])
      case "answerString":
        guard let text = values.string(when, key) else { return nil }
        if let option = target.options.first(where: { $0.value.value == .string(text) }) {
          positive = test([("equals", NativeNode.text(option.code, at: at))])
        } else if type.takesText {
          positive = test([("text_equals", NativeNode.text(text, at: at))])
        } else if let other = target.other {
          positive = test([("text_equals", NativeNode.text(text, at: at))], question: other.questionID)
        } else {
          return mismatch()
        }
      case "answerInteger", "answerDecimal":
        guard let value = values.number(when, key, whole: key == "answerInteger") else { return nil }
        if type.isNumeric {
          positive = range(value)
        } else if let option = target.options.first(where: { $0.value.value == .integer(Int(value)) }) {
          positive = test([("equals", NativeNode.text(option.code, at: at))])
        } else {
          return mismatch()
        }
      case "answerDate":
        guard let text = values.string(when, key) else { return nil }
        if let option = target.options.first(where: { $0.value.value == .date(text) }) {
          positive = test([("equals", NativeNode.text(option.code, at: at))])
        } else if type == .date {
          positive = test([("text_equals", NativeNode.text(text, at: at))])
        } else {
          return mismatch()
        }
      case "answerDateTime":
        guard type == .dateTime, let text = values.string(when, key) else { return mismatch() }
        positive = test([("text_equals", NativeNode.text(Answer.dateTime(text) ?? text, at: at))])
      case "answerTime":
        guard let text = values.string(when, key) else { return nil }
        let time = Answer.time(text) ?? text
        if let option = target.options.first(where: { $0.value.value == .time(time) }) {
          positive = test([("equals", NativeNode.text(option.code, at: at))])
        } else if type == .time {
          positive = test([("text_equals", NativeNode.text(time, at: at))])
        } else {
          return mismatch()
        }
      default:
        values.error("enableWhen of \(name) uses \(key), which SelfScreen cannot compare", place)
        return nil
      }
      guard let positive else { return nil }
      return operation == "=" ? positive : NativeNode.map([("not", positive)], at: at)
    case ">", "<", ">=", "<=":
      guard key == "answerInteger" || key == "answerDecimal" else {
        values.error(
          "enableWhen of \(name) compares with '\(operation)' and \(key); SelfScreen compares only numbers that way",
          place)
        return nil
      }
      guard type.isNumeric else { return mismatch() }
      guard let value = values.number(when, key, whole: key == "answerInteger") else { return nil }
      let native = ["<": "less_than", ">": "more_than", "<=": "at_most", ">=": "at_least"][operation]!
      return test([(native, NativeNode.decimal(value, at: at))])
    default:
      values.error(
        "'\(TextSafety.visible(operation))' is not an enableWhen operator; use exists, =, !=, >, <, >= or <=",
        when.place(of: "operator"))
      return nil
    }
  }

  /// Whether a test is one a native condition cannot hold: an order between dates, times or
  /// texts, or any test of a calculated item (whose value is computed, not asked).
  private func needsExpression(_ when: FHIRElement) -> Bool {
    if let linkID = values.string(when, "question", report: false), let target = itemsByLinkID[linkID],
      case .calculated(let expression, _, _) = target.kind, expression != nil
    {
      return true
    }
    guard let operation = values.string(when, "operator", report: false), [">", "<", ">=", "<="].contains(operation)
    else { return false }
    return ["answerDate", "answerDateTime", "answerTime", "answerString", "answerQuantity"].contains(where: when.has)
  }

  /// One `enableWhen` test as FHIRPath over the response, with FHIR's meaning: `=` and the orders
  /// hold when some answer does, `!=` when none equals, `exists` when there is (or is no) answer.
  func expression(for when: FHIRElement, of owner: Item) -> String? {
    let name = "item '\(TextSafety.visible(owner.linkID))'"
    guard let linkID = values.string(when, "question"), let target = itemsByLinkID[linkID] else {
      values.error(
        "enableWhen of \(name) refers to an item that is not in this questionnaire", when.place(of: "question"))
      return nil
    }
    switch target.kind {
    case .question, .calculated: break
    case .skipped, .display:
      if let holds = unansweredTest(when, of: owner) { return holds ? "true" : "false" }
      fallthrough
    default:
      values.error(
        "enableWhen of \(name) refers to '\(TextSafety.visible(linkID))', which is \(description(of: target)); "
          + "it can only test a question or a calculated item",
        when.place(of: "question"))
      return nil
    }
    guard let operation = values.string(when, "operator") else { return nil }
    let answers = "%resource.descendants().where(linkId = \(Self.quoted(linkID))).answer"
    let given = Self.answerKeys.filter(when.has)
    guard given.count == 1, let key = given.first else {
      values.error(
        "the enableWhen needs exactly one answer to compare with (answerDate, answerInteger, ...)", when.place)
      return nil
    }
    if operation == "exists" {
      guard let wanted = values.bool(when, key), key == "answerBoolean" else {
        values.error("'exists' needs answerBoolean: true (has an answer) or false (has none)", when.place(of: key))
        return nil
      }
      return wanted ? "\(answers).exists()" : "\(answers).exists().not()"
    }
    guard ["=", "!=", ">", "<", ">=", "<="].contains(operation) else {
      values.error(
        "'\(TextSafety.visible(operation))' is not an enableWhen operator; use exists, =, !=, >, <, >= or <=",
        when.place(of: "operator"))
      return nil
    }
    let value: String
    switch key {
    case "answerBoolean":
      guard let flag = values.bool(when, key) else { return nil }
      value = flag ? "true" : "false"
    case "answerInteger", "answerDecimal":
      guard let number = values.number(when, key, whole: key == "answerInteger") else { return nil }
      value = Answer.decimalText(number)
    case "answerQuantity":
      guard let quantity = values.object(when, key), let number = values.number(quantity, "value") else { return nil }
      value = Answer.decimalText(number)
    case "answerString":
      guard let text = values.string(when, key) else { return nil }
      value = Self.quoted(text)
    case "answerDate", "answerDateTime", "answerTime":
      guard let text = values.string(when, key),
        text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || "-:T.+Z".unicodeScalars.contains($0) })
      else {
        values.error("enableWhen of \(name) has a \(key) that is not a date or time", when.place(of: key))
        return nil
      }
      value = key == "answerTime" ? "@T\(text)" : "@\(text)"
    case "answerCoding":
      guard operation == "=" || operation == "!=", let coding = values.object(when, key),
        let code = values.string(coding, "code")
      else {
        values.error("enableWhen of \(name) orders codings, which have no order", when.place(of: key))
        return nil
      }
      let system = values.string(coding, "system", report: false)
      let match =
        "code = \(Self.quoted(code))" + (system.map { " and (system.empty() or system = \(Self.quoted($0)))" } ?? "")
      let found = "\(answers).value.where(\(match)).exists()"
      return operation == "=" ? found : "\(found).not()"
    default:
      values.error("enableWhen of \(name) uses \(key), which SelfScreen cannot compare", when.place(of: key))
      return nil
    }
    // A quantity answer compares by its value.
    let subject = key == "answerQuantity" ? "$this.value" : "$this"
    if operation == "!=" { return "\(answers).value.where(\(subject) = \(value)).exists().not()" }
    return "\(answers).value.where(\(subject) \(operation) \(value)).exists()"
  }

  /// A display item's conditions as FHIRPath: its enableWhen (as one expression, `enableBehavior`
  /// joining the tests) and its enableWhenExpression. Nil when it has none; an unreadable test has
  /// its own error.
  func displayConditions(of item: Item) -> [String]? {
    var out = item.enableExpression.map { [$0] } ?? []
    let list = values.objects(item.element, "enableWhen")
    if !list.isEmpty {
      let behavior = values.string(item.element, "enableBehavior", report: false) ?? "all"
      let tests = list.map { expression(for: $0, of: item) }
      guard tests.allSatisfy({ $0 != nil }) else { return nil }
      out.append(tests.map { "(\($0!))" }.joined(separator: behavior == "any" ? " or " : " and "))
    }
    return out.isEmpty ? nil : out
  }

  /// A FHIRPath string literal.
  static func quoted(_ text: String) -> String {
    var out = "'"
    for character in text {
      switch character {
      case "'": out += "\\'"
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      default: out.append(character)
      }
    }
    return out + "'"
  }

  func description(of item: Item) -> String {
    switch item.kind {
    case .group: return "a group"
    case .display: return item.missingList == nil ? "a display item" : "a question that is not asked"
    case .question(let type): return "a \(type.rawValue) question"
    case .calculated: return "a calculated item"
    case .skipped: return "an item that is not asked"
    }
  }
}
