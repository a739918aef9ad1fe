/// The checks that need the whole questionnaire: references, skip logic, scores, bands, wording.
struct QuestionnaireValidator {
  let questionnaire: Questionnaire
  let map: SourceMap
  let sink: DiagnosticSink
  /// Whether English text above `ReadingLevel.highestGrade` is warned about.
  var gradesReading = true
  /// Whether a question that can never be shown is an error (a warning for an imported form).
  var neverShownIsError = true

  private func error(_ message: String, _ place: Place) {
    sink.error(message, at: place.location, path: place.path)
  }

  /// Questions whose show_if has a reference problem: their reachability is not judged again.
  private final class Broken { var owners = Set<Int>() }
  private let broken = Broken()

  private func referenceError(_ message: String, _ reference: SourceMap.Reference) {
    referenceError(message, reference, at: reference.place)
  }

  private func referenceError(_ message: String, _ reference: SourceMap.Reference, at place: Place) {
    if case .showIf(let owner) = reference.owner { broken.owners.insert(owner) }
    error(message, place)
  }

  func run() {
    // Each reference's question, looked up once for all the checks.
    let targets = map.references.map { questionnaire.index(of: $0.questionID) }
    checkReferences(targets)
    checkSkipLogic(targets)
    checkCitations()
    checkBands()
    checkWording()
  }

  // MARK: References

  /// Questions are read in place by index here: `question(_:)` would copy a whole Question.
  private func checkReferences(_ targets: [Int?]) {
    for (reference, targetIndex) in zip(map.references, targets) {
      guard let targetIndex else {
        var message = "refers to question '\(reference.questionID)', which is not in this questionnaire"
        if let guess = closestQuestion(to: reference.questionID) { message += "; did you mean '\(guess)'?" }
        referenceError(message, reference)
        continue
      }
      let targetID = reference.questionID
      let type = questionnaire.questions[targetIndex].type
      if !map.partialQuestionIDs.isEmpty, map.partialQuestionIDs.contains(targetID) {
        if case .showIf(let owner) = reference.owner { broken.owners.insert(owner) }
        continue
      }
      switch reference.test {
      case .equals, .oneOf:
        guard type.hasOptions else {
          referenceError(
            "'\(targetID)' is a \(type.rawValue) question; 'equals' and 'in' need a question with options",
            reference, at: reference.testPlace ?? reference.place)
          continue
        }
      case .atLeast, .atMost, .moreThan, .lessThan:
        if !type.isNumeric {
          referenceError(
            "'\(targetID)' is a \(type.rawValue) question; 'at_least', 'at_most', 'more_than' and "
              + "'less_than' need a number or decimal question",
            reference, at: reference.testPlace ?? reference.place)
        }
        continue
      case .textEquals:
        if !type.takesText {
          referenceError(
            "'\(targetID)' is a \(type.rawValue) question; 'text_equals' needs a text, date, time or date_time question",
            reference, at: reference.testPlace ?? reference.place)
        }
        continue
      case .answered:
        continue
      case nil:
        break
      }
      switch reference.owner {
      case .score(let kind):
        if kind == .sum && (type.takesText || type == .decimal) {
          error(
            "'\(targetID)' is a \(type.rawValue) question; a sum needs questions with options or whole numbers",
            reference.place)
        }
        if kind == .count && !type.hasOptions {
          error(
            "'\(targetID)' is a \(type.rawValue) question; a count needs questions with options",
            reference.place)
        }
      case .domain:
        if !type.hasOptions {
          error(
            "'\(targetID)' is a \(type.rawValue) question; domains need questions with options", reference.place
          )
        }
      default:
        break
      }
      guard type.hasOptions, !questionnaire.questions[targetIndex].options.isEmpty, !reference.codePlaces.isEmpty else {
        continue
      }
      let optionCodes = questionnaire.questions[targetIndex].options.map(\.code)
      for (code, place) in reference.codePlaces where !optionCodes.contains(code) {
        referenceError(
          "'\(code)' is not an option of question '\(targetID)' (its options: \(optionCodes.joined(separator: ", ")))",
          reference, at: place)
      }
    }
  }

  private func closestQuestion(to id: String) -> String? {
    let candidates = questionnaire.questions.lazy.map(\.id).filter { $0.hasPrefix(String(id.prefix(4))) }
    return candidates.first { abs($0.count - id.count) <= 2 && Set($0).symmetricDifference(Set(id)).count <= 2 }
  }

  // MARK: Skip logic

  /// show_if may refer only to earlier questions: a forward reference is an error, and one that
  /// closes a loop is reported as a cycle. Then each question must be reachable.
  private func checkSkipLogic(_ targets: [Int?]) {
    let questions = questionnaire.questions
    var broken = Set<Int>()
    for (reference, target) in zip(map.references, targets) {
      guard case .showIf(let owner) = reference.owner else { continue }
      guard let target else {
        broken.insert(owner)
        continue
      }
      if target == owner {
        error("show_if refers to the question itself, so it could never be shown (a cycle)", reference.place)
        broken.insert(owner)
      } else if target > owner {
        broken.insert(owner)
        if let loop = path(from: target, to: owner, targets: targets) {
          let names = ([owner] + loop).map { questions[$0].id }.joined(separator: " -> ")
          error("show_if makes a cycle: \(names)", reference.place)
        } else {
          error(
            "show_if refers to '\(reference.questionID)', which comes later (\(map.questionPlaces[target].location)); "
              + "a question can only depend on earlier questions",
            reference.place)
        }
      }
    }
    checkReachability(broken: broken.union(self.broken.owners))
  }

  /// A chain of show_if references from `start` back to `goal`, if there is one.
  private func path(from start: Int, to goal: Int, targets: [Int?]) -> [Int]? {
    var allDependencies: [[Int]] = Array(repeating: [], count: questionnaire.questions.count)
    for (reference, target) in zip(map.references, targets) {
      guard case .showIf(let owner) = reference.owner, let target else { continue }
      if !allDependencies[owner].contains(target) { allDependencies[owner].append(target) }
    }
    var visited = Set<Int>()
    var stack: [(Int, [Int])] = [(start, [start])]
    while let (node, trail) = stack.popLast() {
      if node == goal { return trail }
      guard visited.insert(node).inserted else { continue }
      for next in allDependencies[node] { stack.append((next, trail + [next])) }
    }
    return nil
  }

  private func checkReachability(broken: Set<Int>) {
    let questions = questionnaire.questions
    var reachable = [Bool](repeating: true, count: questions.count)
    let evaluator = Reachability(questionnaire: questionnaire)
    // By index: a copy of each Question would be made and dropped.
    for index in questions.indices {
      guard let condition = questions[index].showIf, broken.isEmpty || !broken.contains(index) else { continue }
      switch evaluator.canBeTrue(condition, reachable: reachable) {
      case .some(false):
        reachable[index] = false
        let place = map.showIfPlaces[index] ?? map.questionPlaces[index]
        let message =
          "question '\(questions[index].id)' can never be shown: its show_if is never true given the earlier "
          + "questions' answers"
        if neverShownIsError {
          error(message, place)
        } else {
          sink.warning(message + "; it is never asked", at: place.location, path: place.path)
        }
      default:
        continue
      }
    }
  }

  // MARK: Citations

  private func checkCitations() {
    let files = Set(questionnaire.sources.map(\.file))
    for (index, question) in questionnaire.questions.enumerated() {
      guard let source = question.source, !files.contains(source.file), let place = map.citationPlaces[index] else {
        continue
      }
      error(
        "cites '\(source.file)', which is not listed under 'sources'",
        Place(location: place.location, path: place.path.appending("file")))
    }
  }

  // MARK: Bands

  private func checkBands() {
    guard let set = questionnaire.bands, let scorePlace = map.bandsScorePlace else { return }
    guard let rule = questionnaire.score(set.scoreID) else {
      error("refers to score '\(set.scoreID)', which is not defined under 'scores'", scorePlace)
      return
    }
    let highest = questionnaire.maximum(of: rule)
    var expected = 0
    for (index, band) in set.bands.enumerated() {
      let place = map.bandPlaces[index]
      if band.minimum > expected {
        error("values \(rangeText(expected, band.minimum - 1)) fall in no band (a gap before band '\(band.id)')", place)
      } else if band.minimum < expected {
        if let other = set.bands[..<index].last(where: { $0.contains(band.minimum) }) {
          error("band '\(band.id)' overlaps band '\(other.id)': value \(band.minimum) is in both", place)
        } else {
          error("band '\(band.id)' starts at \(band.minimum), below 0, where the first band must start", place)
        }
      }
      guard let top = band.maximum else {
        if index != set.bands.count - 1 {
          error("band '\(band.id)' has no 'max'; only the last band can be open-ended", place)
        }
        expected = Int.max
        break
      }
      expected = max(expected, top &+ 1)
    }
    if let highest, expected <= highest, expected != Int.max, let last = map.bandPlaces.last {
      error("values \(rangeText(expected, highest)) fall in no band (score '\(rule.id)' can reach \(highest))", last)
    }
  }

  private func rangeText(_ low: Int, _ high: Int) -> String {
    low == high ? "\(low)" : "\(low) to \(high)"
  }

  // MARK: Wording

  private func checkWording() {
    for (text, place) in map.guidanceTexts {
      if let (phrase, advice) = WordingCheck.problem(in: text, language: questionnaire.language) {
        error("uses the wording '\(phrase)'; \(advice)", place)
      }
    }
    checkReadingLevel()
  }

  /// Warns where English question or guidance text reads above `ReadingLevel.highestGrade`.
  private func checkReadingLevel() {
    guard gradesReading, questionnaire.language == "en" || questionnaire.language.hasPrefix("en-") else { return }
    for (text, place) in map.questionTexts + map.guidanceTexts {
      guard let grade = ReadingLevel.grade(of: text), grade > ReadingLevel.highestGrade else { continue }
      let rounded = (grade * 10).rounded() / 10
      sink.warning(
        "reads at about grade \(rounded) (Flesch-Kincaid); aim for about grade 8 and no higher than "
          + "\(Int(ReadingLevel.highestGrade)): shorter sentences and shorter words help",
        at: place.location, path: place.path)
    }
  }
}

/// Decides whether a show_if condition can ever be true, by trying the possible answers of the
/// questions it reads (a question that can never be shown is always unanswered).
struct Reachability {
  let questionnaire: Questionnaire
  private let maxCombinations = 4_096

  /// `true` or `false` when decided; nil when there are too many combinations to try.
  func canBeTrue(_ condition: Condition, reachable: [Bool]) -> Bool? {
    // The usual show_if, one test on one single-choice question, is one variable and no free
    // test: trying its values directly gives what the search below gives, without its tables.
    if case .test(let id, let test) = condition, let index = questionnaire.index(of: id),
      reachable[index], isSingle(at: index)
    {
      let options = questionnaire.questions[index].options
      if options.count + 1 > maxCombinations { return nil }
      return holds(test, at: index, answer: nil) || options.contains { holds(test, at: index, answer: $0.code) }
    }
    // Single-choice questions are variables over their codes (or unanswered); every other test is
    // a free boolean of its own, fixed to "unanswered" when its question can never be shown.
    var variables: [String: [String?]] = [:]
    var freeTests: [Condition] = []
    collect(condition, reachable: reachable, variables: &variables, free: &freeTests)
    let names = Array(variables.keys).sorted()
    var combinations = 1
    for name in names {
      combinations *= variables[name]!.count
      if combinations > maxCombinations { return nil }
    }
    if freeTests.count > 12 || combinations << freeTests.count > maxCombinations { return nil }
    // Every combination sets every name and every free test, so one dictionary of each is reused.
    let domains = names.map { variables[$0]! }
    var assignment: [String: String?] = [:]
    var free: [Condition: Bool] = [:]
    for number in 0..<combinations {
      var rest = number
      for (name, values) in zip(names, domains) {
        assignment[name] = values[rest % values.count]
        rest /= values.count
      }
      for bits in 0..<(1 << freeTests.count) {
        for (position, test) in freeTests.enumerated() { free[test] = bits & (1 << position) != 0 }
        if evaluate(condition, assignment, free) { return true }
      }
    }
    return false
  }

  // Questions are read in place by index below: `question(_:)` would copy a whole Question for
  // each test of each combination.

  private func isSingle(at index: Int) -> Bool {
    let type = questionnaire.questions[index].type
    return type == .single || type == .yesNo
  }

  private func collect(
    _ condition: Condition, reachable: [Bool], variables: inout [String: [String?]], free: inout [Condition]
  ) {
    switch condition {
    case .all(let items), .any(let items):
      for item in items { collect(item, reachable: reachable, variables: &variables, free: &free) }
    case .not(let inner):
      collect(inner, reachable: reachable, variables: &variables, free: &free)
    case .test(let id, _):
      guard let index = questionnaire.index(of: id), reachable[index] else { return }
      if isSingle(at: index) {
        variables[id] = [nil] + questionnaire.questions[index].options.map(\.code)
      } else if case .test(_, let test) = condition, !canHold(test, at: index) {
        // Never true (e.g. more_than 1000 where the question's max is 100): not collected, it
        // evaluates as false below.
        return
      } else if !free.contains(condition) {
        free.append(condition)
      }
    }
  }

  private func evaluate(_ condition: Condition, _ assignment: [String: String?], _ free: [Condition: Bool]) -> Bool {
    switch condition {
    case .all(let items): return items.allSatisfy { evaluate($0, assignment, free) }
    case .any(let items): return items.contains { evaluate($0, assignment, free) }
    case .not(let inner): return !evaluate(inner, assignment, free)
    case .test(let id, let test):
      if !free.isEmpty, let value = free[condition] { return value }
      guard let answer = assignment[id] else {
        // The question can never be shown: it is always unanswered.
        if case .answered(let wanted) = test { return !wanted }
        return false
      }
      guard let index = questionnaire.index(of: id) else { return false }
      return holds(test, at: index, answer: answer)
    }
  }

  /// Whether a number comparison can hold for some answer within the question's min and max
  /// (whole numbers only for a `number` question). Other tests: true.
  private func canHold(_ test: ConditionTest, at index: Int) -> Bool {
    let question = questionnaire.questions[index]
    guard question.type == .number || question.type == .decimal else { return true }
    let low = question.minimum.map(Double.init) ?? -.infinity
    let high = question.maximum.map(Double.init) ?? .infinity
    let whole = question.type == .number
    switch test {
    case .moreThan(let value): return whole ? (value + 1).rounded(.down) <= high : high > value
    case .atLeast(let value): return whole ? value.rounded(.up) <= high : high >= value
    case .lessThan(let value): return whole ? (value - 1).rounded(.up) >= low : low < value
    case .atMost(let value): return whole ? value.rounded(.down) >= low : low <= value
    default: return true
    }
  }

  /// Whether a test on the single-choice question at `index` holds for one of its codes (nil:
  /// unanswered).
  private func holds(_ test: ConditionTest, at index: Int, answer: String?) -> Bool {
    switch test {
    case .equals(let code): return answer == code
    case .oneOf(let codes): return answer.map(codes.contains) ?? false
    case .answered(let wanted):
      let isAnswered = answer.map { questionnaire.questions[index].option($0)?.isMissing == false } ?? false
      return isAnswered == wanted
    case .atLeast, .atMost, .moreThan, .lessThan, .textEquals: return false
    }
  }
}
