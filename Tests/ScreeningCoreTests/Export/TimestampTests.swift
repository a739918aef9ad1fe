import Testing

@testable import ScreeningCore

/// People read local time with its offset; machines read UTC.
@Suite struct TimestampTests {
  @Test func localTimeCarriesItsOffset() {
    let moment = 1_795_000_000  // 2026-11-18T11:06:40Z
    #expect(Timestamp(secondsSinceEpoch: moment).local == "2026-11-18 11:06:40 +00:00")
    #expect(Timestamp(secondsSinceEpoch: moment, utcOffset: 19_800).local == "2026-11-18 16:36:40 +05:30")
    #expect(Timestamp(secondsSinceEpoch: moment, utcOffset: -28_800).local == "2026-11-18 03:06:40 -08:00")
    #expect(Timestamp(secondsSinceEpoch: moment, utcOffset: -28_800).iso8601 == "2026-11-18T11:06:40Z")
    #expect(Timestamp(secondsSinceEpoch: moment, utcOffset: 46_800).local == "2026-11-19 00:06:40 +13:00")
  }
}
