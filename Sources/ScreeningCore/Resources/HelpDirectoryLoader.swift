/// Loads `resources.yaml`, strictly and with located diagnostics, like questionnaires.
public enum HelpDirectoryLoader {
  public static func load(bytes: [UInt8], fileName: String, limits: LoadLimits = .standard) -> LoadResult<HelpDirectory>
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

  static func load(root: SourceNode, sink: DiagnosticSink, limits: LoadLimits) -> LoadResult<HelpDirectory> {
    let directory = decode(root, NodeDecoder(sink: sink, limits: limits))
    return LoadResult(value: sink.hasErrors ? nil : directory, diagnostics: sink.sorted)
  }

  private static func decode(_ root: SourceNode, _ nodes: NodeDecoder) -> HelpDirectory? {
    guard let top = nodes.fields(root, .root, allowed: ["format", "regions"], what: "a resources file") else {
      return nil
    }
    top.format()
    var seen: [String: SourceLocation] = [:]
    let regions = top.required("regions") { node, path -> [Region]? in
      guard let items = nodes.list(node, path, what: "regions") else { return nil }
      return items.compactMap { node, path -> Region? in
        guard
          let fields = nodes.fields(node, path, allowed: ["code", "name", "locales", "resources"], what: "a region")
        else { return nil }
        let code = fields.required("code") { node, path -> String? in
          guard let code = nodes.string(node, path) else { return nil }
          guard code.count >= 2, code.count <= 4, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            nodes.error(
              "a region code is 2 to 4 capital letters, such as UK or INTL", Place(location: node.location, path: path))
            return nil
          }
          return code
        }
        let name = fields.required("name") { nodes.string($0, $1) }
        let territories = fields.required("locales") { node, path -> [String]? in
          nodes.list(node, path, what: "locale territories")?.compactMap { nodes.string($0, $1) }
        }
        let resources = fields.required("resources") { decodeResources($0, $1, nodes) }
        guard let code, let name, let territories, let resources else { return nil }
        if let first = seen[code] {
          nodes.error("duplicate region '\(code)'; it is first given at \(first)", fields.place(of: "code"))
          return nil
        }
        seen[code] = fields.place(of: "code").location
        return Region(code: code, name: name, territories: territories, resources: resources)
      }
    }
    guard let regions else { return nil }
    if !regions.contains(where: { $0.code == HelpDirectory.internationalCode }) {
      nodes.error("there is no '\(HelpDirectory.internationalCode)' region to fall back on", top.place(of: "regions"))
    }
    return HelpDirectory(regions: regions)
  }

  private static let resourceKeys = [
    "name", "kind", "also", "purpose", "phone", "text", "web", "hours", "last_verified", "source",
    "substance_use_only", "general_purpose",
  ]

  /// A resource kind by name, or an error naming the kinds there are.
  static func kind(_ node: SourceNode, _ path: FieldPath, _ nodes: NodeDecoder) -> HelpResource.Kind? {
    guard let text = nodes.string(node, path) else { return nil }
    guard let kind = HelpResource.Kind(rawValue: text) else {
      nodes.error(
        "'\(text)' is not a kind of contact; use one of: "
          + "\(HelpResource.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
        Place(location: node.location, path: path))
      return nil
    }
    return kind
  }

  /// A list of resource kinds (`[emergency, poison]`), each once.
  static func kinds(_ node: SourceNode, _ path: FieldPath, _ nodes: NodeDecoder) -> [HelpResource.Kind]? {
    guard let items = nodes.list(node, path, what: "kinds of contact") else { return nil }
    var kinds: [HelpResource.Kind] = []
    var failed = false
    for (item, itemPath) in items {
      guard let kind = kind(item, itemPath, nodes) else {
        failed = true
        continue
      }
      if kinds.contains(kind) {
        nodes.error("'\(kind.rawValue)' is listed twice", Place(location: item.location, path: itemPath))
        failed = true
      }
      kinds.append(kind)
    }
    return failed ? nil : kinds
  }

  private static func decodeResources(_ node: SourceNode, _ path: FieldPath, _ nodes: NodeDecoder) -> [HelpResource]? {
    guard let items = nodes.list(node, path, what: "resources") else { return nil }
    var sawOther = false
    let resources = items.compactMap { node, path -> HelpResource? in
      guard let fields = nodes.fields(node, path, allowed: resourceKeys, what: "a resource") else { return nil }
      let name = fields.required("name") { nodes.string($0, $1) }
      let kind = fields.required("kind") { Self.kind($0, $1, nodes) }
      let also = fields.optional("also") { Self.kinds($0, $1, nodes) } ?? []
      let purpose = fields.required("purpose") { nodes.string($0, $1) }
      let phone = fields.optional("phone") { nodes.string($0, $1) }
      let text = fields.optional("text") { nodes.string($0, $1) }
      let web = fields.optional("web") { nodes.string($0, $1) }
      let hours = fields.optional("hours") { nodes.string($0, $1) }
      let verified = fields.required("last_verified") { node, path -> String? in
        guard let date = nodes.string(node, path) else { return nil }
        let parts = date.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil })
        else {
          nodes.error(
            "expected a date as YYYY-MM-DD, found \(node.kindDescription)", Place(location: node.location, path: path))
          return nil
        }
        return date
      }
      let source = fields.required("source") { nodes.string($0, $1) }
      let substanceUseOnly = fields.optional("substance_use_only") { nodes.bool($0, $1) } ?? false
      let generalPurpose = fields.optional("general_purpose") { nodes.string($0, $1) }
      if substanceUseOnly && generalPurpose != nil {
        nodes.error(
          "'general_purpose' is never shown for a resource that is 'substance_use_only'",
          fields.place(of: "general_purpose"))
      }
      guard let name, let kind, let purpose, let verified, let source else { return nil }
      if phone == nil && text == nil && web == nil && kind != .gp {
        nodes.error("a resource needs at least one of 'phone', 'text' and 'web'", fields.place)
      }
      if kind == .emergency && sawOther {
        nodes.error("emergency services must be listed first in their region", fields.place(of: "kind"))
      }
      sawOther = sawOther || kind != .emergency
      return HelpResource(
        name: name, kind: kind, purpose: purpose, phone: phone, text: text, web: web, hours: hours,
        lastVerified: verified, source: source, also: also, isSubstanceUseOnly: substanceUseOnly,
        generalPurpose: generalPurpose)
    }
    return resources.count == items.count ? resources : nil
  }
}
