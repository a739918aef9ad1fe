extension FHIRReader {
  /// The second pass: lays the items out as native sections and questions, in the file's order.
  struct SectionBuilder {
    struct Draft {
      var id: String
      var title: String
      var intro: [String] = []
      var questions: [[(String, SourceNode)]] = []
      /// The group whose questions these are (nil: the questionnaire's own).
      var owner: ObjectIdentifier?
      var location: SourceLocation
    }

    /// A calculated item that adds up weights: it becomes a native score.
    struct Total {
      var scoreID: String
      var label: String
      var linkIDs: [String]?
      /// Whether `linkIDs` are the ones left out rather than the ones read.
      var excludes = false
      var location: SourceLocation
    }

    let reader: FHIRReader
    let title: String?
    private(set) var drafts: [Draft] = []
    private var pendingHelp: [String] = []
    /// Display text shown only while its conditions hold, for the next question.
    private var pendingConditional: [FHIRLayout.ConditionalText] = []
    /// Display text with conditions, by native question id.
    private(set) var conditionalHelp: [String: [FHIRLayout.ConditionalText]] = [:]
    /// Notes of questions not asked, for the next question; then by native question id.
    private var pendingNotes: [FHIRLayout.ConditionalText] = []
    private(set) var notesBefore: [String: [FHIRLayout.ConditionalText]] = [:]
    private var sectionIDs = Set<String>()
    private var weighted: [(linkID: String, questionID: String)] = []
    private var totals: [Total] = []
    private var scoreIDs = Set<String>()
    /// `enableWhenExpression`s by native question id (the question's own and its groups').
    private(set) var enableExpressions: [String: [FHIRLayout.Expression]] = [:]

    /// The second and later entries of a repeating group or question are copies of the first:
    /// their questions get ids ending `_2`, `_3`, ..., and conditions between them read the copy.
    struct Copy {
      var number: Int
      /// Original native id -> the copy's.
      var ids: [String: String] = [:]
    }
    private var copy: Copy?
    /// The "Add another ...?" questions.
    private(set) var entryGates = Set<String>()

    /// The most entries a repeating group or question takes (fewer when the form's maxOccurs says).
    static let maximumEntries = 5

    init(reader: FHIRReader, title: String?) {
      self.reader = reader
      self.title = title
    }

    var sections: [(node: SourceNode, id: String)] {
      drafts.map { draft in
        var pairs: [(String, SourceNode)] = [
          ("id", NativeNode.text(draft.id, at: draft.location)),
          ("title", NativeNode.text(draft.title, at: draft.location)),
        ]
        if !draft.intro.isEmpty {
          pairs.append(("intro", NativeNode.text(draft.intro.joined(separator: "\n\n"), at: draft.location)))
        }
        pairs.append(
          (
            "questions",
            NativeNode.list(draft.questions.map { NativeNode.map($0, at: $0[0].1.location) }, at: draft.location)
          ))
        return (NativeNode.map(pairs, at: draft.location), draft.id)
      }
    }

    /// Native `scores`: one per calculated sum of weights, else a total of every weighted question.
    func scoreNodes(at location: SourceLocation) -> [SourceNode] {
      var rules = totals
      if rules.isEmpty && !weighted.isEmpty {
        rules = [Total(scoreID: "total", label: "Total score", linkIDs: nil, excludes: false, location: location)]
      }
      return rules.compactMap { total in
        let ids = weighted.filter { entry in
          total.linkIDs.map { $0.contains(entry.linkID) != total.excludes } ?? true
        }.map(\.questionID)
        guard !ids.isEmpty else {
          reader.values.warning(
            "'\(TextSafety.visible(total.label))' adds up weights, but none of the questions it reads has weighted "
              + "options; it is left out",
            Place(location: total.location, path: .root))
          return nil
        }
        return NativeNode.map(
          [
            ("id", NativeNode.text(total.scoreID, at: total.location)),
            ("label", NativeNode.text(total.label, at: total.location)),
            ("kind", NativeNode.text("sum", at: total.location)),
            ("questions", NativeNode.list(ids.map { NativeNode.text($0, at: total.location) }, at: total.location)),
          ], at: total.location)
      }
    }

    /// Text of display items not yet placed goes to the last question of the last section.
    mutating func finish() {
      if let last = drafts.last?.questions.last,
        case .scalar(let id, _)? = last.first(where: { $0.0 == "id" })?.1.value
      {
        // Conditional text after the last question goes with it; notes go before it (the result
        // also says those questions were not asked).
        if !pendingConditional.isEmpty { conditionalHelp[id, default: []] += pendingConditional }
        if !pendingNotes.isEmpty { notesBefore[id, default: []] += pendingNotes }
        pendingConditional = []
        pendingNotes = []
      }
      guard !pendingHelp.isEmpty, !drafts.isEmpty else { return }
      appendHelp(pendingHelp)
      pendingHelp = []
    }

    private mutating func appendHelp(_ texts: [String]) {
      guard var last = drafts.last?.questions.last else { return }
      if let index = last.firstIndex(where: { $0.0 == "help" }), case .scalar(let old, _) = last[index].1.value {
        last[index].1 = NativeNode.text(([old] + texts).joined(separator: "\n\n"), at: last[index].1.location)
      } else {
        let at = last[0].1.location
        last.insert(("help", NativeNode.text(texts.joined(separator: "\n\n"), at: at)), at: 2)
      }
      drafts[drafts.count - 1].questions[drafts[drafts.count - 1].questions.count - 1] = last
    }

    /// Lays out `items` (inside `group`, or at the top), each asked only when `conditions` and its
    /// own enableWhen hold; returns their layout for the response export.
    /// `scope`: the linkIds whose variables the items' expressions see ("" for the questionnaire's).
    mutating func walk(
      _ items: [Item], group: Item?, conditions: [SourceNode], expressions: [FHIRLayout.Expression] = [],
      scope: [String] = [""]
    )
      -> [FHIRLayout.Item]
    {
      var layout: [FHIRLayout.Item] = []
      for item in items {
        var own: SourceNode?
        let ownScope = scope + [item.linkID]
        var ownExpressions = item.enableExpression.map { [FHIRLayout.Expression(text: $0, scope: ownScope)] } ?? []
        // A display item's enableWhen is read as FHIRPath where its text is placed (below).
        let isDisplay: Bool
        if case .display = item.kind { isDisplay = true } else { isDisplay = false }
        switch isDisplay ? .always : reader.enablement(of: item) {
        case .never:
          // Never enabled (FHIR's reading of its enableWhen): never asked, never answered.
          continue
        case .when(let node): own = node
        case .expression(let text): ownExpressions.append(FHIRLayout.Expression(text: text, scope: ownScope))
        case .always, .unreadable: own = nil
        }
        let all = conditions + (own.map { [$0] } ?? [])
        let allExpressions = expressions + ownExpressions
        switch item.kind {
        case .group:
          let inner = walk(
            item.children, group: item, conditions: all, expressions: allExpressions, scope: ownScope)
          if !inner.isEmpty { layout.append(.group(linkID: item.linkID, text: item.text, items: inner)) }
          if item.isRepeats && !inner.isEmpty {
            layout += entries(of: item, conditions: all) { builder, gate in
              let copied = builder.walk(
                item.children, group: item, conditions: gate, expressions: allExpressions, scope: ownScope)
              return [.group(linkID: item.linkID, text: item.text, items: copied)]
            }
          }
        case .display:
          if let text = item.text, !text.allSatisfy(\.isWhitespace) {
            let isConditional = item.element.has("enableWhen") || item.enableExpression != nil
            if item.missingList == nil && !isConditional {
              pendingHelp.append(text)
            } else if let conditions = isConditional ? reader.displayConditions(of: item) : [] {
              // Shown only while its enableWhen holds (and its groups'): a question not asked, as a
              // note before the next question asked; other text, with the next question's help.
              let shown = FHIRLayout.ConditionalText(
                text: text,
                expressions: expressions + conditions.map { FHIRLayout.Expression(text: $0, scope: ownScope) })
              if item.missingList != nil { pendingNotes.append(shown) } else { pendingConditional.append(shown) }
            }
          }
        case .question(let type):
          let first = question(
            item, type: type, group: group, conditions: all, expressions: allExpressions, scope: ownScope)
          layout += first
          // A repeating question that is typed (a medicine's name, a date) takes one answer an entry;
          // its answers go back as one item with several answers.
          if item.isRepeats && !type.hasOptions
            && item.children.allSatisfy({ if case .display = $0.kind { true } else { false } })
            && !first.isEmpty
          {
            layout += entries(of: item, conditions: all) { builder, gate in
              builder.question(
                item, type: type, group: group, conditions: gate, expressions: allExpressions, scope: ownScope)
            }
          }
        case .calculated(let expression, let type, let isShown):
          if let calculation = calculation(item, expression: expression, type: type, isShown: isShown) {
            layout.append(.calculated(calculation))
          }
          if let value = item.shownValue {
            pendingNotes.append(FHIRLayout.ConditionalText(text: value, expressions: expressions))
          }
        case .skipped:
          break
        }
      }
      return layout
    }

    private mutating func question(
      _ item: Item, type: QuestionType, group: Item?, conditions: [SourceNode],
      expressions: [FHIRLayout.Expression], scope: [String]
    ) -> [FHIRLayout.Item] {
      guard let original = item.nativeID else { return [] }
      var id = original
      var otherID = item.other?.questionID
      var answer = item.answer
      var conditions = conditions
      if let number = copy?.number {
        id = reader.uniqueQuestionID("\(original)_\(number)")
        copy?.ids[original] = id
        if let other = otherID {
          otherID = reader.uniqueQuestionID("\(other)_\(number)")
          copy?.ids[other] = otherID
        }
        if case .choice(let table, _?) = answer { answer = .choice(values: table, otherQuestionID: otherID) }
        conditions = conditions.map { Self.renamed($0, copy?.ids ?? [:]) }
      }
      if !expressions.isEmpty { enableExpressions[id] = expressions }
      let element = item.element
      let owner = group.map(ObjectIdentifier.init)
      if drafts.last?.owner != owner || drafts.isEmpty {
        startSection(for: group)
      }
      let section = drafts.count - 1
      let base = "sections[\(section)].questions[\(drafts[section].questions.count)]"
      var text = [item.prefix, item.text].compactMap { $0 }.joined(separator: " ")
      // A later entry says which it is before the question ("Entry 2: Name of the medicine").
      if let number = copy?.number { text = "Entry \(number): " + text }
      var help = pendingHelp
      pendingHelp = []
      var conditional = pendingConditional
      pendingConditional = []
      if !pendingNotes.isEmpty {
        notesBefore[id, default: []] += pendingNotes
        pendingNotes = []
      }
      for child in item.children {
        guard case .display = child.kind, let extra = child.text else { continue }
        if child.element.has("enableWhen") || child.enableExpression != nil {
          if let conditions = reader.displayConditions(of: child) {
            let childScope = scope + [child.linkID]
            conditional.append(
              FHIRLayout.ConditionalText(
                text: extra,
                expressions: expressions + conditions.map { FHIRLayout.Expression(text: $0, scope: childScope) }))
          }
        } else {
          help.append(extra)
        }
      }
      if !conditional.isEmpty { conditionalHelp[id, default: []] += conditional }
      if let unit = item.unit, type.isNumeric { help.append("In \(unit).") }
      let at = element.location
      var pairs: [(String, SourceNode)] = [
        ("id", NativeNode.text(id, at: element.place(of: "linkId").location)),
        ("text", NativeNode.text(text, at: element.place(of: "text").location)),
      ]
      if !help.isEmpty { pairs.append(("help", NativeNode.text(help.joined(separator: "\n\n"), at: at))) }
      pairs.append(("type", NativeNode.text(type.rawValue, at: element.place(of: "type").location)))
      pairs.append(("required", NativeNode.bool(item.isRequired, at: at)))
      reader.paths[base] = element.path.description
      reader.paths[base + ".text"] = element.place(of: "text").path.description
      reader.paths[base + ".id"] = element.place(of: "linkId").path.description
      reader.comments[base] = "linkId: \(item.linkID)"

      if type == .yesNo {
        pairs.append(("options", Self.yesNoOptions(at: at)))
      } else if type.hasOptions {
        var options = item.options.enumerated().map { index, option -> SourceNode in
          reader.paths["\(base).options[\(index)]"] = option.place.path.description
          var fields: [(String, SourceNode)] = [
            ("code", NativeNode.text(option.code, at: option.place.location)),
            ("label", NativeNode.text(option.label, at: option.place.location)),
          ]
          if option.score != 0 { fields.append(("score", NativeNode.integer(option.score, at: option.place.location))) }
          return NativeNode.map(fields, at: option.place.location)
        }
        if let other = item.other {
          options.append(
            NativeNode.map(
              [
                ("code", NativeNode.text(other.code, at: at)),
                ("label", NativeNode.text("Something else (type it next)", at: at)),
              ], at: at))
        }
        pairs.append(("options", NativeNode.list(options, at: element.place(of: "answerOption").location)))
        if item.options.contains(where: { $0.value.weight != nil }) { weighted.append((item.linkID, id)) }
      }
      if type.isNumeric {
        for (key, url) in [("min", FHIRReader.minValueURL), ("max", FHIRReader.maxValueURL)] {
          guard let found = reader.values.extensions(element, urls: [url]).first else { continue }
          if let value = reader.values.number(found, "valueInteger", whole: true, report: false)
            ?? reader.values.number(found, "valueDecimal", whole: true, report: false)
          {
            pairs.append((key, NativeNode.integer(Int(value), at: found.location)))
          }
        }
      }
      if type == .file {
        // The kinds of file (`mimeType`, repeated) and the largest size (`maxSize`, in bytes).
        let kinds = reader.values.extensions(element, urls: [FHIRReader.mimeTypeURL]).compactMap { found in
          reader.values.string(found, "valueCode", report: false).map { NativeNode.text($0, at: found.location) }
        }
        if !kinds.isEmpty { pairs.append(("accept", NativeNode.list(kinds, at: kinds[0].location))) }
        if let found = reader.values.extensions(element, urls: [FHIRReader.maxSizeURL]).first,
          let size = reader.values.number(found, "valueDecimal", whole: true, report: false)
            ?? reader.values.number(found, "valueInteger", whole: true, report: false), size >= 1
        {
          if size > Double(AttachedFile.largest) {
            reader.values.warning(
              "item '\(TextSafety.visible(item.linkID))' takes files up to \(Answer.decimalText(size)) bytes; SelfScreen "
                + "takes them up to \(AttachedFile.sizeText(AttachedFile.largest))", found.place)
          }
          pairs.append(("max_size", NativeNode.integer(min(Int(size), AttachedFile.largest), at: found.location)))
        }
      }
      if type == .text {
        let limit = reader.limits.maxTextLength
        let given = reader.values.number(element, "maxLength", whole: true).map { Int($0) }
        let fhirType = reader.values.string(element, "type")
        let maxLength = min(max(given ?? (fhirType == "text" ? limit : 500), 1), limit)
        pairs.append(("max_length", NativeNode.integer(maxLength, at: element.place(of: "maxLength").location)))
        if let found = reader.values.extensions(element, urls: [FHIRReader.regexURL]).first,
          let pattern = reader.values.string(found, "valueString")
        {
          if (try? Regex(pattern)) != nil {
            pairs.append(("pattern", NativeNode.text(pattern, at: found.location)))
            let example = reader.values.extensions(element, urls: [FHIRReader.entryFormatURL]).first.flatMap {
              reader.values.string($0, "valueString")
            }
            if let example { pairs.append(("pattern_example", NativeNode.text(example, at: found.location))) }
          } else {
            reader.values.warning(
              "item '\(TextSafety.visible(item.linkID))' has a regex SelfScreen cannot read; answers are not checked "
                + "against it", found.place)
          }
        }
      }
      if let initial = reader.initialAnswer(of: item, type: type) {
        pairs.append(("initial", initial))
        reader.paths[base + ".initial"] = element.place(of: "initial").path.description
      }
      if let condition = Self.combined(conditions, at: element.place(of: "enableWhen").location) {
        pairs.append(("show_if", condition))
        reader.paths[base + ".show_if"] = element.place(of: "enableWhen").path.description
      }
      drafts[section].questions.append(pairs)

      if let other = item.other {
        let test = NativeNode.map(
          [("question", NativeNode.text(id, at: at)), ("equals", NativeNode.text(other.code, at: at))], at: at)
        let otherBase = "sections[\(section)].questions[\(drafts[section].questions.count)]"
        reader.paths[otherBase] = element.path.description
        reader.comments[otherBase] = "linkId: \(item.linkID) (the typed answer when none of the options fits)"
        var otherPairs: [(String, SourceNode)] = [
          ("id", NativeNode.text(otherID ?? other.questionID, at: at)),
          ("text", NativeNode.text("Your answer in your own words: \(text)", at: at)),
          ("type", NativeNode.text("text", at: at)),
          ("required", NativeNode.bool(item.isRequired, at: at)),
          ("show_if", Self.combined(conditions + [test], at: at)!),
        ]
        if let typed = reader.initialOtherText(of: item) {
          otherPairs.append(("initial", NativeNode.text(typed, at: element.place(of: "initial").location)))
        }
        drafts[section].questions.append(otherPairs)
      }
      let children = item.children.filter { if case .display = $0.kind { return false } else { return true } }
      let inner = walk(children, group: group, conditions: conditions, expressions: expressions, scope: scope)
      return [.question(linkID: item.linkID, text: item.text, questionID: id, answer: answer, items: inner)]
    }

    /// The second and later entries of a repeating group or question: before each, a yes/no
    /// question "Add another ...?", asked while the one before was answered yes; each entry is
    /// `copy` (given the condition that it is asked under), with its own question ids.
    private mutating func entries(
      of item: Item, conditions: [SourceNode], copy make: (inout SectionBuilder, [SourceNode]) -> [FHIRLayout.Item]
    ) -> [FHIRLayout.Item] {
      // Entries within entries: only the outermost repeat is offered again.
      guard copy == nil, !drafts.isEmpty else { return [] }
      let limit = min(item.maxOccurs ?? Self.maximumEntries, Self.maximumEntries)
      guard limit >= 2 else { return [] }
      let element = item.element
      let at = element.place(of: "repeats").location
      let name = reader.oneLine([item.prefix, item.text].compactMap { $0 }.joined(separator: " ")) ?? "this"
      let isGroup: Bool
      if case .group = item.kind { isGroup = true } else { isGroup = false }
      var layout: [FHIRLayout.Item] = []
      var gate = conditions
      for number in 2...limit {
        let moreID = reader.uniqueQuestionID(FHIRReader.identifier(item.linkID, prefix: "q") + "_another_\(number)")
        entryGates.insert(moreID)
        let section = drafts.count - 1
        let base = "sections[\(section)].questions[\(drafts[section].questions.count)]"
        reader.paths[base] = element.place(of: "repeats").path.description
        reader.comments[base] = "linkId: \(item.linkID) (whether to give another entry; not in the response)"
        var pairs: [(String, SourceNode)] = [
          ("id", NativeNode.text(moreID, at: at)),
          (
            "text",
            NativeNode.text(
              isGroup ? "Add another entry to \"\(name)\"?" : "Add another answer to \"\(name)\"?", at: at)
          ),
          ("help", NativeNode.text("You have given \(number - 1) so far; up to \(limit) can be given.", at: at)),
          ("type", NativeNode.text("yes_no", at: at)),
          ("required", NativeNode.bool(true, at: at)),
          ("options", Self.yesNoOptions(at: at)),
        ]
        if let shown = Self.combined(gate, at: at) { pairs.append(("show_if", shown)) }
        drafts[section].questions.append(pairs)
        let more = NativeNode.map(
          [("question", NativeNode.text(moreID, at: at)), ("equals", NativeNode.text("yes", at: at))], at: at)
        gate = conditions + [more]
        copy = Copy(number: number)
        layout += make(&self, gate)
        copy = nil
      }
      return layout
    }

    /// The options of a yes/no question: codes `yes` and `no`.
    static func yesNoOptions(at location: SourceLocation) -> SourceNode {
      NativeNode.list(
        [("yes", "Yes"), ("no", "No")].map { code, label in
          NativeNode.map(
            [("code", NativeNode.text(code, at: location)), ("label", NativeNode.text(label, at: location))],
            at: location)
        }, at: location)
    }

    /// A condition with the question ids in `ids` renamed (a copy's conditions read the copy).
    static func renamed(_ node: SourceNode, _ ids: [String: String]) -> SourceNode {
      guard !ids.isEmpty else { return node }
      switch node.value {
      case .mapping(let entries):
        var pairs: [(String, SourceNode)] = []
        for entry in entries {
          if entry.key == "question", case .scalar(let text, _) = entry.value.value, let renamed = ids[text] {
            pairs.append((entry.key, NativeNode.text(renamed, at: entry.value.location)))
          } else {
            pairs.append((entry.key, renamed(entry.value, ids)))
          }
        }
        return NativeNode.map(pairs, at: node.location)
      case .sequence(let items):
        return NativeNode.list(items.map { renamed($0, ids) }, at: node.location)
      default:
        return node
      }
    }

    private mutating func startSection(for group: Item?) {
      var title = self.title ?? "Questions"
      var base = "questions"
      var location = group?.element.location ?? SourceLocation(line: 1, column: 1)
      if let group {
        let text = [group.prefix, reader.oneLine(group.text)].compactMap { $0 }.joined(separator: " ")
        // An untitled group is shown under the questionnaire's title, never under the title of
        // the group before it, which it has nothing to do with.
        if !text.isEmpty { title = text }
        base = FHIRReader.identifier(group.linkID, prefix: "s")
        location = group.element.location
        reader.paths["sections[\(drafts.count)]"] = group.element.path.description
        reader.comments["sections[\(drafts.count)]"] = "linkId: \(group.linkID)"
      }
      let id = FHIRReader.unique(base, in: &sectionIDs)
      var draft = Draft(id: id, title: title, owner: group.map(ObjectIdentifier.init), location: location)
      draft.intro = pendingHelp
      pendingHelp = []
      drafts.append(draft)
    }

    private static func combined(_ conditions: [SourceNode], at location: SourceLocation) -> SourceNode? {
      switch conditions.count {
      case 0: return nil
      case 1: return conditions[0]
      default: return NativeNode.map([("all", NativeNode.list(conditions, at: location))], at: location)
      }
    }

    /// A calculated item: computed by its FHIRPath expression; also a native score (with bands,
    /// shown as a total) when the expression adds up the options' weights.
    private mutating func calculation(_ item: Item, expression: String?, type: String, isShown: Bool)
      -> FHIRLayout.Calculation?
    {
      let name = "item '\(TextSafety.visible(item.linkID))'"
      let answer: FHIRLayout.AnswerKind
      switch type {
      case "integer": answer = .integer
      case "decimal": answer = .decimal
      case "quantity": answer = .quantity(unit: item.quantityUnit)
      case "boolean": answer = .boolean
      case "date": answer = .date
      case "dateTime": answer = .dateTime
      case "time": answer = .time
      case "choice", "open-choice", "coding": answer = .choice(values: [:], otherQuestionID: nil)
      default: answer = .string
      }
      guard let expression else {
        reader.values.warning(
          "\(name) is calculated by an expression SelfScreen cannot evaluate; it is not asked and left out of the "
            + "results", item.element.place(of: "extension"))
        return nil
      }
      let compact = String(expression.unicodeScalars.filter { $0 != " " && $0 != "\n" }.map(Character.init))
      let addsWeights =
        (compact.contains("weight()") || compact.contains("ordinal()")) && compact.contains(".sum()")
      var scoreID: String?
      if addsWeights && isShown {
        let quoted = ((try? FHIRPath.parse(expression))?.strings ?? []).filter { reader.itemsByLinkID[$0] != nil }
        // `where(linkId != 'x')` leaves the named items out; `where(linkId = 'x' or ...)` reads only them.
        let excludes = compact.contains("!=")
        let id = FHIRReader.unique(FHIRReader.identifier(item.linkID, prefix: "s"), in: &scoreIDs)
        let label = reader.oneLine(item.text) ?? "Total score"
        totals.append(
          Total(
            scoreID: id, label: label, linkIDs: quoted.isEmpty ? nil : quoted, excludes: excludes,
            location: item.element.location))
        scoreID = id
      }
      return FHIRLayout.Calculation(
        linkID: item.linkID, text: item.text, scoreID: scoreID, expression: expression, answer: answer,
        isShown: isShown, unit: item.unit)
    }
  }
}
