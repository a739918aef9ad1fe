/// A few small value sets from FHIR, HL7 and LOINC that forms name by URL without containing them.
/// SelfScreen works offline, so it carries these itself; any other value set must be in the file.
enum StandardValueSets {
  /// The canonical URLs carried, for messages.
  static var urls: [String] { sets.map(\.url) }

  static let sets: [(url: String, json: String)] = [
    (
      "http://hl7.org/fhir/ValueSet/administrative-gender",
      concepts(
        "http://hl7.org/fhir/administrative-gender",
        [("male", "Male"), ("female", "Female"), ("other", "Other"), ("unknown", "Unknown")])
    ),
    (
      "http://hl7.org/fhir/ValueSet/yesnodontknow",
      #"""
      {"resourceType": "ValueSet", "expansion": {"contains": [
        {"system": "http://terminology.hl7.org/CodeSystem/v2-0136", "code": "Y", "display": "Yes"},
        {"system": "http://terminology.hl7.org/CodeSystem/v2-0136", "code": "N", "display": "No"},
        {"system": "http://terminology.hl7.org/CodeSystem/data-absent-reason", "code": "asked-unknown",
         "display": "Don't know"}]}}
      """#
    ),
    (
      "http://loinc.org/vs/LL361-7",
      concepts("http://loinc.org", [("LA33-6", "Yes"), ("LA32-8", "No")])
    ),
    (
      // The PHQ-9's and GAD-7's answers, with the scores LOINC gives them.
      "http://loinc.org/vs/LL358-3",
      #"""
      {"resourceType": "ValueSet", "expansion": {"contains": [
        {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/itemWeight", "valueDecimal": 0}],
         "system": "http://loinc.org", "code": "LA6568-5", "display": "Not at all"},
        {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/itemWeight", "valueDecimal": 1}],
         "system": "http://loinc.org", "code": "LA6569-3", "display": "Several days"},
        {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/itemWeight", "valueDecimal": 2}],
         "system": "http://loinc.org", "code": "LA6570-1", "display": "More than half the days"},
        {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/itemWeight", "valueDecimal": 3}],
         "system": "http://loinc.org", "code": "LA6571-9", "display": "Nearly every day"}]}}
      """#
    ),
  ]

  private static func concepts(_ system: String, _ list: [(String, String)]) -> String {
    let entries = list.map { #"{"system": "\#(system)", "code": "\#($0.0)", "display": "\#($0.1)"}"# }
    return #"{"resourceType": "ValueSet", "expansion": {"contains": [\#(entries.joined(separator: ", "))]}}"#
  }

  /// The value set with `reference` (a canonical URL, with or without `|version`), read as FHIR.
  static func valueSet(_ reference: String, limits: LoadLimits) -> FHIRElement? {
    let url = ValueSetLibrary.unversioned(reference)
    guard let json = sets.first(where: { $0.url == url })?.json else { return nil }
    let sink = DiagnosticSink(file: "(SelfScreen's copy of \(url))")
    guard let root = DocumentReader.read(Array(json.utf8), syntax: .json, limits: limits, into: sink) else {
      return nil
    }
    return FHIRElement(root, .root)
  }
}
