import CYaml

/// Reads one YAML document into a `SourceNode` tree through libyaml's event API.
///
/// Iterative (no recursion, so deep nesting cannot overflow the stack), bounded in depth and node
/// count, and it refuses aliases, which could otherwise expand a small file into a huge tree.
enum YAMLReader {
  static func parse(_ bytes: [UInt8], limits: LoadLimits) throws(SyntaxProblem) -> SourceNode {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      throw SyntaxProblem(message: "out of memory while reading the file", location: .init(line: 1, column: 1))
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

    return try bytes.withUnsafeBufferPointer { buffer throws(SyntaxProblem) -> SourceNode in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var builder = TreeBuilder(limits: limits)
      var documents = 0
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
          throw problem(of: parser, in: buffer, limits: limits)
        }
        defer { yaml_event_delete(&event) }
        let location = SourceLocation(
          line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
          continue
        case YAML_STREAM_END_EVENT:
          guard let root = builder.root else {
            throw SyntaxProblem(message: "the file has no content", location: location)
          }
          return root
        case YAML_DOCUMENT_START_EVENT:
          documents += 1
          if documents > 1 {
            throw SyntaxProblem(
              message: "the file holds more than one YAML document (a second '---'); keep one",
              location: location)
          }
        case YAML_ALIAS_EVENT:
          throw SyntaxProblem(
            message: "aliases (*name) are not supported; write the value out in full",
            location: location)
        case YAML_SCALAR_EVENT:
          let scalar = event.data.scalar
          let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : scalar.length)
          let node: SourceNode
          if scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.plain_implicit == 1 {
            if isNull(bytes) {
              node = SourceNode(value: .null, location: location)
            } else {
              node = SourceNode(value: .scalar(String(decoding: bytes, as: UTF8.self), .plain), location: location)
            }
          } else {
            node = SourceNode(value: .scalar(String(decoding: bytes, as: UTF8.self), .quoted), location: location)
          }
          try builder.add(node)
        case YAML_SEQUENCE_START_EVENT:
          try builder.open(.sequence([]), at: location)
        case YAML_MAPPING_START_EVENT:
          try builder.open(.mapping([]), at: location)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          try builder.close()
        default:
          continue
        }
      }
    }
  }

  /// Whether a plain scalar is YAML's null: empty, `~`, `null`, `Null` or `NULL` (looked at as
  /// bytes, before any string is made: most scalars are not).
  static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    switch bytes.count {
    case 0: return true
    case 1: return bytes[0] == UInt8(ascii: "~")
    case 4:
      let rest = (bytes[1], bytes[2], bytes[3])
      let lower = (UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l"))
      let upper = (UInt8(ascii: "U"), UInt8(ascii: "L"), UInt8(ascii: "L"))
      switch bytes[0] {
      case UInt8(ascii: "n"): return rest == lower
      case UInt8(ascii: "N"): return rest == lower || rest == upper
      default: return false
      }
    default: return false
    }
  }

  /// Where flow brackets first nest deeper than `limit` (libyaml reports that without a place).
  private static func flowNestingTooDeep(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> SourceLocation? {
    var depth = 0
    var quote: UInt8? = nil
    var offset = 0
    for byte in bytes {
      defer { offset += 1 }
      if let open = quote {
        if byte == open { quote = nil }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > limit { return DocumentReader.location(ofOffset: offset, in: Array(bytes)) }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
      default: break
      }
    }
    return nil
  }

  private static func problem(
    of parser: yaml_parser_t, in buffer: UnsafeBufferPointer<UInt8>, limits: LoadLimits
  ) -> SyntaxProblem {
    let problem = parser.problem.map { String(cString: $0) } ?? "the file could not be read"
    let mark = parser.problem_mark
    if problem.hasPrefix("Maximum nesting level") {
      // libyaml's own limit, hit while it reads ahead through flow brackets; it gives no place.
      return SyntaxProblem(
        message: "the file is nested too deeply (more than \(limits.maxDepth) levels)",
        location: flowNestingTooDeep(buffer, limit: limits.maxDepth)
          ?? SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1))
    }
    var message = "syntax error: \(problem)"
    if let context = parser.context.map({ String(cString: $0) }) {
      let where_ = parser.context_mark
      message += " (\(context) at \(where_.line + 1):\(where_.column + 1))"
    }
    if parser.error == YAML_READER_ERROR {
      return SyntaxProblem(message: message, location: SourceLocation(line: 1, column: 1))
    }
    return SyntaxProblem(
      message: message, location: SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1))
  }
}

/// Builds a `SourceNode` tree from a stream of start / value / end events, without recursion.
///
/// The children of all open containers wait in two shared lists, and each container takes its
/// own at its close, in one array of the exact size: no array grows (and is copied) per
/// container, and an append is never made to an array held in an enum payload (which copies it).
struct TreeBuilder {
  private struct Frame {
    var isMapping: Bool
    var location: SourceLocation
    /// Where this container's children start in `items` or `entries`.
    var start: Int
    var pendingKey: (String, SourceLocation)?
  }

  private let limits: LoadLimits
  private var stack: [Frame] = []
  private var items: [SourceNode] = []
  private var entries: [SourceNode.Entry] = []
  private var nodes = 0
  private(set) var root: SourceNode?

  init(limits: LoadLimits) { self.limits = limits }

  mutating func open(_ value: SourceNode.Value, at location: SourceLocation) throws(SyntaxProblem) {
    if stack.count >= limits.maxDepth {
      throw SyntaxProblem(
        message: "the file is nested too deeply (more than \(limits.maxDepth) levels)",
        location: location)
    }
    try count(at: location)
    if let top = stack.last, top.isMapping, top.pendingKey == nil {
      throw SyntaxProblem(message: "a key must be plain text, not a list or mapping", location: location)
    }
    let isMapping: Bool
    if case .mapping = value { isMapping = true } else { isMapping = false }
    stack.append(Frame(isMapping: isMapping, location: location, start: isMapping ? entries.count : items.count))
  }

  mutating func close() throws(SyntaxProblem) {
    guard let frame = stack.popLast() else { return }
    let value: SourceNode.Value
    if frame.isMapping {
      value = .mapping(Array(entries[frame.start...]))
      entries.removeSubrange(frame.start...)
    } else {
      value = .sequence(Array(items[frame.start...]))
      items.removeSubrange(frame.start...)
    }
    try attach(SourceNode(value: value, location: frame.location), counted: true)
  }

  mutating func add(_ node: SourceNode) throws(SyntaxProblem) {
    try attach(node, counted: false)
  }

  private mutating func count(at location: SourceLocation) throws(SyntaxProblem) {
    nodes += 1
    if nodes > limits.maxNodes {
      throw SyntaxProblem(
        message: "the file has too many values (more than \(limits.maxNodes))", location: location)
    }
  }

  private mutating func attach(_ node: SourceNode, counted: Bool) throws(SyntaxProblem) {
    if !counted { try count(at: node.location) }
    guard !stack.isEmpty else {
      root = node
      return
    }
    let top = stack.count - 1
    guard stack[top].isMapping else {
      items.append(node)
      return
    }
    if let (key, keyLocation) = stack[top].pendingKey {
      entries.append(SourceNode.Entry(key: key, keyLocation: keyLocation, value: node))
      stack[top].pendingKey = nil
      return
    }
    switch node.value {
    case .scalar(let key, _): stack[top].pendingKey = (key, node.location)
    case .null: stack[top].pendingKey = ("", node.location)
    default:
      throw SyntaxProblem(message: "a key must be plain text, not a list or mapping", location: node.location)
    }
  }
}
