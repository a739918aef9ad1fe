import Testing

@testable import ScreeningCore

/// The Flesch-Kincaid grade `validate` warns on, and its syllable rule of thumb.
@Suite struct ReadingLevelTests {
  @Test(arguments: [
    ("cat", 1), ("have", 1), ("used", 1), ("ketamine", 3), ("bladder", 2), ("anxiety", 3), ("trouble", 2),
    ("questions", 2), ("concentration", 4), ("you", 1), ("yesterday", 3), ("serious", 3), ("really", 2),
  ])
  func syllablesAreCountedByTheRuleOfThumb(word: String, count: Int) {
    #expect(ReadingLevel.syllableCount(Array(word.utf8)) == count)
  }

  @Test func gradesFollowTheFleschKincaidFormula() throws {
    // 8 words, 1 sentence, 8 syllables: 0.39 × 8 + 11.8 × 1 − 15.59 = −0.67.
    let plain = try #require(ReadingLevel.grade(of: "Have you had a bad day at work?"))
    #expect(abs(plain - (0.39 * 8 + 11.8 - 15.59)) < 0.001)
    let hard = try #require(
      ReadingLevel.grade(
        of: "Have you continued utilising ketamine notwithstanding its deleterious physiological consequences?"))
    #expect(hard > 14)
    #expect(ReadingLevel.grade(of: "Prefer not to say") == nil)
  }

  @Test func validateWarnsWhereEnglishTextReadsAboveGradeTen() {
    let hard = "Have you continued utilising ketamine notwithstanding its deleterious physiological consequences?"
    let text = Fixtures.demo(("text: Sign B?", "text: \(hard)"))
    let result = QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: "demo.yaml")
    #expect(result.value != nil)
    #expect(
      result.diagnostics.map(\.description) == [
        "demo.yaml:34:15: warning: sections[0].questions[2].text: reads at about grade 23.7 (Flesch-Kincaid); "
          + "aim for about grade 8 and no higher than 10: shorter sentences and shorter words help"
      ])
    let french = Fixtures.demo(("language: en", "language: fr"), ("text: Sign B?", "text: \(hard)"))
    #expect(QuestionnaireLoader.load(bytes: Array(french.utf8), fileName: "demo.yaml").diagnostics.isEmpty)
  }
}
