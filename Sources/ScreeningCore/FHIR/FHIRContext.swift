/// What a FHIR import may draw on besides the file itself: the value sets a person supplies
/// (`--value-sets`), and the published instruments SelfScreen knows (`instruments.yaml`).
public struct FHIRContext: Sendable {
  public var valueSets: ValueSetLibrary
  public var instruments: [StandardInstrument]

  public init(valueSets: ValueSetLibrary = .none, instruments: [StandardInstrument] = []) {
    self.valueSets = valueSets
    self.instruments = instruments
  }

  /// Nothing besides the file: no value sets supplied, no instrument recognised.
  public static let none = FHIRContext()
}
