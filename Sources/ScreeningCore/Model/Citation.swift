/// The document and sentence a question is drawn from.
public struct Citation: Sendable, Hashable {
  public var file: String
  public var quote: String

  public init(file: String, quote: String) {
    self.file = file
    self.quote = quote
  }
}

/// A document that questions are drawn from, or a reference work whose structure they follow.
public struct SourceDocument: Sendable, Hashable {
  public var file: String
  public var title: String
  /// How the questionnaire uses it, when it is not quoted ("the ten signs follow its criteria").
  public var note: String?

  public init(file: String, title: String, note: String? = nil) {
    self.file = file
    self.title = title
    self.note = note
  }
}
