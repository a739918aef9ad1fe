import Testing

@testable import ScreeningCore

/// Keys of a mapping are found at their first place, in small mappings (searched in order) and
/// large ones (hashed); field paths compare and print the same however they were built.
@Suite struct MappingLookupTests {
  /// The line of `demo` text that starts with `prefix` (1-based).
  private func line(of prefix: String, in text: String) -> Int {
    (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1
  }

  @Test func aRepeatedKeyInASmallMappingPointsAtTheFirst() {
    let text = Fixtures.demo(("    text: Have you used it?\n", "    text: Have you used it?\n        text: Again?\n"))
    let first = line(of: "        text: Have you used it?", in: text)
    #expect(
      Fixtures.diagnostics(text) == [
        "demo.yaml:\(first + 1):9: sections[0].questions[0].text: duplicate key 'text'; it is first given at \(first):9"
      ])
  }

  /// The top level has more than sixteen entries here, so its keys are looked up through a hash index.
  @Test func aRepeatedKeyInALargeMappingPointsAtTheFirst() {
    let text = Fixtures.demo + "title: Second\ntitle: Third\nintro: Again\n"
    let end = text.split(separator: "\n").count
    #expect(
      Fixtures.diagnostics(text) == [
        "demo.yaml:\(end - 2):1: title: duplicate key 'title'; it is first given at 5:1",
        "demo.yaml:\(end - 1):1: title: duplicate key 'title'; it is first given at 5:1",
        "demo.yaml:\(end):1: intro: duplicate key 'intro'; it is first given at 6:1",
      ])
  }

  @Test func theFirstOfRepeatedKeysIsTheOneRead() {
    // In a condition (a small mapping), the first 'equals' is read: "maybe" is not an option code.
    let text = Fixtures.demo(
      ("show_if: {question: gate, equals: \"yes\"}", "show_if: {question: gate, equals: maybe, equals: \"yes\"}"))
    let diagnostics = Fixtures.diagnostics(text)
    #expect(diagnostics.contains { $0.contains("equals: duplicate key 'equals'") })
    #expect(diagnostics.contains { $0.contains("'maybe'") })
  }

  @Test func pathsBuiltSharedOrNotAreTheSame() {
    let plain = FieldPath.root.appending("sections").appending(index: 1).appending("questions").appending(index: 0)
    let shared = FieldPath.root.appending("sections").shared.appending(index: 1).shared.appending("questions")
      .shared.appending(index: 0)
    for (left, right) in [(plain, shared), (plain, shared.shared), (plain.shared, shared)] {
      #expect(left == right)
      #expect(left.hashValue == right.hashValue)
      #expect(left.description == right.description)
    }
    #expect(plain.description == "sections[1].questions[0]")
    #expect(FieldPath.root.shared.description == "(top level)")
    #expect(FieldPath.root.shared == FieldPath.root)
  }

  @Test func pathsThatDifferAreNotEqual() {
    let base = FieldPath.root.appending("sections").shared
    let paths = [
      FieldPath.root, base, base.appending(index: 0), base.appending(index: 1), base.appending("0"),
      base.appending(index: 0).appending("id"), base.appending(index: 0).shared.appending("text"),
      FieldPath.root.appending("scales").appending(index: 0),
    ]
    for (i, left) in paths.enumerated() {
      for (j, right) in paths.enumerated() {
        #expect((left == right) == (i == j), "\(left) against \(right)")
      }
    }
  }
}
