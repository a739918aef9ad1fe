/// The path of a field inside a document, printed as `sections[1].questions[0].text`.
///
/// Decoding makes a path for every value it reads, so a path shares its parent instead of
/// copying it: appending is one small allocation, whatever the depth.
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

  private let last: Link?

  private init(last: Link?) { self.last = last }

  /// The whole document.
  public static let root = FieldPath(last: nil)

  /// The path of a key below this one.
  public func appending(_ key: String) -> FieldPath {
    FieldPath(last: Link(parent: last, component: .key(key)))
  }

  /// The path of a list element below this one.
  public func appending(index: Int) -> FieldPath {
    FieldPath(last: Link(parent: last, component: .index(index)))
  }

  /// The components from the top of the document down.
  var components: [Component] {
    var result: [Component] = []
    result.reserveCapacity(last?.depth ?? 0)
    var link = last
    while let current = link {
      result.append(current.component)
      link = current.parent
    }
    return result.reversed()
  }

  public static func == (lhs: FieldPath, rhs: FieldPath) -> Bool {
    var left = lhs.last
    var right = rhs.last
    while let l = left, let r = right {
      if l === r { return true }
      guard l.depth == r.depth, l.component == r.component else { return false }
      left = l.parent
      right = r.parent
    }
    return left == nil && right == nil
  }

  public func hash(into hasher: inout Hasher) {
    var link = last
    hasher.combine(link?.depth ?? 0)
    while let current = link {
      hasher.combine(current.component)
      link = current.parent
    }
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
