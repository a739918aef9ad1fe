/// A published screening instrument that a FHIR questionnaire may be, recognised by its LOINC
/// codes, and what SelfScreen adds when it runs one: the score ranges the instrument's authors
/// publish, worded as ranges and never as a diagnosis, and the red flags that call for help at
/// once (PHQ-9 item 9, thoughts of being better off dead or of self-harm).
///
/// The instruments are data, in `Questionnaires/instruments.yaml` (read by `InstrumentLoader`,
/// compiled into the program by the build). Their additions are made to the loaded questionnaire,
/// after the file's own content has been validated.
public struct StandardInstrument: Sendable, Hashable {
  /// A published score range.
  public struct Range: Sendable, Hashable {
    public var minimum: Int
    public var maximum: Int
    /// What the instrument's authors call it ("moderately severe").
    public var name: String
    /// What the person is advised, in the instrument's language.
    public var guidance: String
    /// Whether it reassures (minimal, mild): then it is never given after a red flag, with a
    /// safety question unanswered, or when skipped questions could take the score above it.
    public var isReassuring: Bool

    public init(minimum: Int, maximum: Int, name: String, guidance: String, isReassuring: Bool = false) {
      self.minimum = minimum
      self.maximum = maximum
      self.name = name
      self.guidance = guidance
      self.isReassuring = isReassuring
    }
  }

  /// An item whose answer above its lowest option calls for help at once.
  public struct Alarm: Sendable, Hashable {
    /// The item's LOINC code.
    public var code: String
    public var level: RedFlag.Level
    public var title: String
    public var guidance: String

    public init(code: String, level: RedFlag.Level, title: String, guidance: String) {
      self.code = code
      self.level = level
      self.title = title
      self.guidance = guidance
    }
  }

  /// The short name (PHQ-9).
  public var name: String
  /// Where its ranges are published.
  public var source: String
  /// The panel's LOINC code.
  public var panelCode: String
  /// The LOINC code of its total score (a form may code only its calculated total).
  public var totalCode: String
  /// Its items' LOINC codes: a questionnaire with all of them is the instrument, coded or not.
  public var itemCodes: [String]
  public var ranges: [Range]
  public var alarms: [Alarm]

  public init(
    name: String, source: String, panelCode: String, totalCode: String, itemCodes: [String], ranges: [Range],
    alarms: [Alarm]
  ) {
    self.name = name
    self.source = source
    self.panelCode = panelCode
    self.totalCode = totalCode
    self.itemCodes = itemCodes
    self.ranges = ranges
    self.alarms = alarms
  }

  public static let loinc = "http://loinc.org"

  /// How a range reads as a result: "in the range the PHQ-9's authors call "moderate" (10 to 14)".
  public func label(of range: Range) -> String {
    "in the range the \(name)'s authors call \"\(range.name)\" (\(range.minimum) to \(range.maximum))"
  }

  /// The instrument a FHIR questionnaire is, from its LOINC codes: the panel's code on the
  /// questionnaire or one of its groups, its total score's code on an item, or every item code.
  static func recognised(panelCodes: Set<String>, itemCodes: Set<String>, among all: [StandardInstrument])
    -> StandardInstrument?
  {
    all.first {
      panelCodes.contains($0.panelCode) || itemCodes.contains($0.panelCode) || itemCodes.contains($0.totalCode)
        || Set($0.itemCodes).isSubset(of: itemCodes)
    }
  }

  /// `questionnaire` with the instrument's ranges on its total and its alarms as red flags.
  /// `questionIDs` maps an item's LOINC code to the native question asked for it.
  func applied(to questionnaire: Questionnaire, questionIDs: [String: String]) -> Questionnaire {
    var questionnaire = questionnaire
    let items = Set(itemCodes.compactMap { questionIDs[$0] })
    // The total: the sum over the instrument's items (a form may have other scores too). A form
    // known by its panel code alone, with uncoded items, has it as its one sum over as many
    // questions, in the instrument's order.
    let sums = questionnaire.scores.filter { $0.kind == .sum }
    let total =
      sums.first { Set($0.questionIDs) == items }
      ?? (items.isEmpty && sums.count == 1 && sums[0].questionIDs.count == itemCodes.count ? sums[0] : nil)
    var questionIDs = questionIDs
    if items.isEmpty, let total {
      for (code, id) in zip(itemCodes, total.questionIDs) { questionIDs[code] = id }
    }
    if questionnaire.bands == nil, let total {
      let bands = ranges.enumerated().map { index, range in
        Band(
          id: "\(name.lowercased().filter(\.isLetter))_range_\(index + 1)", minimum: range.minimum,
          maximum: index == ranges.count - 1 ? nil : range.maximum, label: label(of: range),
          guidance: range.guidance, isReassuring: range.isReassuring)
      }
      questionnaire.bands = BandSet(scoreID: total.id, bands: bands)
    }
    for alarm in alarms {
      guard let id = questionIDs[alarm.code], let question = questionnaire.question(id) else { continue }
      // Above the lowest option: every option scored above zero, or every option but the first
      // when the form gives no scores.
      let scored = question.options.filter { $0.score > 0 && !$0.isMissing }.map(\.code)
      let codes = scored.isEmpty ? question.options.dropFirst().filter { !$0.isMissing }.map(\.code) : scored
      guard !codes.isEmpty else { continue }
      questionnaire.redFlags.append(
        RedFlag(
          id: "\(name.lowercased().filter(\.isLetter))_\(alarm.code)", condition: .test(question: id, .oneOf(codes)),
          level: alarm.level, title: alarm.title, guidance: alarm.guidance))
    }
    return questionnaire
  }
}

extension StandardInstrument {
  /// The LOINC codes of a FHIR Questionnaire (`code` on the resource) and of its items, by linkId.
  static func loincCodes(of root: SourceNode) -> (panel: Set<String>, items: [String: String]) {
    func field(_ node: SourceNode, _ key: String) -> SourceNode? {
      guard case .mapping(let entries) = node.value else { return nil }
      return entries.first { $0.key == key }?.value
    }
    func text(_ node: SourceNode?) -> String? {
      guard let node, case .scalar(let value, _) = node.value else { return nil }
      return value
    }
    func list(_ node: SourceNode?) -> [SourceNode] {
      guard let node, case .sequence(let items) = node.value else { return [] }
      return items
    }
    func codes(_ node: SourceNode) -> [String] {
      list(field(node, "code")).compactMap { coding in
        text(field(coding, "system")) == loinc ? text(field(coding, "code")) : nil
      }
    }
    var items: [String: String] = [:]
    // Iterative: nesting is bounded by the loader, but a walk needs no stack of its own.
    var pending = list(field(root, "item"))
    while let item = pending.popLast() {
      if let linkID = text(field(item, "linkId")), let code = codes(item).first { items[linkID] = code }
      pending += list(field(item, "item"))
    }
    return (Set(codes(root)), items)
  }

  /// The native question asked for each item, by the item's linkId.
  static func questionIDs(in layout: FHIRLayout) -> [String: String] {
    var ids: [String: String] = [:]
    var pending = layout.items
    while let item = pending.popLast() {
      switch item {
      case .group(_, _, let items): pending += items
      case .question(let linkID, _, let questionID, _, let items):
        ids[linkID] = questionID
        pending += items
      case .calculated: break
      }
    }
    return ids
  }
}
