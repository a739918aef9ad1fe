/// One line of editable text with a cursor: the typed answer on a question and the file name in
/// the export dialog are both edited through it, so the same keys do the same thing in each.
///
/// Keys, as in readline and most terminal forms: ← → move the cursor, Home / Ctrl-A and
/// End / Ctrl-E go to the start and end, Backspace deletes before the cursor and Delete / Ctrl-D
/// under it, Ctrl-U deletes to the start, Ctrl-K to the end and Ctrl-W the word before the cursor.
public struct TextField: Sendable, Hashable {
  /// The text, one element per character as the person sees it.
  public private(set) var characters: [Character]
  /// Where the next character goes: 0 is before the first, `characters.count` after the last.
  public private(set) var cursor: Int

  /// A field holding `text`, with the cursor at its end.
  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  public var text: String { String(characters) }
  public var isEmpty: Bool { characters.isEmpty }

  /// What an editing key does.
  public enum Edit: Sendable, Hashable {
    case left, right, home, end
    case deleteBefore, deleteUnder
    case deleteToStart, deleteToEnd, deleteWordBefore
  }

  /// The edit a key stands for in a text field, if it is one.
  public static func edit(for key: Key) -> Edit? {
    switch key {
    case .left: return .left
    case .right: return .right
    case .home, .control("a"): return .home
    case .end, .control("e"): return .end
    case .backspace: return .deleteBefore
    case .delete, .control("d"): return .deleteUnder
    case .control("u"): return .deleteToStart
    case .control("k"): return .deleteToEnd
    case .control("w"): return .deleteWordBefore
    default: return nil
    }
  }

  /// Puts `character` at the cursor and moves the cursor past it.
  public mutating func insert(_ character: Character) {
    characters.insert(character, at: cursor)
    cursor += 1
  }

  /// Applies an edit; false when it could do nothing (the cursor at that end already, or nothing
  /// to delete), so the caller can tell the person why nothing happened.
  @discardableResult
  public mutating func apply(_ edit: Edit) -> Bool {
    let before = (characters, cursor)
    switch edit {
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(characters.count, cursor + 1)
    case .home: cursor = 0
    case .end: cursor = characters.count
    case .deleteBefore:
      if cursor > 0 {
        characters.remove(at: cursor - 1)
        cursor -= 1
      }
    case .deleteUnder:
      if cursor < characters.count { characters.remove(at: cursor) }
    case .deleteToStart:
      characters.removeSubrange(0..<cursor)
      cursor = 0
    case .deleteToEnd:
      characters.removeSubrange(cursor...)
    case .deleteWordBefore:
      // The spaces just before the cursor, then the word before them (as Ctrl-W in a shell).
      var start = cursor
      while start > 0, characters[start - 1].isWhitespace { start -= 1 }
      while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
    }
    return before != (characters, cursor)
  }
}
