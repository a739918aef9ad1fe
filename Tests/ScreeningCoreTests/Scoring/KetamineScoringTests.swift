import TestSupport
import Testing

@testable import ScreeningCore

/// Every band boundary and every red flag of the bundled ketamine questionnaire.
@Suite struct KetamineScoringTests {
  static let signIDs = [
    "sign_more_than_intended", "sign_cut_down", "sign_time_spent", "sign_craving", "sign_missed_duties",
    "sign_relationships", "sign_gave_up_activities", "sign_risky_use", "sign_health_despite",
    "sign_tolerance",
  ]
  static let otherYesNo =
    [
      "urinary_symptoms", "memory_attention", "feeling_detached", "racing_heart", "others_concerned",
      "mixing_depressants", "coping_low_mood",
    ] + safetyIDs
  /// The safety questions asked on the "yes, in other ways" path, in asking order.
  static let safetyIDs = [
    "safety_passed_out", "safety_emergency_care", "safety_chest_pain", "safety_stomach_cramps",
    "safety_bladder_blood", "safety_cannot_pee", "safety_kidney_pain", "safety_hallucinations",
    "safety_self_harm_thoughts",
  ]

  /// A complete set of answers: use in the past year, `yes` signs answered yes, the rest no.
  static func answers(yes: Int, changes: [String: Answer] = [:]) -> [String: Answer] {
    var answers: [String: Answer] = ["used_past_year": .choice("yes"), "frequency_3m": .choice("monthly")]
    for (index, id) in signIDs.enumerated() { answers[id] = .choice(index < yes ? "yes" : "no") }
    for id in otherYesNo { answers[id] = .choice("no") }
    answers["withdrawal_after_stopping"] = .choices(["none"])
    answers.merge(changes) { $1 }
    return answers
  }

  @Test(arguments: [
    (0, "few"), (1, "few"), (2, "some"), (3, "some"), (4, "several"), (5, "several"), (6, "many"),
    (7, "many"), (10, "many"),
  ])
  func bandBoundaries(yes: Int, band: String) throws {
    let questionnaire = try Fixtures.ketamine()
    let result = Scorer.score(questionnaire, answers: Self.answers(yes: yes))
    #expect(result.bandScore?.value == yes)
    #expect(result.band?.id == band)
    #expect(result.bandScore?.contributingIDs == Array(Self.signIDs.prefix(yes)))
    #expect(result.redFlags.isEmpty)
    #expect(!result.mayUnderstate)
  }

  @Test func bandLabelsDescribeSignsNeverSeverity() throws {
    let questionnaire = try Fixtures.ketamine()
    #expect(
      questionnaire.bands?.bands.map(\.label) == ["Few or no signs", "Some signs", "Several signs", "Many signs"])
  }

  @Test(arguments: [
    ("safety_passed_out", "rf_overdose", RedFlag.Level.emergency, [HelpResource.Kind.emergency, .poison]),
    ("safety_emergency_care", "rf_overdose", .emergency, [.emergency, .poison]),
    ("safety_chest_pain", "rf_chest_pain", .emergency, [.emergency, .poison]),
    ("safety_stomach_cramps", "rf_stomach_cramps", .medical, [.medical, .gp]),
    ("safety_bladder_blood", "rf_bladder_blood", .medical, [.medical, .gp]),
    ("safety_cannot_pee", "rf_cannot_pee", .medical, [.medical, .gp]),
    ("safety_kidney_pain", "rf_kidney_pain", .medical, [.medical, .gp]),
    ("safety_hallucinations", "rf_hallucinations", .medical, [.medical, .gp, .emergency]),
    ("safety_self_harm_thoughts", "rf_self_harm", .crisis, [.crisis, .emergency]),
  ])
  func eachRedFlagFiresWhateverTheScoreAndNamesItsContacts(
    question: String, flag: String, level: RedFlag.Level, contacts: [HelpResource.Kind]
  ) throws {
    let questionnaire = try Fixtures.ketamine()
    let result = Scorer.score(questionnaire, answers: Self.answers(yes: 0, changes: [question: .choice("yes")]))
    #expect(result.redFlags.map(\.id) == [flag])
    #expect(result.redFlags.first?.level == level)
    #expect(result.redFlags.first?.contacts == contacts)
    // No reassurance after a red flag: the "few or no signs" band is withheld.
    #expect(result.band == nil)
    #expect(result.withheldBand == .afterRedFlag)
  }

  @Test func aRedFlagLeavesABandThatDoesNotReassure() throws {
    let questionnaire = try Fixtures.ketamine()
    let result = Scorer.score(
      questionnaire, answers: Self.answers(yes: 4, changes: ["safety_chest_pain": .choice("yes")]))
    #expect(result.band?.id == "several")
    #expect(result.withheldBand == nil)
  }

  @Test func aRacingHeartAloneIsNotAnEmergency() throws {
    let questionnaire = try Fixtures.ketamine()
    let result = Scorer.score(questionnaire, answers: Self.answers(yes: 0, changes: ["racing_heart": .choice("yes")]))
    #expect(result.redFlags.isEmpty)
    #expect(result.messages.map(\.id) == ["racing_heart"])
  }

  @Test func harmingYourselfRightNowComesFirst() throws {
    let questionnaire = try Fixtures.ketamine()
    let answers = Self.answers(
      yes: 5,
      changes: [
        "safety_passed_out": .choice("yes"), "safety_self_harm_thoughts": .choice("yes"),
        "safety_self_harm_now": .choice("yes"),
      ])
    let result = Scorer.score(questionnaire, answers: answers)
    #expect(result.redFlags.map(\.id) == ["rf_self_harm_now", "rf_overdose", "rf_self_harm"])
    #expect(result.redFlags.first?.level == .emergency)
  }

  @Test func theRightNowFollowUpIsAskedOnlyAfterAYes() throws {
    let questionnaire = try Fixtures.ketamine()
    let no = ScreeningSession(questionnaire: questionnaire, answers: Self.answers(yes: 0))
    #expect(!no.shownQuestions.map(\.id).contains("safety_self_harm_now"))
    let yes = ScreeningSession(
      questionnaire: questionnaire,
      answers: Self.answers(yes: 0, changes: ["safety_self_harm_thoughts": .choice("yes")]))
    #expect(yes.shownQuestions.map(\.id).last == "safety_self_harm_now")
  }

  @Test func noUseEndsWithSupportAndScoresNothing() throws {
    let questionnaire = try Fixtures.ketamine()
    // Sign answers left over from an earlier path must not count.
    let answers = Self.answers(yes: 8, changes: ["used_past_year": .choice("no"), "used_before": .choice("no")])
    let session = ScreeningSession(questionnaire: questionnaire, answers: answers)
    #expect(session.shownQuestions.map(\.id) == ["used_past_year", "used_before"])
    let result = Scorer.score(questionnaire, answers: answers)
    #expect(result.band == nil)
    #expect(result.bandScore?.value == 0)
    #expect(result.messages.map(\.id) == ["no_use"])
    #expect(result.redFlags.isEmpty)
  }

  @Test func supervisedTreatmentOnlyPointsToThePrescriberAndStillChecksSafety() throws {
    let questionnaire = try Fixtures.ketamine()
    let answers = Self.answers(
      yes: 8, changes: ["used_past_year": .choice("supervised_only"), "safety_chest_pain": .choice("yes")])
    let session = ScreeningSession(questionnaire: questionnaire, answers: answers)
    #expect(session.shownQuestions.map(\.id).filter { $0.hasPrefix("sign_") }.isEmpty)
    // Every safety question is asked on the treatment path, self-harm included.
    #expect(session.shownQuestions.map(\.id).filter { $0.hasPrefix("safety_") } == Self.safetyIDs)
    let result = Scorer.score(questionnaire, answers: answers)
    #expect(result.band == nil)
    #expect(result.messages.map(\.id) == ["supervised"])
    #expect(result.redFlags.map(\.id) == ["rf_chest_pain"])
  }

  @Test func preferNotToSayIsSkippedAndTheResultMayUnderstate() throws {
    let questionnaire = try Fixtures.ketamine()
    let answers = Self.answers(
      yes: 3, changes: ["sign_tolerance": .choice("prefer_not"), "sign_missed_duties": .choice("prefer_not")])
    let result = Scorer.score(questionnaire, answers: answers)
    #expect(result.band?.id == "some")
    #expect(result.bandScore?.skippedIDs == ["sign_missed_duties", "sign_tolerance"])
    #expect(result.mayUnderstate)
    let report = ResultReport(questionnaire: questionnaire, result: result, region: nil).text
    #expect(
      report.contains(
        "2 of these questions were skipped or answered \"prefer not to say\", so this\nresult may understate."))
  }

  @Test func withdrawalAndHealthItemsShapeGuidanceButAreNotCounted() throws {
    let questionnaire = try Fixtures.ketamine()
    let answers = Self.answers(
      yes: 1,
      changes: [
        "withdrawal_after_stopping": .choices(["anxiety", "insomnia", "sweating"]), "urinary_symptoms": .choice("yes"),
        "mixing_depressants": .choice("yes"),
      ])
    let result = Scorer.score(questionnaire, answers: answers)
    #expect(result.band?.id == "few")
    #expect(result.messages.map(\.id) == ["withdrawal_noted", "bladder_health", "mixing"])
  }

  @Test func domainsChartTheSigns() throws {
    let questionnaire = try Fixtures.ketamine()
    let result = Scorer.score(questionnaire, answers: Self.answers(yes: 5))
    #expect(
      result.domains.map { "\($0.domain.id) \($0.value)/\($0.maximum)" } == [
        "control 4/4", "daily_life 1/3", "risk 0/2", "tolerance 0/1",
      ])
  }

  @Test(arguments: [0, 2, 4, 6, 10])
  func noReportStatesADiagnosis(yes: Int) throws {
    let questionnaire = try Fixtures.ketamine()
    let directory = try #require(BundledData.helpDirectory().value)
    let answers = Self.answers(yes: yes, changes: ["safety_passed_out": .choice(yes > 5 ? "yes" : "no")])
    let result = Scorer.score(questionnaire, answers: answers)
    let report = ResultReport(questionnaire: questionnaire, result: result, region: directory.region(code: "UK")).text
    #expect(WordingCheck.problem(in: report, language: "en") == nil)
    #expect(!report.lowercased().contains("disorder"))
    #expect(!report.lowercased().contains("addict"))
  }

  @Test func urgentGuidanceComesFirstInTheReport() throws {
    let questionnaire = try Fixtures.ketamine()
    let directory = try #require(BundledData.helpDirectory().value)
    let result = Scorer.score(
      questionnaire, answers: Self.answers(yes: 5, changes: ["safety_passed_out": .choice("yes")]))
    let report = ResultReport(questionnaire: questionnaire, result: result, region: directory.region(code: "UK")).text
    let lines = report.split(separator: "\n")
    #expect(lines[1].hasPrefix("This self-check is not a diagnosis"))
    #expect(lines[3] == "URGENT, get help now: Passing out, or needing emergency care, after using")
    #expect(lines.contains("  - Emergency services: call 999"))
    let urgent = try #require(report.range(of: "URGENT"))
    let band = try #require(report.range(of: "Result: Several signs (5 of 10 signs)"))
    #expect(urgent.lowerBound < band.lowerBound)
  }
}
