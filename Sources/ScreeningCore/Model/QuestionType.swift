/// The kind of answer a question takes.
public enum QuestionType: String, Sendable, Hashable, CaseIterable {
  case single
  case multiple
  case yesNo = "yes_no"
  /// A whole number.
  case number
  /// A number that may have a fraction (`72.5`).
  case decimal
  case text
  /// A calendar date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
  case date
  /// A time of day on the 24-hour clock, `HH:MM` (kept as `HH:MM:SS`).
  case time
  /// A date with a time of day, `YYYY-MM-DD HH:MM` (kept as `YYYY-MM-DDTHH:MM:SS`), or a date alone.
  case dateTime = "date_time"
  /// A file the person attaches by typing its path (a photo, a letter): kept as the file's full
  /// path; its bytes are read only when the answers are exported as FHIR.
  case file

  /// Whether the answer is chosen from options.
  public var hasOptions: Bool {
    switch self {
    case .single, .multiple, .yesNo: return true
    case .number, .decimal, .text, .date, .time, .dateTime, .file: return false
    }
  }

  /// Whether the answer is kept as text (text, a date, a time): what `text_equals` compares.
  public var takesText: Bool { self == .text || self == .date || self == .time || self == .dateTime }

  /// Whether any letter typed is part of the answer (text, a file's path), so that command keys
  /// need Esc first.
  public var takesFreeText: Bool { self == .text || self == .file }

  /// Whether the answer is a number the person types (whole or with a fraction).
  public var isNumeric: Bool { self == .number || self == .decimal }
}
