#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How one question's answer is asked for, typed, read and shown: the rules of each question type
/// in one place, used by the full screen and line mode alike. A new question type adds its case
/// here (and its drawing in each front end); nothing else reads a question's type to parse.
///
/// Checking an answer against its question (range, options, length) stays with
/// `Question.validate`, which the session runs on every answer from any source.
public struct AnswerField: Sendable {
  public let question: Question
  /// The words of prompts and messages.
  public let wording: Wording

  public init(_ question: Question, wording: Wording = .english) {
    self.question = question
    self.wording = wording
  }

  /// The answer is typed (number, decimal, date, text) rather than chosen from options.
  public var isTyped: Bool { !question.type.hasOptions }

  // MARK: Asking

  /// What to type, in words, for the prompt: "a whole number, 0 to 30", "a date, YYYY-MM-DD".
  /// Nil for text, where the question says it all.
  public var expected: String? {
    switch question.type {
    case .number, .decimal:
      var parts = [wording(question.type == .number ? .fieldWholeNumber : .fieldDecimal)]
      if let minimum = question.minimum, let maximum = question.maximum {
        parts.append(wording(.fieldRange, ["minimum": String(minimum), "maximum": String(maximum)]))
      }
      return parts.joined(separator: ", ")
    case .date: return wording(.fieldDate)
    case .time: return wording(.fieldTime)
    case .dateTime: return wording(.fieldDateTime)
    case .file: return wording(.fieldFile, ["kinds": fileKinds])
    case .text, .single, .yesNo, .multiple: return nil
    }
  }

  /// The files a file question takes: "images or PDF documents, up to 5 MB".
  private var fileKinds: String {
    let kinds = question.accept.isEmpty ? wording(.fieldFileAnyKind) : AttachedFile.kindsText(question.accept, wording)
    return kinds + ", " + wording(.fieldFileUpTo, ["size": AttachedFile.sizeText(AttachedFile.limit(of: question))])
  }

  /// Line mode's instruction for typing the answer at a prompt.
  public var lineInstruction: String {
    switch question.type {
    case .single, .yesNo: return wording(.fieldLineChoose, count: question.options.count)
    case .multiple: return wording(.fieldLineChooseAll)
    case .text: return wording(.fieldLineText)
    case .date: return wording(.fieldLineDate)
    case .time: return wording(.fieldLineTime)
    case .dateTime: return wording(.fieldLineDateTime)
    case .file: return wording(.fieldLineFile, ["kinds": fileKinds])
    case .number, .decimal:
      let isWhole = question.type == .number
      guard let minimum = question.minimum, let maximum = question.maximum else {
        return wording(isWhole ? .fieldLineWholeNumber : .fieldLineDecimal)
      }
      return wording(
        isWhole ? .fieldLineWholeNumberRange : .fieldLineDecimalRange,
        ["minimum": String(minimum), "maximum": String(maximum)])
    }
  }

  /// What a typed field holds for a recorded answer (to edit it again).
  public func text(for answer: Answer?) -> String {
    switch answer {
    case .number(let value)?: return String(value)
    case .decimal(let value)?: return Answer.decimalText(value)
    case .text(let text)?: return text
    case .choice?, .choices?, nil: return ""
    }
  }

  // MARK: Typing

  /// What a character typed into the field at `cursor` does.
  public enum Keystroke: Sendable, Hashable {
    /// Put this character in (a `,` in a decimal becomes `.`).
    case insert(Character)
    /// Not typed, with a reason for the person.
    case refuse(String)
    /// Not part of this kind of answer: the front end may read it as a command key (r, q, ?).
    case notText
  }

  /// The longest a typed answer can be, in characters (text: `maxLength`, in Unicode scalars).
  var longestTyped: Int {
    switch question.type {
    case .date: return 10
    case .time: return 8
    case .dateTime: return 19
    case .file: return AttachedFile.longestPath
    default: return 18
    }
  }

  public func keystroke(_ character: Character, into text: String, at cursor: Int) -> Keystroke {
    switch question.type {
    case .single, .yesNo, .multiple:
      return .notText
    case .text, .file:
      if character.unicodeScalars.contains(where: TextSafety.isUnsafe) { return .notText }
      let longest = question.type == .file ? longestTyped : question.maxLength
      guard text.unicodeScalars.count + character.unicodeScalars.count <= longest else {
        return .refuse(wording(.fieldTooLongText, count: longest))
      }
      return .insert(character)
    case .number, .decimal, .date:
      let isDigit = character.isASCII && character.isNumber
      guard isDigit || character == "-" || character == "." || character == "," else { return .notText }
      guard text.count < longestTyped else { return .refuse(wording(.fieldTooLong)) }
      if isDigit { return .insert(character) }
      if character == "-" {
        if question.type == .date { return .insert("-") }
        return cursor == 0 && !text.hasPrefix("-") ? .insert("-") : .refuse(wording(.fieldMinusAtStart))
      }
      switch question.type {
      case .decimal: return text.contains(".") ? .refuse(wording(.fieldOnePoint)) : .insert(".")
      case .number: return .refuse(wording(.fieldWholeOnly))
      default: return .refuse(wording(.fieldDateForm))
      }
    case .dateTime:
      let isDigit = character.isASCII && character.isNumber
      guard isDigit || "-: T".contains(character) else { return .notText }
      guard text.count < longestTyped else { return .refuse(wording(.fieldTooLong)) }
      return .insert(character == "T" ? " " : character)
    case .time:
      let isDigit = character.isASCII && character.isNumber
      guard isDigit || character == ":" || character == "." else { return .notText }
      guard text.count < longestTyped else { return .refuse(wording(.fieldTooLong)) }
      // 8.30 is typed as people write it and kept as 8:30.
      return .insert(isDigit ? character : ":")
    }
  }

  // MARK: Reading

  /// What typed text means as an answer.
  public enum Reading: Sendable, Hashable {
    /// Nothing was typed (or only spaces, or a lone minus sign).
    case empty
    case answer(Answer)
    /// Not an answer of this type; `reason` says why ("\"abc\" is not a whole number").
    case invalid(String)
  }

  /// Reads typed text (a field's content or a line-mode line). For choice questions the text is
  /// the options' numbers, as line mode asks for them.
  public func read(_ text: String) -> Reading {
    let trimmed = Self.trimmed(text)
    if trimmed.isEmpty || (question.type.isNumeric && trimmed == "-") { return .empty }
    let shown = ["text": TextSafety.visible(trimmed)]
    let notAChoice = Reading.invalid(wording(.fieldNotAChoice, shown))
    switch question.type {
    case .single, .yesNo:
      guard let number = Int(trimmed), (1...question.options.count).contains(number) else { return notAChoice }
      return .answer(.choice(question.options[number - 1].code))
    case .multiple:
      let parts = trimmed.split { $0 == " " || $0 == "," }
      let numbers = parts.compactMap { Int($0) }
      guard numbers.count == parts.count, numbers.allSatisfy({ (1...question.options.count).contains($0) }) else {
        return notAChoice
      }
      var codes: [String] = []
      for number in numbers where !codes.contains(question.options[number - 1].code) {
        codes.append(question.options[number - 1].code)
      }
      return .answer(.choices(codes))
    case .number:
      guard let value = Int(trimmed) else {
        return .invalid(wording(.fieldNotWholeNumber, shown))
      }
      return .answer(.number(value))
    case .decimal:
      guard let value = Self.decimal(trimmed) else {
        return .invalid(wording(.fieldNotNumber, shown))
      }
      return .answer(.decimal(value))
    case .date, .dateTime:
      return .answer(.text(trimmed))
    case .time:
      // "8:30" is read as 08:30; the question checks the rest.
      var parts = trimmed.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      if parts[0].count == 1 { parts[0] = "0" + parts[0] }
      return .answer(.text(parts.joined(separator: ":")))
    case .text:
      // Typed text is kept as typed, spaces included; only all-space text is empty.
      return .answer(.text(text))
    case .file:
      // The file must be there, of a kind the question takes, within its size, and readable.
      switch AttachedFile.check(
        trimmed, for: question, home: Self.environment("HOME"), currentDirectory: SystemCalls().currentDirectory(),
        wording: wording)
      {
      case .attached(let path): return .answer(.text(path))
      case .refused(let reason): return .invalid(reason)
      }
    }
  }

  /// A typed decimal: digits with one `.` (a `,` is read as the decimal mark too) and a sign.
  public static func decimal(_ text: String) -> Double? {
    let text = String(trimmed(text).map { $0 == "," ? "." : $0 })
    guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }),
      let value = Double(text), value.isFinite
    else { return nil }
    return value
  }

  private static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  private static func trimmed(_ text: String) -> String {
    var text = Substring(text)
    while text.first?.isWhitespace == true { text = text.dropFirst() }
    while text.last?.isWhitespace == true { text = text.dropLast() }
    return String(text)
  }
}
