@testable import ScreeningCore

/// A response with nested items, weighted codings, numbers, a quantity and dates.
nonisolated(unsafe) let response = JSONValue.object([
  ("resourceType", .string("QuestionnaireResponse")),
  (
    "item",
    .array([
      .object([
        ("linkId", .string("a")),
        (
          "answer",
          .array([
            .object([
              (
                "valueCoding",
                .object([
                  (
                    "extension",
                    .array([
                      .object([
                        ("url", .string("http://hl7.org/fhir/StructureDefinition/itemWeight")),
                        ("valueDecimal", .decimal(2)),
                      ])
                    ])
                  ), ("code", .string("x")),
                ])
              ),
              (
                "item",
                .array([
                  .object([("linkId", .string("b")), ("answer", .array([.object([("valueInteger", .int(3))])]))])
                ])
              ),
            ])
          ])
        ),
      ]),
      .object([
        ("linkId", .string("q")),
        (
          "answer", .array([.object([("valueQuantity", .object([("value", .decimal(70)), ("code", .string("kg"))]))])])
        ),
      ]),
      .object([("linkId", .string("d")), ("answer", .array([.object([("valueDate", .string("2000-01-31"))])]))]),
    ])
  ),
])

/// Any text as a FHIRPath expression: parsing refuses it or gives a tree, and evaluating that tree
/// over a response gives a value or a Problem, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFHIRPath(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let parsed = try? FHIRPath.parse(text) else { return 0 }
  let evaluator = FHIRPathEvaluator(
    constants: ["resource": [.node(response)], "context": [.node(response)], "v": [.integer(2)]],
    now: Timestamp(secondsSinceEpoch: 1_795_000_000))
  _ = try? evaluator.evaluate(parsed, on: [.node(response)])
  _ = parsed.constants
  _ = parsed.strings
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable through `<Target>_main`: hand over to libFuzzer's driver.
@_cdecl("FuzzFHIRPath_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzFHIRPath)
}
