import Testing

@testable import ScreeningCore

/// The wording rules read texts byte by byte where that is exact, and with full Unicode otherwise:
/// both must find the same phrase.
@Suite struct WordingCheckTests {
  static let texts = [
    "", "   ", "You are addicted.", "YOU ARE ADDICTED", "you  are\naddicted", "You\u{2019}re addicted to it.",
    "You're addicted", "you’re not addicted", "Some people who use ketamine are dependent; you are dependent.",
    "This is not a diagnosis of anything.", "diagnosed\twith", "a use-disorder", "Substance use disorder",
    "addict", "addicts", "addict's", "'addict'", "‘addict’", "non-addict", "abuser abusers abuse", "junkie—junkies",
    "druggie…", "mild", "Moderate", "SEVERE", "severely", "mildly", "“You have a problem”",
    "you have ketamine", "You have an addiction", "you have addiction", "you have a substance",
    "you have a disorder", "You have a disorder\r\nof sorts", "Your answers show several signs.",
    "Caf\u{E9} addict", "na\u{EF}ve abuser", "e\u{301}addict", "addict\u{301}", "ADDİCT", "\u{212A}etamine abuser",
    "you are addicted\u{200D}", "emoji 👍 abuse", "Σ severe", "ǅ mild", "it’’s", "'", "’", "—", "don't",
    "He said \u{2018}you are addicted\u{2019}.", "DIAGNOSIS OF", "diagnosis\u{2014}of", "you are\u{2026}addicted",
  ]

  static let english = WordingCheck.RuleSet(rules: Wording.english.lint)

  @Test(arguments: texts)
  func theByteScanAgreesWithUnicode(text: String) {
    let rules = Self.english
    let expected = rules.unicodeProblem(in: text).map { rules.rules[$0].words.joined(separator: " ") }
    #expect(WordingCheck.problem(in: text, language: "en")?.phrase == expected)
  }

  @Test func theFirstRuleInTheListWins() {
    #expect(WordingCheck.problem(in: "mild, and then you are addicted", language: "en")?.phrase == "you are addicted")
    #expect(WordingCheck.problem(in: "an addict with a disorder", language: "en-GB")?.phrase == "disorder")
  }

  /// The word lists are the language's own: English phrases are looked for in English text only.
  @Test func eachLanguageHasItsOwnList() {
    #expect(WordingCheck.problem(in: "You are addicted.", language: "en-US")?.phrase == "you are addicted")
    #expect(WordingCheck.problem(in: "You are addicted.", language: "fr") == nil)
    // A language's list is checked with its own rules.
    let custom = WordingCheck.RuleSet(rules: [WordingCheck.Rule(words: ["süchtig"], advice: "a person-first word")])
    #expect(custom.problem(in: "Sie sind süchtig.")?.phrase == "süchtig")
    #expect(custom.problem(in: "You are addicted.") == nil)
  }
}
