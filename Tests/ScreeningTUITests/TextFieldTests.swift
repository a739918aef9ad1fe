import Foundation
import Testing

@testable import ScreeningCore
@testable import ScreeningTUI

/// The one text-editing model behind typed answers and file names, and how it is drawn.
@Suite struct TextFieldTests {
  /// A field with `text` and the cursor at `cursor`.
  static func field(_ text: String, cursor: Int) -> TextField {
    var field = TextField(text)
    for _ in 0..<(text.count - cursor) { field.apply(.left) }
    return field
  }

  @Test(arguments: [
    // (text, cursor, key, text after, cursor after)
    ("hello", 5, Key.left, "hello", 4),
    ("hello", 0, .left, "hello", 0),
    ("hello", 2, .right, "hello", 3),
    ("hello", 5, .right, "hello", 5),
    ("hello", 3, .home, "hello", 0),
    ("hello", 3, .control("a"), "hello", 0),
    ("hello", 1, .end, "hello", 5),
    ("hello", 1, .control("e"), "hello", 5),
    ("hello", 3, .backspace, "helo", 2),
    ("hello", 0, .backspace, "hello", 0),
    ("hello", 1, .delete, "hllo", 1),
    ("hello", 1, .control("d"), "hllo", 1),
    ("hello", 5, .delete, "hello", 5),
    ("hello world", 6, .control("u"), "world", 0),
    ("hello world", 6, .control("k"), "hello ", 6),
    ("I feel okay", 11, .control("w"), "I feel ", 7),
    ("I feel  ", 8, .control("w"), "I ", 2),
    ("I feel okay", 6, .control("w"), "I  okay", 2),
    ("~/answers.txt", 13, .control("w"), "", 0),
  ])
  func editingKeys(text: String, cursor: Int, key: Key, after: String, cursorAfter: Int) throws {
    var field = Self.field(text, cursor: cursor)
    #expect(field.cursor == cursor)
    let edit = try #require(TextField.edit(for: key))
    field.apply(edit)
    #expect(field.text == after)
    #expect(field.cursor == cursorAfter)
  }

  @Test func typingGoesInAtTheCursorAndNothingElseIsAnEdit() {
    var field = Self.field("tired", cursor: 0)
    for character in "just " { field.insert(character) }
    #expect(field.text == "just tired")
    #expect(field.cursor == 5)
    #expect(!field.apply(.home) == false)
    #expect(field.apply(.home) == false, "already at the start: nothing happened, and it says so")
    for key in [Key.enter, .tab, .up, .down, .escape, .character("x"), .control("z")] {
      #expect(TextField.edit(for: key) == nil, "\(key)")
    }
  }

  @Test func aShortFieldShowsAllOfItWithTheCursorInPlace() {
    let view = FieldView.line(Self.field("abc", cursor: 1), width: 10, style: .focus, symbols: .unicode)
    #expect(view.line.text == " abc       ")
    #expect(view.cursorColumn == 2, "on the b")
  }

  @Test func aLongFieldShowsThePartAroundTheCursor() {
    let text = "abcdefghijklmnopqrstuvwxyz"
    // Cursor at the end: the end shows, with a marker for the hidden start.
    var view = FieldView.line(TextField(text), width: 10, style: .focus, symbols: .unicode)
    #expect(view.line.text == " …stuvwxyz ")
    #expect(view.cursorColumn == 10)
    // Cursor at the start: the start shows, with a marker for the hidden end.
    view = FieldView.line(Self.field(text, cursor: 0), width: 10, style: .focus, symbols: .unicode)
    #expect(view.line.text == " abcdefghi…")
    #expect(view.cursorColumn == 1)
    // In the middle: both markers, the cursor on its character.
    view = FieldView.line(Self.field(text, cursor: 13), width: 10, style: .focus, symbols: .ascii)
    #expect(view.line.text == " <ghijklmn>")
    #expect(Array(view.line.text)[view.cursorColumn] == "n")
  }

  @Test func wideCharactersAreMeasuredByTheirWidth() {
    let view = FieldView.line(TextField("日本語のテキスト"), width: 10, style: .focus, symbols: .unicode)
    #expect(DisplayWidth.of(view.line.text) <= 11)
    #expect(view.line.text.hasPrefix(" …"))
    #expect(view.line.text.contains("キスト"))
    #expect(view.cursorColumn <= 10)
  }

  // MARK: On a question

  static func textState() throws -> AppState {
    var state = try TUIFixtures.state(questions: [
      "{id: days, text: On how many days?, type: number, min: -5, max: 30}",
      "{id: feel, text: How do you feel?, type: text}",
    ])
    TUIFixtures.press([.enter] + "3".map(Key.character) + [.enter], on: &state)
    #expect(TUIFixtures.screen(state).contains("How do you feel?"))
    return state
  }

  @Test func aTypedAnswerIsEditedAnywhereInIt() throws {
    var state = try Self.textState()
    TUIFixtures.press("just tired".map(Key.character), on: &state)
    TUIFixtures.press([.home] + "I feel okay,".map(Key.character) + [.space], on: &state)
    #expect(state.input == "I feel okay, just tired")
    #expect(state.field.cursor == 13)
    TUIFixtures.press([.control("e"), .control("w")], on: &state)
    #expect(state.input == "I feel okay, just ")
    TUIFixtures.press([.left, .left, .left, .control("k")], on: &state)
    #expect(state.input == "I feel okay, ju")
    TUIFixtures.press([.control("a"), .delete, .delete], on: &state)
    #expect(state.input == "feel okay, ju")
    TUIFixtures.press([.control("u")], on: &state)
    #expect(state.input == "feel okay, ju", "nothing before the cursor")
    TUIFixtures.press([.end, .control("u")] + "Fine".map(Key.character) + [.enter], on: &state)
    #expect(state.session.answer(for: "feel") == .text("Fine"))
  }

  @Test func leftHeldDownStopsAtTheStartOfTheAnswer() throws {
    var state = try Self.textState()
    TUIFixtures.press("ok".map(Key.character), on: &state)
    TUIFixtures.press(Array(repeating: .left, count: 6), on: &state)
    #expect(state.session.currentQuestion?.id == "feel", "still on the question")
    #expect(state.input == "ok")
    #expect(state.field.cursor == 0)
    #expect(
      TUIFixtures.collapsed(state).contains(
        "This is the start of your answer. Press Shift-Tab for the previous question"))
    // In an empty field ← goes back, as on every other question.
    TUIFixtures.press([.delete, .delete, .left], on: &state)
    #expect(state.session.currentQuestion?.id == "days")
    #expect(state.input == "3")
  }

  @Test func aMinusSignOnlyAtTheStartOfANumber() throws {
    var state = try Self.textState()
    TUIFixtures.press([.left], on: &state)
    #expect(state.session.currentQuestion?.id == "days")
    TUIFixtures.press([.character("-")], on: &state)
    #expect(state.input == "3", "a minus sign after the digits is not typed")
    TUIFixtures.press([.home, .character("-"), .character("-")], on: &state)
    #expect(state.input == "-3")
    TUIFixtures.press([.enter], on: &state)
    #expect(state.session.answer(for: "days") == .number(-3))
  }
}

extension TextFieldTests {
  /// A file question: the path is typed like text (q and r are letters of it), the file is checked
  /// on Enter, and a path that cannot be attached keeps the person on the question with the reason.
  @Test func aFileIsAttachedByTypingItsPath() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-tui-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let photo = folder.appendingPathComponent("rash.png")
    try Data([1, 2]).write(to: photo)
    var state = try TUIFixtures.state(questions: [
      "{id: photo, text: A photo of the rash?, type: file, accept: [image/*]}",
      "{id: feel, text: How do you feel?, type: text}",
    ])
    TUIFixtures.press([.enter], on: &state)
    let screen = TUIFixtures.collapsed(state)
    #expect(screen.contains("Your answer (the path of a file: images, up to 10 MB):"))
    #expect(screen.contains("type a file's path"))
    #expect(screen.contains("Nothing is sent. The file stays where it is; a copy goes only into a FHIR file"))
    let missing = folder.path + "/quarry.png"
    TUIFixtures.press(missing.map(Key.character) + [.enter], on: &state)
    #expect(state.session.currentQuestion?.id == "photo")
    #expect(state.input == missing, "q and r are letters of the path, not commands")
    #expect(TUIFixtures.collapsed(state).contains("There is no file at \(missing)"))
    TUIFixtures.press([.control("u")] + photo.path.map(Key.character) + [.enter], on: &state)
    #expect(state.session.answer(for: "photo") == .text(photo.path))
    #expect(state.session.currentQuestion?.id == "feel")
    // Esc, then a command key, as on a text question.
    var commands = state
    TUIFixtures.press([.backTab, .escape, .character("r")], on: &commands)
    #expect(commands.overlay == .resources)
    // Saving as FHIR says that the file holds a copy of the photo; the other formats do not.
    TUIFixtures.press("ok".map(Key.character) + [.enter], on: &state)
    #expect(TUIFixtures.collapsed(state).contains("1. A photo of the rash? rash.png"), "the review names the file")
    TUIFixtures.press([.enter, .character("e"), .down, .down, .down, .enter], on: &state)
    #expect(TUIFixtures.collapsed(state).contains("It holds your answers and a copy of the files you attached"))
    TUIFixtures.press([.escape, .up, .up, .up, .enter], on: &state)
    #expect(TUIFixtures.collapsed(state).contains("It holds your answers: keep it somewhere safe."))
  }
}
