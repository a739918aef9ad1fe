import Foundation
import PackagePlugin

/// Runs BundleCompiler on `Questionnaires/` for the `ScreeningBundle` target: `resources.yaml` and
/// every other `.yaml` file there (a bundled questionnaire) become one generated Swift file.
///
/// BundleCompiler lists the folder itself when it runs. The folder is an input with its files:
/// adding or removing a file changes the folder, so the next build runs the command again even
/// when SwiftPM kept the plan (and so this list) from an earlier build. One gap remains: a file
/// added since the plan was made and then edited in place (not saved by renaming, as most editors
/// and `sed -i` do) is not noticed until the folder or Package.swift changes; the bundle tests
/// compare the compiled bundle with the folder and fail when they differ.
@main
struct BundleCompilerPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "Questionnaires")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") }
      .sorted()
      .map { folder.appending(path: $0) }
    let output = context.pluginWorkDirectoryURL.appending(path: "CompiledBundle+Data.swift")
    return [
      .buildCommand(
        displayName: "Validating and compiling the bundled questionnaires",
        executable: try context.tool(named: "BundleCompiler").url,
        arguments: [output.path, folder.path],
        inputFiles: [folder] + files,
        outputFiles: [output]
      )
    ]
  }
}
