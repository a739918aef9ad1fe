import Testing

@testable import ScreeningCore

/// Questions are found by id; the decoder's index by id must be the one the public initializer
/// makes.
@Suite struct QuestionLookupTests {
  static func questions(_ ids: [String]) -> Questionnaire {
    Questionnaire(
      id: "lookup", version: "1", language: "en", title: "Lookup", intro: "Intro.", disclaimer: "Not a diagnosis.",
      sections: [Section(id: "s", title: "S", questionIDs: ids)],
      questions: ids.map { Question(id: $0, text: "Question \($0)?", type: .text) })
  }

  @Test func withARepeatedIdTheFirstIsFound() {
    // Only code can make this (the loader refuses repeated ids); the table gives the first.
    let questionnaire = Self.questions(["a", "b", "a", "c"])
    #expect(questionnaire.index(of: "a") == 0)
    #expect(questionnaire.index(of: "c") == 3)
    #expect(questionnaire.index(of: "e") == nil)
  }

  @Test func theDecodersIndexIsTheOneThePublicInitializerMakes() throws {
    let loaded = try #require(QuestionnaireLoader.load(bytes: Array(Fixtures.demo.utf8), fileName: "demo.yaml").value)
    var rebuilt = Questionnaire(
      format: loaded.format, id: loaded.id, version: loaded.version, language: loaded.language, title: loaded.title,
      intro: loaded.intro, disclaimer: loaded.disclaimer, audience: loaded.audience, minutes: loaded.minutes,
      sources: loaded.sources, sections: loaded.sections, questions: loaded.questions, scores: loaded.scores,
      bands: loaded.bands, redFlags: loaded.redFlags, messages: loaded.messages, domains: loaded.domains)
    rebuilt.contentHash = loaded.contentHash
    #expect(rebuilt == loaded)
    for (position, question) in loaded.questions.enumerated() {
      #expect(loaded.index(of: question.id) == position)
    }
  }
}
