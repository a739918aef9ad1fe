/// The entries of one mapping by key; a key given twice is found at its first place.
///
/// It shares the mapping's own list of entries (nothing is copied). Mappings in questionnaires
/// have a handful of keys, for which searching the list in order is cheaper than hashing every
/// key; a large mapping gets a hash index, so that reading one stays linear in its size.
struct KeyedEntries {
  private let list: [SourceNode.Entry]
  private let index: [String: Int]?
  private static let indexedFrom = 16

  init(_ list: [SourceNode.Entry]) {
    self.list = list
    guard list.count >= Self.indexedFrom else {
      index = nil
      return
    }
    var built: [String: Int] = [:]
    built.reserveCapacity(list.count)
    for (position, entry) in list.enumerated() where built[entry.key] == nil { built[entry.key] = position }
    index = built
  }

  var count: Int { list.count }

  subscript(position: Int) -> SourceNode.Entry { list[position] }

  subscript(key: String) -> SourceNode.Entry? {
    position(of: key).map { list[$0] }
  }

  /// Whether there is an entry for `key`.
  func contains(_ key: String) -> Bool {
    position(of: key) != nil
  }

  /// The first entry with the same key as the one at `position`, when that is an earlier one.
  func earlierEntry(sameKeyAs position: Int) -> SourceNode.Entry? {
    let key = list[position].key
    let first = index?[key] ?? list[..<position].firstIndex { $0.key.isSameKey(as: key) } ?? position
    return first < position ? list[first] : nil
  }

  private func position(of key: String) -> Int? {
    if let index { return index[key] }
    return list.firstIndex { $0.key.isSameKey(as: key) }
  }
}

extension String {
  /// `==` for mapping keys: comparing lengths first is cheap (keys are short) and settles most
  /// pairs of different keys.
  func isSameKey(as other: String) -> Bool {
    utf8.count == other.utf8.count && self == other
  }
}
