/// Loads `instruments.yaml`, the published instruments a FHIR questionnaire may be, strictly and
/// with located diagnostics, like questionnaires. The build compiles the bundled file in.
public enum InstrumentLoader {
  public static func load(bytes: [UInt8], fileName: String, limits: LoadLimits = .standard)
    -> LoadResult<[StandardInstrument]>
  {
    let sink = DiagnosticSink(file: fileName)
    guard
      let root = DocumentReader.read(
        bytes, syntax: DocumentReader.syntax(forFile: fileName), limits: limits, into: sink)
    else {
      return LoadResult(value: nil, diagnostics: sink.sorted)
    }
    return load(root: root, sink: sink, limits: limits)
  }

  static func load(root: SourceNode, sink: DiagnosticSink, limits: LoadLimits) -> LoadResult<[StandardInstrument]> {
    let instruments = decode(root, NodeDecoder(sink: sink, limits: limits))
    return LoadResult(value: sink.hasErrors ? nil : instruments, diagnostics: sink.sorted)
  }

  private static let keys = ["name", "source", "panel_code", "total_code", "item_codes", "ranges", "alarms"]

  private static func decode(_ root: SourceNode, _ nodes: NodeDecoder) -> [StandardInstrument]? {
    guard let top = nodes.fields(root, .root, allowed: ["format", "instruments"], what: "an instruments file") else {
      return nil
    }
    top.format()
    guard let (node, path) = top.node("instruments") else {
      _ = top.required("instruments") { _, _ -> Bool? in nil }
      return nil
    }
    guard let list = nodes.list(node, path, what: "instruments") else { return nil }
    var instruments: [StandardInstrument] = []
    var names: [String: SourceLocation] = [:]
    var codes: [String: String] = [:]
    for (node, path) in list {
      guard let (instrument, fields) = Self.instrument(node, path, nodes) else { continue }
      if let first = names.updateValue(fields.place(of: "name").location, forKey: instrument.name) {
        nodes.error(
          "duplicate instrument '\(instrument.name)'; it is first given at \(first)", fields.place(of: "name"))
      }
      for (key, value) in [("panel_code", instrument.panelCode), ("total_code", instrument.totalCode)] {
        if let other = codes.updateValue(instrument.name, forKey: value), other != instrument.name {
          nodes.error("the code \(value) is also \(other)'s; a form must be one instrument", fields.place(of: key))
        }
      }
      instruments.append(instrument)
    }
    return instruments
  }

  private static func instrument(_ node: SourceNode, _ path: FieldPath, _ nodes: NodeDecoder)
    -> (StandardInstrument, Fields)?
  {
    guard let fields = nodes.fields(node, path, allowed: keys, what: "an instrument") else { return nil }
    let name = fields.required("name") { nodes.string($0, $1) }
    let source = fields.required("source") { nodes.text($0, $1) }
    let panel = fields.required("panel_code") { Self.code($0, $1, nodes) }
    let total = fields.required("total_code") { Self.code($0, $1, nodes) }
    let items = fields.required("item_codes") { Self.itemCodes($0, $1, nodes) }
    let ranges = fields.required("ranges") { Self.ranges($0, $1, nodes) }
    let alarms = fields.required("alarms") { Self.alarms($0, $1, nodes, items: items ?? []) }
    guard let name, let source, let panel, let total, let items, let ranges, let alarms else { return nil }
    return (
      StandardInstrument(
        name: name, source: source, panelCode: panel, totalCode: total, itemCodes: items, ranges: ranges,
        alarms: alarms), fields
    )
  }

  private static func itemCodes(_ node: SourceNode, _ path: FieldPath, _ nodes: NodeDecoder) -> [String]? {
    guard let list = nodes.list(node, path, what: "LOINC codes") else { return nil }
    var seen = Set<String>()
    var out: [String] = []
    for (node, path) in list {
      guard let value = Self.code(node, path, nodes) else { continue }
      if !seen.insert(value).inserted {
        nodes.error("the item code \(value) is listed twice", Place(location: node.location, path: path))
      }
      out.append(value)
    }
    return out
  }

  private static func alarms(_ node: SourceNode, _ path: FieldPath, _ nodes: NodeDecoder, items: [String])
    -> [StandardInstrument.Alarm]?
  {
    guard let list = nodes.list(node, path, what: "alarms") else { return nil }
    var out: [StandardInstrument.Alarm] = []
    for (node, path) in list {
      guard let alarm = nodes.fields(node, path, allowed: ["code", "level", "title", "guidance"], what: "an alarm")
      else { continue }
      let code = alarm.required("code") { Self.code($0, $1, nodes) }
      let level = alarm.required("level") { Self.level($0, $1, nodes) }
      let title = alarm.required("title") { nodes.string($0, $1) }
      let guidance = alarm.required("guidance") { nodes.text($0, $1) }
      if let code, !items.isEmpty, !items.contains(code) {
        nodes.error("the alarm's code \(code) is not one of the instrument's item codes", alarm.place(of: "code"))
      }
      guard let code, let level, let title, let guidance else { continue }
      out.append(StandardInstrument.Alarm(code: code, level: level, title: title, guidance: guidance))
    }
    return out
  }

  private static func level(_ node: SourceNode, _ path: FieldPath, _ nodes: NodeDecoder) -> RedFlag.Level? {
    guard let text = nodes.string(node, path) else { return nil }
    guard let level = RedFlag.Level(rawValue: text) else {
      let names = RedFlag.Level.allCases.map(\.rawValue).joined(separator: ", ")
      nodes.error("'\(text)' is not a level; use one of: \(names)", Place(location: node.location, path: path))
      return nil
    }
    return level
  }

  /// A LOINC code: digits, a dash and a check digit (`44249-1`).
  private static func code(_ node: SourceNode, _ path: FieldPath, _ nodes: NodeDecoder) -> String? {
    guard let text = nodes.string(node, path) else { return nil }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].count == 1,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else {
      nodes.error(
        "'\(text)' is not a LOINC code (digits, a dash and one check digit, such as 44249-1)",
        Place(location: node.location, path: path))
      return nil
    }
    return text
  }

  /// The ranges, in order from 0, each starting where the one before ended.
  private static func ranges(_ node: SourceNode, _ path: FieldPath, _ nodes: NodeDecoder) -> [StandardInstrument.Range]?
  {
    guard let list = nodes.list(node, path, what: "score ranges") else { return nil }
    var next = 0
    var out: [StandardInstrument.Range] = []
    for (node, path) in list {
      guard
        let fields = nodes.fields(
          node, path, allowed: ["min", "max", "name", "guidance", "reassuring"], what: "a score range")
      else { continue }
      let minimum = fields.required("min") { nodes.int($0, $1) }
      let maximum = fields.required("max") { nodes.int($0, $1) }
      let name = fields.required("name") { nodes.string($0, $1) }
      let guidance = fields.required("guidance") { nodes.text($0, $1) }
      let reassuring = fields.optional("reassuring") { nodes.bool($0, $1) } ?? false
      if reassuring, let last = out.last, !last.isReassuring {
        nodes.error(
          "a range that reassures cannot follow one that does not: only the lowest ranges reassure",
          fields.place(of: "reassuring"))
      }
      guard let minimum, let maximum, let name, let guidance else { continue }
      if minimum != next {
        nodes.error(
          next == 0
            ? "the first range starts at \(minimum); it must start at 0"
            : "this range starts at \(minimum), but the one before ends at \(next - 1); ranges must follow on "
              + "with no gap or overlap", fields.place(of: "min"))
      }
      if maximum < minimum {
        nodes.error("'max' (\(maximum)) is below 'min' (\(minimum))", fields.place(of: "max"))
      }
      next = maximum + 1
      out.append(
        StandardInstrument.Range(
          minimum: minimum, maximum: maximum, name: name, guidance: guidance, isReassuring: reassuring))
    }
    if out.isEmpty { nodes.error("an instrument needs its score ranges", Place(location: node.location, path: path)) }
    return out
  }
}
