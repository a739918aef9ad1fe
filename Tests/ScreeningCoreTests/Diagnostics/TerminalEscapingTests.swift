import Testing

@testable import ScreeningCore

/// The one escaper between SelfScreen and a terminal.
@Suite struct TerminalEscapingTests {
  @Test func onlyLineFeedsTabsAndLineEndingCarriageReturnsPass() {
    #expect(TextSafety.forTerminal("plain text\n\twith a tab\n") == "plain text\n\twith a tab\n")
    #expect(TextSafety.forTerminal("a,b\r\nc,d\r\n") == "a,b\r\nc,d\r\n")
    #expect(TextSafety.forTerminal("over\rwrite") == "over<U+000D>write")
    #expect(TextSafety.forTerminal("\u{1B}[2J\u{9B}1m\u{7}") == "<U+001B>[2J<U+009B>1m<U+0007>")
    #expect(TextSafety.forTerminal("a\u{202E}b\u{200B}c\u{2028}d") == "a<U+202E>b<U+200B>c<U+2028>d")
    #expect(TextSafety.forTerminal("café ✓") == "café ✓")
    #expect(TextSafety.forTerminal("end\r") == "end<U+000D>")
  }

  @Test func aFileNameInADiagnosticIsEscaped() {
    let diagnostic = Diagnostic(
      file: "a\u{1B}]52;c;x\u{7}\nb.yaml", location: SourceLocation(line: 2, column: 3), path: "id", message: "m")
    #expect(diagnostic.description == "a<U+001B>]52;c;x<U+0007><U+000A>b.yaml:2:3: id: m")
  }
}
