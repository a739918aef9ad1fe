/// The symbols the screens use, with plain ASCII stand-ins for terminals without UTF-8.
public struct Symbols: Sendable, Hashable {
  public var focus: String
  public var radioOn: String
  public var radioOff: String
  public var boxOn: String
  public var boxOff: String
  public var barFull: String
  public var barEmpty: String
  public var bullet: String
  public var moreAbove: String
  public var moreBelow: String
  public var separator: String
  public var warning: String
  /// One column each: a text field has more text to the left / to the right of what is shown.
  public var hiddenBefore: String
  public var hiddenAfter: String

  public static let unicode = Symbols(
    focus: "›", radioOn: "(•)", radioOff: "( )", boxOn: "[x]", boxOff: "[ ]", barFull: "█",
    barEmpty: "░", bullet: "•", moreAbove: "↑ more above", moreBelow: "↓ more below", separator: " · ",
    warning: "!", hiddenBefore: "…", hiddenAfter: "…")

  public static let ascii = Symbols(
    focus: ">", radioOn: "(*)", radioOff: "( )", boxOn: "[x]", boxOff: "[ ]", barFull: "#",
    barEmpty: "-", bullet: "*", moreAbove: "^ more above", moreBelow: "v more below", separator: " | ",
    warning: "!", hiddenBefore: "<", hiddenAfter: ">")
}
