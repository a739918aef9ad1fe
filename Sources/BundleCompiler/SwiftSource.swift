import ScreeningCore

/// Writes model values as Swift expressions that rebuild them: the bundled questionnaires and help
/// resources become code, so the program never parses or validates them at start.
///
/// Every initializer is named in full (`ScreeningCore.Condition.test(...)`), so the compiler has
/// no literal to infer and type-checks the file in linear time.
enum SwiftSource {
  /// A string literal of `value`; unsafe scalars (controls, bidi, zero-width) are `\u{..}` escapes.
  static func string(_ value: String) -> String {
    TextSafety.quoted(value) { "\\u{\(String($0.value, radix: 16))}" }
  }

  static func optional(_ value: String?) -> String { value.map(string) ?? "nil" }

  static func optional(_ value: Int?) -> String { value.map { "\($0)" } ?? "nil" }

  /// A list of texts, on one line when short.
  static func strings(_ values: [String]) -> String {
    let items = values.map(string)
    let line = "[\(items.joined(separator: ", "))]"
    return line.count <= 80 ? line : list(items)
  }

  /// `[a, b]`, one element per line when there are several.
  static func list(_ items: [String], indent: String = "") -> String {
    guard !items.isEmpty else { return "[]" }
    guard items.count > 1 || items[0].contains("\n") else { return "[\(items[0])]" }
    let inner = indent + "  "
    return "[\n" + items.map { inner + $0.replacingNewlines(with: "\n" + inner) + ",\n" }.joined() + indent + "]"
  }

  /// `Name(label: value, ...)` on one line, or one argument per line when long.
  static func call(_ name: String, _ arguments: [(String, String)]) -> String {
    let present = arguments.map { label, value in label.isEmpty ? value : "\(label): \(value)" }
    guard present.contains(where: { $0.contains("\n") }) || present.joined().count > 80 else {
      return "\(name)(\(present.joined(separator: ", ")))"
    }
    return "\(name)(\n" + present.map { "  " + $0.replacingNewlines(with: "\n  ") }.joined(separator: ",\n") + "\n)"
  }

  static func questionnaire(_ value: Questionnaire) -> String {
    call(
      "ScreeningCore.Questionnaire",
      [
        ("format", "\(value.format)"), ("id", string(value.id)), ("version", string(value.version)),
        ("language", string(value.language)), ("title", string(value.title)), ("intro", string(value.intro)),
        ("disclaimer", string(value.disclaimer)), ("audience", optional(value.audience)),
        ("minutes", optional(value.minutes)), ("sources", list(value.sources.map(source))),
        ("sections", list(value.sections.map(section))), ("questions", list(value.questions.map(question))),
        ("scores", list(value.scores.map(score))), ("bands", value.bands.map(bands) ?? "nil"),
        ("redFlags", list(value.redFlags.map(redFlag))), ("messages", list(value.messages.map(message))),
        ("domains", list(value.domains.map(domain))),
      ])
  }

  static func source(_ value: SourceDocument) -> String {
    call(
      "ScreeningCore.SourceDocument",
      [("file", string(value.file)), ("title", string(value.title)), ("note", optional(value.note))])
  }

  static func section(_ value: Section) -> String {
    call(
      "ScreeningCore.Section",
      [
        ("id", string(value.id)), ("title", string(value.title)), ("intro", optional(value.intro)),
        ("questionIDs", strings(value.questionIDs)),
      ])
  }

  static func question(_ value: Question) -> String {
    call(
      "ScreeningCore.Question",
      [
        ("id", string(value.id)), ("text", string(value.text)), ("help", optional(value.help)),
        ("type", "ScreeningCore.QuestionType(rawValue: \(string(value.type.rawValue)))!"),
        ("options", list(value.options.map(option))), ("isRequired", "\(value.isRequired)"),
        ("showIf", value.showIf.map(condition) ?? "nil"), ("minimum", optional(value.minimum)),
        ("maximum", optional(value.maximum)), ("maxLength", "\(value.maxLength)"),
        ("source", value.source.map(citation) ?? "nil"), ("sectionID", string(value.sectionID)),
        ("initial", value.initial.map(answer) ?? "nil"), ("pattern", optional(value.pattern)),
        ("patternExample", optional(value.patternExample)), ("accept", strings(value.accept)),
        ("maxSize", optional(value.maxSize)),
      ])
  }

  static func answer(_ value: Answer) -> String {
    switch value {
    case .choice(let code): return "ScreeningCore.Answer.choice(\(string(code)))"
    case .choices(let codes): return "ScreeningCore.Answer.choices(\(strings(codes)))"
    case .number(let number): return "ScreeningCore.Answer.number(\(number))"
    case .decimal(let number): return "ScreeningCore.Answer.decimal(\(number))"
    case .text(let text): return "ScreeningCore.Answer.text(\(string(text)))"
    }
  }

  static func option(_ value: AnswerOption) -> String {
    call(
      "ScreeningCore.AnswerOption",
      [
        ("code", string(value.code)), ("label", string(value.label)), ("score", "\(value.score)"),
        ("isMissing", "\(value.isMissing)"), ("isExclusive", "\(value.isExclusive)"),
      ])
  }

  static func citation(_ value: Citation) -> String {
    call("ScreeningCore.Citation", [("file", string(value.file)), ("quote", string(value.quote))])
  }

  static func condition(_ value: Condition) -> String {
    switch value {
    case .test(let question, let test):
      return call("ScreeningCore.Condition.test", [("question", string(question)), ("", conditionTest(test))])
    case .all(let items): return "ScreeningCore.Condition.all(\(list(items.map(condition))))"
    case .any(let items): return "ScreeningCore.Condition.any(\(list(items.map(condition))))"
    case .not(let inner): return "ScreeningCore.Condition.not(\(condition(inner)))"
    }
  }

  static func conditionTest(_ value: ConditionTest) -> String {
    let name = "ScreeningCore.ConditionTest."
    switch value {
    case .equals(let code): return name + "equals(\(string(code)))"
    case .oneOf(let codes): return name + "oneOf(\(strings(codes)))"
    case .answered(let answered): return name + "answered(\(answered))"
    case .atLeast(let number): return name + "atLeast(\(number))"
    case .atMost(let number): return name + "atMost(\(number))"
    case .moreThan(let number): return name + "moreThan(\(number))"
    case .lessThan(let number): return name + "lessThan(\(number))"
    case .textEquals(let text): return name + "textEquals(\(string(text)))"
    }
  }

  static func score(_ value: ScoreRule) -> String {
    call(
      "ScreeningCore.ScoreRule",
      [
        ("id", string(value.id)), ("label", string(value.label)),
        ("kind", "ScreeningCore.ScoreRule.Kind(rawValue: \(string(value.kind.rawValue)))!"),
        ("questionIDs", strings(value.questionIDs)), ("codes", strings(value.codes)),
        ("showsAnswer", "\(value.showsAnswer)"),
      ])
  }

  static func bands(_ value: BandSet) -> String {
    call(
      "ScreeningCore.BandSet",
      [
        ("scoreID", string(value.scoreID)), ("bands", list(value.bands.map(band))),
        ("maxSkipped", optional(value.maxSkipped)),
      ])
  }

  static func band(_ value: Band) -> String {
    call(
      "ScreeningCore.Band",
      [
        ("id", string(value.id)), ("minimum", "\(value.minimum)"), ("maximum", optional(value.maximum)),
        ("label", string(value.label)), ("guidance", string(value.guidance)),
        ("nextSteps", strings(value.nextSteps)), ("isReassuring", "\(value.isReassuring)"),
      ])
  }

  static func redFlag(_ value: RedFlag) -> String {
    call(
      "ScreeningCore.RedFlag",
      [
        ("id", string(value.id)), ("condition", condition(value.condition)),
        ("level", "ScreeningCore.RedFlag.Level(rawValue: \(string(value.level.rawValue)))!"),
        ("title", string(value.title)), ("guidance", string(value.guidance)),
        ("contacts", kinds(value.contacts)),
      ])
  }

  static func message(_ value: ResultMessage) -> String {
    call(
      "ScreeningCore.ResultMessage",
      [
        ("id", string(value.id)), ("condition", condition(value.condition)), ("title", string(value.title)),
        ("text", string(value.text)), ("replacesBand", "\(value.replacesBand)"),
        ("contacts", kinds(value.contacts)), ("isFirst", "\(value.isFirst)"),
      ])
  }

  static func domain(_ value: Domain) -> String {
    call(
      "ScreeningCore.Domain",
      [("id", string(value.id)), ("label", string(value.label)), ("questionIDs", strings(value.questionIDs))])
  }

  static func instrument(_ value: StandardInstrument) -> String {
    call(
      "ScreeningCore.StandardInstrument",
      [
        ("name", string(value.name)), ("source", string(value.source)), ("panelCode", string(value.panelCode)),
        ("totalCode", string(value.totalCode)), ("itemCodes", strings(value.itemCodes)),
        (
          "ranges",
          list(
            value.ranges.map { range in
              call(
                "ScreeningCore.StandardInstrument.Range",
                [
                  ("minimum", "\(range.minimum)"), ("maximum", "\(range.maximum)"), ("name", string(range.name)),
                  ("guidance", string(range.guidance)), ("isReassuring", "\(range.isReassuring)"),
                ])
            })
        ),
        (
          "alarms",
          list(
            value.alarms.map { alarm in
              call(
                "ScreeningCore.StandardInstrument.Alarm",
                [
                  ("code", string(alarm.code)),
                  ("level", "ScreeningCore.RedFlag.Level(rawValue: \(string(alarm.level.rawValue)))!"),
                  ("title", string(alarm.title)), ("guidance", string(alarm.guidance)),
                ])
            })
        ),
      ])
  }

  static func helpDirectory(_ value: HelpDirectory) -> String {
    call("ScreeningCore.HelpDirectory", [("regions", list(value.regions.map(region)))])
  }

  static func region(_ value: Region) -> String {
    call(
      "ScreeningCore.Region",
      [
        ("code", string(value.code)), ("name", string(value.name)), ("territories", strings(value.territories)),
        ("resources", list(value.resources.map(resource))),
      ])
  }

  static func resource(_ value: HelpResource) -> String {
    call(
      "ScreeningCore.HelpResource",
      [
        ("name", string(value.name)),
        ("kind", "ScreeningCore.HelpResource.Kind(rawValue: \(string(value.kind.rawValue)))!"),
        ("purpose", string(value.purpose)), ("phone", optional(value.phone)), ("text", optional(value.text)),
        ("web", optional(value.web)), ("hours", optional(value.hours)),
        ("lastVerified", string(value.lastVerified)), ("source", string(value.source)),
        ("also", kinds(value.also)), ("isSubstanceUseOnly", "\(value.isSubstanceUseOnly)"),
        ("generalPurpose", optional(value.generalPurpose)),
      ])
  }

  /// `[ScreeningCore.HelpResource.Kind.emergency, ...]`.
  static func kinds(_ values: [HelpResource.Kind]) -> String {
    "[" + values.map { "ScreeningCore.HelpResource.Kind.\($0.rawValue)" }.joined(separator: ", ") + "]"
  }
}

extension String {
  fileprivate func replacingNewlines(with replacement: String) -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
