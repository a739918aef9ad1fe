/// The path of a field inside a document, printed as `sections[1].questions[0].text`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
  enum Component: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  private(set) var components: [Component] = []

  /// The whole document.
  public static let root = FieldPath()

  /// The path of a key below this one.
  public func appending(_ key: String) -> FieldPath {
    var copy = self
    copy.components.append(.key(key))
    return copy
  }

  /// The path of a list element below this one.
  public func appending(index: Int) -> FieldPath {
    var copy = self
    copy.components.append(.index(index))
    return copy
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
