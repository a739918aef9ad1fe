import Testing

@testable import ScreeningCore

/// A list of question ids (a score's, a domain's) names each question once; a repeat is reported
/// with the place where the list first gives it, however it was found.
@Suite struct QuestionListTests {
  @Test func aQuestionGivenAgainNamesTheFirstPlace() {
    // The score's list is line 47 of the fixture; the third and the fourth item repeat the first
    // (the fourth in quotes). The score is then not made, so the bands' reference fails too.
    let text = Fixtures.demo(
      ("questions: [sign_a, sign_b]\nbands", "questions: [sign_a, sign_b, sign_a, \"sign_a\"]\nbands"))
    #expect(
      Fixtures.diagnostics(text) == [
        "demo.yaml:47:33: scores[0].questions[2]: duplicate question in this list 'sign_a'; it is first given at 47:17",
        "demo.yaml:47:41: scores[0].questions[3]: duplicate question in this list 'sign_a'; it is first given at 47:17",
        "demo.yaml:49:10: bands.score: refers to score 'signs', which is not defined under 'scores'",
      ])
  }

  @Test func anUnknownQuestionGivenAgainIsReportedOnceAsUnknown() {
    let text = Fixtures.demo(
      ("questions: [sign_a, sign_b]}", "questions: [sign_b, nope, sign_a, nope, sign_b]}"))
    #expect(
      Fixtures.diagnostics(text) == [
        "demo.yaml:58:59: domains[0].questions[1]: refers to question 'nope', which is not in this questionnaire",
        "demo.yaml:58:73: domains[0].questions[3]: duplicate question in this list 'nope'; it is first given at 58:59",
        "demo.yaml:58:79: domains[0].questions[4]: duplicate question in this list 'sign_b'; it is first given at 58:51",
      ])
  }

  @Test func anItemThatIsNotAnIdIsNotTheFirstPlace() {
    // JSON's true is not an id; the text "true" that follows it is the first place of that id.
    let json = """
      {"format": 1, "id": "j", "version": "1", "language": "en", "title": "J", "intro": "Intro.",
       "disclaimer": "This is not a diagnosis.",
       "sections": [{"id": "s", "title": "S", "questions": [{"id": "true", "text": "How much?", "type": "number"}]}],
       "scores": [{"id": "total", "label": "Total", "kind": "sum",
        "questions": [true, "true", "true"]}]}
      """
    #expect(
      Fixtures.diagnostics(json, fileName: "j.json") == [
        "j.json:5:17: scores[0].questions[0]: expected question id, found true",
        "j.json:5:31: scores[0].questions[2]: duplicate question in this list 'true'; it is first given at 5:23",
      ])
  }

  @Test func listsInAskingOrderAndOutOfItAreRead() throws {
    let text = Fixtures.demo(
      ("questions: [sign_a, sign_b]\nbands", "questions: [urgent, sign_b, gate, sign_a]\nbands"))
    let questionnaire = try Fixtures.load(text)
    #expect(questionnaire.scores.first?.questionIDs == ["urgent", "sign_b", "gate", "sign_a"])
  }
}
