/// A validated questionnaire: questions, skip logic, scoring rules and guidance.
///
/// Values of this type come from `QuestionnaireLoader` (which refuses invalid files) or from code;
/// the questions are kept in asking order with an index by id.
public struct Questionnaire: Sendable, Hashable, Identifiable {
  public var format: Int
  public var id: String
  public var version: String
  public var language: String
  public var title: String
  public var intro: String
  public var disclaimer: String
  public var audience: String?
  public var minutes: Int?
  public var sources: [SourceDocument]
  public var sections: [Section]
  public private(set) var questions: [Question]
  public var scores: [ScoreRule]
  public var bands: BandSet?
  public var redFlags: [RedFlag]
  public var messages: [ResultMessage]
  public var domains: [Domain]
  /// `sha256:` and the digest of the file it was loaded from, when it came from one.
  public var contentHash: String?
  /// For a questionnaire imported from FHIR: where its items came from (for the response export).
  public var fhir: FHIRLayout?
  /// What it is about, which decides the help listed with it (`HelpResource.about`).
  public var topic: Topic = .substanceUse

  /// What a questionnaire is about.
  public enum Topic: String, Sendable, Hashable, CaseIterable {
    /// Drug or alcohol use: every help resource is listed (SelfScreen's own questionnaires).
    case substanceUse = "substance_use"
    /// Anything else (a skin form, a depression scale): drug services are left out and the
    /// others are described without them.
    case general
  }
  private var indexByID: [String: Int]

  public init(
    format: Int = 1, id: String, version: String, language: String, title: String, intro: String,
    disclaimer: String, audience: String? = nil, minutes: Int? = nil, sources: [SourceDocument] = [],
    sections: [Section], questions: [Question], scores: [ScoreRule] = [], bands: BandSet? = nil,
    redFlags: [RedFlag] = [], messages: [ResultMessage] = [], domains: [Domain] = []
  ) {
    // The first of questions with the same id is the one found (each id hashed once; no
    // question is copied).
    self.init(
      format: format, id: id, version: version, language: language, title: title, intro: intro,
      disclaimer: disclaimer, audience: audience, minutes: minutes, sources: sources, sections: sections,
      questions: questions,
      indexByID: Dictionary(questions.indices.lazy.map { (questions[$0].id, $0) }) { first, _ in first },
      scores: scores, bands: bands, redFlags: redFlags, messages: messages, domains: domains)
  }

  /// With the index by id already made (the decoder makes it while it checks for duplicate ids):
  /// `indexByID[questions[i].id]` must be `i` for the first question with each id.
  init(
    format: Int, id: String, version: String, language: String, title: String, intro: String,
    disclaimer: String, audience: String?, minutes: Int?, sources: [SourceDocument],
    sections: [Section], questions: [Question], indexByID: [String: Int], scores: [ScoreRule], bands: BandSet?,
    redFlags: [RedFlag], messages: [ResultMessage], domains: [Domain]
  ) {
    self.format = format
    self.id = id
    self.version = version
    self.language = language
    self.title = title
    self.intro = intro
    self.disclaimer = disclaimer
    self.audience = audience
    self.minutes = minutes
    self.sources = sources
    self.sections = sections
    self.questions = questions
    self.scores = scores
    self.bands = bands
    self.redFlags = redFlags
    self.messages = messages
    self.domains = domains
    self.indexByID = indexByID
  }

  /// Sets the content hash to that of the file `bytes`.
  mutating func setContentHash(ofFile bytes: [UInt8]) {
    contentHash = "sha256:" + SHA256.hex(bytes)
  }

  /// The question with `id`, if any.
  public func question(_ id: String) -> Question? {
    indexByID[id].map { questions[$0] }
  }

  /// The position of the question with `id` in asking order.
  public func index(of id: String) -> Int? {
    indexByID[id]
  }

  /// The section with `id`, if any.
  public func section(_ id: String) -> Section? {
    sections.first { $0.id == id }
  }

  /// The score rule with `id`, if any.
  public func score(_ id: String) -> ScoreRule? {
    scores.first { $0.id == id }
  }
}
