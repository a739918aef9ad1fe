import Foundation
import PackagePlugin

/// Runs BundleCompiler on `Questionnaires/` for the `ScreeningBundle` target: `resources.yaml` and
/// every other `.yaml` file there (a bundled questionnaire) become one generated Swift file.
@main
struct BundleCompilerPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "Questionnaires")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") && $0 != "resources.yaml" }
      .sorted()
    let resources = folder.appending(path: "resources.yaml")
    let questionnaires = names.map { folder.appending(path: $0) }
    let output = context.pluginWorkDirectoryURL.appending(path: "CompiledBundle+Data.swift")
    return [
      .buildCommand(
        displayName: "Validating and compiling the bundled questionnaires",
        executable: try context.tool(named: "BundleCompiler").url,
        arguments: [output.path, resources.path] + questionnaires.map(\.path),
        inputFiles: [resources] + questionnaires,
        outputFiles: [output]
      )
    ]
  }
}
