import TestSupport
import Testing

@testable import ScreeningCore

/// The help listed fits what the questionnaire is about: a skin form or a depression scale run from
/// FHIR lists no drug services, and describes the GP without them; SelfScreen's own substance-use
/// questionnaires list everything.
@Suite struct HelpTopicTests {
  static func directory() throws -> HelpDirectory {
    try #require(BundledData.helpDirectory().value)
  }

  /// Every region, as a general questionnaire lists it: no drug, alcohol or poisons service, and
  /// no words about them (a poisons line next to a depression scale's self-harm question reads as
  /// a hint, a GP noted). A service added without `substance_use_only` fails this test.
  @Test func withAGeneralQuestionnaireNoRegionMentionsDrugServices() throws {
    for region in try Self.directory().regions {
      let general = region.about(.general)
      #expect(general.resources.first?.kind == .emergency, "\(region.code)")
      #expect(general.resources.contains { $0.kind == .crisis }, "\(region.code): crisis help stays")
      for resource in general.resources {
        #expect(![.drugs, .treatment, .poison].contains(resource.kind), "\(region.code): \(resource.name)")
        for word in [
          "drug", "alcohol", "ketamine", "addiction", "poison", "something someone has taken",
        ] {
          #expect(
            !resource.purpose.lowercased().contains(word), "\(region.code): \(resource.name) says '\(word)'")
        }
      }
    }
  }

  @Test func withASubstanceUseQuestionnaireEveryResourceIsListedAsWritten() throws {
    for region in try Self.directory().regions {
      #expect(region.about(.substanceUse) == region)
    }
    let uk = try #require(try Self.directory().region(code: "UK"))
    #expect(uk.resources.map(\.name) == ["Emergency services", "NHS 111", "FRANK", "Samaritans", "Your GP"])
    #expect(uk.about(.general).resources.map(\.name) == ["Emergency services", "NHS 111", "Samaritans", "Your GP"])
    #expect(uk.about(.general).resources[1].purpose.hasPrefix("Urgent medical help and advice when it is not an"))
    #expect(uk.about(.general).resources.last?.purpose == "Your GP can give confidential advice.")
    // A service with no number is listed by its purpose, without its name said twice.
    #expect(uk.about(.general).resources.last?.summaryLine == "Your GP can give confidential advice.")
    let ireland = try #require(try Self.directory().region(code: "IE")).resources.first { $0.kind == .gp }
    #expect(ireland?.summaryLine.hasPrefix("Your GP or GP out-of-hours service: Your GP, or the GP") == true)
    #expect(uk.about(.general).about(.general) == uk.about(.general), "applying it twice changes nothing more")
  }

  @Test func formsFromFHIRAreGeneralAndNativeOnesAboutSubstanceUseUnlessTheySayOtherwise() throws {
    let (fhir, _) = try FHIRFixtures.load(
      FHIRFixtures.questionnaire(#"{"linkId": "itch", "type": "boolean", "text": "Does it itch?"}"#))
    #expect(fhir.topic == .general)
    #expect(try Fixtures.ketamine().topic == .substanceUse)
    let general = SharedFixtures.questionnaire(questions: ["{id: a, text: A?, type: text}"])
      .replacingOccurrences(of: "title: Typed\n", with: "title: Typed\ntopic: general\n")
    #expect(try Fixtures.load(general).topic == .general)
    let wrong = general.replacingOccurrences(of: "topic: general", with: "topic: skin")
    #expect(
      Fixtures.diagnostics(bytes: Array(wrong.utf8)) == [
        "demo.yaml:6:8: topic: 'skin' is not a topic; use one of: substance_use, general"
      ])
  }

  @Test func aGeneralPurposeOnADrugServiceIsAMistake() {
    let text = """
      format: 1
      regions:
        - code: INTL
          name: International
          locales: []
          resources:
            - {name: Emergency, kind: emergency, purpose: Now., phone: "112", last_verified: 2026-11-22, source: x}
            - {name: Line, kind: drugs, purpose: Drugs., phone: "3", last_verified: 2026-11-22, source: x,
               substance_use_only: true, general_purpose: Anything.}
      """
    #expect(
      HelpDirectoryLoader.load(bytes: Array(text.utf8), fileName: "r.yaml").diagnostics.map(\.description) == [
        "r.yaml:9:53: regions[0].resources[1].general_purpose: 'general_purpose' is never shown for a resource that "
          + "is 'substance_use_only'"
      ])
  }

  /// The result of a general questionnaire lists the general help.
  @Test func theResultOfAFHIRFormListsNoDrugService() throws {
    let (fhir, _) = try FHIRFixtures.load(
      FHIRFixtures.questionnaire(#"{"linkId": "itch", "type": "boolean", "text": "Does it itch?"}"#))
    let uk = try #require(try Self.directory().region(code: "UK"))
    let report = ResultReport(
      questionnaire: fhir, result: Scorer.score(fhir, answers: [:]), region: uk.about(fhir.topic)
    ).text
    #expect(report.contains("Samaritans: call 116 123"))
    #expect(!report.contains("FRANK") && !report.contains("drug"))
  }

  /// Outside the regions SelfScreen knows, the emergency line says to use the local number where
  /// 112 is not it: the crisis box lists names and numbers only, not purposes.
  @Test func theInternationalEmergencyLineNamesTheLocalNumber() throws {
    let intl = try #require(try Self.directory().region(code: "INTL"))
    let emergency = try #require(intl.resources.first)
    #expect(emergency.kind == .emergency)
    #expect(emergency.nameAndContact.contains("elsewhere, your local emergency number"))
  }
}
