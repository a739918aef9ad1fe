import Foundation
import Testing

@testable import ScreeningCore

/// Encoding, syntax and structure limits: every file-level problem is located.
@Suite struct DocumentReadingTests {
  @Test func emptyAndBlankFiles() {
    #expect(Fixtures.diagnostics("") == ["demo.yaml:1:1: (file): the file is empty"])
    #expect(Fixtures.diagnostics(" \n\n\t\n") == ["demo.yaml:1:1: (file): the file is empty"])
    #expect(Fixtures.diagnostics("# only a comment\n") == ["demo.yaml:2:1: (file): the file has no content"])
  }

  @Test func invalidUTF8IsLocatedAtTheFirstBadByte() {
    var bytes = Array("format: 1\nid: d\u{E9}mo\ntitle: x".utf8)
    bytes.insert(0xC3, at: 17)  // a lead byte followed by ASCII, after "id: dé" on line 2
    #expect(
      Fixtures.diagnostics(bytes: bytes).first?.hasPrefix(
        "demo.yaml:2:7: (file): the file is not valid UTF-8 (byte 0xC3 at offset 17)") == true)
  }

  /// The readers skip eight plain ASCII bytes at a time: a bad byte is found at any place in a run.
  @Test(arguments: 0..<17)
  func invalidUTF8IsFoundAtEveryPlaceOfALongASCIIRun(padding: Int) {
    var bytes = Array("format: 1\nid: demo\ntitle: \(String(repeating: "x", count: padding))".utf8)
    let offset = bytes.count
    bytes += [0xE9] + Array("tail\n".utf8)
    #expect(
      Fixtures.diagnostics(bytes: bytes).first?.hasPrefix(
        "demo.yaml:3:\(8 + padding): (file): the file is not valid UTF-8 (byte 0xE9 at offset \(offset))") == true)
  }

  @Test(arguments: 0..<17, ["\u{01}", "\u{1F}", "\u{7F}", "\u{85}"])
  func controlCharactersAreFoundAtEveryPlaceOfALongASCIIRun(padding: Int, character: String) {
    let text = Fixtures.demo(("text: Sign B?", "text: Sign B\(String(repeating: "x", count: padding))\(character)?"))
    let diagnostics = Fixtures.diagnostics(text)
    #expect(diagnostics.count == 1)
    // NEL is also a YAML 1.1 line break, refused anywhere in a YAML file.
    let expected =
      character == "\u{85}"
      ? "demo.yaml:34:\(21 + padding): (file): a next-line character (U+0085) is not allowed anywhere"
      : "demo.yaml:34:15: sections[0].questions[2].text: the text contains U+00"
    #expect(diagnostics.first?.hasPrefix(expected) == true, "\(diagnostics)")
  }

  @Test func byteOrderMarksAndUTF16() {
    // A UTF-8 byte-order mark is accepted and ignored.
    #expect(Fixtures.diagnostics(bytes: [0xEF, 0xBB, 0xBF] + Array(Fixtures.demo.utf8)) == [])
    // UTF-16, with or without its mark, is refused with advice.
    let utf16: [UInt8] = [0xFF, 0xFE] + Array("format: 1".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(
      Fixtures.diagnostics(bytes: utf16) == [
        "demo.yaml:1:1: (file): the file is in UTF-16 or another encoding; save it as UTF-8"
      ])
    let bare: [UInt8] = Array("format: 1".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(
      Fixtures.diagnostics(bytes: bare) == [
        "demo.yaml:1:1: (file): the file is in UTF-16 or another encoding; save it as UTF-8"
      ])
  }

  @Test func yamlSyntaxErrorsCarryLineAndColumn() {
    #expect(
      Fixtures.diagnostics("format: 1\nid: [demo\n") == [
        "demo.yaml:3:1: (file): syntax error: did not find expected ',' or ']' (while parsing a flow sequence at 2:5)"
      ])
    #expect(
      Fixtures.diagnostics("format: 1\n  id: demo\n") == [
        "demo.yaml:2:5: (file): syntax error: mapping values are not allowed in this context"
      ])
  }

  @Test func jsonSyntaxErrorsCarryLineAndColumn() {
    #expect(
      Fixtures.diagnostics("{\n  \"format\": 1,\n  \"id\" \"demo\"\n}", fileName: "demo.json") == [
        "demo.json:3:8: (file): syntax error: expected ':' after the key"
      ])
    #expect(
      Fixtures.diagnostics("{\"format\": 01}", fileName: "demo.json") == [
        "demo.json:1:12: (file): syntax error: a number cannot start with 0"
      ])
    #expect(
      Fixtures.diagnostics("{\"format\": 1,}", fileName: "demo.json") == [
        "demo.json:1:14: (file): syntax error: expected a key in double quotes, found '}'"
      ])
    #expect(
      Fixtures.diagnostics("{\"a\": \"\\ud800\"}", fileName: "demo.json") == [
        "demo.json:1:8: (file): syntax error: a \\u escape is half of a character (lone surrogate)"
      ])
    #expect(
      Fixtures.diagnostics("{} x", fileName: "demo.json") == [
        "demo.json:1:4: (file): syntax error: unexpected text after the end of the document"
      ])
  }

  @Test func deepNestingFailsFastInBothSyntaxes() {
    let depth = 10_000
    let yaml = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(
      Fixtures.diagnostics(yaml) == ["demo.yaml:1:65: (file): the file is nested too deeply (more than 64 levels)"])
    #expect(
      Fixtures.diagnostics(yaml, fileName: "demo.json") == [
        "demo.json:1:65: (file): the file is nested too deeply (more than 64 levels)"
      ])
  }

  @Test func aliasesAndSeveralDocumentsAreRefused() {
    #expect(
      Fixtures.diagnostics("a: &x [1]\nb: *x\n") == [
        "demo.yaml:2:4: (file): aliases (*name) are not supported; write the value out in full"
      ])
    #expect(
      Fixtures.diagnostics("a: 1\n---\nb: 2\n") == [
        "demo.yaml:2:1: (file): the file holds more than one YAML document (a second '---'); keep one"
      ])
  }

  @Test func duplicateKeysInJSON() {
    #expect(
      Fixtures.diagnostics("{\"format\": 1, \"format\": 1}", fileName: "demo.json").contains(
        "demo.json:1:15: format: duplicate key 'format'; it is first given at 1:2"))
  }

  @Test func theSameSchemaInJSONIsAccepted() throws {
    let json = """
      {"format": 1, "id": "tiny", "version": "1", "language": "en", "title": "Tiny",
       "intro": "Hello.", "disclaimer": "Not a diagnosis.",
       "sections": [{"id": "s", "title": "S", "questions": [
         {"id": "q", "text": "Yes?", "type": "yes_no",
          "options": [{"code": "yes", "label": "Yes", "score": 1}, {"code": "no", "label": "No"}]},
         {"id": "n", "text": "How many?", "type": "number", "min": 0, "max": 10, "required": false}]}]}
      """
    let questionnaire = try Fixtures.load(json, fileName: "tiny.json")
    #expect(questionnaire.questions.map(\.type) == [.yesNo, .number])
    #expect(questionnaire.questions[1].maximum == 10)
    // JSON is typed: a number where text is expected is an error, unlike a plain YAML scalar.
    #expect(
      Fixtures.diagnostics(
        json.replacingOccurrences(of: "\"version\": \"1\"", with: "\"version\": 1"), fileName: "tiny.json") == [
          "tiny.json:1:40: version: expected text, found the number 1"
        ])
  }

  @Test func yamlPlainScalarsAreReadByTheSchemaNotGuessed() throws {
    // `yes`, `no`, `1.0` and `on` stay text where the schema wants text (no "Norway problem").
    let text = Fixtures.demo(
      ("version: \"1\"", "version: 1.0"),
      ("{code: \"no\", label: \"No\"}\n      - {code: prefer", "{code: no, label: No}\n      - {code: prefer"))
    let questionnaire = try Fixtures.load(text)
    #expect(questionnaire.version == "1.0")
    #expect(questionnaire.question("sign_a")?.options.map(\.code) == ["yes", "no", "prefer_not"])
  }

  /// YAML's spellings of null leave a value out; anything near them, or quoted, is text.
  @Test(arguments: ["", " ~", " null", " Null", " NULL"])
  func nullSpellingsAreNoValue(spelling: String) throws {
    let questionnaire = try Fixtures.load(
      Fixtures.demo(("    text: Sign B?\n", "    text: Sign B?\n        help:\(spelling)\n")))
    #expect(questionnaire.question("sign_b")?.help == nil)
    #expect(
      Fixtures.diagnostics(Fixtures.demo(("title: Demo", "title:\(spelling)")))
        == ["demo.yaml:5:\(spelling.isEmpty ? 7 : 8): title: 'title' needs a value"])
  }

  @Test(arguments: ["nULL", "NUll", "nul", "nulls", "~~", "\"null\"", "'~'", "\"\""])
  func nearNullsAreText(spelling: String) throws {
    let text = Fixtures.demo(("    text: Sign B?\n", "    text: Sign B?\n        help: \(spelling)\n"))
    if spelling == "\"\"" {
      #expect(Fixtures.diagnostics(text).first?.hasSuffix("sections[0].questions[2].help: the text is empty") == true)
      return
    }
    let questionnaire = try Fixtures.load(text)
    let expected =
      spelling.hasPrefix("\"") || spelling.hasPrefix("'") ? String(spelling.dropFirst().dropLast()) : spelling
    #expect(questionnaire.question("sign_b")?.help == expected)
  }

  /// Plain scalars: ':' and '#' inside a word are part of it, and a long run of letters read
  /// across the parser's 16 KiB input chunks is read whole, with the places after it right.
  @Test(arguments: [1, 2, 3, 4, 5, 8, 100, 2_000])
  func longPlainWordsAcrossInputChunks(before: Int) throws {
    let word = (0..<3_000).map { index in ["a", "Z", "9", "_", "-"][index % 5] }.joined()
    let question = "    text: Sign B?\n"
    let withHelp = Fixtures.demo((question, question + "        help: x\(word)y:z#w\n"))
    // Comment lines before the document move the word so that a chunk ends `before` bytes into it.
    let wordOffset = Array(withHelp.utf8).firstIndex(of: UInt8(ascii: "x"))!  // the first x is the word's
    let padding = 16_384 - wordOffset - before
    var comments = ""
    while comments.utf8.count < padding - 40 { comments += "# padding padding padding padding\n" }
    comments += "#" + String(repeating: "p", count: padding - comments.utf8.count - 2) + "\n"
    #expect(comments.utf8.count == padding)
    let text = comments + withHelp
    let questionnaire = try Fixtures.load(text)
    #expect(questionnaire.question("sign_b")?.help == "x\(word)y:z#w")
    // A mistake after the word is found at its own line and column.
    let broken = comments + Fixtures.demo((question, question + "        help: x\(word)y\n        hlep: z\n"))
    let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
      $0.hasPrefix("        hlep")
    }!
    #expect(
      Fixtures.diagnostics(broken) == [
        "demo.yaml:\(line + 1):9: sections[0].questions[2].hlep: unknown key 'hlep'; did you mean 'help'?"
      ])
  }
}
