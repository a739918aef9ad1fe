import Testing

@testable import ScreeningCore

/// Scores, weights, bounds and number answers stay within ±1,000,000,000, so no sum can trap.
@Suite struct NumberBoundsTests {
  static let largest = LoadLimits.largestNumber

  @Test(arguments: [Int.min, Int.max, -1_000_000_001, 1_000_000_001])
  func aNumberAnswerBeyondTheLimitIsRefusedEvenWithoutBounds(value: Int) throws {
    let question = Question(id: "n", text: "How many?", type: .number, sectionID: "s")
    #expect(throws: AnswerError.self) { try question.validate(.number(value)) }
    #expect(throws: AnswerError.self) { try question.validate(.decimal(Double(value))) }
    #expect(throws: Never.self) { try question.validate(.number(value > 0 ? Self.largest : -Self.largest)) }
  }

  /// A questionnaire of `count` questions at the limits: options scored ±1e9 (single and
  /// multiple choice) and number questions bounded at ±1e9.
  static func extremes(count: Int) throws -> Questionnaire {
    var questions = ""
    for index in 0..<count {
      switch index % 3 {
      case 0:
        questions += """
                - {id: q\(index), text: One?, type: single, options: [{code: a, label: A, score: \(largest)}, \
          {code: b, label: B, score: -\(largest)}]}

          """
      case 1:
        let options = (0..<100).map { "{code: o\($0), label: O\($0), score: \($0 % 2 == 0 ? "" : "-")\(largest)}" }
        questions += """
                - {id: q\(index), text: Many?, type: multiple, options: [\(options.joined(separator: ", "))]}

          """
      default:
        questions += """
                - {id: q\(index), text: How many?, type: number, min: -\(largest), max: \(largest)}

          """
      }
    }
    let ids = (0..<count).map { "q\($0)" }.joined(separator: ", ")
    let choiceIDs = (0..<count).filter { $0 % 3 != 2 }.map { "q\($0)" }.joined(separator: ", ")
    let text = """
      format: 1
      id: extremes
      version: "1"
      language: fr
      title: Extremes
      intro: Every number at its limit.
      disclaimer: Not a diagnosis.
      sections:
        - id: s
          title: S
          questions:
      \(questions)scores:
        - {id: total, label: Total, kind: sum, questions: [\(ids)]}
      domains:
        - {id: all, label: All, questions: [\(choiceIDs)]}
      """
    let result = QuestionnaireLoader.load(bytes: Array(text.utf8), fileName: "extremes.yaml")
    #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
    return try #require(result.value)
  }

  /// Random answers at and near the limits, summed with no trap and to the exact total (checked
  /// in a wider type).
  @Test func sumsAtTheLimitsNeverTrap() throws {
    let questionnaire = try Self.extremes(count: 300)
    var generator = SplitMix64(seed: 0x5e1f_5c4e)
    for _ in 0..<20 {
      var answers: [String: Answer] = [:]
      var expected: Int64 = 0
      var choices: Int64 = 0
      for question in questionnaire.questions {
        switch question.type {
        case .single:
          let option = question.options[Int(generator.next() % 2)]
          answers[question.id] = .choice(option.code)
          expected += Int64(option.score)
          choices += Int64(option.score)
        case .multiple:
          let chosen = question.options.filter { _ in generator.next() % 3 != 0 }
          guard !chosen.isEmpty else { continue }
          answers[question.id] = .choices(chosen.map(\.code))
          expected += chosen.reduce(0) { $0 + Int64($1.score) }
          choices += chosen.reduce(0) { $0 + Int64($1.score) }
        default:
          let value = [Self.largest, -Self.largest, 0, 7][Int(generator.next() % 4)]
          answers[question.id] = .number(value)
          expected += Int64(value)
        }
      }
      let result = Scorer.score(questionnaire, answers: answers)
      #expect(Int64(result.scores[0].value) == expected)
      #expect(Int64(result.domains[0].value) == choices)
    }
    #expect(questionnaire.maximum(of: questionnaire.scores[0]) != nil)
  }
}

/// A small, seeded random number generator, so a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
