import Testing

@testable import ScreeningCore

/// The FHIRPath subset: parsing, the collection rules, and the functions forms use.
@Suite struct FHIRPathTests {
  /// A response with a weighted coding, a number, a quantity, a date and a nested item.
  static let response = JSONValue.object([
    ("resourceType", .string("QuestionnaireResponse")),
    (
      "item",
      .array([
        .object([
          ("linkId", .string("q1")),
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
                    ),
                    ("code", .string("LA2")), ("display", .string("Several days")),
                  ])
                )
              ])
            ])
          ),
        ]),
        .object([("linkId", .string("q2")), ("answer", .array([.object([("valueInteger", .int(3))])]))]),
        .object([
          ("linkId", .string("weight")),
          (
            "answer",
            .array([.object([("valueQuantity", .object([("value", .decimal(70)), ("code", .string("kg"))]))])])
          ),
        ]),
        .object([("linkId", .string("born")), ("answer", .array([.object([("valueDate", .string("1990-06-15"))])]))]),
        .object([
          ("linkId", .string("group")),
          (
            "item",
            .array([
              .object([("linkId", .string("inner")), ("answer", .array([.object([("valueString", .string("Hi"))])]))])
            ])
          ),
        ]),
      ])
    ),
  ])

  static func evaluate(_ expression: String, variables: [String: [FHIRPathValue]] = [:]) throws -> [String] {
    var constants = variables
    constants["resource"] = [.node(response)]
    let evaluator = FHIRPathEvaluator(constants: constants, now: Timestamp(secondsSinceEpoch: 1_795_000_000))
    return try evaluator.evaluate(try FHIRPath.parse(expression), on: [.node(response)]).map {
      FHIRPathEvaluator.text(of: $0) ?? "<node>"
    }
  }

  /// `where(field = 'text')` is compared directly; it must give what the comparison gives item by
  /// item (written the other way round, it is evaluated in full).
  @Test(arguments: [
    "%resource.item", "%resource.descendants()", "%resource.item.answer", "%resource.repeat(item)",
    "%resource.item.answer.value", "(1 | 'q2' | %resource.item)",
  ])
  func aWhereOnOneFieldGivesWhatTheFullComparisonGives(base: String) throws {
    for (field, wanted) in [
      ("linkId", "q2"), ("linkId", "inner"), ("linkId", "none"), ("code", "LA2"), ("value", "70"),
    ] {
      let fast = try Self.evaluate("\(base).where(\(field) = '\(wanted)')")
      let full = try Self.evaluate("\(base).where('\(wanted)' = \(field))")
      #expect(fast == full, "\(base) \(field) \(wanted)")
    }
    #expect(try Self.evaluate("%resource.item.where(linkId = 'q2').answer.value") == ["3"])
  }

  @Test(arguments: [
    ("%resource.item.where(linkId='q2').answer.value", ["3"]),
    ("%resource.item.answer.value.weight().sum()", ["2"]),
    ("%resource.item.where(linkId != 'q1').answer.value.weight().sum()", ["0"]),
    ("%resource.item.where(linkId='q1').answer.value.ordinal()", ["2"]),
    ("%resource.item.where(linkId='q1').answer.value.code", ["LA2"]),
    ("%resource.repeat(item).where(linkId='inner').answer.value", ["Hi"]),
    ("%resource.descendants().where(linkId='inner').exists()", ["true"]),
    ("%resource.item.count()", ["5"]),
    ("%resource.item.where(linkId='nothing').answer.value + 1", []),
    ("iif(%resource.item.where(linkId='q2').answer.value > 2, 'high', 'low')", ["high"]),
    ("iif({}, 'yes', 'no')", ["no"]),
    ("(%resource.item.where(linkId='weight').answer.value.value / 1.75.power(2)).round(1)", ["22.9"]),
    ("%resource.item.where(linkId='weight').answer.value.value", ["70"]),
    ("%resource.item.where(linkId='weight').answer.value > 60", ["true"]),
    ("%resource.item.where(linkId='born').answer.value < @2000-01-01", ["true"]),
    ("%resource.item.where(linkId='born').answer.value.toString().substring(0, 4).toInteger()", ["1990"]),
    ("today()", ["2026-11-18"]),
    ("7 div 2 | 7 mod 2", ["3", "1"]),
    ("7 / 2", ["3.5"]),
    ("'a' & {} & 'b'", ["ab"]),
    ("true and {}", []),
    ("false and {}", ["false"]),
    ("true or {}", ["true"]),
    ("{} implies false", []),
    ("(1 | 2 | 2).count()", ["2"]),
    ("(1 | 2 | 3).where($this > 1).select($this * 10)", ["20", "30"]),
    ("(1 | 2 | 3).aggregate($this + $total, 0)", ["6"]),
    ("2 in (1 | 2)", ["true"]),
    ("'Hello' ~ 'hello'", ["true"]),
    ("'abc'.matches('^a.c$')", ["true"]),
    ("-(2.5).abs()", ["-2.5"]),
    ("%a + %b", ["5"]),
  ])
  func evaluates(expression: String, expected: [String]) throws {
    #expect(try Self.evaluate(expression, variables: ["a": [.integer(2)], "b": [.integer(3)]]) == expected)
  }

  @Test(arguments: [
    (
      "%resource.item.answer.value.toQuantity()",
      "the function 'toQuantity()' (column 29) is outside the FHIRPath SelfScreen reads"
    ),
    ("%resource.item is Coding", "the type operator 'is' (column 16) is outside the FHIRPath SelfScreen reads"),
    ("today() - 18 years", "the quantity 18 'years' (column 11) is outside the FHIRPath SelfScreen reads"),
    ("%resource.item.where(linkId = 'a'", "the expression ends too soon"),
    ("1 +", "the expression ends too soon"),
    ("iif(true)", "'iif()' at column 1 takes 2 to 3 arguments, not 1"),
    ("'open", "a quoted text is not closed at column 6"),
    ("1 # 2", "'#' is not part of FHIRPath at column 3"),
  ])
  func outsideTheSubsetIsNamed(expression: String, message: String) {
    #expect(throws: FHIRPath.Problem(message: message)) { try FHIRPath.parse(expression) }
  }

  @Test func runTimeErrorsThrowInsteadOfGivingAValue() throws {
    #expect(throws: FHIRPath.Problem.self) { try Self.evaluate("'a' + 1") }
    #expect(throws: FHIRPath.Problem.self) { try Self.evaluate("%resource.item.linkId.substring(1)") }
    #expect(throws: FHIRPath.Problem(message: "'%missing' is not defined")) { try Self.evaluate("%missing") }
  }

  @Test func constantsAndStringsAreListed() throws {
    let parsed = try FHIRPath.parse("%a.where(linkId = 'x') + %b + %a.count() + 'y'.length()")
    #expect(parsed.constants == ["a", "b"])
    #expect(parsed.strings == ["x", "y"])
  }
  @Test func hostileExpressionsAreRefusedOrEndQuickly() throws {
    #expect(throws: FHIRPath.Problem(message: "the expression nests more than 64 levels deep")) {
      try FHIRPath.parse(String(repeating: "(", count: 1_000) + "1" + String(repeating: ")", count: 1_000))
    }
    #expect(throws: FHIRPath.Problem(message: "the expression nests more than 64 levels deep")) {
      try FHIRPath.parse(String(repeating: "-", count: 1_000) + "1")
    }
    #expect(throws: FHIRPath.Problem(message: "the expression is longer than 4096 words and signs")) {
      try FHIRPath.parse(Array(repeating: "1", count: 3_000).joined(separator: " + "))
    }
    // Chains nest as deeply: the longest allowed evaluates, a longer one is refused.
    #expect(try Self.evaluate(Array(repeating: "1", count: 128).joined(separator: " + ")) == ["128"])
    #expect(throws: FHIRPath.Problem(message: "the expression chains more than 128 steps")) {
      try FHIRPath.parse("%resource" + String(repeating: ".item", count: 2_000))
    }
    #expect(try Self.evaluate("2.power(1000000000)") == [])
    #expect(try Self.evaluate("1.power(999999999999) + 0.power(999999999999) + (-1).power(999999999999)") == ["0"])
    #expect(try Self.evaluate("(2.5).round(1000000000)") == ["2.5"])
    #expect(throws: FHIRPath.Problem.self) { try Self.evaluate("%resource.repeat($this)") }
    // Found by FuzzFHIRPath: a repeat() whose items multiply each round, joined with `|`.
    #expect(throws: FHIRPath.Problem.self) {
      try Self.evaluate("-0~-%resource.repeat(i-00/-11|iraste&r |17| 6)&reSt *u3 |901-0")
    }
  }
}
