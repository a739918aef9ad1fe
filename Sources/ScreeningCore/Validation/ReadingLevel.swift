/// The Flesch-Kincaid grade of English text: about the school grade (US) a reader needs.
///
/// Grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59. Syllables are counted by
/// the usual rule of thumb (groups of vowels, less a silent final "e" and most "-es" and "-ed"
/// endings), which is close enough to tell plain questions from hard ones.
public enum ReadingLevel {
  /// The highest grade a question or guidance text may read at before `validate` warns.
  public static let highestGrade = 10.0
  /// Texts shorter than this are not graded: a short label's grade says nothing.
  static let fewestWords = 6

  /// The grade of `text`, or nil when it has fewer than `fewestWords` words.
  public static func grade(of text: String) -> Double? {
    var words = 0
    var sentences = 0
    var syllables = 0
    var word: [UInt8] = []
    var sentenceHasWords = false
    func endWord() {
      guard !word.isEmpty else { return }
      words += 1
      syllables += syllableCount(word)
      sentenceHasWords = true
      word.removeAll(keepingCapacity: true)
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"): word.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 0x20)
      case UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(UInt8(ascii: "x"))  // a number reads as one syllable
      case UInt8(ascii: "'"): continue  // "don't" is one word
      case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
        endWord()
        if sentenceHasWords { sentences += 1 }
        sentenceHasWords = false
      case 0x80...: continue  // the bytes of a curly apostrophe or dash: not letters of a word
      default: endWord()
      }
    }
    endWord()
    if sentenceHasWords { sentences += 1 }
    guard words >= fewestWords, sentences > 0 else { return nil }
    return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
  }

  /// Syllables in a lower-case ASCII word.
  static func syllableCount(_ word: [UInt8]) -> Int {
    if word.count <= 3 { return 1 }
    let vowels: Set<UInt8> = Set("aeiouy".utf8)
    var letters = word[...]
    // A silent ending: "-es" and "-e" after a consonant other than "l", and "-ed".
    func ends(_ suffix: String) -> Bool { letters.reversed().starts(with: suffix.utf8.reversed()) }
    if ends("ed") {
      letters = letters.dropLast(2)
    } else if ends("es"), letters.count > 2, !vowels.contains(letters[letters.endIndex - 3]),
      letters[letters.endIndex - 3] != UInt8(ascii: "l")
    {
      letters = letters.dropLast(2)
    } else if ends("e"), letters.count > 1, !vowels.contains(letters[letters.endIndex - 2]),
      letters[letters.endIndex - 2] != UInt8(ascii: "l")
    {
      letters = letters.dropLast(1)
    }
    if letters.first == UInt8(ascii: "y") { letters = letters.dropFirst() }
    var count = 0
    var run = 0
    for letter in letters {
      if vowels.contains(letter) {
        // Two vowels together are one syllable ("ea"); a third starts another ("-ious" is two).
        if run % 2 == 0 { count += 1 }
        run += 1
      } else {
        run = 0
      }
    }
    return max(1, count)
  }
}
