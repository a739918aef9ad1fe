import TestSupport
import Testing

@testable import ScreeningCore

/// The bundled help resources: every region, locale choice, and order.
@Suite struct HelpDirectoryTests {
  private func directory() throws -> HelpDirectory {
    let result = BundledData.helpDirectory()
    #expect(result.diagnostics.map(\.description) == [])
    return try #require(result.value)
  }

  @Test(arguments: [
    ("US", ["911", "988 or 1-800-273-8255", "1-800-662-4357", "1-800-222-1222"]),
    ("UK", ["999", "111", "0300 123 6600", "116 123"]),
    ("IE", ["112", "1800 459 459", "01 809 2166", "116 123"]),
    ("CA", ["911", "988", "811", "1-844-764-7669"]),
    ("AU", ["000", "1800 250 015", "13 11 14", "13 11 26", "1800 022 222"]),
    ("INTL", ["112", "116 123"]),
  ])
  func eachRegionListsItsServicesWithEmergencyFirst(code: String, phones: [String]) throws {
    let region = try #require(try directory().region(code: code))
    #expect(region.resources.compactMap(\.phone) == phones)
    #expect(region.resources.first?.kind == .emergency)
    for resource in region.resources {
      #expect(resource.lastVerified.count == 10)
      // A source page to check against, except for general advice with no number ("a local doctor").
      #expect(resource.source.hasPrefix("https://") || (resource.kind == .gp && resource.contactLine.isEmpty))
    }
  }

  @Test func theUKListsTheGP() throws {
    #expect(try directory().region(code: "UK")?.resources.contains { $0.kind == .gp } == true)
  }

  @Test(arguments: [
    (["LANG": "en_GB.UTF-8"], "UK"), (["LANG": "en_US.UTF-8"], "US"), (["LANG": "fr_CA.UTF-8"], "CA"),
    (["LANG": "en_IE@euro"], "IE"), (["LANG": "en_AU"], "AU"), (["LANG": "de_DE.UTF-8"], "INTL"),
    (["LANG": "C.UTF-8"], "INTL"), ([:], "INTL"), (["LANG": "en_US.UTF-8", "LC_ALL": "en_GB.UTF-8"], "UK"),
    (["LANG": "en_US.UTF-8", "LC_MESSAGES": "en_AU.UTF-8"], "AU"), (["LC_ALL": "", "LANG": "en_GB"], "UK"),
  ])
  func regionComesFromTheLocale(environment: [String: String], code: String) throws {
    #expect(try directory().region(forEnvironment: environment)?.code == code)
  }

  @Test func regionCodesAreCaseInsensitiveWithAliases() throws {
    let directory = try directory()
    #expect(directory.region(code: "uk")?.code == "UK")
    #expect(directory.region(code: "GB")?.code == "UK")
    #expect(directory.region(code: "international")?.code == "INTL")
    #expect(directory.region(code: "XX") == nil)
  }

  @Test func contactsFollowTheKindsAskedForInTheirOrderEachOnce() throws {
    let uk = try #require(try directory().region(code: "UK"))
    #expect(uk.contacts(for: [.emergency, .poison]).map(\.name) == ["Emergency services", "NHS 111"])
    #expect(uk.contacts(for: [.crisis, .emergency]).map(\.name) == ["Samaritans", "Emergency services"])
    #expect(uk.contacts(for: [.medical, .gp]).map(\.name) == ["NHS 111", "Your GP"])
    let us = try #require(try directory().region(code: "US"))
    #expect(us.contacts(for: [.emergency, .poison]).map(\.name) == ["Emergency services", "Poison Help"])
    #expect(us.contacts(for: [.medical, .gp]).map(\.name) == ["Your doctor or an urgent care clinic"])
  }

  /// Every region can answer every kind of need the bundled red flags and messages name, and a
  /// drug service (or an honest "ask your doctor") is listed everywhere.
  @Test func everyRegionHasEveryKindOfContactTheKetamineCheckNeeds() throws {
    let questionnaire = try Fixtures.ketamine()
    let kinds = Set(questionnaire.redFlags.flatMap(\.contacts) + questionnaire.messages.flatMap(\.contacts))
    #expect(kinds == [.emergency, .poison, .crisis, .medical, .gp])
    // A person's own doctor (`gp`) follows the same-day route (`medical`); not every region lists one.
    for region in try directory().regions {
      for kind in kinds.subtracting([.gp]).union([.drugs]) {
        #expect(region.resources.contains { $0.serves(kind) }, "\(region.code) has no '\(kind.rawValue)' contact")
      }
    }
  }

  @Test func resourceFilesAreCheckedStrictly() {
    let text = """
      format: 1
      regions:
        - code: UK
          name: United Kingdom
          locales: [GB]
          resources:
            - {name: Helpline, kind: support, purpose: Talk., phone: "1", last_verified: 2026-11-22, source: x}
            - {name: Emergency, kind: emergency, purpose: Now., last_verified: 2026-11-22, source: x}
            - {name: Line, kind: drugs, purpose: Ask., phone: "3", last_verified: 22/11/2026, source: x, fax: "2"}
      """
    #expect(
      HelpDirectoryLoader.load(bytes: Array(text.utf8), fileName: "r.yaml").diagnostics.map(\.description) == [
        "r.yaml:3:3: regions: there is no 'INTL' region to fall back on",
        "r.yaml:8:9: regions[0].resources[1]: a resource needs at least one of 'phone', 'text' and 'web'",
        "r.yaml:8:33: regions[0].resources[1].kind: emergency services must be listed first in their region",
        "r.yaml:9:77: regions[0].resources[2].last_verified: expected a date as YYYY-MM-DD, found \"22/11/2026\"",
        "r.yaml:9:100: regions[0].resources[2].fax: unknown key 'fax'; a resource can have: name, kind, also, purpose, "
          + "phone, text, web, hours, last_verified, source, substance_use_only, general_purpose",
      ])
  }
}
