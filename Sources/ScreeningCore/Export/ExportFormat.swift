/// The formats answers can be exported in.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
  /// A readable summary to show a clinician.
  case text
  /// Native answers (re-scored by `selfscreen score`).
  case json
  /// One row per question, for spreadsheets.
  case csv
  /// An HL7 FHIR R4 QuestionnaireResponse.
  case fhir

  /// The usual file name ending.
  public var fileExtension: String {
    switch self {
    case .text: return "txt"
    case .json: return "json"
    case .csv: return "csv"
    case .fhir: return "fhir.json"
    }
  }

  /// What it is, in a few words.
  public func summary(_ w: Wording) -> String {
    switch self {
    case .text: return w(.formatText)
    case .json: return w(.formatJSON)
    case .csv: return w(.formatCSV)
    case .fhir: return w(.formatFHIR)
    }
  }

  /// A default file name: `selfscreen-ketamine-2026-11-22.txt`.
  public func defaultFileName(questionnaireID: String, on timestamp: Timestamp) -> String {
    "selfscreen-\(questionnaireID)-\(timestamp.date).\(fileExtension)"
  }
}

/// Encodes a screening's answers and result in any export format. Returns bytes; writing them is
/// `SafeFileWriter`'s job.
public struct Exporter: Sendable {
  public var questionnaire: Questionnaire
  /// The person's answers (answers to questions that are not shown are left out).
  public var answers: [String: Answer]
  public var region: Region?
  public var created: Timestamp

  public init(questionnaire: Questionnaire, answers: [String: Answer], region: Region?, created: Timestamp) {
    self.questionnaire = questionnaire
    self.answers = answers
    self.region = region
    self.created = created
  }

  /// The file's contents in `format`. A FHIR response holds each attached file: one that can no
  /// longer be read as it was attached (moved, grown past its limit) fails the export, naming it.
  public func encode(_ format: ExportFormat) throws(WriteError) -> [UInt8] {
    switch format {
    case .text: return Array(text.utf8)
    case .json: return Array(json.utf8)
    case .csv: return Array(csv.utf8)
    case .fhir: return Array(fhir(attachments: try attachedFiles()).utf8)
    }
  }

  /// The bytes of each attached file that is shown and answered, by question id.
  func attachedFiles() throws(WriteError) -> [String: [UInt8]] {
    let files = questionnaire.questions.filter { $0.type == .file }
    guard !files.isEmpty else { return [:] }
    let effective = questionnaire.visibility(for: answers).effective
    var bytes: [String: [UInt8]] = [:]
    for question in files {
      guard case .text(let path)? = effective[question.id] else { continue }
      do {
        bytes[question.id] = try AttachedFile.read(path, limit: AttachedFile.limit(of: question))
      } catch {
        throw WriteError(kind: .inputOutput, path: path, cause: .attachment(error.code))
      }
    }
    return bytes
  }

  var result: ScreeningResult { Scorer.score(questionnaire, answers: answers) }

  /// The program's own words in the exports, in the questionnaire's language.
  var wording: Wording { Wording.forLanguage(questionnaire.language) }

  /// The shown questions of `result` with their answers, in asking order.
  func rows(of result: ScreeningResult) -> [(question: Question, answer: Answer?)] {
    result.answered.compactMap { row in questionnaire.question(row.questionID).map { ($0, row.answer) } }
  }

  /// The answer as the text summary gives it: an attached file is named, with where it is, and
  /// said not to be in the summary (only a FHIR export holds it).
  func summaryLabel(_ answer: Answer?, of question: Question) -> String {
    guard question.type == .file, case .text(let path)? = answer else { return Self.label(answer, of: question) }
    return wording(.exportFileNotIncluded, ["name": AttachedFile.name(of: path), "path": path])
  }

  /// The answer as a person reads it; choices are joined by "; " so that CSV cells stay one list.
  static func label(_ answer: Answer?, of question: Question) -> String {
    answer.map { question.label(for: $0, separator: "; ") } ?? "(no answer)"
  }
}
