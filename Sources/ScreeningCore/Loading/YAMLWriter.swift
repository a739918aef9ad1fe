/// Writes a `SourceNode` tree as block-style YAML that `YAMLReader` reads back to the same tree:
/// text is always double-quoted (escaped like JSON, so no character can hide), numbers and
/// booleans are plain. Comments can be placed above a list element or key, by its field path.
enum YAMLWriter {
  static func text(of root: SourceNode, comments: [String: String] = [:]) -> String {
    var out = ""
    if let comment = comments["(top level)"] { out += commentLines(comment, indent: "") }
    switch root.value {
    case .mapping(let entries):
      writeEntries(entries, indent: "", path: .root, comments: comments, into: &out)
    default:
      out += inline(root) + "\n"
    }
    return out
  }

  private static func commentLines(_ text: String, indent: String) -> String {
    // Comments hold text from the source file (linkIds, URLs): shown safely, one line each.
    text.split(separator: "\n", omittingEmptySubsequences: false).map {
      "\(indent)# \(TextSafety.visible(String($0)))\n"
    }
    .joined()
  }

  private static func writeEntries(
    _ entries: [SourceNode.Entry], indent: String, path: FieldPath, comments: [String: String],
    into out: inout String, firstPrefix: String? = nil
  ) {
    for (index, entry) in entries.enumerated() {
      let lead = index == 0 ? (firstPrefix ?? indent) : indent
      let childPath = path.appending(entry.key)
      if let comment = comments[childPath.description], index > 0 || firstPrefix == nil {
        out += commentLines(comment, indent: indent)
      }
      out += lead + key(entry.key) + ":"
      write(entry.value, indent: indent, path: childPath, comments: comments, into: &out)
    }
  }

  /// Writes a value after `key:` (on the same line when it is a scalar or empty).
  private static func write(
    _ node: SourceNode, indent: String, path: FieldPath, comments: [String: String], into out: inout String
  ) {
    switch node.value {
    case .mapping(let entries) where !entries.isEmpty:
      out += "\n"
      writeEntries(entries, indent: indent + "  ", path: path, comments: comments, into: &out)
    case .sequence(let items) where !items.isEmpty:
      out += "\n"
      for (index, item) in items.enumerated() {
        let itemPath = path.appending(index: index)
        if let comment = comments[itemPath.description] { out += commentLines(comment, indent: indent + "  ") }
        switch item.value {
        case .mapping(let entries) where !entries.isEmpty:
          writeEntries(
            entries, indent: indent + "    ", path: itemPath, comments: comments, into: &out,
            firstPrefix: indent + "  - ")
        case .sequence(let inner) where !inner.isEmpty:
          out += indent + "  -"
          write(item, indent: indent + "  ", path: itemPath, comments: comments, into: &out)
        default:
          out += indent + "  - " + inline(item) + "\n"
        }
      }
    default:
      out += " " + inline(node) + "\n"
    }
  }

  private static func inline(_ node: SourceNode) -> String {
    switch node.value {
    case .null: return "null"
    case .mapping: return "{}"
    case .sequence: return "[]"
    case .scalar(let text, let style):
      switch style {
      case .plain, .jsonNumber, .jsonBool: return text
      case .quoted: return JSONValue.quoted(text)
      }
    }
  }

  private static func key(_ text: String) -> String {
    NodeDecoder.isValidID(text) ? text : JSONValue.quoted(text)
  }
}
