extension FHIRReader {
  /// The options of a choice item, from `answerOption` or a contained ValueSet, with native codes
  /// made from their codes and scores from their weights.
  func readOptions(_ item: Item, name: String) -> [Option] {
    let element = item.element
    var found: [(value: FHIRLayout.OptionValue, label: String, place: Place)] = []
    let answerOptions = values.objects(element, "answerOption")
    if !answerOptions.isEmpty {
      for option in answerOptions {
        refuseModifiers(option, what: "an answerOption of \(name)")
        let optionWeight = weight(in: option)
        if let coding = values.object(option, "valueCoding") {
          // FHIR lets a coding be a display alone; it is answered with that display.
          let code = values.string(coding, "code")
          let display = oneLine(values.string(coding, "display"))
          guard let label = display ?? code else {
            if !coding.has("code") && !coding.has("display") {
              values.error("the coding has no code and no display", coding.place)
            }
            continue
          }
          let weight = optionWeight ?? self.weight(in: coding)
          found.append(
            (
              FHIRLayout.OptionValue(
                value: .coding(system: values.string(coding, "system"), code: code, display: display),
                weight: weight?.value, weightURL: weight?.url),
              label, coding.place(of: display == nil ? "code" : "display")
            ))
        } else if let text = values.string(option, "valueString") {
          found.append(
            (
              FHIRLayout.OptionValue(value: .string(text), weight: optionWeight?.value, weightURL: optionWeight?.url),
              oneLine(text) ?? text, option.place(of: "valueString")
            ))
        } else if let number = values.number(option, "valueInteger", whole: true) {
          found.append(
            (
              FHIRLayout.OptionValue(
                value: .integer(Int(number)), weight: optionWeight?.value, weightURL: optionWeight?.url),
              Answer.decimalText(number), option.place(of: "valueInteger")
            ))
        } else if let date = values.string(option, "valueDate", report: false), Answer.isDate(date) {
          found.append(
            (
              FHIRLayout.OptionValue(value: .date(date), weight: optionWeight?.value, weightURL: optionWeight?.url),
              date, option.place(of: "valueDate")
            ))
        } else if let text = values.string(option, "valueTime", report: false), let time = Answer.time(text) {
          found.append(
            (
              FHIRLayout.OptionValue(value: .time(time), weight: optionWeight?.value, weightURL: optionWeight?.url),
              String(time.prefix(5)), option.place(of: "valueTime")
            ))
        } else if let other = ["valueDate", "valueTime", "valueReference"].first(where: option.has) {
          values.error(
            "\(name) has an option given as \(other), which SelfScreen cannot offer", option.place(of: other))
        } else if !["valueCoding", "valueString", "valueInteger"].contains(where: option.has) {
          values.error("the answerOption has no value (valueCoding, valueString or valueInteger)", option.place)
        }
      }
    } else if let reference = values.string(element, "answerValueSet") {
      guard
        let valueSet = containedValueSet(reference) ?? valueSets.valueSet(reference)
          ?? StandardValueSets.valueSet(reference, limits: limits)
      else {
        let supplied = valueSets.fileName.map { ", nor in '\(TextSafety.visible($0))'" } ?? ""
        item.missingList = MissingList(
          problem: "\(name) takes its options from the value set '\(TextSafety.visible(reference))', which is not "
            + "contained in this file\(supplied) and not one of the standard value sets SelfScreen carries; "
            + "SelfScreen works offline and cannot fetch it (give a file with the ValueSet and its codes: "
            + "--value-sets FILE, or put it in the file's 'contained')",
          place: element.place(of: "answerValueSet"), reason: .online)
        return []
      }
      found = valueSetOptions(valueSet, of: item, name: name)
    }

    var used = Set<String>()
    return found.map { entry in
      let base: String
      switch entry.value.value {
      case .coding(_, let code, let display): base = Self.identifier(code ?? display ?? "", prefix: "c")
      case .string(let text): base = Self.identifier(text, prefix: "c")
      case .integer(let number): base = Self.identifier(String(number), prefix: "n")
      case .date(let text): base = Self.identifier(text, prefix: "d")
      case .time(let text): base = Self.identifier(text, prefix: "t")
      }
      let code = Self.unique(base, in: &used)
      var score = 0
      if let weight = entry.value.weight {
        if weight == weight.rounded() && abs(weight) < 1e9 {
          score = Int(weight)
        } else {
          values.warning(
            "the weight \(Answer.decimalText(weight)) is not a whole number; SelfScreen adds whole numbers only, "
              + "so this option adds nothing to the total",
            entry.place)
        }
      }
      return Option(code: code, label: entry.label, score: score, value: entry.value, place: entry.place)
    }
  }

  /// The weight of an option or coding (`itemWeight`, `ordinalValue`), when it has one. A weight
  /// that is not a number is reported as a warning and ignored: the import goes on.
  func weight(in element: FHIRElement) -> (value: Double, url: String)? {
    for found in values.extensions(element, urls: Self.weightURLs) {
      if let value = values.number(found, "valueDecimal", report: false)
        ?? values.number(found, "valueInteger", report: false)
      {
        return (value, values.url(of: found) ?? "")
      }
      values.warning("this weight extension has no number (valueDecimal); it is ignored", found.place)
    }
    return nil
  }

  /// A ValueSet in `contained`, by `#id` or by its canonical URL (with or without `|version`).
  private func containedValueSet(_ reference: String) -> FHIRElement? {
    if reference.hasPrefix("#") {
      let id = String(reference.dropFirst())
      return containedValueSets.first { $0.id == id }?.element
    }
    let url = ValueSetLibrary.unversioned(reference)
    return containedValueSets.first { $0.url == url || $0.url == reference }?.element
  }

  /// The codes of a contained ValueSet: its expansion, else the concepts its compose lists.
  private func valueSetOptions(_ valueSet: FHIRElement, of item: Item, name: String) -> [(
    value: FHIRLayout.OptionValue, label: String, place: Place
  )] {
    var found: [(value: FHIRLayout.OptionValue, label: String, place: Place)] = []
    let problemsBefore = values.sink.total
    func add(_ concept: FHIRElement, system: String?) {
      guard let code = values.string(concept, "code") else {
        if !concept.has("code") { values.error("the value set entry has no code", concept.place) }
        return
      }
      let display = oneLine(values.string(concept, "display"))
      let weight = weight(in: concept)
      found.append(
        (
          FHIRLayout.OptionValue(
            value: .coding(system: system, code: code, display: display), weight: weight?.value,
            weightURL: weight?.url),
          display ?? code, concept.place(of: display == nil ? "code" : "display")
        ))
    }
    func expand(_ list: [FHIRElement]) {
      for entry in list {
        if values.bool(entry, "abstract") != true { add(entry, system: values.string(entry, "system")) }
        expand(values.objects(entry, "contains"))
      }
    }
    if let expansion = values.object(valueSet, "expansion") {
      expand(values.objects(expansion, "contains"))
    }
    if found.isEmpty, let compose = values.object(valueSet, "compose") {
      for include in values.objects(compose, "include") {
        let concepts = values.objects(include, "concept")
        if concepts.isEmpty && item.missingList == nil {
          item.missingList = MissingList(
            problem: "the value set for \(name) chooses its codes by a filter or another value set, which "
              + "SelfScreen cannot expand offline (list them as 'concept' or give an 'expansion')",
            place: include.place, reason: .online)
        }
        let system = values.string(include, "system")
        for concept in concepts { add(concept, system: system) }
      }
    }
    if found.isEmpty && values.sink.total == problemsBefore && item.missingList == nil {
      values.error("the value set for \(name) lists no codes", valueSet.place)
    }
    return found
  }

  /// An item's `initial` answer as the native question takes it (an option's code, a number, a
  /// text), or nil when it has none or it is not one the question takes (a warning says so).
  /// The typed "something else" an open-choice item suggests: its initial valueString that is none
  /// of its options.
  func initialOtherText(of item: Item) -> String? {
    guard item.other != nil else { return nil }
    return values.objects(item.element, "initial").lazy.compactMap {
      self.values.string($0, "valueString", report: false)
    }
    .first { text in !item.options.contains { $0.value.value == .string(text) } }
  }

  func initialAnswer(of item: Item, type: QuestionType) -> SourceNode? {
    var entries = values.objects(item.element, "initial")
    var place = item.element.place(of: "initial")
    if entries.isEmpty {
      // The options marked `initialSelected` are the suggestion when there is no `initial`.
      entries = values.objects(item.element, "answerOption").filter {
        values.bool($0, "initialSelected", report: false) == true
      }
      place = entries.first?.place(of: "initialSelected") ?? place
    }
    guard !entries.isEmpty else { return nil }
    func optionCode(_ entry: FHIRElement) -> String? {
      if let boolean = values.bool(entry, "valueBoolean", report: false) { return boolean ? "yes" : "no" }
      if let coding = values.object(entry, "valueCoding", report: false) {
        return item.optionCodes(
          matching: values.string(coding, "code", report: false), system: values.string(coding, "system", report: false)
        ).first
      }
      if let text = values.string(entry, "valueString", report: false) {
        // Open-choice: a text that is none of the options is the typed "something else".
        return item.options.first { $0.value.value == .string(text) }?.code ?? item.other?.code
      }
      if let number = values.number(entry, "valueInteger", whole: true, report: false) {
        return item.options.first { $0.value.value == .integer(Int(number)) }?.code
      }
      if let date = values.string(entry, "valueDate", report: false) {
        return item.options.first { $0.value.value == .date(date) }?.code
      }
      if let time = values.string(entry, "valueTime", report: false).flatMap(Answer.time) {
        return item.options.first { $0.value.value == .time(time) }?.code
      }
      return nil
    }
    var node: SourceNode?
    switch type {
    case .single, .yesNo:
      node = optionCode(entries[0]).map { NativeNode.text($0, at: place.location) }
    case .multiple:
      let codes = entries.compactMap(optionCode)
      if codes.count == entries.count {
        node = NativeNode.list(codes.map { NativeNode.text($0, at: place.location) }, at: place.location)
      }
    case .number:
      node = values.number(entries[0], "valueInteger", whole: true, report: false).map {
        NativeNode.integer(Int($0), at: place.location)
      }
    case .decimal:
      let quantity = values.object(entries[0], "valueQuantity", report: false)
      node =
        (values.number(entries[0], "valueDecimal", whole: false, report: false)
        ?? values.number(entries[0], "valueInteger", whole: true, report: false)
        ?? quantity.flatMap { values.number($0, "value", whole: false, report: false) }).map {
          NativeNode.decimal($0, at: place.location)
        }
    case .text, .date, .time, .dateTime:
      let key = ["valueString", "valueDate", "valueTime", "valueDateTime"].first { entries[0].has($0) }
      node = key.flatMap { values.string(entries[0], $0, report: false) }.map {
        NativeNode.text($0, at: place.location)
      }
    case .file:
      // A file is attached by the person, never suggested by the form.
      node = nil
    }
    if node == nil {
      values.warning(
        "the initial answer of item '\(TextSafety.visible(item.linkID))' is not one its question takes; it is left out",
        place)
    }
    return node
  }
}
