import TestSupport
import Testing

@testable import ScreeningCore

/// Published instruments run from FHIR get their authors' score ranges, worded as ranges, and
/// their safety question's urgent guidance (PHQ-9 item 9).
@Suite struct StandardInstrumentTests {
  /// A GAD-7 as a FHIR Questionnaire: the seven LOINC item codes, options weighted 0 to 3.
  static func gad7(panelCodeOnly: Bool = false) -> String {
    let codes = ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"]
    let options = ["Not at all", "Several days", "Over half the days", "Nearly every day"].enumerated().map {
      #"{"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": \#($0.offset)}], "valueCoding": {"system": "http://loinc.org", "code": "LA\#($0.offset)", "display": "\#($0.element)"}}"#
    }.joined(separator: ", ")
    let items = codes.enumerated().map { index, code in
      let coding = panelCodeOnly ? "" : #", "code": [{"system": "http://loinc.org", "code": "\#(code)"}]"#
      return
        #"{"linkId": "g\#(index + 1)", "type": "choice", "text": "Item \#(index + 1)?"\#(coding), "answerOption": [\#(options)]}"#
    }
    let total =
      #"{"linkId": "total", "type": "integer", "text": "GAD-7 total", "readOnly": true, "extension": [{"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression", "valueExpression": {"language": "text/fhirpath", "expression": "%resource.repeat(item).answer.value.ordinal().sum()"}}]}"#
    var json = FHIRFixtures.questionnaire((items + [total]).joined(separator: ", "))
    if panelCodeOnly {
      json = json.replacingOccurrences(
        of: #""status": "active","#,
        with: #""status": "active", "code": [{"system": "http://loinc.org", "code": "69737-5"}],"#)
    }
    return json
  }

  @Test(arguments: [
    (0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"), (15, "severe"),
    (21, "severe"),
  ])
  func gad7RangesAreTheAuthors(total: Int, range: String) throws {
    let (gad7, _) = try FHIRFixtures.load(Self.gad7())
    var answers: [String: Answer] = [:]
    var left = total
    for question in gad7.questions {
      let value = min(3, left)
      left -= value
      answers[question.id] = .choice(question.options[value].code)
    }
    let result = Scorer.score(gad7, answers: answers)
    let band = try #require(result.band)
    #expect(band.label.hasPrefix("in the range the GAD-7's authors call \"\(range)\""))
    #expect(result.redFlags.isEmpty, "the GAD-7 has no safety question")
    let blocks = ResultDocument.blocks(questionnaire: gad7, result: result, region: nil)
    #expect(blocks.contains(.heading("Result: a score of \(total) out of 21, \(band.label)")))
  }

  @Test func theInstrumentIsKnownByItsPanelCodeToo() throws {
    let (gad7, _) = try FHIRFixtures.load(Self.gad7(panelCodeOnly: true))
    #expect(gad7.bands?.bands.count == 4)
  }

  /// As the SDC implementation guide's PHQ-9 example does: only the calculated total is coded.
  @Test func theInstrumentIsKnownByItsTotalsCode() throws {
    let json = Self.gad7(panelCodeOnly: true)
      .replacingOccurrences(of: #""code": [{"system": "http://loinc.org", "code": "69737-5"}],"#, with: "")
      .replacingOccurrences(
        of: #""linkId": "total", "type": "integer","#,
        with: #""linkId": "total", "type": "integer", "code": [{"system": "http://loinc.org", "code": "70274-6"}],"#)
    let (gad7, _) = try FHIRFixtures.load(json)
    #expect(gad7.bands?.bands.first?.label == "in the range the GAD-7's authors call \"minimal\" (0 to 4)")
  }

  @Test func aFormThatIsNotAKnownInstrumentGetsNothingAdded() throws {
    let json = Self.gad7().replacingOccurrences(of: #""code": "69736-7""#, with: #""code": "12345-6""#)
    let (form, _) = try FHIRFixtures.load(json)
    #expect(form.bands == nil)
    #expect(form.redFlags.isEmpty)
  }

  /// PHQ-9 item 9 above "Not at all" raises the crisis guidance the moment it is answered.
  @Test func phq9Item9CallsForHelpAtOnce() throws {
    let phq9 = try FHIRFixtures.phq9()
    let item9 = try #require(phq9.questions.last)
    #expect(item9.text.hasPrefix("Thoughts that you would be better off dead"))
    for (index, option) in item9.options.enumerated() {
      var session = ScreeningSession(questionnaire: phq9)
      for question in phq9.questions.dropLast() {
        _ = try session.answer(.choice(question.options[0].code))
        try session.next()
      }
      let raised = try session.answer(.choice(option.code))
      if index == 0 {
        #expect(raised.isEmpty, "Not at all")
      } else {
        #expect(raised.map(\.level) == [.crisis], "\(option.label)")
        #expect(raised.first?.contacts == [.crisis, .emergency])
      }
    }
  }

  /// Item 9 raised and a low total: the "minimal" range is not shown as if all were well.
  @Test func theLowestRangeIsNotShownAfterTheSafetyQuestion() throws {
    let phq9 = try FHIRFixtures.phq9()
    var answers: [String: Answer] = [:]
    for question in phq9.questions { answers[question.id] = .choice(question.options[0].code) }
    answers[phq9.questions[8].id] = .choice(phq9.questions[8].options[1].code)
    let result = Scorer.score(phq9, answers: answers)
    #expect(result.redFlags.count == 1)
    #expect(result.band == nil)
    #expect(result.withheldBand == .afterRedFlag)
  }

  @Test func theWordsNameRangesNeverADiagnosis() throws {
    let instruments = try #require(BundledData.instruments().value)
    #expect(instruments.map(\.name) == ["PHQ-9", "GAD-7"])
    for instrument in instruments {
      for range in instrument.ranges {
        let label = instrument.label(of: range)
        #expect(label.contains("authors call"))
        #expect(range.guidance.hasPrefix("This is not a diagnosis"))
        // The diagnosing phrases of the wording lint are never used.
        for rule in Wording.english.lint where rule.advice.contains("never diagnoses") {
          #expect(WordingCheck.RuleSet(rules: [rule]).problem(in: label + " " + range.guidance) == nil)
        }
      }
      #expect(instrument.ranges.first?.minimum == 0)
      #expect(zip(instrument.ranges, instrument.ranges.dropFirst()).allSatisfy { $0.maximum + 1 == $1.minimum })
    }
    #expect(instruments[0].ranges.map(\.maximum) == [4, 9, 14, 19, 27])
    #expect(instruments[1].ranges.map(\.maximum) == [4, 9, 14, 21])
    #expect(instruments[0].alarms.map(\.code) == ["44260-8"])
  }
}
