/// Everything the program says to a person, in one language: the screens, line mode, the result
/// and the exports' own words (a questionnaire's text comes from its file). A language is one
/// file of `Wording` entries, one for every `Phrase`; a second language is a second file and a line
/// in `Wording.all`, not an edit across the code. `WordingTests` checks that every language has
/// every phrase with the same placeholders.
public struct Wording: Sendable {
  /// How many of something a plural form is for, as a language's own rule groups numbers.
  public enum PluralCategory: Sendable, Hashable { case zero, one, two, few, many, other }

  /// One phrase's text: `{name}` placeholders are filled in from the values given.
  public enum Entry: Sendable, Hashable {
    case text(String)
    /// A phrase whose words depend on the number in the placeholder `count` names.
    case plural(count: String, forms: [PluralCategory: String])
  }

  /// A BCP 47 primary language subtag: `en`.
  public let language: String
  let entries: [Phrase: Entry]
  /// The language's plural rule.
  let category: @Sendable (Int) -> PluralCategory
  /// Phrases a questionnaire in this language must not use in its guidance (diagnosing,
  /// stigmatising, severity words), each with what to write instead: `WordingCheck`'s list.
  public let lint: [WordingCheck.Rule]

  public init(
    language: String, category: @escaping @Sendable (Int) -> PluralCategory, entries: [Phrase: Entry],
    lint: [WordingCheck.Rule] = []
  ) {
    self.language = language
    self.category = category
    self.entries = entries
    self.lint = lint
  }

  /// Every language the program speaks.
  public static let all: [Wording] = [.english]

  /// The wording for a questionnaire's language (`en`, `en-GB`), or English when there is none.
  public static func forLanguage(_ code: String) -> Wording {
    let primary = code.split(separator: "-").first.map { $0.lowercased() } ?? ""
    return all.first { $0.language == primary } ?? .english
  }

  /// The phrase's text with its placeholders filled in.
  public func callAsFunction(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
    guard let entry = entries[phrase] ?? Wording.english.entries[phrase] else { return phrase.rawValue }
    let template: String
    switch entry {
    case .text(let text):
      template = text
    case .plural(let count, let forms):
      let number = values[count].flatMap { Int($0) } ?? 0
      template = forms[category(number)] ?? forms[.other] ?? ""
    }
    return Self.filled(template, values)
  }

  /// `phrase` with one number, the usual case: `wording(.minutes, 5)`.
  public func callAsFunction(_ phrase: Phrase, count: Int, _ values: [String: String] = [:]) -> String {
    self(phrase, values.merging(["count": String(count)]) { given, _ in given })
  }

  /// The placeholders an entry uses (for the completeness test).
  static func placeholders(_ entry: Entry) -> Set<String> {
    let texts: [String]
    switch entry {
    case .text(let text): texts = [text]
    case .plural(let count, let forms): texts = Array(forms.values) + ["{\(count)}"]
    }
    var names = Set<String>()
    for text in texts {
      var rest = Substring(text)
      while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
        names.insert(String(rest[rest.index(after: open)..<close]))
        rest = rest[rest.index(after: close)...]
      }
    }
    return names
  }

  private static func filled(_ template: String, _ values: [String: String]) -> String {
    guard template.contains("{") else { return template }
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else { break }
      let name = String(rest[rest.index(after: open)..<close])
      out += values[name] ?? "{\(name)}"
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }
}
