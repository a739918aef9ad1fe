/// Word wrapping for plain-text output.
public enum TextWrap {
  /// Wraps `text` to `width` columns; paragraphs (line breaks) are kept, each line gets `indent`.
  public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
    var lines: [String] = []
    var first = true
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lead = first ? (firstIndent ?? indent) : indent
      let available = { max(10, width - lead.count) }
      for word in paragraph.split(separator: " ") {
        if line.isEmpty {
          line = String(word)
        } else if line.count + 1 + word.count <= available() {
          line += " " + word
        } else {
          lines.append(lead + line)
          lead = indent
          line = String(word)
        }
        while line.count > available() {
          lines.append(lead + line.prefix(available()))
          line = String(line.dropFirst(available()))
          lead = indent
        }
      }
      lines.append(line.isEmpty ? "" : lead + line)
      first = false
    }
    return lines
  }
}
