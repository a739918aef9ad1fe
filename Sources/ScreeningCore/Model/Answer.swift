/// A person's answer to one question.
public enum Answer: Sendable, Hashable {
  /// Single choice or yes/no: the chosen option's code.
  case choice(String)
  /// Multiple choice: the chosen codes, in option order.
  case choices([String])
  case number(Int)
  case text(String)
}

/// Why an answer does not fit its question.
public struct AnswerError: Error, Sendable, Hashable, CustomStringConvertible {
  public var questionID: String
  public var reason: String

  public init(questionID: String, reason: String) {
    self.questionID = questionID
    self.reason = reason
  }

  public var description: String { "question '\(questionID)': \(reason)" }
}

extension Question {
  /// Checks that `answer` fits this question, returning it normalised (choices in option order).
  public func validate(_ answer: Answer) throws(AnswerError) -> Answer {
    func fail(_ reason: String) -> AnswerError { AnswerError(questionID: id, reason: reason) }
    let codes = options.map(\.code)
    switch (type, answer) {
    case (.single, .choice(let code)), (.yesNo, .choice(let code)):
      guard codes.contains(code) else {
        throw fail("'\(TextSafety.visible(code))' is not one of its options (\(codes.joined(separator: ", ")))")
      }
      return answer
    case (.multiple, .choices(let chosen)):
      for code in chosen where !codes.contains(code) {
        throw fail("'\(TextSafety.visible(code))' is not one of its options (\(codes.joined(separator: ", ")))")
      }
      if Set(chosen).count != chosen.count { throw fail("an option is chosen twice") }
      let exclusive = chosen.filter { option($0)?.isExclusive == true }
      if !exclusive.isEmpty && chosen.count > 1 {
        throw fail("'\(exclusive[0])' cannot be chosen together with other options")
      }
      return .choices(codes.filter(chosen.contains))
    case (.multiple, .choice(let code)):
      return try validate(.choices([code]))
    case (.number, .number(let value)):
      if let minimum, value < minimum { throw fail("\(value) is below the lowest accepted value, \(minimum)") }
      if let maximum, value > maximum { throw fail("\(value) is above the highest accepted value, \(maximum)") }
      return answer
    case (.text, .text(let value)):
      if value.unicodeScalars.count > maxLength {
        throw fail("the answer is longer than \(maxLength) characters")
      }
      return answer
    default:
      throw fail("a \(type.rawValue) question cannot take \(answer.kindDescription)")
    }
  }

  /// The answer as a person reads it: option labels (joined by `separator`), the number or the text.
  public func label(for answer: Answer, separator: String = ", ") -> String {
    switch answer {
    case .choice(let code): return option(code)?.label ?? code
    case .choices(let codes): return codes.map { option($0)?.label ?? $0 }.joined(separator: separator)
    case .number(let value): return String(value)
    case .text(let text): return text
    }
  }

  /// Whether `answer` counts as "prefer not to say" (a missing answer).
  public func isMissing(_ answer: Answer) -> Bool {
    switch answer {
    case .choice(let code): return option(code)?.isMissing ?? false
    case .choices(let codes): return codes.contains { option($0)?.isMissing ?? false }
    case .number, .text: return false
    }
  }
}

extension Answer {
  var kindDescription: String {
    switch self {
    case .choice: return "a single choice"
    case .choices: return "a list of choices"
    case .number: return "a number"
    case .text: return "text"
    }
  }

  /// The chosen codes of a choice answer (empty for numbers and text).
  public var codes: [String] {
    switch self {
    case .choice(let code): return [code]
    case .choices(let codes): return codes
    case .number, .text: return []
    }
  }
}
