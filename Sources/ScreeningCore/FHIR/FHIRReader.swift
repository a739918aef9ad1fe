/// Reads a FHIR R4 `Questionnaire` (with R5's `coding` type) into a native questionnaire document.
///
/// The native document is then decoded and validated like any native file, so every native rule
/// holds for imports too. Groups become sections (nested groups: one section per group that holds
/// questions), display items become a section's intro or a question's help, `enableWhen` becomes
/// `show_if` (a group's conditions apply to everything inside it), weights become option scores and
/// a total. The `FHIRLayout` keeps linkIds and codings for the `QuestionnaireResponse` export.
final class FHIRReader {
  /// What an import produces.
  struct Output {
    var document: SourceNode
    var layout: FHIRLayout
    /// Native path -> FHIR path, for diagnostics found in the native document.
    var paths: [String: String]
    /// Native path -> a comment to write above it in the converted YAML.
    var comments: [String: String]
    /// Where each question SelfScreen cannot ask is, by linkId.
    var notAsked: [String: Place] = [:]
  }

  enum Kind {
    case group
    case display
    case question(QuestionType)
    /// Not asked: its value is computed (`calculatedExpression`); `type` is the item's FHIR type.
    case calculated(expression: String?, type: String, isShown: Bool)
    /// Not asked, and nothing refers to it (hidden, read-only, or refused with an error).
    case skipped
  }

  /// One option of a choice item, resolved from `answerOption` or a contained ValueSet.
  struct Option {
    var code: String
    var label: String
    var score: Int
    var value: FHIRLayout.OptionValue
    var place: Place
  }

  /// One item of the file, read in the first pass.
  final class Item {
    let linkID: String
    let element: FHIRElement
    var kind: Kind = .skipped
    var text: String?
    /// The prefix shown before the text (nil for none or a bare number), and `required`.
    var prefix: String?
    var isRequired = false
    var nativeID: String?
    var options: [Option] = []
    var isRepeats = false
    /// How many entries a repeating item takes at most (`questionnaire-maxOccurs`).
    var maxOccurs: Int?
    var answer: FHIRLayout.AnswerKind = .string
    /// Open-choice: the option code for "other" and the id of the text question that takes it.
    var other: (code: String, questionID: String)?
    var children: [Item] = []
    /// The unit a number is given in (`questionnaire-unit`), as a person reads it.
    var unit: String?
    /// The unit as FHIR codes it, for a quantity's answer.
    var quantityUnit: FHIRLayout.Unit?
    /// The item's `enableWhenExpression`, when SelfScreen reads it.
    var enableExpression: String?
    /// Why a choice item's list of answers cannot be had offline, when it cannot.
    var missingList: MissingList?
    /// A read-only item's text with its fixed answer, shown before the next question.
    var shownValue: String?

    init(linkID: String, element: FHIRElement) {
      self.linkID = linkID
      self.element = element
    }

    /// An item that could be a question but is never asked: hidden, say, or a choice whose list of
    /// answers SelfScreen cannot have.
    var isNeverAnswered: Bool {
      switch kind {
      case .skipped: return true
      case .display: return missingList != nil
      default: return false
      }
    }

    /// The native codes of the options with this coding: codings match on system and code, or on
    /// code alone when either side has no system.
    func optionCodes(matching code: String?, system: String?) -> [String] {
      options.filter { option in
        guard case .coding(let optionSystem, let optionCode, _) = option.value.value else { return false }
        return optionCode != nil && optionCode == code
          && (optionSystem == nil || system == nil || optionSystem == system)
      }.map(\.code)
    }
  }

  /// A list of answers SelfScreen cannot have: a value set it cannot load or expand, or options
  /// worked out as the form is filled in (`answerExpression`, LHC-Forms' external lists).
  struct MissingList {
    /// For the form's author: what the list is and how to supply it.
    let problem: String
    let place: Place
    let reason: Reason

    enum Reason {
      /// A value set SelfScreen cannot load or expand offline.
      case online
      /// Worked out as the form is filled in.
      case workedOut
      /// The form gives none.
      case none
      /// Not a choice: a record to point to (`reference`).
      case record

      /// Why, as the person reads it after the question's text, and what they can do.
      var note: String {
        switch self {
        case .online: "SelfScreen can't show its list of answers. If it matters, tell your doctor or nurse."
        case .workedOut: "SelfScreen can't work out its list of answers. If it matters, tell your doctor or nurse."
        case .none: "The form gives no answers to choose from. If it matters, tell your doctor or nurse."
        case .record: "SelfScreen can't look up records. If it matters, tell your doctor or nurse."
        }
      }

      /// The question as the person reads it, before the next question: its text and why it is not
      /// asked.
      func shown(_ text: String) -> String {
        "Not asked: \"\(text)\" \(note)"
      }
    }
  }

  static let weightURLs = [
    "http://hl7.org/fhir/StructureDefinition/itemWeight",
    "http://hl7.org/fhir/StructureDefinition/ordinalValue",
    "http://hl7.org/fhir/StructureDefinition/iso21090-CO-value",
  ]
  static let hiddenURL = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden"
  static let itemControlURL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
  static let unitURL = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
  static let unitOptionURL = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption"
  static let occursURLs = [
    "http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs",
    "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs",
  ]
  /// UCUM codes people do not read as they are.
  static let unitNames = ["[in_i]": "inches", "[lb_av]": "pounds", "[ft_i]": "feet", "[oz_av]": "ounces"]
  static let calculatedURLs = [
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
    "http://hl7.org/fhir/StructureDefinition/cqf-calculatedValue",
  ]
  static let variableURL = "http://hl7.org/fhir/StructureDefinition/variable"
  static let regexURL = "http://hl7.org/fhir/StructureDefinition/regex"
  static let answerExpressionURL = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression"
  static let entryFormatURL = "http://hl7.org/fhir/StructureDefinition/entryFormat"
  static let enableWhenExpressionURL =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
  static let minValueURL = "http://hl7.org/fhir/StructureDefinition/minValue"
  static let maxValueURL = "http://hl7.org/fhir/StructureDefinition/maxValue"
  static let mimeTypeURL = "http://hl7.org/fhir/StructureDefinition/mimeType"
  static let maxSizeURL = "http://hl7.org/fhir/StructureDefinition/maxSize"

  let values: FHIRValues
  let limits: LoadLimits
  let fileName: String
  var itemsByLinkID: [String: Item] = [:]
  var questionIDs = Set<String>()
  /// The optional questions SelfScreen cannot ask, shown with a note, by linkId.
  var notAsked: [(linkID: String, place: Place)] = []
  var containedValueSets: [(element: FHIRElement, id: String?, url: String?)] = []
  var paths: [String: String] = [:]
  var comments: [String: String] = [:]
  /// FHIRPath variables by the linkId of the item that defines them ("" for the questionnaire's).
  var variables: [String: [FHIRLayout.Variable]] = [:]
  /// Whether an expression reads `%questionnaire` (then the layout keeps the resource).
  var readsQuestionnaire = false
  /// Every expression read, to check the `%names` it reads once all variables are known.
  var expressionsToCheck: [(FHIRPath, Place, String, String)] = []
  /// Where the modifierExtensions already reported (with a name for what holds them) are.
  private var checkedModifiers = Set<SourceLocation>()

  /// Value sets the person supplied (`--value-sets`), for those the file names but does not contain.
  let valueSets: ValueSetLibrary

  init(sink: DiagnosticSink, limits: LoadLimits, fileName: String, valueSets: ValueSetLibrary = .none) {
    values = FHIRValues(sink: sink)
    self.valueSets = valueSets
    self.limits = limits
    self.fileName = fileName
  }

  // MARK: The resource

  /// The native document, or nil when the resource is not a Questionnaire at all.
  func read(_ root: SourceNode) -> Output? {
    guard let resource = FHIRElement(root, .root) else {
      values.error("expected a FHIR resource (a JSON object), found \(root.kindDescription)", rootPlace(root))
      return nil
    }
    let type = values.string(resource, "resourceType")
    guard type == "Questionnaire" else {
      if let type {
        values.error(
          "this is a FHIR \(TextSafety.visible(type)) resource; SelfScreen runs Questionnaire resources",
          resource.place(of: "resourceType"))
      }
      return nil
    }
    refuseModifiers(resource, what: "the questionnaire")
    for valueSet in values.objects(resource, "contained") where values.string(valueSet, "resourceType") == "ValueSet" {
      containedValueSets.append((valueSet, values.string(valueSet, "id"), values.string(valueSet, "url")))
    }

    variables[""] = readVariables(resource)
    // First pass: every item, its kind and options, so enableWhen can refer to any of them.
    let items = values.objects(resource, "item").compactMap { readItem($0) }
    checkExpressionNames()
    let givenTitle = oneLine(values.string(resource, "title"))
    let givenName = values.string(resource, "name")
    // Second pass: sections, questions and conditions, in order.
    var builder = SectionBuilder(reader: self, title: givenTitle)
    let layoutItems = builder.walk(items, group: nil, conditions: [])
    builder.finish()
    refuseRemainingModifiers(root, .root)

    let location = resource.location
    let title = givenTitle ?? oneLine(givenName) ?? "Questionnaire"
    let version = values.string(resource, "version")
    let url = values.string(resource, "url")
    // Who the questionnaire is: its name or id, else the last part of its canonical url (a
    // published form keeps it wherever the file is saved), else the file's name.
    let fromURL = url.flatMap { $0.split(separator: "/").last.map(String.init) }.flatMap { $0.isEmpty ? nil : $0 }
    let name = givenName ?? values.string(resource, "id") ?? fromURL ?? stem(of: fileName)
    let description = values.string(resource, "description") ?? values.string(resource, "purpose")
    let copyright = values.string(resource, "copyright")
    // The description as the intro, ending as a sentence does (the screens add what SelfScreen
    // itself says: not a diagnosis, nothing saved unless asked).
    var intro = description.map(plainText) ?? "\(title). Answer each question; you can go back and change any answer."
    if let last = intro.last, !".!?".contains(last) { intro += "." }
    var disclaimer =
      "This is a self-check, not a diagnosis. A doctor, nurse or other health worker can help make sense of the answers."
    if let copyright { disclaimer += " " + plainText(copyright) }

    var top: [(String, SourceNode)] = [
      ("format", NativeNode.integer(1, at: location)),
      ("id", NativeNode.text(Self.identifier(name, prefix: "q"), at: resource.place(of: "name").location)),
      ("version", NativeNode.text(version ?? "unversioned", at: resource.place(of: "version").location)),
      ("language", NativeNode.text(values.string(resource, "language") ?? "und", at: location)),
      ("title", NativeNode.text(title, at: resource.place(of: "title").location)),
      ("intro", NativeNode.text(intro, at: resource.place(of: "description").location)),
      ("disclaimer", NativeNode.text(disclaimer, at: location)),
      // A form from elsewhere is taken to be about health in general: no drug services with it.
      ("topic", NativeNode.text(Questionnaire.Topic.general.rawValue, at: location)),
      ("sections", NativeNode.list(builder.sections.map(\.node), at: resource.place(of: "item").location)),
    ]
    paths["title"] = resource.place(of: "title").path.description
    paths["intro"] = resource.place(of: "description").path.description
    paths["sections"] = resource.place(of: "item").path.description
    if builder.sections.isEmpty {
      // When items were refused, their errors say why; otherwise say there is nothing to ask.
      if !values.sink.hasErrors {
        values.error("the questionnaire has no questions that SelfScreen can ask", resource.place(of: "item"))
      }
      return nil
    }
    let scores = builder.scoreNodes(at: location)
    if !scores.isEmpty { top.append(("scores", NativeNode.list(scores, at: location))) }
    comments["(top level)"] =
      "Converted by `selfscreen convert` from the FHIR Questionnaire \(url.map { "\($0)" } ?? fileName)"
      + (version.map { " version \($0)" } ?? "")
      + ". Question ids are made from the items' linkIds; each question's linkId is noted above it."
    var layout = FHIRLayout(
      url: url, version: version, items: layoutItems, variables: variables.filter { !$0.value.isEmpty },
      enableExpressions: builder.enableExpressions, entryGates: builder.entryGates)
    layout.conditionalHelp = builder.conditionalHelp
    layout.notesBefore = builder.notesBefore
    layout.notAsked = notAsked.map(\.linkID)
    if readsQuestionnaire {
      let json = JSONValue(root)
      layout.resource = FHIRLayout.Resource(json: json, digest: SHA256.hex(Array(json.text.utf8)))
    }
    return Output(
      document: NativeNode.map(top, at: location), layout: layout, paths: paths, comments: comments,
      notAsked: Dictionary(notAsked, uniquingKeysWith: { first, _ in first }))
  }

  private func rootPlace(_ root: SourceNode) -> Place { Place(location: root.location, path: .root) }

  /// "phq-9.json" -> "phq-9".
  private func stem(of file: String) -> String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    return name.split(separator: ".").first.map(String.init) ?? name
  }

  /// An item's `prefix` as shown before its text; a bare number ("1.", "(2)") is left out, as
  /// SelfScreen numbers the questions itself ("Question 1 of 9").
  static func shownPrefix(_ prefix: String) -> String? {
    let isNumber = prefix.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ".():- ".unicodeScalars.contains($0) }
    return isNumber ? nil : prefix
  }

  /// A text on one line: line breaks and runs of spaces become one space.
  func oneLine(_ text: String?) -> String? {
    guard let text else { return nil }
    let joined = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == " " })
      .joined(separator: " ")
    return joined.isEmpty ? nil : joined
  }

  /// Markdown and xhtml-free text: FHIR `markdown` fields are shown as written, with CRLF as LF.
  func plainText(_ text: String) -> String {
    String(text.unicodeScalars.filter { $0 != "\r" }.map(Character.init))
  }

  /// A `modifierExtension` changes the meaning of what holds it; one SelfScreen does not know must
  /// not be ignored (FHIR's rule), so it is an error.
  func refuseModifiers(_ element: FHIRElement, what: String) {
    guard let node = element.value("modifierExtension") else { return }
    checkedModifiers.insert(node.location)
    let urls = values.objects(element, "modifierExtension").compactMap { values.url(of: $0) }
    if case .sequence(let items) = node.value, items.isEmpty { return }
    values.error(
      "\(what) has a modifierExtension (\(urls.isEmpty ? "no url" : urls.map { "'\($0)'" }.joined(separator: ", "))), "
        + "which changes what it means in a way SelfScreen does not know; the questionnaire cannot be run as written",
      element.place(of: "modifierExtension"))
  }

  /// Every other modifierExtension, anywhere in the file (a contained ValueSet, an expansion
  /// entry, an extension, an item SelfScreen skips): FHIR's rule holds wherever one is.
  private func refuseRemainingModifiers(_ node: SourceNode, _ path: FieldPath) {
    switch node.value {
    case .mapping(let entries):
      for entry in entries {
        if entry.key == "modifierExtension", !checkedModifiers.contains(entry.value.location),
          let element = FHIRElement(node, path)
        {
          refuseModifiers(element, what: "this part of the file")
        }
        refuseRemainingModifiers(entry.value, path.appending(entry.key))
      }
    case .sequence(let items):
      for (index, item) in items.enumerated() { refuseRemainingModifiers(item, path.appending(index: index)) }
    default:
      break
    }
  }

  // MARK: Items, first pass

  private static let types: [String: QuestionType] = [
    "boolean": .yesNo, "choice": .single, "open-choice": .single, "coding": .single, "integer": .number,
    "decimal": .decimal, "quantity": .decimal, "string": .text, "text": .text, "url": .text, "date": .date,
    "time": .time,
    "dateTime": .dateTime, "attachment": .file,
  ]

  /// One item and those inside it. Inside a hidden group nothing is asked, so an item there needs
  /// no text of its own.
  private func readItem(_ element: FHIRElement, insideHidden: Bool = false) -> Item? {
    guard let linkID = values.string(element, "linkId") else {
      if !element.has("linkId") { values.error("the item has no linkId", element.place) }
      return nil
    }
    let item = Item(linkID: linkID, element: element)
    let name = "item '\(TextSafety.visible(linkID))'"
    if let first = itemsByLinkID[linkID] {
      values.error(
        "duplicate linkId '\(TextSafety.visible(linkID))'; it is first used at \(first.element.location)",
        element.place(of: "linkId"))
      return nil
    }
    itemsByLinkID[linkID] = item
    refuseModifiers(element, what: name)
    let prefix = oneLine(values.string(element, "prefix"))
    let text = values.string(element, "text").map(plainText)
    item.text = text
    item.prefix = prefix.flatMap(Self.shownPrefix)
    item.isRequired = values.bool(element, "required") ?? false
    let shownText = [prefix, text].compactMap { $0 }.joined(separator: " ")
    let isHidden = values.extensions(element, urls: [Self.hiddenURL]).contains {
      values.bool($0, "valueBoolean", report: false) == true
    }
    // A read-only group is shown to read, not answered: nothing inside it is asked.
    let isReadOnlyGroup =
      values.string(element, "type", report: false) == "group"
      && values.bool(element, "readOnly", report: false) == true
    item.children = values.objects(element, "item").compactMap {
      readItem($0, insideHidden: insideHidden || isHidden || isReadOnlyGroup)
    }
    // An item shown as a flyover, tooltip or help is help text, not a question.
    let controls = values.extensions(element, urls: [Self.itemControlURL]).flatMap { control -> [String] in
      guard let concept = values.object(control, "valueCodeableConcept", report: false) else { return [] }
      return values.objects(concept, "coding").compactMap { values.string($0, "code", report: false) }
    }
    if controls.contains(where: ["flyover", "help", "legal", "tooltip"].contains) {
      item.kind = .display
      return item
    }
    // The unit: questionnaire-unit, else a quantity's first unitOption (SelfScreen asks for the
    // number in that unit).
    let unitCoding =
      values.extensions(element, urls: [Self.unitURL]).first.flatMap { values.object($0, "valueCoding", report: false) }
      ?? values.extensions(element, urls: [Self.unitOptionURL]).first.flatMap {
        values.object($0, "valueCoding", report: false)
      }
    var quantityUnit: FHIRLayout.Unit?
    if let unit = unitCoding {
      let code = values.string(unit, "code", report: false)
      let display = values.string(unit, "display", report: false)
      item.unit = code.flatMap { Self.unitNames[$0] } ?? display ?? code
      quantityUnit = FHIRLayout.Unit(system: values.string(unit, "system", report: false), code: code, display: display)
    }
    let repeats = values.bool(element, "repeats", report: false) == true
    if let most = values.extensions(element, urls: [Self.occursURLs[1]]).first, repeats {
      item.maxOccurs = values.number(most, "valueInteger", whole: true).map { Int($0) }
    }
    if let occurs = values.extensions(element, urls: repeats ? [Self.occursURLs[0]] : Self.occursURLs).first {
      values.warning(
        "item '\(TextSafety.visible(linkID))' says how many answers to give at least (minOccurs)"
          + (repeats ? "" : " or at most (maxOccurs)") + "; SelfScreen does not count them", occurs.place)
    }
    guard let type = values.string(element, "type") else {
      if !element.has("type") { values.error("\(name) has no type", element.place) }
      return item
    }
    item.isRepeats = values.bool(element, "repeats") ?? false

    variables[linkID] = readVariables(element)
    if let calculated = values.extensions(element, urls: Self.calculatedURLs).first, !insideHidden {
      // A hidden calculated item is still computed for the response; the result does not show it.
      item.kind = .calculated(expression: expression(in: calculated, of: name), type: type, isShown: !isHidden)
      item.quantityUnit = quantityUnit
      return item
    }
    if let found = values.extensions(element, urls: [Self.enableWhenExpressionURL]).first {
      item.enableExpression = expression(in: found, of: name)
      if item.enableExpression == nil {
        values.warning(
          "\(name) is asked whatever the answers, as its enableWhenExpression cannot be read", found.place)
      }
    }
    // A hidden or read-only item with an `initial` answer has that answer: not asked, but in the
    // response (where an enableWhen reads it); a read-only one is shown with it.
    let isReadOnly = values.bool(element, "readOnly", report: false) == true
    if (isHidden || isReadOnly) && !insideHidden && !["group", "display"].contains(type) && element.has("initial") {
      item.kind = .calculated(
        expression: "%questionnaire.repeat(item).where(linkId = \(Self.quoted(linkID))).initial.value", type: type,
        isShown: false)
      readsQuestionnaire = true
      item.quantityUnit = quantityUnit
      if !isHidden, !shownText.isEmpty, let value = initialText(element) {
        item.shownValue = shownText.hasSuffix(":") ? "\(shownText) \(value)" : "\(shownText): \(value)"
      }
      return item
    }
    if isHidden {
      values.warning("\(name) is hidden, so it is not asked", element.place(of: "extension"))
      return item
    }
    if insideHidden { return item }
    switch type {
    case "group":
      item.kind = .group
      return item
    case "display":
      item.kind = .display
      return item
    default:
      break
    }
    guard var native = Self.types[type] else {
      if type == "reference" && !item.isRequired {
        // A record to point at (a Patient, a Practitioner) is looked up on a FHIR server; an
        // optional one is shown with a note.
        let missing = MissingList(
          problem: "\(name) asks for a record (reference), which SelfScreen cannot look up",
          place: element.place(of: "type"), reason: .record)
        showWithNote(item, missing, text: shownText)
        return item
      }
      values.error(
        "\(name) has type '\(TextSafety.visible(type))', which SelfScreen cannot ask (it asks group, display, "
          + "boolean, choice, open-choice, coding, integer, decimal, quantity, string, text, url, date, dateTime, time "
          + "and attachment items; an optional reference item is shown with a note)",
        element.place(of: "type"))
      return item
    }
    if values.bool(element, "readOnly") == true {
      values.warning("\(name) is read-only and has no calculation, so it is not asked", element.place(of: "readOnly"))
      return item
    }
    if shownText.isEmpty {
      if !element.has("text") { values.error("\(name) has no text, so there is nothing to ask", element.place) }
      return item
    }
    item.nativeID = uniqueQuestionID(Self.identifier(linkID, prefix: "q"))
    let constraint = values.string(element, "answerConstraint")
    let isOpen = type == "open-choice" || constraint == "optionsOrString" || constraint == "optionsOrType"
    // An integer, string or date item with answerOption (FHIR R4) is a choice among those values.
    if (native == .number || native == .text || native == .date || native == .time) && element.has("answerOption") {
      native = .single
    }
    switch native {
    case .yesNo:
      item.answer = .boolean
      if item.isRepeats { values.warning("\(name) repeats; SelfScreen takes one answer", element.place(of: "repeats")) }
    case .single:
      if item.isRepeats { native = .multiple }
      item.options = readOptions(item, name: name)
      let isSTU3 = element.has("option") || element.has("options")
      if item.options.isEmpty && item.missingList == nil {
        item.missingList =
          workedOutList(element, name: name)
          ?? (isOpen || isSTU3 || hasOptionSource(element)
            ? nil
            : MissingList(
              problem: "\(name) is a choice with no answerOption or answerValueSet", place: element.place,
              reason: .none))
      }
      if item.options.isEmpty, let missing = item.missingList {
        if isOpen {
          // The person can still type an answer of their own.
          values.warning(missing.problem + "; the question is asked for a typed answer", missing.place)
        } else if item.isRequired {
          values.error(missing.problem, missing.place)
          return item
        } else {
          showWithNote(item, missing, text: shownText)
          return item
        }
      } else if item.options.isEmpty && !isOpen {
        if isSTU3 && !hasOptionSource(element) {
          // FHIR STU3 names them 'option' and 'options'; R4 renamed them.
          let key = element.has("option") ? "option" : "options"
          values.error(
            "\(name) gives its choices as '\(key)', the FHIR STU3 name; SelfScreen reads FHIR R4, where it is "
              + "'\(key == "option" ? "answerOption" : "answerValueSet")'",
            element.place(of: key))
        }
        return item
      }
      if item.options.isEmpty {
        native = .text
        item.answer = .string
      } else {
        if isOpen {
          var codes = Set(item.options.map(\.code))
          let code = Self.unique("other", in: &codes)
          item.other = (code, uniqueQuestionID(item.nativeID! + "_other"))
        }
        var table: [String: FHIRLayout.OptionValue] = [:]
        for option in item.options { table[option.code] = option.value }
        item.answer = .choice(values: table, otherQuestionID: item.other?.questionID)
      }
    case .number:
      item.answer = .integer
    case .decimal where type == "quantity":
      item.answer = .quantity(unit: quantityUnit)
    case .decimal:
      item.answer = .decimal
    case .date:
      item.answer = .date
    case .time:
      item.answer = .time
    case .dateTime:
      item.answer = .dateTime
    case .file:
      item.answer = .attachment
    default:
      item.answer = type == "url" ? .uri : .string
    }
    if item.isRepeats && !native.hasOptions
      && item.children.contains(where: { if case .display = $0.kind { false } else { true } })
    {
      // The entries after the first are copies of a question alone, not of what is nested under it.
      values.warning(
        "\(name) repeats and has items under it; SelfScreen takes one answer", element.place(of: "repeats"))
    }
    item.kind = .question(native)
    return item
  }

  /// The first `initial` answer as a person reads it: the text, number, date, yes or no, or the
  /// coding's display.
  private func initialText(_ element: FHIRElement) -> String? {
    guard let entry = values.objects(element, "initial").first else { return nil }
    if let flag = values.bool(entry, "valueBoolean", report: false) { return flag ? "Yes" : "No" }
    for key in ["valueInteger", "valueDecimal"] {
      if let number = values.number(entry, key, report: false) { return Answer.decimalText(number) }
    }
    for key in ["valueString", "valueDate", "valueDateTime", "valueTime", "valueUri"] {
      if let text = values.string(entry, key, report: false) { return oneLine(text) }
    }
    if let coding = values.object(entry, "valueCoding", report: false) {
      return oneLine(values.string(coding, "display", report: false) ?? values.string(coding, "code", report: false))
    }
    if let quantity = values.object(entry, "valueQuantity", report: false),
      let number = values.number(quantity, "value", report: false)
    {
      let unit = values.string(quantity, "unit", report: false) ?? values.string(quantity, "code", report: false)
      return Answer.decimalText(number) + (unit.map { " \($0)" } ?? "")
    }
    return nil
  }

  /// An optional question SelfScreen cannot ask: the person reads its text with a note saying why
  /// (as LHC-Forms shows "Unable to load the answer list for this question"), with the next
  /// question; a warning names it for the form's author.
  private func showWithNote(_ item: Item, _ missing: MissingList, text: String) {
    values.warning(missing.problem + "; it is optional, so it is shown with a note and not asked", missing.place)
    item.kind = .display
    item.nativeID = nil
    item.missingList = missing
    item.text = text.isEmpty ? nil : missing.reason.shown(text)
    notAsked.append((item.linkID, missing.place))
  }

  private func hasOptionSource(_ element: FHIRElement) -> Bool {
    element.has("answerOption") || element.has("answerValueSet")
  }

  /// Options worked out as the form is filled in, which SelfScreen does not do: an
  /// `answerExpression`, an LHC-Forms list from a web service or from another item's data.
  private func workedOutList(_ element: FHIRElement, name: String) -> MissingList? {
    if let found = values.extensions(element, urls: [Self.answerExpressionURL]).first {
      return MissingList(
        problem: "\(name) takes its options from an answerExpression, worked out as the form is filled in; "
          + "SelfScreen asks from a fixed list only (answerOption or answerValueSet)",
        place: found.place, reason: .workedOut)
    }
    if let found = values.extensions(element, urls: Self.lhcListURLs).first {
      return MissingList(
        problem: "\(name) takes its options from "
          + (values.url(of: found) == Self.lhcListURLs[0]
            ? "a web service (LHC-Forms' externallydefined)" : "another item's data (LHC-Forms' dataControl)")
          + "; SelfScreen works offline and asks from a fixed list only (answerOption or answerValueSet)",
        place: found.place, reason: .workedOut)
    }
    return nil
  }

  static let lhcListURLs = [
    "http://lhcforms.nlm.nih.gov/fhir/StructureDefinition/questionnaire-externallydefined",
    "http://lhcforms.nlm.nih.gov/fhirExt/dataControl",
  ]

  func uniqueQuestionID(_ base: String) -> String {
    Self.unique(base, in: &questionIDs)
  }

  /// `base`, else `base_2`, `base_3`, ...: the first that is not in `used` (it is added there).
  /// At most 64 characters, the native limit for ids.
  static func unique(_ base: String, in used: inout Set<String>) -> String {
    let stem = String(base.prefix(56))
    var candidate = stem
    var number = 2
    while used.contains(candidate) {
      candidate = "\(stem)_\(number)"
      number += 1
    }
    used.insert(candidate)
    return candidate
  }

  /// A native id from any text: lowercase letters, digits and `_`, starting with a letter
  /// (`/44250-9` -> `q_44250_9`, `PHQ-9` -> `phq_9`).
  static func identifier(_ raw: String, prefix: String, limit: Int = 56) -> String {
    var out = ""
    var pendingUnderscore = false
    for scalar in raw.lowercased().unicodeScalars {
      let isLetter = scalar.value >= 0x61 && scalar.value <= 0x7A
      let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
      if isLetter || isDigit {
        if pendingUnderscore && !out.isEmpty { out += "_" }
        pendingUnderscore = false
        out.unicodeScalars.append(scalar)
      } else {
        pendingUnderscore = true
      }
    }
    if out.isEmpty { return prefix }
    if let first = out.unicodeScalars.first, !(first.value >= 0x61 && first.value <= 0x7A) {
      out = prefix + "_" + out
    }
    return String(out.prefix(limit))
  }
}
