import Foundation

@testable import ScreeningCore

/// The bundled questionnaire, read from `Questionnaires/` in this checkout.
nonisolated(unsafe) let ketamine = QuestionnaireLoader.load(
  bytes: Array(
    FileManager.default.contents(
      atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../../Questionnaires/ketamine.yaml").path)!),
  fileName: "Questionnaires/ketamine.yaml"
).value!

/// Any bytes as a native answers file for the ketamine questionnaire, then scored and exported.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let file = AnswersLoader.read(bytes: bytes, fileName: "a.json")
  for diagnostic in file.diagnostics { _ = diagnostic.description }
  guard let value = file.value else { return 0 }
  let checked = AnswersLoader.answers(of: value, for: ketamine)
  for diagnostic in checked.diagnostics { _ = diagnostic.description }
  guard let answers = checked.value else { return 0 }
  let result = Scorer.score(ketamine, answers: answers)
  _ = ResultReport(questionnaire: ketamine, result: result, region: nil).text
  let exporter = Exporter(
    questionnaire: ketamine, answers: answers, region: nil, created: Timestamp(secondsSinceEpoch: 0))
  for format in ExportFormat.allCases { _ = try? exporter.encode(format) }
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable through `<Target>_main`: hand over to libFuzzer's driver.
@_cdecl("FuzzAnswers_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzAnswers)
}
