/// A JSON value with keys kept in the order given, for exports that read the same every time.
enum JSONValue {
  case string(String)
  case int(Int)
  /// A finite number, written as people write it (`72.5`, `3`).
  case decimal(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// Pretty-printed JSON (two-space indent, a final line break). Control, line-separator, bidi and
  /// zero-width characters are escaped as `\uXXXX`, so a file shown in a terminal cannot hide text.
  var text: String {
    var out = ""
    write(into: &out, indent: "")
    return out + "\n"
  }

  private func write(into out: inout String, indent: String) {
    switch self {
    case .string(let value): out += Self.quoted(value)
    case .int(let value): out += String(value)
    case .decimal(let value): out += Answer.decimalText(value)
    case .bool(let value): out += value ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      let inner = indent + "  "
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += inner
        item.write(into: &out, indent: inner)
        out += index + 1 < items.count ? ",\n" : "\n"
      }
      out += indent + "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      let inner = indent + "  "
      out += "{\n"
      for (index, (key, value)) in members.enumerated() {
        out += inner + Self.quoted(key) + ": "
        value.write(into: &out, indent: inner)
        out += index + 1 < members.count ? ",\n" : "\n"
      }
      out += indent + "}"
    }
  }

  static func quoted(_ value: String) -> String {
    TextSafety.quoted(value) { "\\u" + String($0.value, radix: 16).leftPadded(to: 4) }
  }
}

extension JSONValue {
  /// A parsed JSON document as a value (numbers as written: whole ones as Int).
  init(_ node: SourceNode) {
    switch node.value {
    case .null: self = .null
    case .mapping(let entries): self = .object(entries.map { ($0.key, JSONValue($0.value)) })
    case .sequence(let items): self = .array(items.map(JSONValue.init))
    case .scalar(let text, .jsonBool): self = .bool(text == "true")
    case .scalar(let text, .jsonNumber):
      if let whole = Int(text) {
        self = .int(whole)
      } else if let number = Double(text), number.isFinite {
        self = .decimal(number)
      } else {
        self = .string(text)
      }
    case .scalar(let text, _): self = .string(text)
    }
  }
}
