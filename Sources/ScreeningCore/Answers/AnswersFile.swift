/// A native answers file (JSON): which questionnaire and version, and the answers by question id.
///
/// ```json
/// {"format": 1, "questionnaire": "ketamine", "version": "1.0.0",
///  "answers": {"use_past_year": "yes", "withdrawal_symptoms": ["anxiety"]}}
/// ```
public struct AnswersFile: Sendable {
  public var questionnaireID: String
  public var version: String
  public var language: String?
  public var contentHash: String?
  public var created: String?
  let fileName: String
  let answersNode: SourceNode
  let versionPlace: Place
  let idPlace: Place
}

/// Reads answers files with located diagnostics, and checks them against their questionnaire.
public enum AnswersLoader {
  private static let keys = [
    "format", "disclaimer", "red_flags", "questionnaire", "version", "language", "content_hash", "created",
    "answers",
  ]

  /// What a file that is plainly something else is (a line of text, a CSV export, a FHIR
  /// resource, a questionnaire), or nil when it may be an answers file with mistakes in it.
  static func notAnAnswersFile(_ root: SourceNode) -> String? {
    switch root.value {
    case .scalar(let text, _):
      return text.contains(",") ? "a table or a line of text (a CSV copy?)" : "a line of text"
    case .sequence: return "a list"
    case .null: return "empty"
    case .mapping(let entries):
      let keys = Set(entries.map(\.key))
      if keys.contains("answers") || keys.contains("format") { return nil }
      if keys.contains("resourceType") { return "a FHIR resource" }
      if keys.contains("sections") || keys.contains("item") {
        return "a questionnaire (run it with selfscreen run FILE)"
      }
      return nil
    }
  }

  /// Reads the file's shape: format, questionnaire id and version, and the answers mapping.
  public static func read(bytes: [UInt8], fileName: String, limits: LoadLimits = .standard) -> LoadResult<AnswersFile> {
    let sink = DiagnosticSink(file: fileName)
    guard
      let root = DocumentReader.read(
        bytes, syntax: DocumentReader.syntax(forFile: fileName), limits: limits, into: sink)
    else {
      return LoadResult(value: nil, diagnostics: sink.sorted)
    }
    if let other = notAnAnswersFile(root) {
      sink.error(
        "this is not an answers file but \(other); SelfScreen scores the JSON answers file it saves "
          + "(the 'json' format, e.g. selfscreen-ketamine-2026-12-03.json); text, CSV and FHIR copies are for "
          + "reading and cannot be scored", at: root.location, path: "(file)")
      return LoadResult(value: nil, diagnostics: sink.sorted)
    }
    let nodes = NodeDecoder(sink: sink, limits: limits)
    guard let top = nodes.fields(root, .root, allowed: keys, what: "an answers file") else {
      return LoadResult(value: nil, diagnostics: sink.sorted)
    }
    _ = top.required("format") { node, path -> Int? in
      guard let format = nodes.int(node, path) else { return nil }
      if format != 1 {
        nodes.error(
          "answers format \(format) is not supported; this version of selfscreen reads format 1",
          Place(location: node.location, path: path))
      }
      return format
    }
    let id = top.required("questionnaire") { nodes.id($0, $1, what: "questionnaire id") }
    let version = top.required("version") { nodes.string($0, $1) }
    let language = top.optional("language") { nodes.string($0, $1) }
    let hash = top.optional("content_hash") { nodes.string($0, $1) }
    let created = top.optional("created") { nodes.string($0, $1) }
    // What an export said for a person to read; scoring works them out again from the answers.
    _ = top.optional("disclaimer") { nodes.text($0, $1) }
    _ = top.optional("red_flags") { nodes.list($0, $1, what: "red flags") }
    let answers = top.required("answers") { node, path -> SourceNode? in
      guard case .mapping = node.value else {
        nodes.error(
          "expected the answers as a mapping from question id to answer, found \(node.kindDescription)",
          Place(location: node.location, path: path))
        return nil
      }
      return node
    }
    guard let id, let version, let answers, !sink.hasErrors else {
      return LoadResult(value: nil, diagnostics: sink.sorted)
    }
    let file = AnswersFile(
      questionnaireID: id, version: version, language: language, contentHash: hash, created: created,
      fileName: fileName, answersNode: answers, versionPlace: top.place(of: "version"),
      idPlace: top.place(of: "questionnaire"))
    return LoadResult(value: file, diagnostics: sink.sorted)
  }

  /// The problem to report when no questionnaire with the file's id is available.
  public static func unknownQuestionnaire(_ file: AnswersFile) -> Diagnostic {
    Diagnostic(
      file: file.fileName, location: file.idPlace.location, path: file.idPlace.path.description,
      message: "there is no bundled questionnaire '\(file.questionnaireID)'; give its file with --questionnaire FILE")
  }

  /// The answers of `file`, checked against `questionnaire`: same id and version, known question
  /// ids, answers that fit their questions. Answers to questions not shown are dropped with a warning.
  public static func answers(of file: AnswersFile, for questionnaire: Questionnaire, limits: LoadLimits = .standard)
    -> LoadResult<[String: Answer]>
  {
    let sink = DiagnosticSink(file: file.fileName)
    let nodes = NodeDecoder(sink: sink, limits: limits, textContext: "an answer")
    if file.questionnaireID != questionnaire.id {
      nodes.error(
        "these answers are for questionnaire '\(file.questionnaireID)', not '\(questionnaire.id)'", file.idPlace)
    } else if file.version != questionnaire.version {
      nodes.error(
        "these answers are for version \(file.version) of '\(questionnaire.id)', but the questionnaire is version "
          + "\(questionnaire.version); answers cannot be scored against a different version",
        file.versionPlace)
    }
    guard !sink.hasErrors, case .mapping(let entries) = file.answersNode.value else {
      return LoadResult(value: nil, diagnostics: sink.sorted)
    }
    var answers: [String: Answer] = [:]
    var seen: [String: SourceLocation] = [:]
    let base = FieldPath.root.appending("answers")
    for entry in entries {
      let path = base.appending(entry.key)
      let keyPlace = Place(location: entry.keyLocation, path: path)
      if let first = seen[entry.key] {
        nodes.error("duplicate answer to '\(TextSafety.visible(entry.key))'; it is first given at \(first)", keyPlace)
        continue
      }
      seen[entry.key] = entry.keyLocation
      guard let question = questionnaire.question(entry.key) else {
        nodes.error(
          "'\(TextSafety.visible(entry.key))' is not a question of '\(questionnaire.id)' version "
            + "\(questionnaire.version)",
          keyPlace)
        continue
      }
      guard let raw = decodeAnswer(entry.value, path, question, nodes) else { continue }
      do {
        answers[question.id] = try question.validate(raw)
      } catch {
        nodes.error(error.reason, Place(location: entry.value.location, path: path))
      }
    }
    if !sink.hasErrors, let saved = file.contentHash, let current = questionnaire.contentHash, saved != current {
      sink.warning(
        "these answers were saved from a different copy of '\(questionnaire.id)' version \(questionnaire.version) "
          + "(its text has changed); the result may differ",
        at: file.versionPlace.location, path: FieldPath.root.appending("content_hash"))
    }
    if !sink.hasErrors {
      let effective = questionnaire.visibility(for: answers).effective
      for entry in entries where answers[entry.key] != nil && effective[entry.key] == nil {
        sink.warning(
          "not scored: this question is not asked given the other answers",
          at: entry.keyLocation, path: base.appending(entry.key))
      }
    }
    return LoadResult(value: sink.hasErrors ? nil : answers, diagnostics: sink.sorted)
  }

  /// An answer as a file writes it for `question` (answers files, and a question's `initial`).
  static func decodeAnswer(_ node: SourceNode, _ path: FieldPath, _ question: Question, _ nodes: NodeDecoder)
    -> Answer?
  {
    let place = Place(location: node.location, path: path)
    switch question.type {
    case .single, .yesNo:
      guard case .scalar(_, .quoted) = node.value else {
        nodes.error(
          "expected an option code in quotes (one of: \(question.options.map(\.code).joined(separator: ", "))), found "
            + "\(node.kindDescription)",
          place)
        return nil
      }
      return nodes.string(node, path).map(Answer.choice)
    case .multiple:
      guard let items = nodes.list(node, path, what: "option codes") else { return nil }
      let codes = items.compactMap { nodes.string($0, $1) }
      return codes.count == items.count ? .choices(codes) : nil
    case .number:
      return nodes.int(node, path).map(Answer.number)
    case .decimal:
      return nodes.decimal(node, path).map(Answer.decimal)
    case .text, .date, .time, .dateTime, .file:
      guard case .scalar(_, .quoted) = node.value else {
        nodes.error("expected text in quotes, found \(node.kindDescription)", place)
        return nil
      }
      return nodes.text(node, path).map(Answer.text)
    }
  }
}
