/// "Did you mean ...?": the closest of a few known words to a mistyped one.
public enum Suggestion {
  /// The word in `known` nearest to `word` by edit distance, if it is near enough to be a typo
  /// (one edit for short words, two for longer ones).
  public static func closest(_ word: String, in known: [String]) -> String? {
    let scored = known.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
    guard let (best, distance) = scored, distance <= max(1, min(2, best.count / 2)) else { return nil }
    return best
  }

  /// Levenshtein distance over the first 64 scalars of `a` (so a huge word costs little).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars.prefix(64)), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
