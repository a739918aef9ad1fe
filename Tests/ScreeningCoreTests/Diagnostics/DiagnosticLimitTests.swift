import Testing

@testable import ScreeningCore

/// A sink keeps the first hundred diagnostics, errors before warnings, and counts the rest.
@Suite struct DiagnosticLimitTests {
  @Test func errorsTakeThePlaceOfWarningsAndTheRestAreCounted() {
    let sink = DiagnosticSink(file: "f.yaml")
    for line in 1...150 { sink.warning("w\(line)", at: SourceLocation(line: line, column: 1), path: .root) }
    #expect(!sink.hasErrors)
    for line in 151...160 { sink.error("e\(line)", at: SourceLocation(line: line, column: 1), path: "x") }
    #expect(sink.hasErrors)
    #expect(sink.total == 160)
    let shown = sink.sorted
    #expect(shown.count == 101)
    #expect(shown.filter { $0.severity == .error }.count == 10)
    #expect(shown.prefix(100).filter { $0.severity == .error }.map(\.message) == (151...160).map { "e\($0)" })
    #expect(
      shown.last?.message
        == "and 60 more problems not shown (the first is here); fix those above and check the file again")
    #expect(shown.last?.severity == .warning, "only warnings were left out")
    #expect(shown.errorCount == 10)
  }

  @Test func aSinkWithinTheLimitShowsEverythingAndNoClosingLine() {
    let sink = DiagnosticSink(file: "f.yaml")
    for line in 1...100 { sink.error("e", at: SourceLocation(line: line, column: 1), path: "x") }
    #expect(sink.sorted.count == 100)
    sink.error("one more", at: SourceLocation(line: 101, column: 1), path: "x")
    #expect(
      sink.sorted.last?.description
        == "f.yaml:101:1: (file): and 1 more problem not shown (the first is here); fix those above and check the file again"
    )
    #expect(sink.sorted.errorCount == 101)
  }
}
