import TestSupport
import Testing

@testable import ScreeningCore

/// DESIGN §4 "Rules that keep the result safe", read from the plain-text result a person sees.
@Suite struct KetamineSafetyResultTests {
  static func report(_ answers: [String: Answer], region code: String) throws -> String {
    let questionnaire = try Fixtures.ketamine()
    let region = try #require(BundledData.helpDirectory().value?.region(code: code))
    let result = Scorer.score(questionnaire, answers: answers)
    return ResultReport(questionnaire: questionnaire, result: result, region: region).text
  }

  static func answers(yes: Int, _ changes: [String: Answer] = [:]) -> [String: Answer] {
    KetamineScoringTests.answers(yes: yes, changes: changes)
  }

  @Test func aRedFlagWithNoSignsIsNeverFollowedByReassurance() throws {
    let report = try Self.report(
      Self.answers(yes: 0, ["safety_passed_out": .choice("yes"), "safety_chest_pain": .choice("yes")]), region: "US")
    for reassurance in ["Few or no signs", "good to know", "few or none"] {
      #expect(!report.contains(reassurance), "found '\(reassurance)'")
    }
    #expect(
      report.contains(
        """
        URGENT, get help now: Passing out, or needing emergency care, after using
        """))
    #expect(
      report.contains("  - Emergency services: call 911\n  - Poison Help: call 1-800-222-1222 · poisonhelp.hrsa.gov\n"))
    #expect(
      report.contains(
        """
        Signs answered "Yes": 0 of 10
          Because of what you said, please follow the urgent advice at the top of this
          result first.
        """))
  }

  /// With every answer in and nothing against it, few signs get their band, in words that do not
  /// say the count is the whole picture.
  @Test func withoutARedFlagFewSignsGetTheirBand() throws {
    let report = try Self.report(Self.answers(yes: 1), region: "UK")
    #expect(report.contains("Result: Few or no signs (1 of 10 signs)"))
    #expect(collapsedText(report).contains("The count is only part of the picture, so read any notes below as well."))
    #expect(!report.contains("good to know"))
  }

  @Test func everySignSkippedGivesNoBandButTheRangeAndHelp() throws {
    var changes: [String: Answer] = [:]
    for id in KetamineScoringTests.signIDs { changes[id] = .choice("prefer_not") }
    let questionnaire = try Fixtures.ketamine()
    let result = Scorer.score(questionnaire, answers: Self.answers(yes: 0, changes))
    #expect(result.band == nil)
    #expect(result.withheldBand == .notEnoughAnswers(lowest: 0, highest: 10))
    let report = try Self.report(Self.answers(yes: 0, changes), region: "UK")
    #expect(!report.contains("Few or no signs"))
    #expect(!report.contains("good to know"))
    #expect(
      report.contains(
        """
        Result: not enough answers to count
          10 of the 10 questions this result counts were skipped or answered "prefer
          not to say", so this check cannot say how many signs there are. Counting the
          skipped ones, it could be anywhere between 0 and 10.
        """))
    #expect(report.contains("Where to get help (United Kingdom)"))
  }

  /// 3 or more skipped signs withhold any band; fewer withhold "few or no signs" when the
  /// skipped ones could take the count out of it, and leave a band that does not reassure.
  @Test(arguments: [(0, 1, "few"), (1, 2, nil), (2, 2, "some"), (4, 3, nil)] as [(Int, Int, String?)])
  func skippedSignsWithholdABandTheyCouldChange(yes: Int, skipped: Int, band: String?) throws {
    var changes: [String: Answer] = [:]
    for id in KetamineScoringTests.signIDs.suffix(skipped) { changes[id] = .choice("prefer_not") }
    let result = Scorer.score(try Fixtures.ketamine(), answers: Self.answers(yes: yes, changes))
    #expect(result.band?.id == band)
    #expect(result.withheldBand == (band == nil ? .notEnoughAnswers(lowest: yes, highest: yes + skipped) : nil))
  }

  @Test func aSkippedSafetyQuestionWithholdsReassurance() throws {
    let result = Scorer.score(
      try Fixtures.ketamine(), answers: Self.answers(yes: 0, ["safety_kidney_pain": .choice("prefer_not")]))
    #expect(result.band == nil)
    #expect(result.withheldBand == .safetyNotAnswered)
    #expect(result.skippedSafetyIDs == ["safety_kidney_pain"])
  }

  @Test func oneYesAndFiveSkippedIsBetweenOneAndSix() throws {
    var changes: [String: Answer] = [:]
    for id in KetamineScoringTests.signIDs.suffix(5) { changes[id] = .choice("prefer_not") }
    let report = try Self.report(Self.answers(yes: 1, changes), region: "US")
    #expect(report.contains("anywhere between 1 and 6."))
    #expect(report.contains("What counted: you answered \"yes\" to"))
  }

  @Test func bladderFlagsPointToSameDayMedicalHelpNeverAPoisonsLine() throws {
    let us = try Self.report(Self.answers(yes: 0, ["safety_bladder_blood": .choice("yes")]), region: "US")
    #expect(
      us.contains(
        "See a doctor today: Blood in your pee, or very bad pain in your bladder\n"))
    #expect(us.contains("  - Your doctor or an urgent care clinic: For a same-day check when it is not"))
    let urgentPart = try #require(us.components(separatedBy: "Signs answered").first)
    #expect(!urgentPart.contains("Poison"))
    #expect(!us.contains("GP"), "US output says GP")
    let uk = try Self.report(Self.answers(yes: 0, ["safety_bladder_blood": .choice("yes")]), region: "UK")
    #expect(uk.contains("  - NHS 111: call 111 · 111.nhs.uk\n  - Your GP can give confidential advice"))
  }

  @Test func theTreatmentPathAsksAboutSelfHarmAndPointsToThePrescriber() throws {
    let questionnaire = try Fixtures.ketamine()
    let answers: [String: Answer] = [
      "used_past_year": .choice("supervised_only"), "safety_self_harm_thoughts": .choice("yes"),
    ]
    let shown = ScreeningSession(questionnaire: questionnaire, answers: answers).shownQuestions.map(\.id)
    #expect(shown.contains("safety_self_harm_thoughts"))
    #expect(!shown.contains("frequency_3m"))
    let report = try Self.report(answers, region: "UK")
    #expect(report.contains("Please reach out for support today: Thoughts of harming yourself"))
    #expect(report.contains("  - Samaritans: call 116 123 · samaritans.org"))
    #expect(report.contains("Tell your prescriber too"))
    #expect(report.contains("Ketamine as part of treatment"))
  }

  @Test func preferNotToSayOnSelfHarmShowsTheCrisisLineInTheResult() throws {
    let report = try Self.report(
      Self.answers(yes: 2, ["safety_self_harm_thoughts": .choice("prefer_not")]), region: "US")
    let gentle = try #require(report.range(of: "If things feel hard"))
    let band = try #require(report.range(of: "Result: Some signs"))
    #expect(gentle.lowerBound < band.lowerBound)
    #expect(report.contains("  - 988 Suicide & Crisis Lifeline: call 988 or 1-800-273-8255 · text 988 ·"))
    #expect(report.contains("Safety questions you did not answer\n  - In the past 2 weeks, have you had thoughts"))
  }

  @Test func stoppingMoreThanAYearAgoStillAsksAboutBladderMemoryAndMood() throws {
    let questionnaire = try Fixtures.ketamine()
    let answers: [String: Answer] = [
      "used_past_year": .choice("no"), "used_before": .choice("yes"), "safety_bladder_blood": .choice("yes"),
    ]
    let shown = ScreeningSession(questionnaire: questionnaire, answers: answers).shownQuestions.map(\.id)
    #expect(
      shown == [
        "used_past_year", "used_before", "urinary_symptoms", "memory_attention", "mood_low",
        "safety_bladder_blood", "safety_cannot_pee", "safety_kidney_pain", "safety_hallucinations",
        "safety_self_harm_thoughts",
      ])
    let result = Scorer.score(questionnaire, answers: answers)
    #expect(result.messages.map(\.id) == ["stopped"])
    #expect(result.redFlags.map(\.id) == ["rf_bladder_blood"])
  }

  @Test func noUseAtAllAsksNothingMore() throws {
    let questionnaire = try Fixtures.ketamine()
    let answers: [String: Answer] = ["used_past_year": .choice("no"), "used_before": .choice("no")]
    #expect(
      ScreeningSession(questionnaire: questionnaire, answers: answers).shownQuestions.map(\.id) == [
        "used_past_year", "used_before",
      ])
  }

  @Test func frequencyIsShownInWordsAndOnlyWhenAsked() throws {
    let weekly = try Self.report(Self.answers(yes: 2, ["frequency_3m": .choice("weekly")]), region: "UK")
    #expect(weekly.contains("  - How often ketamine was used in the past 3 months: Weekly\n"))
    #expect(!weekly.contains("3 months: 3"))
    let treatment = try Self.report(["used_past_year": .choice("supervised_only")], region: "UK")
    #expect(!treatment.contains("How often"))
  }

  @Test func headingsSayHowSoonToActAsTheirTextDoes() throws {
    let questionnaire = try Fixtures.ketamine()
    for flag in questionnaire.redFlags {
      let text = flag.guidance.lowercased()
      switch flag.level {
      case .emergency: #expect(text.contains("now"), "\(flag.id)")
      case .crisis, .medical: #expect(text.contains("today"), "\(flag.id)")
      }
    }
  }

  /// Crisis lines differ in hours and in whether they take texts: the questionnaire's own words
  /// promise neither, and leave it to each listed entry.
  @Test func guidanceMakesNoPromiseAboutHoursOrTextingThatAnEntryMayNotKeep() throws {
    let questionnaire = try Fixtures.ketamine()
    let texts =
      questionnaire.redFlags.map(\.guidance) + questionnaire.messages.map(\.text)
      + (questionnaire.bands?.bands.map(\.guidance) ?? [])
    for text in texts {
      #expect(!text.contains("24 hours"), "\(text.prefix(40))")
      #expect(!text.contains("or text"), "\(text.prefix(40))")
      #expect(!text.contains("GP"), "\(text.prefix(40))")
    }
  }

  @Test func questionsReadAtAboutGradeEightAndNoneAboveTen() throws {
    let questionnaire = try Fixtures.ketamine()
    var grades: [Double] = []
    for question in questionnaire.questions {
      guard let grade = ReadingLevel.grade(of: question.text) else { continue }
      #expect(grade <= ReadingLevel.highestGrade, "\(question.id) reads at grade \(grade)")
      grades.append(grade)
    }
    #expect(grades.reduce(0, +) / Double(grades.count) <= 8.5)
  }
}

/// `text` with every run of whitespace made one space (for wrapped lines).
private func collapsedText(_ text: String) -> String {
  text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
