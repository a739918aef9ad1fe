/// The entries of one mapping by key, keeping the first of duplicate keys.
///
/// Mappings in questionnaires have a handful of keys, for which a list searched in order is
/// cheaper than hashing every key; a large mapping gets a hash index, so that reading one stays
/// linear in its size.
struct KeyedEntries {
  private var list: [SourceNode.Entry] = []
  private var index: [String: Int]? = nil
  private static let indexedFrom = 16

  init(capacity: Int) {
    list.reserveCapacity(capacity)
  }

  /// Adds `entry` unless its key is already there; then returns the entry that has it.
  mutating func insert(_ entry: SourceNode.Entry) -> SourceNode.Entry? {
    if let earlier = self[entry.key] { return earlier }
    list.append(entry)
    if index != nil {
      index?[entry.key] = list.count - 1
    } else if list.count >= Self.indexedFrom {
      var built: [String: Int] = [:]
      built.reserveCapacity(list.count * 2)
      for (position, item) in list.enumerated() { built[item.key] = position }
      index = built
    }
    return nil
  }

  subscript(key: String) -> SourceNode.Entry? {
    if let index { return index[key].map { list[$0] } }
    return list.first { $0.key == key }
  }
}
