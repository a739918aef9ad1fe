import ArgumentParser
import ScreeningBundle
import ScreeningCore

/// `selfscreen list`: the bundled questionnaires.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the bundled questionnaires.")

  func run() throws {
    for id in CompiledBundle.questionnaireIDs {
      let questionnaire = try Catalog.questionnaire(id)
      let count = questionnaire.questions.count
      Console.out("\(id)  version \(questionnaire.version)  \(count) questions  \(questionnaire.title)\n")
    }
  }
}
