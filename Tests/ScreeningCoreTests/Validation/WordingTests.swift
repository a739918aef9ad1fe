import Testing

@testable import ScreeningCore

/// The program's words, per language.
@Suite struct WordingTests {
  /// Every language gives every phrase, with the placeholders English uses: a phrase it lacks
  /// would show in English, and a missing placeholder would drop a number or a name.
  @Test(arguments: Wording.all.map(\.language))
  func everyLanguageHasEveryPhrase(language: String) throws {
    let wording = Wording.forLanguage(language)
    for phrase in Phrase.allCases {
      let entry = try #require(wording.entries[phrase], "\(language) has no \(phrase)")
      let english = try #require(Wording.english.entries[phrase])
      #expect(Wording.placeholders(entry) == Wording.placeholders(english), "\(language): \(phrase)")
    }
    #expect(!wording.lint.isEmpty, "\(language) has no wording lint list")
  }

  @Test func placeholdersAreFilledAndPluralsFollowTheCount() {
    let w = Wording.english
    #expect(w(.welcomeMinutes, count: 1) == "About 1 minute.")
    #expect(w(.welcomeMinutes, count: 5) == "About 5 minutes.")
    #expect(w(.questionCount, ["number": "3", "total": "7"]) == "Question 3 of 7")
    #expect(
      w(.resultBand, ["band": "Some signs", "counted": "1 of 1", "total": "1"]) == "Result: Some signs (1 of 1 sign)")
    #expect(w(.lineStillNeed, count: 2) == "2 questions still need an answer.")
    // A value that is not given stays visible rather than vanishing.
    #expect(w(.questionCount, ["number": "3"]) == "Question 3 of {total}")
  }

  @Test func aQuestionnairesLanguagePicksItsWording() {
    #expect(Wording.forLanguage("en-GB").language == "en")
    #expect(Wording.forLanguage("EN").language == "en")
    // No wording for the language yet: English, rather than nothing.
    #expect(Wording.forLanguage("fr").language == "en")
  }
}
