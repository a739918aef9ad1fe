/// The entries of one mapping by key, keeping the first of duplicate keys.
///
/// Mappings in questionnaires have a handful of keys, for which a list searched in order is
/// cheaper than hashing every key; a large mapping gets a hash index, so that reading one stays
/// linear in its size. The keys are kept apart from the entries so that a search compares strings
/// without copying entries.
struct KeyedEntries {
  private var keys: [String] = []
  private var list: [SourceNode.Entry] = []
  private var index: [String: Int]? = nil
  private static let indexedFrom = 16

  init(capacity: Int) {
    keys.reserveCapacity(capacity)
    list.reserveCapacity(capacity)
  }

  /// Adds `entry` unless its key is already there; then returns the entry that has it.
  mutating func insert(_ entry: SourceNode.Entry) -> SourceNode.Entry? {
    if let earlier = position(of: entry.key) { return list[earlier] }
    keys.append(entry.key)
    list.append(entry)
    if index != nil {
      index?[entry.key] = list.count - 1
    } else if list.count >= Self.indexedFrom {
      var built: [String: Int] = [:]
      built.reserveCapacity(list.count * 2)
      for (position, key) in keys.enumerated() { built[key] = position }
      index = built
    }
    return nil
  }

  subscript(key: String) -> SourceNode.Entry? {
    position(of: key).map { list[$0] }
  }

  /// Whether there is an entry for `key`.
  func contains(_ key: String) -> Bool {
    position(of: key) != nil
  }

  private func position(of key: String) -> Int? {
    if let index { return index[key] }
    return keys.firstIndex { $0.isSameKey(as: key) }
  }
}

extension String {
  /// `==` for mapping keys: comparing lengths first is cheap (keys are short) and settles most
  /// pairs of different keys.
  func isSameKey(as other: String) -> Bool {
    utf8.count == other.utf8.count && self == other
  }
}
