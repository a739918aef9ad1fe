@testable import ScreeningCore

/// Any bytes, read as a YAML and as a JSON questionnaire (FHIR too, when it has a resourceType):
/// never a crash, a hang or a trap. An imported FHIR questionnaire is also converted and exported.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuestionnaire(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  for name in ["f.yaml", "f.json"] {
    let result = QuestionnaireLoader.load(bytes: bytes, fileName: name)
    // Every problem is located and printable; a value comes only without errors.
    for diagnostic in result.diagnostics { _ = diagnostic.description }
    if result.hasErrors { precondition(result.value == nil) }
    if let questionnaire = result.value {
      let session = ScreeningSession(questionnaire: questionnaire)
      _ = session.progress
      _ = session.result
      if questionnaire.fhir != nil {
        let answers = Dictionary(
          uniqueKeysWithValues: questionnaire.questions.compactMap { question in
            question.options.first.map { (question.id, Answer.choice($0.code)) }
          })
        _ = try? Exporter(questionnaire: questionnaire, answers: answers, region: nil, created: .now()).encode(.fhir)
        precondition(FHIRImporter.convert(bytes: bytes, fileName: name).yaml != nil)
      }
    }
  }
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable through `<Target>_main`: hand over to libFuzzer's driver.
@_cdecl("FuzzQuestionnaire_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzQuestionnaire)
}
