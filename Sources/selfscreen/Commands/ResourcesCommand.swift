import ArgumentParser
import ScreeningCore

/// `selfscreen resources [--region CODE]`: where to get help.
struct ResourcesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resources", abstract: "Show where to get help: emergency, crisis and drug services.")

  @Option(help: "US, UK, IE, CA, AU or INTL (default: from the locale, else INTL).")
  var region: String?

  func run() throws {
    let directory = Catalog.helpDirectory
    let chosen = try Catalog.region(region, in: directory)
    Console.out(HelpText.resources(chosen))
  }
}

/// Plain-text listing of a region's resources.
enum HelpText {
  static func resources(_ region: Region, width: Int = 78) -> String {
    var lines = ["Where to get help: \(region.name)", ""]
    for resource in region.resources {
      lines.append(resource.nameAndContact)
      lines.append(contentsOf: TextWrap.wrap(resource.purpose, width: width, indent: "  "))
      if let hours = resource.hours { lines.append("  Hours: \(hours)") }
      lines.append("  Checked \(resource.lastVerified); source: \(resource.source)")
      lines.append("")
    }
    lines.append("If someone is in immediate danger, call the emergency number first.")
    return lines.map { TextSafety.visible($0) }.joined(separator: "\n") + "\n"
  }
}
