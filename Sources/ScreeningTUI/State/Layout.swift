/// What the state needs to know of the current screen's layout to scroll it: worked out by the
/// renderer (`Renderer.layout(for:)`) for the state and its terminal size, and passed in with each
/// key, so that the state never lays out pages itself.
public struct Layout: Sendable, Hashable {
  /// Rows for the scrolling body.
  public var bodyHeight: Int
  /// The furthest the current view (the overlay when one is open) can scroll.
  public var maximumScroll: Int
  /// Where a question page that follows its highlight is scrolled to now.
  public var followingOffset: Int

  public init(bodyHeight: Int, maximumScroll: Int, followingOffset: Int) {
    self.bodyHeight = bodyHeight
    self.maximumScroll = maximumScroll
    self.followingOffset = followingOffset
  }
}
