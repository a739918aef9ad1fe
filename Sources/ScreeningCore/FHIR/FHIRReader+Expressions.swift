extension FHIRReader {
  /// The `%names` every expression may read besides the form's own variables.
  static let standardConstants: Set<String> = [
    "resource", "context", "questionnaire", "rootResource", "ucum", "sct", "loinc",
  ]

  /// The FHIRPath expression of an extension's `valueExpression`, when SelfScreen reads all of
  /// it; otherwise a warning naming what it cannot read, and nil.
  func expression(in found: FHIRElement, of name: String) -> String? {
    guard let value = values.object(found, "valueExpression", report: false) else {
      values.warning("\(name) has an expression extension with no valueExpression", found.place)
      return nil
    }
    let language = values.string(value, "language", report: false) ?? "text/fhirpath"
    guard let text = values.string(value, "expression", report: false) else {
      if values.string(value, "reference", report: false) != nil {
        values.warning(
          "\(name) refers to an expression kept elsewhere (valueExpression.reference); SelfScreen reads only "
            + "expressions written in the file", value.place(of: "reference"))
      }
      return nil
    }
    guard language == "text/fhirpath" else {
      values.warning(
        "\(name) has an expression in '\(TextSafety.visible(language))'; SelfScreen evaluates only FHIRPath "
          + "(text/fhirpath)", value.place(of: "language"))
      return nil
    }
    do {
      let parsed = try FHIRPath.parse(text)
      // The form itself is kept for evaluation only when an expression reads it.
      if parsed.constants.contains("questionnaire") { readsQuestionnaire = true }
      expressionsToCheck.append((parsed, value.place(of: "expression"), name, text))
      return text
    } catch let problem as FHIRPath.Problem {
      values.warning(
        "\(name): the FHIRPath expression '\(TextSafety.visible(text))' cannot be evaluated: \(problem.message)",
        value.place(of: "expression"))
      return nil
    } catch {
      return nil
    }
  }

  /// The `variable` extensions of an element, in order.
  func readVariables(_ element: FHIRElement) -> [FHIRLayout.Variable] {
    values.extensions(element, urls: [Self.variableURL]).compactMap { found in
      let name = values.object(found, "valueExpression", report: false).flatMap {
        values.string($0, "name", report: false)
      }
      guard let name else {
        values.warning("a variable extension has no name, so no expression can read it", found.place)
        return nil
      }
      guard let text = expression(in: found, of: "the variable '\(TextSafety.visible(name))'") else {
        // Still defined, so an expression that reads it gets no value rather than an error.
        return FHIRLayout.Variable(name: name, expression: "{}")
      }
      return FHIRLayout.Variable(name: name, expression: text)
    }
  }

  /// Warns about expressions that read a `%name` no variable in the file defines.
  func checkExpressionNames() {
    let defined = Set(variables.values.flatMap { $0.map(\.name) }).union(Self.standardConstants)
    for (parsed, place, name, text) in expressionsToCheck {
      for constant in parsed.constants where !defined.contains(constant) {
        values.warning(
          "\(name): the FHIRPath expression '\(TextSafety.visible(text))' reads %\(TextSafety.visible(constant)), "
            + "which no variable in the file defines; it gives no value", place)
      }
    }
  }
}
