/// A key press (or terminal event) as the screens understand it.
public enum Key: Sendable, Hashable {
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, space, tab, backTab, backspace, delete, escape
  case character(Character)
  /// A letter typed with Ctrl held (Ctrl-A is `.control("a")`); the ones with keys of their own
  /// (Tab, Enter, Backspace, Ctrl-C) arrive as those.
  case control(Character)
  /// Ctrl-C: leave now.
  case interrupt
}
