/// A person's answer to one question.
public enum Answer: Sendable, Hashable {
  /// Single choice or yes/no: the chosen option's code.
  case choice(String)
  /// Multiple choice: the chosen codes, in option order.
  case choices([String])
  case number(Int)
  /// A decimal question's answer.
  case decimal(Double)
  /// A text question's answer, or a date question's (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
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
  /// The reason an answer does not fit is worded in `wording`'s language.
  public func validate(_ answer: Answer, wording w: Wording = .english) throws(AnswerError) -> Answer {
    func fail(_ phrase: Phrase, _ values: [String: String] = [:]) -> AnswerError {
      AnswerError(questionID: id, reason: w(phrase, values))
    }
    let codes = options.map(\.code)
    switch (type, answer) {
    case (.single, .choice(let code)), (.yesNo, .choice(let code)):
      guard codes.contains(code) else {
        throw fail(.answerNotAnOption, ["code": TextSafety.visible(code), "codes": codes.joined(separator: ", ")])
      }
      return answer
    case (.multiple, .choices(let chosen)):
      for code in chosen where !codes.contains(code) {
        throw fail(.answerNotAnOption, ["code": TextSafety.visible(code), "codes": codes.joined(separator: ", ")])
      }
      if Set(chosen).count != chosen.count { throw fail(.answerChosenTwice) }
      let exclusive = chosen.filter { option($0)?.isExclusive == true }
      if !exclusive.isEmpty && chosen.count > 1 {
        let name = option(exclusive[0])?.label ?? exclusive[0]
        throw fail(.answerExclusive, ["option": TextSafety.visible(name)])
      }
      return .choices(codes.filter(chosen.contains))
    case (.multiple, .choice(let code)):
      return try validate(.choices([code]))
    case (.number, .number(let value)):
      guard (-LoadLimits.largestNumber...LoadLimits.largestNumber).contains(value) else {
        throw fail(.answerBeyondLargest, ["value": String(value), "largest": String(LoadLimits.largestNumber)])
      }
      if let minimum, value < minimum {
        throw fail(.answerBelowLowest, ["value": String(value), "minimum": String(minimum)])
      }
      if let maximum, value > maximum {
        throw fail(.answerAboveHighest, ["value": String(value), "maximum": String(maximum)])
      }
      return answer
    case (.decimal, .number(let value)):
      return try validate(.decimal(Double(value)))
    case (.decimal, .decimal(let value)):
      guard value.isFinite else { throw fail(.answerNotNumber) }
      let shown = Answer.decimalText(value)
      guard value.magnitude <= Double(LoadLimits.largestNumber) else {
        throw fail(.answerBeyondLargest, ["value": shown, "largest": String(LoadLimits.largestNumber)])
      }
      if let minimum, value < Double(minimum) {
        throw fail(.answerBelowLowest, ["value": shown, "minimum": String(minimum)])
      }
      if let maximum, value > Double(maximum) {
        throw fail(.answerAboveHighest, ["value": shown, "maximum": String(maximum)])
      }
      return answer
    case (.date, .text(let value)):
      guard Answer.isDate(value) else {
        throw fail(.answerNotDate, ["text": TextSafety.visible(value)])
      }
      return answer
    case (.dateTime, .text(let value)):
      guard let dateTime = Answer.dateTime(value) else {
        throw fail(.answerNotDateTime, ["text": TextSafety.visible(value)])
      }
      return .text(dateTime)
    case (.time, .text(let value)):
      guard let time = Answer.time(value) else {
        throw fail(.answerNotTime, ["text": TextSafety.visible(value)])
      }
      return .text(time)
    case (.file, .text(let path)):
      // The file itself is checked when it is attached (`AttachedFile.check`); answers read back
      // from a file are re-scored on machines that may not have it.
      guard !path.isEmpty, path.utf8.count <= AttachedFile.longestPath,
        !path.unicodeScalars.contains(where: TextSafety.isUnsafe)
      else { throw fail(.answerNotAPath, ["text": TextSafety.visible(path)]) }
      return answer
    case (.text, .text(let value)):
      if value.unicodeScalars.count > maxLength {
        throw fail(.answerTooLong, ["count": String(maxLength)])
      }
      if let pattern, let regex = try? Regex(pattern), (try? regex.wholeMatch(in: value)) == nil {
        let shown = ["text": TextSafety.visible(value)]
        if let patternExample {
          throw fail(.answerNotInPatternLike, shown.merging(["example": TextSafety.visible(patternExample)]) { $1 })
        }
        throw fail(.answerNotInPattern, shown)
      }
      return answer
    default:
      throw fail(.answerWrongKind, ["type": type.rawValue, "kind": answer.kindDescription])
    }
  }

  /// The answer as a person reads it: option labels (joined by `separator`), the number or the text.
  public func label(for answer: Answer, separator: String = ", ") -> String {
    switch answer {
    case .choice(let code): return option(code)?.label ?? code
    case .choices(let codes): return codes.map { option($0)?.label ?? $0 }.joined(separator: separator)
    case .number(let value): return String(value)
    case .decimal(let value): return Answer.decimalText(value)
    case .text(let text): return text
    }
  }

  /// Whether `answer` counts as "prefer not to say" (a missing answer).
  public func isMissing(_ answer: Answer) -> Bool {
    switch answer {
    case .choice(let code): return option(code)?.isMissing ?? false
    case .choices(let codes): return codes.contains { option($0)?.isMissing ?? false }
    case .number, .decimal, .text: return false
    }
  }
}

extension Answer {
  var kindDescription: String {
    switch self {
    case .choice: return "a single choice"
    case .choices: return "a list of choices"
    case .number: return "a number"
    case .decimal: return "a number with a fraction"
    case .text: return "text"
    }
  }

  /// The chosen codes of a choice answer (empty for numbers and text).
  public var codes: [String] {
    switch self {
    case .choice(let code): return [code]
    case .choices(let codes): return codes
    case .number, .decimal, .text: return []
    }
  }

  /// The numeric value of a number or decimal answer.
  var numericValue: Double? {
    switch self {
    case .number(let value): return Double(value)
    case .decimal(let value): return value
    case .choice, .choices, .text: return nil
    }
  }

  /// A decimal as people write it: `72.5`, `3` (no `.0`), never an exponent for everyday sizes.
  public static func decimalText(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// Whether `text` is a FHIR-style date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date.
  /// A time of day as `HH:MM:SS` from `HH:MM` or `HH:MM:SS` on the 24-hour clock; nil otherwise.
  public static func time(_ text: String) -> String? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), parts.allSatisfy({ $0.utf8.count == 2 && $0.allSatisfy(\.isASCII) }),
      let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours), (0...59).contains(minutes)
    else { return nil }
    let seconds = parts.count == 3 ? Int(parts[2]) : 0
    guard let seconds, (0...59).contains(seconds) else { return nil }
    return parts.prefix(2).joined(separator: ":") + ":" + (parts.count == 3 ? String(parts[2]) : "00")
  }

  /// A date and time as `YYYY-MM-DDTHH:MM:SS` (with the offset from UTC when one is given: `Z`,
  /// `+01:00`), from a date and a time joined by `T` or a space; a date alone as it is; nil
  /// otherwise.
  public static func dateTime(_ text: String) -> String? {
    if isDate(text) { return text }
    guard let separator = text.firstIndex(where: { $0 == "T" || $0 == " " }) else { return nil }
    let date = String(text[..<separator])
    var rest = String(text[text.index(after: separator)...])
    guard date.count == 10, isDate(date) else { return nil }
    var offset = ""
    if rest.hasSuffix("Z") {
      offset = "Z"
      rest.removeLast()
    } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
      offset = String(rest[sign...])
      rest = String(rest[..<sign])
      let parts = offset.dropFirst().split(separator: ":")
      guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }) else { return nil }
    }
    guard let time = time(rest) else { return nil }
    return date + "T" + time + offset
  }

  public static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count),
      parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
      parts[0].utf8.count == 4, parts.dropFirst().allSatisfy({ $0.utf8.count == 2 }),
      let year = Int(parts[0]), year >= 1
    else { return false }
    guard parts.count > 1, let month = Int(parts[1]) else { return true }
    guard (1...12).contains(month) else { return false }
    guard parts.count > 2, let day = Int(parts[2]) else { return true }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return (1...days).contains(day)
  }
}
