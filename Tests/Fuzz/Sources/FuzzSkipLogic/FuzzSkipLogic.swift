import Foundation

@testable import ScreeningCore

/// The bundled questionnaire, read from `Questionnaires/` in this checkout.
nonisolated(unsafe) let ketamine = QuestionnaireLoader.load(
  bytes: Array(
    FileManager.default.contents(
      atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../../Questionnaires/ketamine.yaml").path)!),
  fileName: "Questionnaires/ketamine.yaml"
).value!

/// Bytes as a script of session steps (answer, next, back, edit, review, finish) and random
/// conditions: skip logic, progress and reachability never crash, and the session's invariants hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSkipLogic(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var bytes = Array(UnsafeBufferPointer(start: data, count: size))[...]
  func next() -> Int? { bytes.popFirst().map(Int.init) }
  var session = ScreeningSession(questionnaire: ketamine)
  let questions = ketamine.questions
  while let step = next() {
    switch step % 7 {
    case 0, 1:
      guard let question = session.currentQuestion, let pick = next() else { continue }
      let answer: Answer
      switch question.type {
      case .multiple:
        answer = .choices(
          question.options.enumerated().filter { pick & (1 << ($0.offset % 8)) != 0 }.map(\.element.code))
      case .number: answer = .number(pick - 128)
      case .text: answer = .text(String(repeating: "x", count: pick))
      default: answer = .choice(question.options[pick % max(1, question.options.count)].code)
      }
      _ = try? session.answer(answer)
    case 2: try? session.next()
    case 3: _ = session.back()
    case 4: if let pick = next() { try? session.edit(questions[pick % questions.count].id) }
    case 5: session.review()
    default: _ = try? session.finish()
    }
    let (number, total) = session.progress
    precondition(number <= total && total <= questions.count)
    let shown = Set(session.shownQuestions.map(\.id))
    precondition(Set(session.effectiveAnswers.keys).isSubset(of: shown))
    if case .question(let index) = session.position { precondition(shown.contains(questions[index].id)) }
  }
  // A random condition over the ketamine questions: reachability and evaluation agree.
  var condition: Condition = .test(question: questions[0].id, .answered(true))
  while let pick = next(), let other = next() {
    let question = questions[other % questions.count]
    let code = question.options.isEmpty ? "x" : question.options[pick % question.options.count].code
    let test: Condition = .test(question: question.id, pick % 3 == 0 ? .equals(code) : .answered(pick % 2 == 0))
    switch pick % 4 {
    case 0: condition = .all([condition, test])
    case 1: condition = .any([condition, test])
    case 2: condition = .not(condition)
    default: condition = test
    }
  }
  let reachable = [Bool](repeating: true, count: questions.count)
  if condition.isSatisfied(by: session.effectiveAnswers, in: ketamine) {
    precondition(Reachability(questionnaire: ketamine).canBeTrue(condition, reachable: reachable) != false)
  }
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable through `<Target>_main`: hand over to libFuzzer's driver.
@_cdecl("FuzzSkipLogic_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzSkipLogic)
}
