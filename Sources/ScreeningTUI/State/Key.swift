/// A key press (or terminal event) as the screens understand it.
public enum Key: Sendable, Hashable {
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, space, tab, backTab, backspace, escape
  case character(Character)
  /// Ctrl-C: leave now.
  case interrupt
}
