/// Finds diagnostic or stigmatising wording in guidance text: the tool never diagnoses and uses
/// person-first language.
public enum WordingCheck {
  /// A phrase that is not allowed, and what to write instead.
  struct Rule {
    var words: [String]
    var advice: String
  }

  private static let diagnose =
    "the tool never diagnoses; describe the signs instead (\"your answers show several signs\")"
  private static let personFirst = "use person-first language (\"a person who uses ketamine\")"
  private static let severity =
    "bands describe how many signs there are (\"some signs\", \"many signs\"), not a severity"

  static let rules: [Rule] = [
    Rule(words: ["you", "have", "a", "disorder"], advice: diagnose),
    Rule(words: ["you", "have", "an", "addiction"], advice: diagnose),
    Rule(words: ["you", "have", "a", "problem"], advice: diagnose),
    Rule(words: ["you", "have", "a", "substance"], advice: diagnose),
    Rule(words: ["you", "have", "ketamine"], advice: diagnose),
    Rule(words: ["you", "have", "addiction"], advice: diagnose),
    Rule(words: ["you", "are", "addicted"], advice: diagnose),
    Rule(words: ["you're", "addicted"], advice: diagnose),
    Rule(words: ["you", "are", "dependent"], advice: diagnose),
    Rule(words: ["diagnosis", "of"], advice: diagnose),
    Rule(words: ["diagnosed", "with"], advice: diagnose),
    Rule(words: ["use", "disorder"], advice: diagnose),
    Rule(words: ["disorder"], advice: diagnose),
    Rule(words: ["addict"], advice: personFirst),
    Rule(words: ["addicts"], advice: personFirst),
    Rule(words: ["abuser"], advice: personFirst),
    Rule(words: ["abusers"], advice: personFirst),
    Rule(words: ["abuse"], advice: personFirst),
    Rule(words: ["junkie"], advice: personFirst),
    Rule(words: ["junkies"], advice: personFirst),
    Rule(words: ["druggie"], advice: personFirst),
    Rule(words: ["mild"], advice: severity),
    Rule(words: ["moderate"], advice: severity),
    Rule(words: ["severe"], advice: severity),
  ]

  /// A word of up to 16 bytes packed into two integers, so that words compare as numbers.
  private struct PackedWord: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var length = 0

    static let capacity = 16

    /// Adds a byte; past the capacity only the length grows (such a word matches no rule).
    mutating func append(_ byte: UInt8) {
      if length < 8 {
        low |= UInt64(byte) << (8 * UInt64(length))
      } else if length < Self.capacity {
        high |= UInt64(byte) << (8 * UInt64(length - 8))
      }
      length += 1
    }
  }

  /// Every word the rules use, once; `ruleWords` spells each rule with their indices.
  private static let vocabulary: [PackedWord] = {
    var words: [PackedWord] = []
    for word in rules.flatMap(\.words) {
      var packed = PackedWord()
      for byte in word.utf8 { packed.append(byte) }
      precondition(packed.length <= PackedWord.capacity, "a rule's word is too long to pack")
      if !words.contains(packed) { words.append(packed) }
    }
    return words
  }()
  private static let ruleWords: [[Int]] = rules.map { rule in
    rule.words.map { word in
      var packed = PackedWord()
      for byte in word.utf8 { packed.append(byte) }
      return vocabulary.firstIndex(of: packed)!
    }
  }

  /// For each length (up to the packing capacity), the vocabulary words of that length.
  private static let vocabularyByLength: [[Int]] = (0...PackedWord.capacity).map { length in
    vocabulary.indices.filter { vocabulary[$0].length == length }
  }

  /// For each word of the vocabulary, the rules that start with it, in the list's order.
  private static let rulesByFirstWord: [[Int]] = vocabulary.indices.map { word in
    ruleWords.indices.filter { ruleWords[$0][0] == word }
  }

  /// The first disallowed phrase in `text` and advice on what to write instead.
  ///
  /// Words are runs of letters and apostrophes (’ counts as '), compared in lower case; the first
  /// rule (in the list's order) found anywhere in the text wins.
  public static func problem(in text: String) -> (phrase: String, advice: String)? {
    var text = text
    let found: Int?
    switch text.withUTF8(scan) {
    case .decided(let index): found = index
    case .needsUnicode: found = unicodeProblem(in: text)
    }
    return found.map { (rules[$0].words.joined(separator: " "), rules[$0].advice) }
  }

  private enum ScanResult {
    case decided(Int?)
    case needsUnicode
  }

  /// The rule found by one pass over the UTF-8 bytes, with each word looked up among the rules'
  /// words instead of made into a string. It handles ASCII and a few punctuation marks, whose
  /// case, letter-ness and character boundaries are known; any other character leaves the text to
  /// `unicodeProblem`.
  private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ScanResult {
    let vocabulary = Self.vocabulary
    let byLength = Self.vocabularyByLength
    var words: [Int] = []  // per word: its index in the vocabulary, or -1
    var anyKnown = false
    var word = PackedWord()
    var index = 0
    let count = bytes.count
    while true {
      var letter: UInt8 = 0  // 0: the byte ends a word
      let atEnd = index == count
      if !atEnd {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "'"): letter = byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): letter = byte + 0x20
        case 0xE2:
          // General Punctuation: ’ (E2 80 99) is an apostrophe; ‘ “ ” – — … are separators.
          guard index + 1 < count, bytes[index] == 0x80 else { return .needsUnicode }
          switch bytes[index + 1] {
          case 0x99: letter = UInt8(ascii: "'")
          case 0x93, 0x94, 0x98, 0x9C, 0x9D, 0xA6: break
          default: return .needsUnicode
          }
          index += 2
        case 0x80...: return .needsUnicode
        default: break
        }
      }
      if letter != 0 {
        word.append(letter)
        continue
      }
      if word.length > 0 {
        var known = -1
        if word.length <= PackedWord.capacity {
          for position in byLength[word.length]
          where vocabulary[position].low == word.low && vocabulary[position].high == word.high {
            known = position
            break
          }
        }
        anyKnown = anyKnown || known >= 0
        words.append(known)
        word = PackedWord()
      }
      if atEnd { break }
    }
    guard anyKnown else { return .decided(nil) }
    // The earliest rule in the list that matches at any word.
    var best: Int? = nil
    for start in words.indices where words[start] >= 0 {
      for rule in rulesByFirstWord[words[start]] {
        if let best, rule >= best { break }
        let sequence = ruleWords[rule]
        guard start + sequence.count <= words.count else { continue }
        if (1..<sequence.count).allSatisfy({ words[start + $0] == sequence[$0] }) {
          best = rule
          break
        }
      }
    }
    return .decided(best)
  }

  /// The rule found with full Unicode case mapping and character properties.
  static func unicodeProblem(in text: String) -> Int? {
    let words = String(text.lowercased().map { $0 == "\u{2019}" ? "'" : $0 })
      .split { !($0.isLetter || $0 == "'") }
      .map(String.init)
    guard !words.isEmpty else { return nil }
    for (index, rule) in rules.enumerated() {
      let count = rule.words.count
      guard words.count >= count else { continue }
      for start in 0...(words.count - count) where words[start..<(start + count)].elementsEqual(rule.words) {
        return index
      }
    }
    return nil
  }
}
