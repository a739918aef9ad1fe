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

  private static let rules: [Rule] = [
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

  /// The first disallowed phrase in `text` and advice on what to write instead.
  public static func problem(in text: String) -> (phrase: String, advice: String)? {
    let words = String(text.lowercased().map { $0 == "\u{2019}" ? "'" : $0 })
      .split { !($0.isLetter || $0 == "'") }
      .map(String.init)
    guard !words.isEmpty else { return nil }
    for rule in rules {
      let count = rule.words.count
      guard words.count >= count else { continue }
      for start in 0...(words.count - count) where words[start..<(start + count)].elementsEqual(rule.words) {
        return (rule.words.joined(separator: " "), rule.advice)
      }
    }
    return nil
  }
}
