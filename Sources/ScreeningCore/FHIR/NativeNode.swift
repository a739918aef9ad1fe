/// Builds the native questionnaire document that an import produces, node by node, each carrying
/// the place in the FHIR file it came from (so that problems found later point there).
enum NativeNode {
  static func text(_ value: String, at location: SourceLocation) -> SourceNode {
    SourceNode(value: .scalar(value, .quoted), location: location)
  }

  static func integer(_ value: Int, at location: SourceLocation) -> SourceNode {
    SourceNode(value: .scalar(String(value), .plain), location: location)
  }

  static func decimal(_ value: Double, at location: SourceLocation) -> SourceNode {
    SourceNode(value: .scalar(Answer.decimalText(value), .plain), location: location)
  }

  static func bool(_ value: Bool, at location: SourceLocation) -> SourceNode {
    SourceNode(value: .scalar(value ? "true" : "false", .plain), location: location)
  }

  static func map(_ pairs: [(String, SourceNode)], at location: SourceLocation) -> SourceNode {
    SourceNode(
      value: .mapping(pairs.map { SourceNode.Entry(key: $0.0, keyLocation: $0.1.location, value: $0.1) }),
      location: location)
  }

  static func list(_ items: [SourceNode], at location: SourceLocation) -> SourceNode {
    SourceNode(value: .sequence(items), location: location)
  }
}
