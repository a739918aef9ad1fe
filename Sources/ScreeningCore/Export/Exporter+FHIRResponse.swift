extension Exporter {
  /// An R4 QuestionnaireResponse for a questionnaire imported from FHIR: nested like its groups,
  /// with its linkIds, only enabled and answered items, choices as the original codings (with their
  /// weights), and calculated totals.
  func response(for layout: FHIRLayout, attachments: [String: [UInt8]]) -> String {
    let effective = questionnaire.visibility(for: answers).effective
    var builder = FHIRResponseBuilder(
      layout: layout, effective: effective, scores: result.scores, created: created)
    builder.attachments = attachments
    let complete = ScreeningSession(questionnaire: questionnaire, answers: answers).unansweredRequired.isEmpty
    var document: [(String, JSONValue)] = [("resourceType", .string("QuestionnaireResponse")), ("text", narrative)]
    if let canonical = layout.canonical { document.append(("questionnaire", .string(canonical))) }
    document += [
      ("status", .string(complete ? "completed" : "in-progress")),
      ("authored", .string(created.iso8601)),
    ]
    // FHIR JSON has no empty arrays: with nothing answered, there is no `item` at all.
    let answered = builder.computing().items
    if !answered.isEmpty { document.append(("item", .array(answered))) }
    return JSONValue.object(document).text
  }

  /// A date and time as FHIR's `dateTime` needs it: with an offset from UTC once it has a time. One
  /// typed without an offset is local time, so it takes the offset the answers were saved with.
  static func withOffset(_ text: String, of created: Timestamp) -> String {
    guard text.contains("T"), !text.hasSuffix("Z"), !text.dropFirst(11).contains(where: { $0 == "+" || $0 == "-" })
    else { return text }
    return text + created.offsetText
  }
}
