/// Where the parts of a decoded questionnaire came from, for the semantic checks.
struct SourceMap {
  /// Who makes a reference to a question.
  enum Owner: Hashable {
    case showIf(questionIndex: Int)
    /// A score rule, by its kind (nil when the kind itself is bad).
    case score(ScoreRule.Kind?)
    case domain(Int)
    case redFlag
    case message
  }

  /// One mention of a question id, with the codes or test it uses.
  struct Reference {
    var questionID: String
    var place: Place
    var owner: Owner
    var test: ConditionTest?
    var codePlaces: [(String, Place)]
    var testPlace: Place?
  }

  var questionPlaces: [Place] = []
  /// Questions kept despite a bad field; only their existence is checked by references.
  var partialQuestionIDs: Set<String> = []
  /// Per question (as `questionPlaces`): where its `source` and its `show_if` are, if it has them.
  var citationPlaces: [Place?] = []
  var showIfPlaces: [Place?] = []
  var references: [Reference] = []
  var bandsScorePlace: Place?
  var bandPlaces: [Place] = []
  /// Texts whose wording is checked (labels, guidance, next steps, red flags, messages).
  var guidanceTexts: [(String, Place)] = []
  /// Question texts, whose reading level is checked with the guidance's.
  var questionTexts: [(String, Place)] = []
}

/// Decodes a `SourceNode` tree into a `Questionnaire`, reporting every shape problem.
final class QuestionnaireDecoder {
  private let nodes: NodeDecoder
  private(set) var map = SourceMap()
  /// Scales by id; nil for a scale whose options have errors (already reported).
  private var scales: [String: [AnswerOption]?] = [:]
  /// Each question id's position in the questions (where it is defined: `map.questionPlaces`);
  /// the questionnaire takes it as its index by id.
  private var questionIDs: [String: Int] = [:]
  /// The questions, once the sections are read (the lists of question ids come after them).
  private var questions: [Question] = []
  /// How many question ids the scores and domains list (up to the question limit each).
  private var listedInLists = 0

  init(sink: DiagnosticSink, limits: LoadLimits) {
    nodes = NodeDecoder(sink: sink, limits: limits)
  }

  private static let topKeys = [
    "format", "id", "version", "language", "title", "intro", "disclaimer", "audience", "minutes", "topic",
    "sources", "scales", "sections", "scores", "bands", "red_flags", "messages", "domains",
  ]

  func decode(_ root: SourceNode) -> Questionnaire? {
    guard let top = nodes.fields(root, .root, allowed: Self.topKeys, what: "a questionnaire") else {
      return nil
    }
    let format = top.format()
    let id = top.required("id") { nodes.id($0, $1) }
    let version = top.required("version") { nodes.string($0, $1) }
    let language = top.required("language") { nodes.string($0, $1) }
    let title = top.required("title") { nodes.string($0, $1) }
    let intro = top.required("intro") { nodes.text($0, $1) }
    let disclaimer = top.required("disclaimer") { nodes.text($0, $1) }
    let audience = top.optional("audience") { nodes.text($0, $1) }
    let minutes = top.optional("minutes") { nodes.int($0, $1) }
    let topic = top.optional("topic") { node, path -> Questionnaire.Topic? in
      guard let name = nodes.string(node, path) else { return nil }
      guard let topic = Questionnaire.Topic(rawValue: name) else {
        nodes.error(
          "'\(TextSafety.visible(name))' is not a topic; use one of: "
            + Questionnaire.Topic.allCases.map(\.rawValue).joined(separator: ", "),
          Place(location: node.location, path: path))
        return nil
      }
      return topic
    }
    let sources = top.optional("sources") { decodeSources($0, $1) } ?? []
    top.optional("scales") { decodeScales($0, $1) }
    // The scores' and domains' lists of questions, counted before the sections are read, so
    // that the references of both are given room at once (a second reservation would copy every
    // show_if's reference).
    listedInLists = ["scores", "domains"].reduce(0) { total, key in
      guard let list = top.node(key)?.0, case .sequence(let items) = list.value else { return total }
      return items.reduce(total) { $0 + min(Self.questionsListed(in: $1), nodes.limits.maxQuestions) }
    }
    let (sections, questions) = top.required("sections") { decodeSections($0, $1) } ?? ([], [])
    self.questions = questions
    let scores = top.optional("scores") { decodeScores($0, $1) } ?? []
    let bands = top.optional("bands") { decodeBands($0, $1) }
    let redFlags = top.optional("red_flags") { decodeRedFlags($0, $1) } ?? []
    let messages = top.optional("messages") { decodeMessages($0, $1) } ?? []
    let domains = top.optional("domains") { decodeDomains($0, $1) } ?? []

    if questions.count > nodes.limits.maxQuestions {
      nodes.error(
        "the questionnaire has \(questions.count) questions; the limit is \(nodes.limits.maxQuestions)",
        top.place(of: "sections"))
    }
    guard let format, let id, let version, let language, let title, let intro, let disclaimer else {
      return nil
    }
    var questionnaire = Questionnaire(
      format: format, id: id, version: version, language: language, title: title, intro: intro,
      disclaimer: disclaimer, audience: audience, minutes: minutes, sources: sources,
      sections: sections, questions: questions, indexByID: questionIDs, scores: scores, bands: bands,
      redFlags: redFlags, messages: messages, domains: domains)
    questionnaire.topic = topic ?? .substanceUse
    return questionnaire
  }

  // MARK: Sources and scales

  private func decodeSources(_ node: SourceNode, _ path: FieldPath) -> [SourceDocument]? {
    guard let items = nodes.list(node, path, what: "sources") else { return nil }
    var seen: [String: SourceLocation] = [:]
    return items.compactMap { node, path in
      guard let fields = nodes.fields(node, path, allowed: ["file", "title", "note"], what: "a source") else {
        return nil
      }
      let file = fields.required("file") { nodes.string($0, $1) }
      let title = fields.required("title") { nodes.string($0, $1) }
      let note = fields.optional("note") { nodes.text($0, $1) }
      guard let file, let title else { return nil }
      noteUnique(file, kind: "source file", place: fields.place(of: "file"), in: &seen)
      return SourceDocument(file: file, title: title, note: note)
    }
  }

  private func decodeScales(_ node: SourceNode, _ path: FieldPath) {
    guard let items = nodes.list(node, path, what: "scales") else { return }
    var seen: [String: SourceLocation] = [:]
    for (node, path) in items {
      guard let fields = nodes.fields(node, path, allowed: ["id", "options"], what: "a scale") else { continue }
      let id = fields.required("id") { nodes.id($0, $1) }
      let options = fields.required("options") { decodeOptions($0, $1) }
      guard let id else { continue }
      if noteUnique(id, kind: "scale id", place: fields.place(of: "id"), in: &seen) {
        scales[id] = .some(options)
      }
    }
  }

  private func decodeOptions(_ node: SourceNode, _ path: FieldPath) -> [AnswerOption]? {
    guard let items = nodes.list(node, path, what: "options") else { return nil }
    if items.isEmpty {
      nodes.error("the list of options is empty", Place(location: node.location, path: path))
      return nil
    }
    if items.count > nodes.limits.maxOptions {
      nodes.error(
        "there are \(items.count) options; the limit is \(nodes.limits.maxOptions)",
        Place(location: node.location, path: path))
      return nil
    }
    var seen: [String: SourceLocation] = [:]
    let options = items.compactMap { node, path -> AnswerOption? in
      let errorsBefore = nodes.sink.total
      guard
        let fields = nodes.fields(
          node, path, allowed: ["code", "label", "score", "missing", "exclusive"], what: "an option")
      else { return nil }
      let code = fields.required("code") { nodes.id($0, $1, what: "option code") }
      let label = fields.required("label") { nodes.string($0, $1) }
      let score = fields.optional("score") { nodes.boundedInt($0, $1) } ?? 0
      let missing = fields.optional("missing") { nodes.bool($0, $1) } ?? false
      let exclusive = fields.optional("exclusive") { nodes.bool($0, $1) } ?? false
      // A bad optional field must not fall back to its default and mislead later checks.
      guard let code, let label, nodes.sink.total == errorsBefore else { return nil }
      guard noteUnique(code, kind: "option code", place: fields.place(of: "code"), in: &seen) else { return nil }
      return AnswerOption(code: code, label: label, score: score, isMissing: missing, isExclusive: exclusive)
    }
    return options.count == items.count ? options : nil
  }

  // MARK: Sections and questions

  private func decodeSections(_ node: SourceNode, _ path: FieldPath) -> ([Section], [Question])? {
    guard let items = nodes.list(node, path, what: "sections") else { return nil }
    if items.isEmpty {
      nodes.error(
        "there are no sections; a questionnaire needs at least one question", Place(location: node.location, path: path)
      )
    }
    var sections: [Section] = []
    var questions: [Question] = []
    var seen: [String: SourceLocation] = [:]
    // Room for every question the file lists (up to the limit), so that the tables do not grow
    // (and rehash) as they fill.
    let listed = min(items.nodes.reduce(0) { $0 + Self.questionsListed(in: $1) }, nodes.limits.maxQuestions)
    questions.reserveCapacity(listed)
    questionIDs.reserveCapacity(listed)
    map.questionPlaces.reserveCapacity(listed)
    map.citationPlaces.reserveCapacity(listed)
    map.showIfPlaces.reserveCapacity(listed)
    // Most questions have one show_if at most.
    map.references.reserveCapacity(map.references.count + listed + listedInLists)
    for (node, path) in items {
      guard
        let fields = nodes.fields(node, path, allowed: ["id", "title", "intro", "questions"], what: "a section")
      else { continue }
      let id = fields.required("id") { nodes.id($0, $1) }
      let title = fields.required("title") { nodes.string($0, $1) }
      let intro = fields.optional("intro") { nodes.text($0, $1) }
      let sectionID = id ?? ""
      if let id { noteUnique(id, kind: "section id", place: fields.place(of: "id"), in: &seen) }
      let own =
        fields.required("questions") { node, path -> [String]? in
          guard let items = nodes.list(node, path, what: "questions") else { return nil }
          if items.isEmpty {
            nodes.error("the section has no questions", Place(location: node.location, path: path))
          }
          var ids: [String] = []
          ids.reserveCapacity(items.count)
          for (node, path) in items {
            guard let question = decodeQuestion(node, path, sectionID: sectionID, index: questions.count) else {
              continue
            }
            ids.append(question.id)
            questions.append(question)
          }
          return ids
        } ?? []
      if let id, let title {
        sections.append(Section(id: id, title: title, intro: intro, questionIDs: own))
      }
    }
    return (sections, questions)
  }

  /// How many entries a section's, score's or domain's `questions` list has, before any is
  /// decoded (0 when it has none): a first guess at the room the tables need.
  private static func questionsListed(in container: SourceNode) -> Int {
    guard case .mapping(let entries) = container.value,
      let list = entries.first(where: { $0.key.isSameKey(as: "questions") }),
      case .sequence(let items) = list.value.value
    else { return 0 }
    return items.count
  }

  private static let questionKeys = [
    "id", "text", "help", "type", "scale", "options", "required", "show_if", "min", "max",
    "max_length", "source", "initial", "pattern", "pattern_example", "accept", "max_size",
  ]

  private func decodeQuestion(_ node: SourceNode, _ path: FieldPath, sectionID: String, index: Int) -> Question? {
    guard let fields = nodes.fields(node, path, allowed: Self.questionKeys, what: "a question") else { return nil }
    let id = fields.required("id") { nodes.id($0, $1) }
    let readText = fields.required("text") { nodes.text($0, $1) }
    if let readText { map.questionTexts.append((readText, fields.place(of: "text"))) }
    let help = fields.optional("help") { nodes.text($0, $1) }
    let readType = fields.required("type") { node, path -> QuestionType? in
      guard let name = nodes.string(node, path) else { return nil }
      guard let type = QuestionType(rawValue: name) else {
        nodes.error(
          "'\(name)' is not a question type; use one of: "
            + "\(QuestionType.allCases.map(\.rawValue).joined(separator: ", "))",
          Place(location: node.location, path: path))
        return nil
      }
      return type
    }
    let required = fields.optional("required") { nodes.bool($0, $1) } ?? true
    let minimum = fields.optional("min") { nodes.boundedInt($0, $1) }
    let maximum = fields.optional("max") { nodes.boundedInt($0, $1) }
    let maxLength = fields.optional("max_length") { nodes.int($0, $1) } ?? 500
    let source = fields.optional("source") { node, path -> Citation? in
      guard let citation = nodes.fields(node, path, allowed: ["file", "quote"], what: "a citation") else { return nil }
      let file = citation.required("file") { nodes.string($0, $1) }
      let quote = citation.required("quote") { nodes.text($0, $1) }
      guard let file, let quote else { return nil }
      return Citation(file: file, quote: quote)
    }
    let ownOptions = fields.optional("options") { decodeOptions($0, $1) }
    let scaleID = fields.optional("scale") { nodes.id($0, $1, what: "scale id") }

    // A question with a valid id is kept even when another field is bad (the file is refused
    // anyway), so that references to it do not add misleading "not in this questionnaire" errors.
    guard let id else { return nil }
    if readText == nil || readType == nil { map.partialQuestionIDs.insert(id) }
    let text = readText ?? ""
    let type = readType ?? .text
    let place = fields.place(of: "id")
    // One hash of the id: the new position goes in, and a duplicate puts the first one back.
    let position = map.questionPlaces.count
    if let first = questionIDs.updateValue(position, forKey: id) {
      questionIDs[id] = first
      nodes.error(
        "duplicate question id '\(id)'; it is first defined at \(map.questionPlaces[first].location)", place)
      return nil
    }
    map.questionPlaces.append(place)
    map.citationPlaces.append(source != nil ? fields.place(of: "source") : nil)
    let showIf = fields.optional("show_if") { decodeCondition($0, $1, owner: .showIf(questionIndex: position)) }
    map.showIfPlaces.append(showIf != nil ? fields.place(of: "show_if") : nil)

    var options: [AnswerOption] = []
    if fields.has("options") && ownOptions == nil { map.partialQuestionIDs.insert(id) }
    if type.hasOptions {
      switch (ownOptions, scaleID) {
      case (.some, .some):
        nodes.error("give either 'scale' or 'options', not both", fields.place(of: "scale"))
      case (let own?, nil):
        options = own
      case (nil, let scale?):
        if let scaled = scales[scale] {
          if let scaled { options = scaled } else { map.partialQuestionIDs.insert(id) }
        } else {
          nodes.error("refers to scale '\(scale)', which is not defined under 'scales'", fields.place(of: "scale"))
        }
      case (nil, nil):
        if !fields.has("options") {
          nodes.error("a \(type.rawValue) question needs options: give 'scale' or 'options'", fields.place)
        }
      }
      if type == .yesNo && !options.isEmpty {
        var yes = 0
        var no = 0
        var missing = 0
        for option in options {
          if option.isMissing {
            missing += 1
          } else if option.code == "yes" {
            yes += 1
          } else if option.code == "no" {
            no += 1
          } else {
            yes += 2  // neither: the options are not yes and no
          }
        }
        if yes != 1 || no != 1 || missing > 1 {
          nodes.error(
            "a yes_no question's options must be 'yes' and 'no', plus at most one 'missing: true' option",
            fields.place(of: fields.has("scale") ? "scale" : "options"))
        }
      }
    } else {
      for key in ["scale", "options"] where fields.has(key) {
        nodes.error("'\(key)' is only for single, multiple and yes_no questions", fields.place(of: key))
      }
    }
    if !type.isNumeric {
      for key in ["min", "max"] where fields.has(key) {
        nodes.error("'\(key)' is only for number and decimal questions", fields.place(of: key))
      }
    } else if let minimum, let maximum, minimum > maximum {
      nodes.error("'min' (\(minimum)) is larger than 'max' (\(maximum))", fields.place(of: "min"))
    }
    if type != .text && fields.has("max_length") {
      nodes.error("'max_length' is only for text questions", fields.place(of: "max_length"))
    } else if maxLength < 1 || maxLength > nodes.limits.maxTextLength {
      nodes.error("'max_length' must be between 1 and \(nodes.limits.maxTextLength)", fields.place(of: "max_length"))
    }
    let pattern = fields.optional("pattern") { node, path -> String? in
      guard let text = nodes.string(node, path) else { return nil }
      do {
        _ = try Regex(text)
      } catch {
        nodes.error(
          "'\(TextSafety.visible(text))' is not a regular expression SelfScreen can read",
          Place(location: node.location, path: path))
        return nil
      }
      return text
    }
    let patternExample = fields.optional("pattern_example") { nodes.text($0, $1) }
    if type != .text {
      for key in ["pattern", "pattern_example"] where fields.has(key) {
        nodes.error("'\(key)' is only for text questions", fields.place(of: key))
      }
    } else if fields.has("pattern_example") && !fields.has("pattern") {
      nodes.error(
        "'pattern_example' shows how an answer to 'pattern' looks; give the 'pattern'",
        fields.place(of: "pattern_example"))
    }
    // A file question: the kinds of file (media types) and the largest size it takes.
    let accept =
      fields.optional("accept") { node, path -> [String]? in
        guard let items = nodes.list(node, path, what: "media types") else { return nil }
        return items.compactMap { node, path -> String? in
          guard let text = nodes.string(node, path) else { return nil }
          let parts = text.split(separator: "/", omittingEmptySubsequences: false)
          guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0] != "*" else {
            nodes.error(
              "'\(TextSafety.visible(text))' is not a media type; write it as type/subtype "
                + "(image/png, image/*, application/pdf)",
              Place(location: node.location, path: path))
            return nil
          }
          return text
        }
      } ?? []
    let maxSize = fields.optional("max_size") { node, path -> Int? in
      guard let size = nodes.int(node, path) else { return nil }
      guard (1...AttachedFile.largest).contains(size) else {
        nodes.error(
          "'max_size' must be between 1 and \(AttachedFile.largest) bytes (\(AttachedFile.sizeText(AttachedFile.largest)))",
          Place(location: node.location, path: path))
        return nil
      }
      return size
    }
    if type != .file {
      for key in ["accept", "max_size"] where fields.has(key) {
        nodes.error("'\(key)' is only for file questions", fields.place(of: key))
      }
    }
    var question = Question(
      id: id, text: text, help: help, type: type, options: options, isRequired: required,
      showIf: showIf, minimum: minimum, maximum: maximum, maxLength: maxLength, source: source,
      sectionID: sectionID, pattern: type == .text ? pattern : nil,
      patternExample: type == .text ? patternExample : nil,
      accept: type == .file ? accept : [], maxSize: type == .file ? maxSize : nil
    )
    // The suggested answer must be one the question takes (read as an answers file writes it).
    question.initial = fields.optional("initial") { node, path -> Answer? in
      guard let answer = AnswersLoader.decodeAnswer(node, path, question, nodes) else { return nil }
      switch Result(catching: { () throws(AnswerError) -> Answer in try question.validate(answer) }) {
      case .success(let valid): return valid
      case .failure(let error):
        nodes.error("the initial answer does not fit: \(error.reason)", Place(location: node.location, path: path))
        return nil
      }
    }
    return question
  }

  // MARK: Conditions

  private static let testKeys = [
    "equals", "in", "answered", "at_least", "at_most", "more_than", "less_than", "text_equals",
  ]
  private static let combinatorKeys = ["all", "any", "not"]
  private static let conditionKeys = ["question"] + testKeys + combinatorKeys

  /// The keys whose bits are set in `mask`, in their order in `keys`.
  private static func keys(_ keys: [String], in mask: Int) -> [String] {
    mask == 0 ? [] : keys.indices.filter { mask & (1 << $0) != 0 }.map { keys[$0] }
  }

  private func decodeCondition(_ node: SourceNode, _ path: FieldPath, owner: SourceMap.Owner) -> Condition? {
    guard let fields = nodes.fields(node, path, allowed: Self.conditionKeys, what: "a condition") else { return nil }
    // Which keys are there, in one pass over the few entries (a key given twice counts once).
    var testMask = 0
    var combinatorMask = 0
    var hasQuestion = false
    for position in 0..<fields.entries.count {
      let key = fields.entries[position].key
      if key.isSameKey(as: "question") {
        hasQuestion = true
      } else if let index = Self.testKeys.firstIndex(where: { $0.isSameKey(as: key) }) {
        testMask |= 1 << index
      } else if let index = Self.combinatorKeys.firstIndex(where: { $0.isSameKey(as: key) }) {
        combinatorMask |= 1 << index
      }
    }
    let tests = Self.keys(Self.testKeys, in: testMask)
    let combinators = Self.keys(Self.combinatorKeys, in: combinatorMask)
    let here = Place(location: node.location, path: path)

    if !combinators.isEmpty {
      guard combinators.count == 1, tests.isEmpty, !hasQuestion else {
        nodes.error("a condition is either a test on one question or one of 'all', 'any', 'not'", here)
        return nil
      }
      let key = combinators[0]
      if key == "not" {
        return fields.required("not") { decodeCondition($0, $1, owner: owner) }.map(Condition.not)
      }
      return fields.required(key) { node, path -> Condition? in
        guard let items = nodes.list(node, path, what: "conditions") else { return nil }
        if items.isEmpty {
          nodes.error("'\(key)' needs at least one condition", Place(location: node.location, path: path))
          return nil
        }
        let parts = items.compactMap { decodeCondition($0, $1, owner: owner) }
        guard parts.count == items.count else { return nil }
        return key == "all" ? .all(parts) : .any(parts)
      }
    }

    guard hasQuestion else {
      nodes.error(
        "a condition needs 'question' and one test (\(Self.testKeys.joined(separator: ", "))), or 'all', 'any' or "
          + "'not'",
        here)
      return nil
    }
    guard tests.count == 1 else {
      nodes.error(
        tests.isEmpty
          ? "the condition needs one test: \(Self.testKeys.joined(separator: ", "))"
          : "the condition has more than one test (\(tests.joined(separator: ", "))); combine tests with 'all' or "
            + "'any'",
        here)
      return nil
    }
    guard let question = fields.required("question", { nodes.id($0, $1, what: "question id") }) else { return nil }
    let testKey = tests[0]
    var codes: [(String, Place)] = []
    let test: ConditionTest? = fields.required(testKey) { node, path -> ConditionTest? in
      switch testKey {
      case "equals":
        guard let code = nodes.id(node, path, what: "option code") else { return nil }
        codes.append((code, Place(location: node.location, path: path)))
        return .equals(code)
      case "in":
        guard let items = nodes.list(node, path, what: "option codes") else { return nil }
        if items.isEmpty {
          nodes.error("'in' needs at least one option code", Place(location: node.location, path: path))
          return nil
        }
        let values = items.compactMap { node, path -> String? in
          let code = nodes.id(node, path, what: "option code")
          if let code { codes.append((code, Place(location: node.location, path: path))) }
          return code
        }
        return values.count == items.count ? .oneOf(values) : nil
      case "answered": return nodes.bool(node, path).map(ConditionTest.answered)
      case "at_least": return nodes.decimal(node, path).map(ConditionTest.atLeast)
      case "at_most": return nodes.decimal(node, path).map(ConditionTest.atMost)
      case "more_than": return nodes.decimal(node, path).map(ConditionTest.moreThan)
      case "less_than": return nodes.decimal(node, path).map(ConditionTest.lessThan)
      default: return nodes.text(node, path, multiline: false).map(ConditionTest.textEquals)
      }
    }
    guard let test else { return nil }
    map.references.append(
      SourceMap.Reference(
        questionID: question, place: fields.place(of: "question"), owner: owner, test: test,
        codePlaces: codes, testPlace: fields.place(of: testKey)))
    return .test(question: question, test)
  }

  // MARK: Scores and bands

  private func decodeScores(_ node: SourceNode, _ path: FieldPath) -> [ScoreRule]? {
    guard let items = nodes.list(node, path, what: "scores") else { return nil }
    var seen: [String: SourceLocation] = [:]
    var rules: [ScoreRule] = []
    for (node, path) in items {
      guard
        let fields = nodes.fields(
          node, path, allowed: ["id", "label", "kind", "questions", "codes", "show_answer"], what: "a score")
      else { continue }
      let id = fields.required("id") { nodes.id($0, $1) }
      let label = fields.required("label") { nodes.string($0, $1) }
      let kind = fields.required("kind") { node, path -> ScoreRule.Kind? in
        guard let name = nodes.string(node, path) else { return nil }
        guard let kind = ScoreRule.Kind(rawValue: name) else {
          nodes.error("'\(name)' is not a score kind; use 'count' or 'sum'", Place(location: node.location, path: path))
          return nil
        }
        return kind
      }
      // This rule's references are the ones recorded from here on, while its questions are read.
      let firstReference = map.references.count
      let questions = fields.required("questions") { questionList($0, $1, owner: .score(kind)) }
      let ownReferences = firstReference..<map.references.count
      var codes: [String] = []
      if kind == .count {
        codes =
          fields.required("codes") { node, path -> [String]? in
            guard let items = nodes.list(node, path, what: "option codes") else { return nil }
            let values = items.compactMap { nodes.id($0, $1, what: "option code") }
            if values.isEmpty {
              nodes.error("a count needs at least one answer code to count", Place(location: node.location, path: path))
            }
            // The codes apply to every question the count reads; checked with the references.
            let places = items.compactMap { node, path -> (String, Place)? in
              guard let code = Self.scalarText(node), NodeDecoder.isValidID(code) else { return nil }
              return (code, Place(location: node.location, path: path))
            }
            for index in ownReferences { map.references[index].codePlaces = places }
            return values
          } ?? []
      } else if fields.has("codes") {
        nodes.error("'codes' is only for scores of kind 'count'", fields.place(of: "codes"))
      }
      let showsAnswer = fields.optional("show_answer") { nodes.bool($0, $1) } ?? false
      guard let id, let label, let kind, let questions else { continue }
      if showsAnswer && questions.count != 1 {
        nodes.error(
          "'show_answer' is for a score of one question, whose answer is shown in words; this one reads "
            + "\(questions.count)", fields.place(of: "show_answer"))
      }
      if noteUnique(id, kind: "score id", place: fields.place(of: "id"), in: &seen) {
        rules.append(
          ScoreRule(id: id, label: label, kind: kind, questionIDs: questions, codes: codes, showsAnswer: showsAnswer))
      }
    }
    return rules
  }

  private static func scalarText(_ node: SourceNode) -> String? {
    if case .scalar(let text, _) = node.value { return text }
    return nil
  }

  private func questionList(_ node: SourceNode, _ path: FieldPath, owner: SourceMap.Owner) -> [String]? {
    guard let items = nodes.list(node, path, what: "question ids") else { return nil }
    if items.isEmpty {
      nodes.error("the list of questions is empty", Place(location: node.location, path: path))
      return nil
    }
    // A question given twice is found by its position, a bit per question: a table of the ids
    // would be as large as the questionnaire, and slow once it no longer fits in the caches.
    // Ids that are not the questionnaire's (an error the validator reports) go in a table.
    var given = [UInt64](repeating: 0, count: (questions.count + 63) / 64)
    var seenOthers: [String: SourceLocation] = [:]
    map.references.reserveCapacity(map.references.count + items.count)
    var ids: [String] = []
    ids.reserveCapacity(items.count)
    for (offset, (node, path)) in items.enumerated() {
      guard let id = nodes.id(node, path, what: "question id") else { continue }
      let place = Place(location: node.location, path: path)
      if let position = questionIDs[id] {
        let (word, bit) = position.quotientAndRemainder(dividingBy: 64)
        guard given[word] & (1 << bit) == 0 else {
          reportRepeated(id, place: place, firstAmong: items.nodes[..<offset])
          continue
        }
        given[word] |= 1 << bit
      } else if !noteUnique(id, kind: "question in this list", place: place, in: &seenOthers) {
        continue
      }
      map.references.append(SourceMap.Reference(questionID: id, place: place, owner: owner, test: nil, codePlaces: []))
      ids.append(id)
    }
    return ids.count == items.count ? ids : nil
  }

  /// `noteUnique`'s message for a question given twice in a list, with the place of the first
  /// item that `nodes.id` took as `id` (the same text, written as text).
  private func reportRepeated(_ id: String, place: Place, firstAmong earlier: some Sequence<SourceNode>) {
    let first = earlier.first { NodeDecoder.textScalar($0) == id }
    nodes.error(
      "duplicate question in this list '\(id)'; it is first given at \(first?.location ?? place.location)", place)
  }

  private func decodeBands(_ node: SourceNode, _ path: FieldPath) -> BandSet? {
    guard let fields = nodes.fields(node, path, allowed: ["score", "max_skipped", "ranges"], what: "bands") else {
      return nil
    }
    let score = fields.required("score") { nodes.id($0, $1, what: "score id") }
    let maxSkipped = fields.optional("max_skipped") { node, path -> Int? in
      guard let value = nodes.int(node, path) else { return nil }
      guard value >= 0 else {
        nodes.error("'max_skipped' cannot be negative (\(value))", Place(location: node.location, path: path))
        return nil
      }
      return value
    }
    map.bandsScorePlace = fields.place(of: "score")
    var seen: [String: SourceLocation] = [:]
    let bands = fields.required("ranges") { node, path -> [Band]? in
      guard let items = nodes.list(node, path, what: "bands") else { return nil }
      if items.isEmpty {
        nodes.error("there are no bands", Place(location: node.location, path: path))
        return nil
      }
      let bands = items.compactMap { node, path -> Band? in
        guard
          let fields = nodes.fields(
            node, path, allowed: ["id", "min", "max", "label", "guidance", "next_steps", "reassuring"],
            what: "a band")
        else { return nil }
        let id = fields.required("id") { nodes.id($0, $1) }
        let minimum = fields.required("min") { nodes.boundedInt($0, $1) }
        let maximum = fields.optional("max") { nodes.boundedInt($0, $1) }
        let label = fields.required("label") { guidance(nodes.string($0, $1), $0, $1) }
        let text = fields.required("guidance") { guidance(nodes.text($0, $1), $0, $1) }
        let steps =
          fields.optional("next_steps") { node, path -> [String]? in
            guard let items = nodes.list(node, path, what: "next steps") else { return nil }
            return items.compactMap { guidance(nodes.text($0, $1), $0, $1) }
          } ?? []
        let reassuring = fields.optional("reassuring") { nodes.bool($0, $1) } ?? false
        guard let id, let minimum, let label, let text else { return nil }
        guard noteUnique(id, kind: "band id", place: fields.place(of: "id"), in: &seen) else { return nil }
        if let maximum, maximum < minimum {
          nodes.error("'max' (\(maximum)) is smaller than 'min' (\(minimum))", fields.place(of: "max"))
          return nil
        }
        map.bandPlaces.append(fields.place)
        return Band(
          id: id, minimum: minimum, maximum: maximum, label: label, guidance: text, nextSteps: steps,
          isReassuring: reassuring)
      }
      return bands.count == items.count ? bands : nil
    }
    guard let score, let bands else { return nil }
    return BandSet(scoreID: score, bands: bands, maxSkipped: maxSkipped)
  }

  /// Records a text whose wording is checked, and passes it through.
  private func guidance(_ text: String?, _ node: SourceNode, _ path: FieldPath) -> String? {
    if let text { map.guidanceTexts.append((text, Place(location: node.location, path: path))) }
    return text
  }

  // MARK: Red flags, messages, domains

  private func decodeRedFlags(_ node: SourceNode, _ path: FieldPath) -> [RedFlag]? {
    guard let items = nodes.list(node, path, what: "red flags") else { return nil }
    var seen: [String: SourceLocation] = [:]
    return items.compactMap { node, path in
      guard
        let fields = nodes.fields(
          node, path, allowed: ["id", "when", "level", "title", "guidance", "contacts"], what: "a red flag")
      else { return nil }
      let id = fields.required("id") { nodes.id($0, $1) }
      let condition = fields.required("when") { decodeCondition($0, $1, owner: .redFlag) }
      let level = fields.required("level") { node, path -> RedFlag.Level? in
        guard let name = nodes.string(node, path) else { return nil }
        guard let level = RedFlag.Level(rawValue: name) else {
          nodes.error(
            "'\(name)' is not a level; use emergency, crisis or medical", Place(location: node.location, path: path))
          return nil
        }
        return level
      }
      let title = fields.required("title") { guidance(nodes.string($0, $1), $0, $1) }
      let text = fields.required("guidance") { guidance(nodes.text($0, $1), $0, $1) }
      let contacts = fields.optional("contacts") { contactKinds($0, $1) }
      guard let id, let condition, let level, let title, let text else { return nil }
      guard noteUnique(id, kind: "red flag id", place: fields.place(of: "id"), in: &seen) else { return nil }
      return RedFlag(id: id, condition: condition, level: level, title: title, guidance: text, contacts: contacts)
    }
  }

  private func decodeMessages(_ node: SourceNode, _ path: FieldPath) -> [ResultMessage]? {
    guard let items = nodes.list(node, path, what: "messages") else { return nil }
    var seen: [String: SourceLocation] = [:]
    return items.compactMap { node, path in
      guard
        let fields = nodes.fields(
          node, path, allowed: ["id", "when", "title", "text", "replaces_band", "contacts", "first"],
          what: "a message")
      else { return nil }
      let id = fields.required("id") { nodes.id($0, $1) }
      let condition = fields.required("when") { decodeCondition($0, $1, owner: .message) }
      let title = fields.required("title") { guidance(nodes.string($0, $1), $0, $1) }
      let text = fields.required("text") { guidance(nodes.text($0, $1), $0, $1) }
      let replaces = fields.optional("replaces_band") { nodes.bool($0, $1) } ?? false
      let contacts = fields.optional("contacts") { contactKinds($0, $1) } ?? []
      let first = fields.optional("first") { nodes.bool($0, $1) } ?? false
      guard let id, let condition, let title, let text else { return nil }
      guard noteUnique(id, kind: "message id", place: fields.place(of: "id"), in: &seen) else { return nil }
      return ResultMessage(
        id: id, condition: condition, title: title, text: text, replacesBand: replaces, contacts: contacts,
        isFirst: first)
    }
  }

  /// `contacts: [emergency, poison]`: the kinds of help resource to list, at least one.
  private func contactKinds(_ node: SourceNode, _ path: FieldPath) -> [HelpResource.Kind]? {
    guard let kinds = HelpDirectoryLoader.kinds(node, path, nodes) else { return nil }
    if kinds.isEmpty {
      nodes.error(
        "list at least one kind of contact, or leave 'contacts' out", Place(location: node.location, path: path))
      return nil
    }
    return kinds
  }

  private func decodeDomains(_ node: SourceNode, _ path: FieldPath) -> [Domain]? {
    guard let items = nodes.list(node, path, what: "domains") else { return nil }
    var seen: [String: SourceLocation] = [:]
    var domains: [Domain] = []
    for (node, path) in items {
      guard let fields = nodes.fields(node, path, allowed: ["id", "label", "questions"], what: "a domain") else {
        continue
      }
      let id = fields.required("id") { nodes.id($0, $1) }
      let label = fields.required("label") { nodes.string($0, $1) }
      let questions = fields.required("questions") { questionList($0, $1, owner: .domain(domains.count)) }
      guard let id, let label, let questions else { continue }
      if noteUnique(id, kind: "domain id", place: fields.place(of: "id"), in: &seen) {
        domains.append(Domain(id: id, label: label, questionIDs: questions))
      }
    }
    return domains
  }

  /// Records an id; reports a duplicate with the place of the first. Returns whether it was new.
  @discardableResult
  private func noteUnique(_ id: String, kind: String, place: Place, in seen: inout [String: SourceLocation]) -> Bool {
    if let first = seen.updateValue(place.location, forKey: id) {
      seen[id] = first
      nodes.error("duplicate \(kind) '\(id)'; it is first given at \(first)", place)
      return false
    }
    return true
  }
}
