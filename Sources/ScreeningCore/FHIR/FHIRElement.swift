/// One JSON object of a FHIR resource, with its place. Read leniently, as FHIR files need: keys
/// SelfScreen does not use are ignored, and so are `_text`-style primitive extensions.
struct FHIRElement {
  let node: SourceNode
  let path: FieldPath
  private let members: [String: SourceNode]

  /// nil when `node` is not a JSON object.
  init?(_ node: SourceNode, _ path: FieldPath) {
    guard case .mapping(let entries) = node.value else { return nil }
    var members: [String: SourceNode] = [:]
    for entry in entries where members[entry.key] == nil { members[entry.key] = entry.value }
    self.node = node
    self.path = path
    self.members = members
  }

  var location: SourceLocation { node.location }
  var place: Place { Place(location: node.location, path: path) }

  /// The value of `key`, unless it is absent or null.
  func value(_ key: String) -> SourceNode? {
    guard let value = members[key] else { return nil }
    if case .null = value.value { return nil }
    return value
  }

  func has(_ key: String) -> Bool { value(key) != nil }

  /// The place of `key`'s value, or of the object when it is absent.
  func place(of key: String) -> Place {
    guard let value = members[key] else { return place }
    return Place(location: value.location, path: path.appending(key))
  }
}

/// Located, typed reads of FHIR JSON values; a value of the wrong type is reported and read as
/// absent, so that every problem in the file is found in one pass.
struct FHIRValues {
  let sink: DiagnosticSink

  func error(_ message: String, _ place: Place) {
    sink.error(message, at: place.location, path: place.path)
  }

  func warning(_ message: String, _ place: Place) {
    sink.warning(message, at: place.location, path: place.path)
  }

  /// A JSON string. Quietly nil when `report` is false (inside extensions, which may be malformed).
  func string(_ element: FHIRElement, _ key: String, report: Bool = true) -> String? {
    guard let node = element.value(key) else { return nil }
    guard case .scalar(let text, .quoted) = node.value else {
      if report { error("expected text (a JSON string), found \(node.kindDescription)", element.place(of: key)) }
      return nil
    }
    return text
  }

  /// A JSON `true` or `false`. The text `"true"` or `"false"` in quotes is read as the boolean
  /// with a warning, as HAPI's lenient parser and LHC-Forms read it: the meaning is not in doubt.
  func bool(_ element: FHIRElement, _ key: String, report: Bool = true) -> Bool? {
    guard let node = element.value(key) else { return nil }
    if case .scalar(let text, .quoted) = node.value, text == "true" || text == "false" {
      if report {
        warning(
          "expected \(text) without quotes (a JSON boolean), found the text \"\(text)\"; read as \(text)",
          element.place(of: key))
      }
      return text == "true"
    }
    guard case .scalar(let text, .jsonBool) = node.value else {
      if report { error("expected true or false, found \(node.kindDescription)", element.place(of: key)) }
      return nil
    }
    return text == "true"
  }

  /// A JSON number; `whole` asks for an integer. Quietly nil when `report` is false (extensions).
  func number(_ element: FHIRElement, _ key: String, whole: Bool = false, report: Bool = true) -> Double? {
    guard let node = element.value(key) else { return nil }
    let place = element.place(of: key)
    guard case .scalar(let text, .jsonNumber) = node.value, let value = Double(text), value.isFinite else {
      if report { error("expected a number, found \(node.kindDescription)", place) }
      return nil
    }
    if whole && (value != value.rounded() || abs(value) > 1e15) {
      if report { error("expected a whole number, found \(text)", place) }
      return nil
    }
    return value
  }

  /// A JSON object.
  func object(_ element: FHIRElement, _ key: String, report: Bool = true) -> FHIRElement? {
    guard let node = element.value(key) else { return nil }
    guard let object = FHIRElement(node, element.path.appending(key)) else {
      if report { error("expected an object, found \(node.kindDescription)", element.place(of: key)) }
      return nil
    }
    return object
  }

  /// A JSON array of objects (an element that is not an object is reported and skipped).
  func objects(_ element: FHIRElement, _ key: String) -> [FHIRElement] {
    guard let node = element.value(key) else { return [] }
    let path = element.path.appending(key)
    guard case .sequence(let items) = node.value else {
      error("expected a list (a JSON array), found \(node.kindDescription)", element.place(of: key))
      return []
    }
    return items.enumerated().compactMap { index, item in
      let itemPath = path.appending(index: index)
      guard let object = FHIRElement(item, itemPath) else {
        error("expected an object, found \(item.kindDescription)", Place(location: item.location, path: itemPath))
        return nil
      }
      return object
    }
  }

  /// The `extension` entries of an element whose `url` is one of `urls`, without reporting
  /// anything: extensions SelfScreen does not know are ignored, however they are written.
  func extensions(_ element: FHIRElement, urls: [String]) -> [FHIRElement] {
    guard let node = element.value("extension"), case .sequence(let items) = node.value else { return [] }
    let path = element.path.appending("extension")
    return items.enumerated().compactMap { index, item in
      guard let object = FHIRElement(item, path.appending(index: index)),
        let url = object.value("url"), case .scalar(let text, .quoted) = url.value, urls.contains(text)
      else { return nil }
      return object
    }
  }

  /// The url of an extension, when it is a string.
  func url(of element: FHIRElement) -> String? {
    guard let url = element.value("url"), case .scalar(let text, .quoted) = url.value else { return nil }
    return text
  }
}
