import Testing

@testable import ScreeningCore

/// `index(of:near:)` tries the questions next to the last one found before the table; it must
/// answer exactly as `index(of:)`, and the decoder's index by id must be the one the public
/// initializer makes.
@Suite struct QuestionLookupTests {
  static func questions(_ ids: [String]) -> Questionnaire {
    Questionnaire(
      id: "lookup", version: "1", language: "en", title: "Lookup", intro: "Intro.", disclaimer: "Not a diagnosis.",
      sections: [Section(id: "s", title: "S", questionIDs: ids)],
      questions: ids.map { Question(id: $0, text: "Question \($0)?", type: .text) })
  }

  @Test func everyStartingPointGivesTheTablesAnswer() {
    let questionnaire = Self.questions(["a", "b", "c", "d"])
    for id in ["a", "b", "c", "d", "e", ""] {
      for start in -3...6 {
        var last = start
        let found = questionnaire.index(of: id, near: &last)
        #expect(found == questionnaire.index(of: id), "id \(id) from \(start)")
        // The last one found is remembered; a miss leaves it as it was.
        #expect(last == (found ?? start), "id \(id) from \(start)")
      }
    }
  }

  @Test func idsInAskingOrderOrRepeatedAreFollowed() {
    let questionnaire = Self.questions(["q0", "q1", "q2", "q3"])
    var last = -1
    let positions = ["q0", "q1", "q1", "q2", "q0", "q3", "missing", "q3"].map {
      questionnaire.index(of: $0, near: &last)
    }
    #expect(positions == [0, 1, 1, 2, 0, 3, nil, 3])
    #expect(last == 3)
  }

  @Test func withARepeatedIdTheFirstIsFoundEvenNextToTheLast() {
    // Only code can make this (the loader refuses repeated ids); the table gives the first.
    let questionnaire = Self.questions(["a", "b", "a", "c"])
    #expect(questionnaire.index(of: "a") == 0)
    for start in -1...4 {
      var last = start
      #expect(questionnaire.index(of: "a", near: &last) == 0, "from \(start)")
      #expect(last == 0)
    }
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
