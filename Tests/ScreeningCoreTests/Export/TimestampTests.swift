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

/// A typed file name means what it means in a shell.
@Suite struct ExportPathTests {
  @Test func tildeIsTheHomeFolderAndAFolderTakesTheSuggestedName() {
    let folders: Set<String> = ["/home/sam", "/home/sam/Documents", "reports"]
    func resolve(_ typed: String, home: String? = "/home/sam") -> String {
      ExportPath.resolve(typed, defaultName: "selfscreen-ketamine-2026-12-03.txt", home: home) { folders.contains($0) }
    }
    #expect(resolve("~/x.txt") == "/home/sam/x.txt")
    #expect(resolve("~") == "/home/sam/selfscreen-ketamine-2026-12-03.txt")
    #expect(resolve("~/Documents") == "/home/sam/Documents/selfscreen-ketamine-2026-12-03.txt")
    #expect(resolve("reports") == "reports/selfscreen-ketamine-2026-12-03.txt")
    #expect(resolve("new/") == "new/selfscreen-ketamine-2026-12-03.txt")
    #expect(resolve("  mine.txt ") == "mine.txt")
    #expect(resolve("~other/x.txt") == "~other/x.txt", "only the person's own ~ is expanded")
    #expect(resolve("~/x.txt", home: nil) == "~/x.txt")
  }
}
