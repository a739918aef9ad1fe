import Foundation
import Testing

@testable import ScreeningCore

/// Native answers files: shape, version, and each answer checked against its question.
@Suite struct AnswersLoaderTests {
  private func check(_ json: String) throws -> LoadResult<[String: Answer]> {
    let file = AnswersLoader.read(bytes: Array(json.utf8), fileName: "a.json")
    guard let value = file.value else { return LoadResult(value: nil, diagnostics: file.diagnostics) }
    return AnswersLoader.answers(of: value, for: try Fixtures.load(Fixtures.demo))
  }

  @Test func validAnswersLoad() throws {
    let result = try check(
      #"{"format": 1, "questionnaire": "demo", "version": "1", "answers": {"gate": "yes", "sign_a": "prefer_not"}}"#)
    #expect(result.diagnostics.isEmpty)
    #expect(result.value == ["gate": .choice("yes"), "sign_a": .choice("prefer_not")])
  }

  @Test func anotherVersionIsRefused() throws {
    let result = try check(#"{"format": 1, "questionnaire": "demo", "version": "2", "answers": {}}"#)
    #expect(
      result.diagnostics.map(\.description) == [
        "a.json:1:51: version: these answers are for version 2 of 'demo', but the questionnaire is version 1; answers "
          + "cannot be scored against a different version"
      ])
    #expect(result.value == nil)
  }

  @Test func eachBadAnswerIsLocated() throws {
    let json = """
      {"format": 1, "questionnaire": "demo", "version": "1",
       "answers": {"gate": "maybe", "sign_z": "yes", "sign_a": 1, "gate": "no"}}
      """
    #expect(
      try check(json).diagnostics.map(\.description) == [
        "a.json:2:22: answers.gate: 'maybe' is not one of its options (no, yes)",
        "a.json:2:31: answers.sign_z: 'sign_z' is not a question of 'demo' version 1",
        "a.json:2:58: answers.sign_a: expected an option code in quotes (one of: yes, no, prefer_not), found the "
          + "number 1",
        "a.json:2:61: answers.gate: duplicate answer to 'gate'; it is first given at 2:14",
      ])
  }

  @Test func answersToQuestionsNotAskedAreWarnedAboutAndNotScored() throws {
    let result = try check(
      #"{"format": 1, "questionnaire": "demo", "version": "1", "answers": {"gate": "no", "sign_a": "yes"}}"#)
    #expect(
      result.diagnostics.map(\.description) == [
        "a.json:1:82: warning: answers.sign_a: not scored: this question is not asked given the other answers"
      ])
    let answers = try #require(result.value)
    #expect(Scorer.score(try Fixtures.load(Fixtures.demo), answers: answers).bandScore?.value == 0)
  }

  @Test func theShapeIsCheckedStrictly() {
    let result = AnswersLoader.read(
      bytes: Array(#"{"format": 2, "questionnaire": "Demo", "answers": [], "extra": 1}"#.utf8), fileName: "a.json")
    #expect(
      result.diagnostics.map(\.description) == [
        "a.json:1:1: (top level): missing required key 'version'",
        "a.json:1:12: format: answers format 2 is not supported; this version of selfscreen reads format 1",
        "a.json:1:32: questionnaire: 'Demo' is not a valid questionnaire id: use a lowercase letter, then lowercase "
          + "letters, digits or '_'",
        "a.json:1:51: answers: expected the answers as a mapping from question id to answer, found a list",
        "a.json:1:55: extra: unknown key 'extra'; an answers file can have: format, disclaimer, red_flags, "
          + "questionnaire, version, language, content_hash, created, answers",
      ])
  }
}
