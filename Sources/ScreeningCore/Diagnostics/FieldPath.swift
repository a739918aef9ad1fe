/// The path of a field inside a document, printed as `sections[1].questions[0].text`.
///
/// Decoding makes a path for every value it reads, so a path shares its parent instead of
/// copying it, and keeps its last component in the value: appending allocates nothing, whatever
/// the depth, until the path becomes the parent of others (`shared`).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
  enum Component: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  private final class Link: Sendable {
    let parent: Link?
    let component: Component
    let depth: Int

    init(parent: Link?, component: Component) {
      self.parent = parent
      self.component = component
      self.depth = (parent?.depth ?? 0) + 1
    }
  }

  /// The components above the last one, shared with every path below them.
  private let parent: Link?
  /// The last component, held in the value: most paths name a leaf that is read once, and need
  /// no allocation of their own (`FieldPath.shared` turns it into a link for a container).
  private let leaf: Component?

  private init(parent: Link?, leaf: Component?) {
    self.parent = parent
    self.leaf = leaf
  }

  /// The whole document.
  public static let root = FieldPath(parent: nil, leaf: nil)

  /// The path of a key below this one.
  public func appending(_ key: String) -> FieldPath {
    appending(.key(key))
  }

  /// The path of a list element below this one.
  public func appending(index: Int) -> FieldPath {
    appending(.index(index))
  }

  private func appending(_ component: Component) -> FieldPath {
    FieldPath(parent: shared.parent, leaf: component)
  }

  /// The same path with its last component in a shared link, so that many paths appended to it
  /// share it instead of each allocating it again: decoding takes this once per mapping or list.
  var shared: FieldPath {
    guard let leaf else { return self }
    return FieldPath(parent: Link(parent: parent, component: leaf), leaf: nil)
  }

  private var depth: Int { (parent?.depth ?? 0) + (leaf == nil ? 0 : 1) }

  /// The components from the bottom up: the last one first.
  private struct Upward: IteratorProtocol {
    var leaf: Component?
    var link: Link?

    mutating func next() -> Component? {
      if let component = leaf {
        leaf = nil
        return component
      }
      guard let current = link else { return nil }
      link = current.parent
      return current.component
    }
  }

  private var upward: Upward { Upward(leaf: leaf, link: parent) }

  /// The components from the top of the document down.
  var components: [Component] {
    var result: [Component] = []
    result.reserveCapacity(depth)
    var iterator = upward
    while let component = iterator.next() { result.append(component) }
    return result.reversed()
  }

  public static func == (lhs: FieldPath, rhs: FieldPath) -> Bool {
    guard lhs.depth == rhs.depth else { return false }
    var left = lhs.upward
    var right = rhs.upward
    while true {
      // The same link (with no leaf below it on either side) means the same components above.
      if left.leaf == nil, right.leaf == nil, left.link === right.link { return true }
      guard let l = left.next(), let r = right.next(), l == r else { return false }
    }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(depth)
    var iterator = upward
    while let component = iterator.next() { hasher.combine(component) }
  }

  public var description: String {
    var text = ""
    for component in components {
      switch component {
      case .key(let key):
        if !text.isEmpty { text += "." }
        text += key
      case .index(let index):
        text += "[\(index)]"
      }
    }
    return text.isEmpty ? "(top level)" : text
  }
}
