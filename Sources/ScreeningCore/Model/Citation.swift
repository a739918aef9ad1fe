/// The document and sentence a question is drawn from.
public struct Citation: Sendable, Hashable {
  public var file: String
  public var quote: String

  public init(file: String, quote: String) {
    self.file = file
    self.quote = quote
  }
}

/// A document that questions are drawn from.
public struct SourceDocument: Sendable, Hashable {
  public var file: String
  public var title: String

  public init(file: String, title: String) {
    self.file = file
    self.title = title
  }
}
