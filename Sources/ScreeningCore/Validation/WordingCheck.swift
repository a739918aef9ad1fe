/// Finds diagnostic or stigmatising wording in guidance text: the tool never diagnoses and uses
/// person-first language. The phrases come per language, from the language's `Wording` (its
/// `lint`); text in a language without a list is not checked.
public enum WordingCheck {
  /// A phrase that is not allowed, and what to write instead.
  public struct Rule: Sendable, Hashable {
    public var words: [String]
    public var advice: String

    public init(words: [String], advice: String) {
      self.words = words
      self.advice = advice
    }
  }

  /// The first disallowed phrase in `text`, written in `language`, and advice on what to write
  /// instead.
  public static func problem(in text: String, language: String) -> (phrase: String, advice: String)? {
    let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
    return sets[primary]?.problem(in: text)
  }

  /// Each language's rules, with their lookup tables made once.
  private static let sets: [String: RuleSet] = Dictionary(
    Wording.all.map { ($0.language, RuleSet(rules: $0.lint)) }, uniquingKeysWith: { first, _ in first })

  /// One language's rules and the tables that find them in one pass over a text's bytes.
  struct RuleSet: Sendable {
    let rules: [Rule]
    private let vocabulary: [PackedWord]
    private let ruleWords: [[Int]]
    private let vocabularyByLength: [[Int]]
    private let rulesByFirstWord: [[Int]]

    init(rules: [Rule]) {
      self.rules = rules
      var words: [PackedWord] = []
      for word in rules.flatMap(\.words) {
        let packed = PackedWord(word)
        precondition(packed.length <= PackedWord.capacity, "a rule's word is too long to pack")
        if !words.contains(packed) { words.append(packed) }
      }
      vocabulary = words
      ruleWords = rules.map { rule in rule.words.map { words.firstIndex(of: PackedWord($0))! } }
      // For each length (up to the packing capacity), the vocabulary words of that length.
      vocabularyByLength = (0...PackedWord.capacity).map { length in
        words.indices.filter { words[$0].length == length }
      }
      // For each word of the vocabulary, the rules that start with it, in the list's order.
      let spelled = ruleWords
      rulesByFirstWord = words.indices.map { word in spelled.indices.filter { spelled[$0][0] == word } }
    }

    /// The first disallowed phrase in `text` and advice on what to write instead.
    ///
    /// Words are runs of letters and apostrophes (’ counts as '), compared in lower case; the
    /// first rule (in the list's order) found anywhere in the text wins.
    func problem(in text: String) -> (phrase: String, advice: String)? {
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
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ScanResult {
      let byLength = vocabularyByLength
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
    func unicodeProblem(in text: String) -> Int? {
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

  /// A word of up to 16 bytes packed into two integers, so that words compare as numbers.
  struct PackedWord: Equatable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var length = 0

    static let capacity = 16

    init() {}

    init(_ word: String) {
      for byte in word.utf8 { append(byte) }
    }

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
}
