import Foundation
import Testing

@testable import ScreeningCore

/// The session state machine over the demo questionnaire (gate -> sign_a, sign_b -> urgent).
@Suite struct ScreeningSessionTests {
  private func session() throws -> ScreeningSession {
    ScreeningSession(questionnaire: try Fixtures.load(Fixtures.demo))
  }

  @Test func startsAtTheFirstQuestionAndCountsQuestionsThatMayStillBeShown() throws {
    let session = try session()
    #expect(session.currentQuestion?.id == "gate")
    #expect(session.progress == (1, 4))
  }

  /// Optional questions are asked too: a session starts at the first shown question without an
  /// answer, required or not (FHIR questions are optional unless marked required).
  @Test func startsAtTheFirstUnansweredQuestionEvenWhenItIsOptional() throws {
    let allOptional = Fixtures.demo.replacingOccurrences(
      of: "        text:", with: "        required: false\n        text:")
    let questionnaire = try Fixtures.load(allOptional)
    #expect(questionnaire.questions.allSatisfy { !$0.isRequired })
    #expect(ScreeningSession(questionnaire: questionnaire).currentQuestion?.id == "gate")
    let resumed = ScreeningSession(
      questionnaire: questionnaire, answers: ["gate": .choice("yes"), "sign_a": .choice("no")])
    #expect(resumed.currentQuestion?.id == "sign_b")
    let complete = ScreeningSession(
      questionnaire: questionnaire,
      answers: ["gate": .choice("no"), "urgent": .choice("no")])
    #expect(complete.position == .review)
  }

  @Test func aRequiredQuestionNeedsAnAnswerToGoOn() throws {
    var session = try session()
    #expect(throws: ScreeningSession.StepError.answerRequired(questionID: "gate")) { try session.next() }
    #expect(session.currentQuestion?.id == "gate")
  }

  @Test func answersOutsideTheOptionsAreRefused() throws {
    var session = try session()
    #expect(
      throws: ScreeningSession.StepError.invalid(
        AnswerError(questionID: "gate", reason: "'maybe' is not one of its options (no, yes)"))
    ) {
      try session.answer(.choice("maybe"))
    }
    #expect(session.answers.isEmpty)
  }

  @Test func nextAndBackKeepAnswers() throws {
    var session = try session()
    try session.answer(.choice("yes"))
    try session.next()
    #expect(session.currentQuestion?.id == "sign_a")
    #expect(session.progress == (2, 4))
    try session.answer(.choice("no"))
    let moved1 = session.back()
    #expect(moved1)
    #expect(session.currentQuestion?.id == "gate")
    #expect(session.answer(for: "gate") == .choice("yes"))
    try session.next()
    #expect(session.answer(for: "sign_a") == .choice("no"))
    var fresh = try self.session()
    let movedBeforeFirst = fresh.back()
    #expect(!movedBeforeFirst)
  }

  @Test func clearingAnAnswerHidesTheQuestionsItShowed() throws {
    var session = try session()
    try session.answer(.choice("yes"))  // gate: shows sign_a and sign_b
    #expect(session.shownQuestions.map(\.id) == ["gate", "sign_a", "sign_b", "urgent"])
    #expect(session.answer(for: "gate") == .choice("yes"))
    session.clearAnswer()
    #expect(session.answers.isEmpty)
    #expect(session.answer(for: "gate") == nil)
    #expect(session.effectiveAnswers.isEmpty)
    #expect(session.shownQuestions.map(\.id) == ["gate", "urgent"])
    #expect(throws: ScreeningSession.StepError.answerRequired(questionID: "gate")) { try session.next() }
    try session.answer(.choice("no"))
    try session.next()
    #expect(session.currentQuestion?.id == "urgent")
  }

  @Test func sessionsWithTheSameAnswersAndPlaceAreEqualHoweverTheyGotThere() throws {
    let fresh = try session()
    var roundTrip = try session()
    try roundTrip.answer(.choice("yes"))
    roundTrip.clearAnswer()
    #expect(roundTrip == fresh)
    #expect(roundTrip.hashValue == fresh.hashValue)
    #expect(roundTrip.progress == fresh.progress)
    try roundTrip.answer(.choice("no"))
    #expect(roundTrip != fresh)
  }

  @Test func changingAnEarlierAnswerChangesTheSkipPath() throws {
    var session = try session()
    try session.answer(.choice("yes"))
    try session.next()
    try session.answer(.choice("yes"))  // sign_a
    try session.next()
    try session.answer(.choice("yes"))  // sign_b
    let moved2 = session.back()
    #expect(moved2)
    let moved3 = session.back()
    #expect(moved3)
    try session.answer(.choice("no"))  // gate: now sign_a and sign_b are skipped
    try session.next()
    #expect(session.currentQuestion?.id == "urgent")
    #expect(session.progress == (2, 2))
    #expect(session.shownQuestions.map(\.id) == ["gate", "urgent"])
    // The hidden answers are kept but never count.
    #expect(session.answers["sign_a"] == .choice("yes"))
    #expect(session.effectiveAnswers["sign_a"] == nil)
    try session.answer(.choice("no"))
    let result = try session.finish()
    #expect(result.bandScore?.value == 0)
    #expect(result.band == nil)
    #expect(result.messages.map(\.id) == ["no_use"])
    // Back from the end, then "yes" again: the kept answers count again.
    let moved4 = session.back()
    #expect(moved4)
    let moved5 = session.back()
    #expect(moved5)
    try session.answer(.choice("yes"))
    #expect(session.result.bandScore?.value == 2)
  }

  @Test func theReviewComesAfterTheLastQuestionAndBackReturnsToIt() throws {
    var session = try session()
    for answer in ["no", "no"] {
      try session.answer(.choice(answer))
      try session.next()
    }
    #expect(session.position == .review)
    let moved6 = session.back()
    #expect(moved6)
    #expect(session.currentQuestion?.id == "urgent")
  }

  @Test func editingFromTheReviewVisitsNewlyShownQuestionsThenReturns() throws {
    var session = try session()
    try session.answer(.choice("no"))
    try session.next()
    try session.answer(.choice("no"))
    try session.next()
    #expect(session.position == .review)
    try session.edit("gate")
    try session.answer(.choice("yes"))
    try session.next()
    #expect(session.currentQuestion?.id == "sign_a")
    try session.answer(.choice("yes"))
    try session.next()
    #expect(session.currentQuestion?.id == "sign_b")
    try session.answer(.choice("no"))
    try session.next()
    #expect(session.position == .review)  // urgent was answered already
    #expect(throws: ScreeningSession.StepError.notShown(questionID: "nope")) { try session.edit("nope") }
  }

  @Test func finishNeedsEveryShownRequiredAnswer() throws {
    var session = try session()
    try session.answer(.choice("yes"))
    session.review()
    #expect(throws: ScreeningSession.StepError.unanswered(["sign_a", "sign_b", "urgent"])) { try session.finish() }
  }

  @Test func aRedFlagIsReportedTheMomentItIsAnswered() throws {
    var session = try session()
    try session.answer(.choice("no"))
    try session.next()
    #expect(try session.answer(.choice("yes")).map(\.id) == ["rf_urgent"])
    // Answering it again raises nothing new; changing it clears the flag.
    #expect(try session.answer(.choice("yes")).isEmpty)
    try session.answer(.choice("no"))
    #expect(session.activeRedFlags.isEmpty)
  }

  @Test func preferNotToSayIsMissingNotNo() throws {
    var session = try session()
    try session.answer(.choice("yes"))
    try session.next()
    try session.answer(.choice("prefer_not"))
    try session.next()
    try session.answer(.choice("yes"))
    try session.next()
    try session.answer(.choice("no"))
    let result = try session.finish()
    #expect(result.bandScore?.value == 1)
    #expect(result.bandScore?.skippedIDs == ["sign_a"])
    #expect(result.skippedIDs == ["sign_a"])
    #expect(result.mayUnderstate)
    #expect(result.band?.id == "some")
  }

  @Test func multipleChoiceExclusiveOptionsAndOrder() throws {
    let question = Question(
      id: "m", text: "Which?", type: .multiple,
      options: [
        AnswerOption(code: "a", label: "A", score: 1), AnswerOption(code: "b", label: "B", score: 1),
        AnswerOption(code: "none", label: "None", isExclusive: true),
      ])
    #expect(try question.validate(.choices(["b", "a"])) == .choices(["a", "b"]))
    #expect(throws: AnswerError(questionID: "m", reason: "'None' cannot be chosen together with other options")) {
      try question.validate(.choices(["a", "none"]))
    }
    #expect(throws: AnswerError(questionID: "m", reason: "a multiple question cannot take a number")) {
      try question.validate(.number(1))
    }
  }

  @Test func numberAnswersKeepToTheirRange() {
    let question = Question(id: "n", text: "How many?", type: .number, minimum: 0, maximum: 7)
    #expect(throws: AnswerError(questionID: "n", reason: "8 is above the highest accepted value, 7")) {
      try question.validate(.number(8))
    }
  }
}
