import TestSupport
import Testing

@testable import ScreeningCore

/// `instruments.yaml`: the published instruments, checked like any data file, with located errors.
@Suite struct InstrumentLoaderTests {
  static func file(_ instrument: String) -> String {
    "format: 1\ninstruments:\n" + instrument
  }

  static let good = """
      - name: TEST-2
        source: A paper.
        panel_code: 11111-1
        total_code: 22222-2
        item_codes: [33333-3, 44444-4]
        ranges:
          - {min: 0, max: 2, name: low, guidance: This is not a diagnosis.}
          - {min: 3, max: 6, name: high, guidance: This is not a diagnosis.}
        alarms:
          - {code: 44444-4, level: crisis, title: Item two, guidance: Call now.}

    """

  @Test func aGoodFileLoads() throws {
    let loaded = InstrumentLoader.load(bytes: Array(Self.file(Self.good).utf8), fileName: "i.yaml")
    #expect(loaded.diagnostics.isEmpty)
    let instrument = try #require(loaded.value?.first)
    #expect(instrument.ranges.map(\.maximum) == [2, 6])
    #expect(instrument.alarms == [.init(code: "44444-4", level: .crisis, title: "Item two", guidance: "Call now.")])
  }

  @Test func eachMistakeIsLocated() {
    let bad = Self.good
      .replacing("panel_code: 11111-1", with: "panel_code: 11111")
      .replacing("{min: 3, max: 6", with: "{min: 4, max: 6")
      .replacing("code: 44444-4, level: crisis", with: "code: 55555-5, level: urgent")
    #expect(
      InstrumentLoader.load(bytes: Array(Self.file(bad + Self.good).utf8), fileName: "i.yaml").diagnostics.map(
        \.description) == [
          "i.yaml:5:17: instruments[0].panel_code: '11111' is not a LOINC code (digits, a dash and one check digit, "
            + "such as 44249-1)",
          "i.yaml:10:15: instruments[0].ranges[1].min: this range starts at 4, but the one before ends at 2; ranges "
            + "must follow on with no gap or overlap",
          "i.yaml:12:16: instruments[0].alarms[0].code: the alarm's code 55555-5 is not one of the instrument's item "
            + "codes",
          "i.yaml:12:32: instruments[0].alarms[0].level: 'urgent' is not a level; use one of: emergency, crisis, "
            + "medical",
        ])
    #expect(
      InstrumentLoader.load(bytes: Array(Self.file(Self.good + Self.good).utf8), fileName: "i.yaml").diagnostics.map(
        \.description) == [
          "i.yaml:13:11: instruments[1].name: duplicate instrument 'TEST-2'; it is first given at 3:11"
        ])
  }

  @Test func withoutTheInstrumentsAPHQ9IsOnlyItsOwnContent() throws {
    let bytes = try FHIRFixtures.file("phq-9.json")
    let plain = try #require(QuestionnaireLoader.load(bytes: bytes, fileName: "phq-9.json").value)
    #expect(plain.bands == nil && plain.redFlags.isEmpty)
    let known = try #require(
      QuestionnaireLoader.load(bytes: bytes, fileName: "phq-9.json", fhir: BundledData.fhirContext).value)
    #expect(known.bands?.bands.count == 5 && known.redFlags.count == 1)
  }

  @Test func onlyTheLowestRangesReassure() {
    let bad = Self.good.replacing(
      "{min: 3, max: 6, name: high, guidance: This is not a diagnosis.}",
      with: "{min: 3, max: 6, name: high, reassuring: true, guidance: This is not a diagnosis.}")
    #expect(
      InstrumentLoader.load(bytes: Array(Self.file(bad).utf8), fileName: "i.yaml").diagnostics.map(\.description) == [
        "i.yaml:10:50: instruments[0].ranges[1].reassuring: a range that reassures cannot follow one that does "
          + "not: only the lowest ranges reassure"
      ])
  }
}
