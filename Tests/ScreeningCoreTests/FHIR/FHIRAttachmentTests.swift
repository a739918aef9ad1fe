import Foundation
import TestSupport
import Testing

@testable import ScreeningCore

/// FHIR `attachment` items (a photo, a letter) are asked as native `file` questions; the
/// QuestionnaireResponse holds the file, as FHIR's `valueAttachment` does.
@Suite struct FHIRAttachmentTests {
  static let item = """
    {"linkId": "photo", "type": "attachment", "text": "A photo of the rash?", "required": true, "extension": [
      {"url": "http://hl7.org/fhir/StructureDefinition/mimeType", "valueCode": "image/*"},
      {"url": "http://hl7.org/fhir/StructureDefinition/mimeType", "valueCode": "application/pdf"},
      {"url": "http://hl7.org/fhir/StructureDefinition/maxSize", "valueDecimal": 5242880}]}
    """

  @Test func anAttachmentIsAFileQuestionWithItsKindsAndLargestSize() throws {
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(Self.item))
    #expect(warnings == [])
    let question = try #require(questionnaire.question("photo"))
    #expect(question.type == .file)
    #expect(question.isRequired)
    #expect(question.accept == ["image/*", "application/pdf"])
    #expect(question.maxSize == 5_242_880)
    #expect(questionnaire.fhir?.notAsked == [])
  }

  @Test func aLargestSizeAboveTenMiBIsCappedWithAWarning() throws {
    let item = """
      {"linkId": "scan", "type": "attachment", "text": "Your scan?", "extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/maxSize", "valueInteger": 104857600}]}
      """
    let (questionnaire, warnings) = try FHIRFixtures.load(FHIRFixtures.questionnaire(item))
    #expect(questionnaire.question("scan")?.maxSize == AttachedFile.largest)
    #expect(
      warnings == [
        "q.json:10:3: warning: item[0].extension[0]: item 'scan' takes files up to 104857600 bytes; SelfScreen "
          + "takes them up to 10 MB"
      ])
  }

  @Test func theResponseHoldsTheFileItsTypeSizeAndName() throws {
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(Self.item))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-fhir-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("rash.png")
    let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0, 255, 10]
    try Data(bytes).write(to: file)
    let response = try FHIRExportTests.response(questionnaire, ["photo": .text(file.path)])
    let answer = (FHIRExportTests.items(response)["photo"]?["answer"] as? [[String: Any]])?.first
    let attachment = try #require(answer?["valueAttachment"] as? [String: Any])
    #expect(attachment["contentType"] as? String == "image/png")
    #expect(attachment["data"] as? String == Data(bytes).base64EncodedString())
    #expect(attachment["size"] as? Int == bytes.count)
    #expect(attachment["title"] as? String == "rash.png")
    #expect(attachment.count == 4)

    // The other formats name the file; they never hold it.
    let exporter = Exporter(
      questionnaire: questionnaire, answers: ["photo": .text(file.path)], region: nil, created: .now())
    let text = String(decoding: try exporter.encode(.text), as: UTF8.self).replacingOccurrences(
      of: "\n     ", with: " ")
    #expect(text.contains("Answer: rash.png, not included in this summary (the file is at \(file.path))"))
    let json = String(decoding: try exporter.encode(.json), as: UTF8.self)
    #expect(json.contains("\"photo\": \"\(file.path)\""))
    #expect(!json.contains(Data(bytes).base64EncodedString()))

    // A file gone by the time the answers are saved fails the export, naming it; nothing is guessed.
    try FileManager.default.removeItem(at: file)
    #expect(throws: WriteError(kind: .inputOutput, path: file.path, cause: .attachment(ENOENT))) {
      try exporter.encode(.fhir)
    }
    let error = WriteError(kind: .inputOutput, path: file.path, cause: .attachment(ENOENT))
    #expect(
      error.description
        == "the attached file \(file.path) can no longer be read (it is no longer there); put it back, or go "
        + "back and attach it again")
    #expect(throws: Never.self) { try exporter.encode(.text) }
  }

  /// FHIRPath reads the response as the person answers: the attachment is there, without its bytes.
  @Test func expressionsSeeTheAttachmentWithoutReadingTheFile() throws {
    let items = """
      {"linkId": "photo", "type": "attachment", "text": "A photo?"},
      {"linkId": "why", "type": "string", "text": "What does the photo show?",
       "extension": [{"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
         "valueExpression": {"language": "text/fhirpath",
           "expression": "%resource.item.where(linkId='photo').answer.value.contentType = 'image/png'"}}]}
      """
    let (questionnaire, _) = try FHIRFixtures.load(FHIRFixtures.questionnaire(items))
    let why = try #require(questionnaire.questions.firstIndex { $0.id == "why" })
    #expect(questionnaire.visibility(for: ["photo": .text("/nowhere/rash.png")]).shown.contains(why))
    #expect(!questionnaire.visibility(for: ["photo": .text("/nowhere/scan.pdf")]).shown.contains(why))
    let named = FHIRResponseBuilder.attachment("/nowhere/rash.png", bytes: nil).text
    #expect(named.contains("\"title\": \"rash.png\"") && !named.contains("data") && !named.contains("size"))
  }

  /// A native questionnaire has the same `file` type, with `accept` and `max_size`.
  @Test func nativeFileQuestionsAndTheirMistakes() throws {
    let good = SharedFixtures.questionnaire(questions: [
      #"{id: photo, text: "A photo?", type: file, accept: [image/*, application/pdf], max_size: 2048}"#
    ])
    let question = try #require(try Fixtures.load(good).question("photo"))
    #expect(question.accept == ["image/*", "application/pdf"])
    #expect(question.maxSize == 2048)
    let bad = SharedFixtures.questionnaire(questions: [
      #"{id: photo, text: "A photo?", type: file, accept: [images], max_size: 20000000}"#,
      #"{id: name, text: "Name?", type: text, accept: [image/*]}"#,
    ])
    #expect(
      Fixtures.diagnostics(bytes: Array(bad.utf8)) == [
        "demo.yaml:12:60: sections[0].questions[0].accept[0]: 'images' is not a media type; write it as "
          + "type/subtype (image/png, image/*, application/pdf)",
        "demo.yaml:12:79: sections[0].questions[0].max_size: 'max_size' must be between 1 and 10485760 bytes (10 MB)",
        "demo.yaml:13:55: sections[0].questions[1].accept: 'accept' is only for file questions",
      ])
  }
}
