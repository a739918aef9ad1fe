import Testing

@testable import ScreeningCore

/// The content hash is worked out from the file when first read; it reads, compares and hashes as
/// the plain value it replaced.
@Suite struct ContentDigestTests {
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
