import Testing

@testable import ScreeningCore

/// A loaded questionnaire carries the hash of its file; questionnaires compare by it.
@Suite struct ContentHashTests {
  @Test func aLoadedQuestionnaireCarriesTheHashOfItsFile() throws {
    let bytes = Array(Fixtures.demo.utf8)
    let questionnaire = try #require(QuestionnaireLoader.load(bytes: bytes, fileName: "demo.yaml").value)
    #expect(questionnaire.contentHash == "sha256:" + SHA256.hex(bytes))
  }

  @Test func questionnairesCompareByTheirHashes() throws {
    let bytes = Array(Fixtures.demo.utf8)
    let first = try #require(QuestionnaireLoader.load(bytes: bytes, fileName: "demo.yaml").value)
    let second = try #require(QuestionnaireLoader.load(bytes: bytes, fileName: "demo.yaml").value)
    #expect(first == second)
    #expect(Set([first, second]).count == 1)
    let edited = try #require(QuestionnaireLoader.load(bytes: bytes + Array("\n".utf8), fileName: "demo.yaml").value)
    #expect(edited != first)
    var given = first
    given.contentHash = first.contentHash
    #expect(given == first)
    given.contentHash = nil
    #expect(given != first)
    #expect(given.contentHash == nil)
  }
}
