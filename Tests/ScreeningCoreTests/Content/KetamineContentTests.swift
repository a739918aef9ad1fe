import Foundation
import Testing

@testable import ScreeningCore

/// The bundled ketamine questionnaire is structured as DESIGN §4 and cites its sources.
@Suite struct KetamineContentTests {
  @Test func itValidatesCleanly() throws {
    let questionnaire = try Fixtures.ketamine()
    #expect(questionnaire.id == "ketamine")
    #expect(questionnaire.sections.map(\.id) == ["gate", "frequency", "signs", "withdrawal", "health", "safety"])
  }

  @Test func theGateHasThreeAnswersAndEverythingElseFollowsIt() throws {
    let questionnaire = try Fixtures.ketamine()
    let gate = try #require(questionnaire.questions.first)
    #expect(gate.id == "used_past_year")
    #expect(gate.options.map(\.code) == ["no", "supervised_only", "yes"])
    for question in questionnaire.questions.dropFirst() {
      #expect(question.showIf != nil, "\(question.id) is asked even after \"no\"")
    }
  }

  @Test func theSignsScoreCountsTenYesAnswersAndWithdrawalIsNotCounted() throws {
    let questionnaire = try Fixtures.ketamine()
    let signs = try #require(questionnaire.score("signs"))
    #expect(signs.kind == .count)
    #expect(signs.codes == ["yes"])
    #expect(signs.questionIDs == KetamineScoringTests.signIDs)
    #expect(questionnaire.bands?.scoreID == "signs")
    for id in signs.questionIDs {
      let question = try #require(questionnaire.question(id))
      #expect(question.options.map(\.code) == ["yes", "no", "prefer_not"])
      #expect(question.option("prefer_not")?.isMissing == true)
    }
  }

  @Test func theIntroSaysWhatThisIsAndIsNot() throws {
    let questionnaire = try Fixtures.ketamine()
    let intro = questionnaire.intro.lowercased()
    #expect(intro.contains("not a diagnosis"))
    #expect(intro.contains("export"))
    #expect(questionnaire.minutes != nil)
    #expect(questionnaire.disclaimer.lowercased().contains("not a validated"))
    #expect(questionnaire.disclaimer.lowercased().contains("adults"))
  }

  @Test func everyQuestionCitesASeedDocument() throws {
    let questionnaire = try Fixtures.ketamine()
    let files = Set(questionnaire.sources.map(\.file))
    for question in questionnaire.questions {
      let source = try #require(question.source, "\(question.id) has no source")
      #expect(files.contains(source.file))
      #expect(source.quote.count > 20)
      // Paraphrased, not copied: the question is not the quote.
      #expect(!source.quote.lowercased().contains(question.text.lowercased()))
    }
  }

  static let seeds = Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

  /// The seed documents live beside the repository (`../shared/seeds`), as on CI.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: seeds.path)))
  func everyQuoteIsVerbatimInItsSeedDocument() throws {
    func collapsed(_ text: String) -> String {
      text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    let questionnaire = try Fixtures.ketamine()
    for question in questionnaire.questions {
      let source = try #require(question.source)
      let document = try String(contentsOf: Self.seeds.appendingPathComponent(source.file), encoding: .utf8)
      #expect(
        collapsed(document).contains(collapsed(source.quote)), "\(question.id): quote not found in \(source.file)")
    }
  }
}
