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

  @Test(arguments: texts)
  func theByteScanAgreesWithUnicode(text: String) {
    let expected = WordingCheck.unicodeProblem(in: text).map { WordingCheck.rules[$0].words.joined(separator: " ") }
    #expect(WordingCheck.problem(in: text)?.phrase == expected)
  }

  @Test func theFirstRuleInTheListWins() {
    #expect(WordingCheck.problem(in: "mild, and then you are addicted")?.phrase == "you are addicted")
    #expect(WordingCheck.problem(in: "an addict with a disorder")?.phrase == "disorder")
  }
}
