/// FHIR ValueSets a person supplies (`--value-sets FILE`) for forms that name value sets by URL
/// without containing them: SelfScreen never goes online to fetch one.
///
/// The file is a ValueSet resource, or a Bundle (or a JSON list) of them; each needs a canonical
/// `url` and its codes (an `expansion`, or `compose.include.concept`). Problems in it are reported
/// with their place in that file, when it is loaded.
public struct ValueSetLibrary: Sendable {
  /// Each ValueSet's root node, by canonical URL (and by `url|version` when it has a version).
  private var byURL: [String: SourceNode] = [:]
  /// The file they came from, for messages.
  public private(set) var fileName: String?

  public static let none = ValueSetLibrary()

  public init() {}

  /// The canonical URLs it holds, in order.
  public var urls: [String] { byURL.keys.filter { !$0.contains("|") }.sorted() }

  /// Reads a value set file; `value` is nil when it has errors.
  public static func load(bytes: [UInt8], fileName: String, limits: LoadLimits = .standard)
    -> LoadResult<ValueSetLibrary>
  {
    let sink = DiagnosticSink(file: fileName)
    guard let root = DocumentReader.read(bytes, syntax: .json, limits: limits, into: sink) else {
      return LoadResult(value: nil, diagnostics: sink.sorted)
    }
    let values = FHIRValues(sink: sink)
    var library = ValueSetLibrary()
    library.fileName = fileName
    func add(_ element: FHIRElement) {
      guard let type = values.string(element, "resourceType") else {
        if !element.has("resourceType") { values.error("expected a FHIR ValueSet resource", element.place) }
        return
      }
      if type == "Bundle" {
        for entry in values.objects(element, "entry") {
          if let resource = values.object(entry, "resource") { add(resource) }
        }
        return
      }
      guard type == "ValueSet" else {
        values.error(
          "this is a FHIR \(TextSafety.visible(type)) resource; a value set file holds ValueSet resources",
          element.place(of: "resourceType"))
        return
      }
      guard let url = values.string(element, "url") else {
        if !element.has("url") {
          values.error("the ValueSet has no 'url', so no questionnaire can name it", element.place)
        }
        return
      }
      let problems = sink.total
      let codes = codeCount(element, values: values)
      if codes == 0 && sink.total == problems {
        values.error(
          "the ValueSet '\(TextSafety.visible(url))' lists no codes (give an 'expansion', or "
            + "'compose.include.concept'); SelfScreen cannot expand value sets offline",
          element.place)
      }
      library.byURL[url] = element.node
      if let version = values.string(element, "version", report: false) {
        library.byURL[url + "|" + version] = element.node
      }
    }
    if case .sequence(let items) = root.value {
      for (index, item) in items.enumerated() {
        if let element = FHIRElement(item, FieldPath.root.appending(index: index)) { add(element) }
      }
    } else if let element = FHIRElement(root, .root) {
      add(element)
    } else {
      values.error(
        "expected a ValueSet, a Bundle of them or a list of them, found \(root.kindDescription)",
        Place(location: root.location, path: .root))
    }
    if !sink.hasErrors && library.byURL.isEmpty {
      values.error("the file holds no ValueSet", Place(location: root.location, path: .root))
    }
    return LoadResult(value: sink.hasErrors ? nil : library, diagnostics: sink.sorted)
  }

  /// How many codes a ValueSet lists; entries without a code are reported.
  private static func codeCount(_ valueSet: FHIRElement, values: FHIRValues) -> Int {
    var count = 0
    func expand(_ list: [FHIRElement]) {
      for entry in list {
        if values.bool(entry, "abstract", report: false) != true {
          if values.string(entry, "code") != nil {
            count += 1
          } else if !entry.has("code") {
            values.error("the value set entry has no code", entry.place)
          }
        }
        expand(values.objects(entry, "contains"))
      }
    }
    if let expansion = values.object(valueSet, "expansion", report: false) {
      expand(values.objects(expansion, "contains"))
    }
    if count == 0, let compose = values.object(valueSet, "compose", report: false) {
      for include in values.objects(compose, "include") {
        let concepts = values.objects(include, "concept")
        if concepts.isEmpty {
          values.error(
            "this include chooses codes by a filter or another value set, which SelfScreen cannot expand offline; "
              + "list them as 'concept' or give an 'expansion'", include.place)
        }
        expand(concepts)
      }
    }
    return count
  }

  /// The ValueSet with `reference` (a canonical URL, with or without `|version`).
  func valueSet(_ reference: String) -> FHIRElement? {
    if let node = byURL[reference] { return FHIRElement(node, .root) }
    return byURL[Self.unversioned(reference)].flatMap { FHIRElement($0, .root) }
  }

  /// A canonical reference without its `|version` (`http://x/ValueSet/y|2` -> `http://x/ValueSet/y`).
  static func unversioned(_ reference: String) -> String {
    reference.split(separator: "|", maxSplits: 1).first.map(String.init) ?? reference
  }
}
