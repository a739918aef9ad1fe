/// Where an imported HL7 FHIR `Questionnaire`'s items went in the native questionnaire, so that
/// answers can be handed back as a `QuestionnaireResponse` nested like the original groups.
///
/// Native ids are made from linkIds (`/44250-9` becomes `q_44250_9`); this keeps the linkIds,
/// the codings behind each option code and their weights.
public struct FHIRLayout: Sendable, Hashable {
  /// The questionnaire's canonical `url` and `version`, when the file gives them.
  public var url: String?
  public var version: String?
  /// The top-level items, in order.
  public var items: [Item]
  /// FHIRPath variables (the `variable` extension) by the linkId of the item that defines them;
  /// the questionnaire's own are under "".
  public var variables: [String: [Variable]]
  /// `enableWhenExpression`s by native question id: the question's own and its groups', all of
  /// which must be true for it to be asked.
  public var enableExpressions: [String: [Expression]]
  /// The native yes/no questions "Add another ...?" before each further entry of a repeating group
  /// or question: not in the response, and counted as "no" until answered when progress is counted.
  public var entryGates: Set<String>
  /// Display items with an enableWhen (or enableWhenExpression): text shown with a question's
  /// help only while its FHIRPath expressions, all of them, are true. By native question id.
  public var conditionalHelp: [String: [ConditionalText]] = [:]
  /// The linkIds of the form's questions SelfScreen cannot ask (no answers it can offer, a file or
  /// a record): each is shown with a note where it would be asked, and the result says so.
  public var notAsked: [String] = []
  /// What each of those questions' notes says (its text and why it is not asked), shown before the
  /// next question asked, never between a question and its options; by native question id. A note
  /// with expressions is shown only while they hold (the item's enableWhen and its groups').
  public var notesBefore: [String: [ConditionalText]] = [:]

  /// Text shown only while `expressions` hold.
  public struct ConditionalText: Sendable, Hashable {
    public var text: String
    public var expressions: [Expression]

    public init(text: String, expressions: [Expression]) {
      self.text = text
      self.expressions = expressions
    }
  }
  /// The Questionnaire resource itself, for expressions that read `%questionnaire` (nil when none
  /// does).
  public var resource: Resource?

  /// A FHIR resource as parsed, compared by the digest of its file.
  public final class Resource: Sendable, Hashable {
    let json: JSONValue
    let digest: String

    init(json: JSONValue, digest: String) {
      self.json = json
      self.digest = digest
    }

    public static func == (lhs: Resource, rhs: Resource) -> Bool { lhs.digest == rhs.digest }
    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }
  }

  public init(
    url: String? = nil, version: String? = nil, items: [Item] = [], variables: [String: [Variable]] = [:],
    enableExpressions: [String: [Expression]] = [:], entryGates: Set<String> = []
  ) {
    self.entryGates = entryGates
    self.url = url
    self.version = version
    self.items = items
    self.variables = variables
    self.enableExpressions = enableExpressions
  }

  /// A FHIRPath expression with where it stands: the linkIds whose variables it sees ("" for the
  /// questionnaire's own, then each enclosing item's, then its own item's).
  public struct Expression: Sendable, Hashable {
    public let text: String
    public var scope: [String]
    /// `text` parsed once (nil when it does not parse), as it is evaluated after every answer.
    let parsed: FHIRPath?

    public init(text: String, scope: [String]) {
      self.text = text
      self.scope = scope
      parsed = try? FHIRPath.parse(text)
    }
  }

  /// A named FHIRPath value, read as `%name` by the expressions of the item that defines it and of
  /// the items inside it.
  public struct Variable: Sendable, Hashable {
    public var name: String
    public var expression: String

    public init(name: String, expression: String) {
      self.name = name
      self.expression = expression
    }
  }

  /// A calculated item (`calculatedExpression`): not asked; its value is computed from the answers.
  public struct Calculation: Sendable, Hashable {
    public var linkID: String
    public var text: String?
    /// The native score that holds it when it is a sum of the options' weights (so it has bands).
    public var scoreID: String?
    /// The FHIRPath expression, when SelfScreen reads all of it.
    public var expression: String?
    /// How its value is written in the response.
    public var answer: AnswerKind
    /// Whether the result shows it (a hidden item is computed for the response only).
    public var isShown: Bool
    /// The unit the result shows after a number (`questionnaire-unit`), as a person reads it.
    public var unit: String?

    public init(
      linkID: String, text: String?, scoreID: String?, expression: String?, answer: AnswerKind, isShown: Bool,
      unit: String? = nil
    ) {
      self.unit = unit
      self.linkID = linkID
      self.text = text
      self.scoreID = scoreID
      self.expression = expression
      self.answer = answer
      self.isShown = isShown
    }
  }

  /// `url|version`, `url`, or nil: what a `QuestionnaireResponse.questionnaire` names.
  public var canonical: String? {
    guard let url else { return nil }
    return version.map { "\(url)|\($0)" } ?? url
  }

  /// One item of the original questionnaire that holds or leads to answers.
  public indirect enum Item: Sendable, Hashable {
    /// A group, with the items inside it.
    case group(linkID: String, text: String?, items: [Item])
    /// A question asked as the native question `questionID`; `items` are the items nested under it.
    case question(linkID: String, text: String?, questionID: String, answer: AnswerKind, items: [Item])
    /// A calculated item.
    case calculated(Calculation)
  }

  /// How an answer is written in the response.
  public enum AnswerKind: Sendable, Hashable {
    case boolean
    case integer
    case decimal
    /// A number with its unit (a `quantity` item): answered as `valueQuantity`.
    case quantity(unit: Unit?)
    case string
    /// A `url` item: typed as text, answered as `valueUri`.
    case uri
    case date
    case time
    case dateTime
    /// A file the person attached (a `file` question): answered as `valueAttachment`.
    case attachment
    /// A choice: each native option code's FHIR value; a typed "other" answer (open-choice) is the
    /// text question `otherQuestionID`.
    case choice(values: [String: OptionValue], otherQuestionID: String?)
  }

  /// The FHIR value behind one native option, and its weight when the file gives one.
  public struct OptionValue: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
      case coding(system: String?, code: String?, display: String?)
      case string(String)
      case integer(Int)
      /// `valueDate`: an option of a date item.
      case date(String)
      /// `valueTime`: an option of a time item (`HH:MM:SS`).
      case time(String)
    }

    public var value: Value
    public var weight: Double?
    /// The extension the weight came from (`ordinalValue` or `itemWeight`).
    public var weightURL: String?

    public init(value: Value, weight: Double? = nil, weightURL: String? = nil) {
      self.value = value
      self.weight = weight
      self.weightURL = weightURL
    }
  }

  /// A unit as FHIR codes it (UCUM, usually) and as a person reads it.
  public struct Unit: Sendable, Hashable {
    public var system: String?
    public var code: String?
    public var display: String?

    public init(system: String?, code: String?, display: String?) {
      self.system = system
      self.code = code
      self.display = display
    }
  }
}
