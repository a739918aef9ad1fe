import Foundation
import TestSupport
import Testing

@testable import ScreeningCore
@testable import ScreeningTUI

/// Whole frames of a walk through the small mechanics questionnaire, compared with a snapshot
/// file (`SELFSCREEN_RECORD=1 swift test` records it anew). The bundled content can change
/// without touching these.
@Suite struct MechanicsSnapshotTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

  /// Each step: what is pressed, in words, and the keys.
  static let walk: [(String, [Key])] = [
    ("start", []),
    ("Enter: the first question, nothing highlighted", [.enter]),
    ("2: highlight Yes", [.character("2")]),
    ("Enter: chosen; a sign question", [.enter]),
    ("1 Enter, 2 Enter: the multiple choice", [.character("1"), .enter, .character("2"), .enter]),
    ("1, 3: a tick, then None of these alone", [.character("1"), .character("3")]),
    ("3 1 Enter: the red-flag question", [.character("3"), .character("1"), .enter]),
    ("1 Enter: the red-flag screen", [.character("1"), .enter]),
    ("Enter: the number question, 4.5 refused", [.enter, .character("4"), .character(".")]),
    ("Enter: the optional text", [.enter]),
    ("typed, Home, edited", "ok so far".map(Key.character) + [.home, .control("k")] + "Fine".map(Key.character)),
    ("Enter: the review", [.enter]),
    ("Enter: the result", [.enter]),
    ("?: the keys", [.character("?")]),
    ("Esc e: save a copy", [.escape, .character("e")]),
    ("Enter: the file name", [.enter]),
  ]

  static func frames(columns: Int, rows: Int) throws -> String {
    var state = try TUIFixtures.state(questions: SharedFixtures.mechanics, columns: columns, rows: rows)
    var text = ""
    for (step, keys) in walk {
      TUIFixtures.press(keys, on: &state)
      let frame = Renderer.render(state)
      let cursor = frame.cursor.map { "cursor \($0.row),\($0.column)" } ?? "no cursor"
      text += "=== \(step) (\(cursor))\n" + frame.plainText + "\n"
    }
    return text
  }

  @Test(arguments: [(80, 24), (40, 12)])
  func aWalkThroughEveryScreen(columns: Int, rows: Int) throws {
    let text = try Self.frames(columns: columns, rows: rows)
    let mismatch = Snapshot.mismatch(text, file: Self.folder.appendingPathComponent("mechanics-\(columns)x\(rows).txt"))
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }
}
