import CBenchSupport
import Foundation
import ScreeningBundle
import ScreeningCore

/// Runs the real `selfscreen` in a pseudo-terminal at 80x24 (and `dialog`, where installed, for
/// comparison), and times loading generated questionnaires in-process. Prints a table.
///
/// Usage: swift run -c release selfscreen-bench [RUNS] [--load-only | --terminal-only] [--questions N]
/// (`--questions N` times loading one generated size only, e.g. under a profiler.)
@main
enum Benchmark {
  static func main() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    var sizes: [Int]?
    if let index = arguments.firstIndex(of: "--questions"), index + 1 < arguments.count,
      let count = Int(arguments[index + 1])
    {
      sizes = [count]
      arguments.removeSubrange(index...index + 1)
    }
    let runs = arguments.compactMap { Int($0) }.first ?? 20
    let loadOnly = arguments.contains("--load-only")
    let terminalOnly = arguments.contains("--terminal-only")
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let selfscreen = folder.appendingPathComponent("selfscreen").path
    guard FileManager.default.isExecutableFile(atPath: selfscreen) else {
      FileHandle.standardError.write(Data("selfscreen-bench: build selfscreen first (swift build -c release)\n".utf8))
      exit(66)
    }
    var table = Table()
    table.title = "SelfScreen benchmark: \(runs) runs, 80x24, \(Machine.description)"

    if !loadOnly { try terminal(runs, selfscreen, &table) }
    if !terminalOnly { try loading(runs, sizes: sizes ?? [1_000, 10_000], &table) }
    print(table.text)
  }

  /// The real program in a pseudo-terminal, and dialog beside it.
  static func terminal(_ runs: Int, _ selfscreen: String, _ table: inout Table) throws {
    // First screen, and the full session key by key.
    var firstScreen: [Double] = []
    var firstBytes: [Double] = []
    var firstQuestion: [Double] = []
    var peak: [Double] = []
    var keyCPU: [Double] = []
    var keyBytes: [Double] = []
    var moveBytes: [Double] = []
    var moveCPU: [Double] = []
    var totalCPU: [Double] = []
    var totalBytes: [Double] = []
    // dialog, drawing the first question as a radio list in the same kind of terminal. Its runs
    // alternate with SelfScreen's, so that both meet the same machine (load, clock, caches).
    let dialog = ["/usr/bin/dialog", "/bin/dialog"].first(where: FileManager.default.isExecutableFile(atPath:))
    let question = try require(CompiledBundle.questionnaire("ketamine")?.questions.first)
    var dialogArguments = ["--radiolist", question.text, "0", "0", "0"]
    for (index, option) in question.options.enumerated() { dialogArguments += ["\(index + 1)", option.label, "off"] }
    // Each key of the script, run after run: "every key" is the target, not the typical one.
    var perKey = Array(repeating: [Double](), count: Session.script.count)
    var dialogFirst: [Double] = []
    var dialogBytes: [Double] = []
    var dialogPeak: [Double] = []
    for _ in 0..<runs {
      if let dialog {
        let session = try Session(dialog, dialogArguments)
        let (elapsed, bytes) = session.readUntil("Cancel")
        dialogFirst.append(elapsed * 1000)
        dialogBytes.append(Double(bytes + session.readQuiet()))
        session.interrupt()
        dialogPeak.append(session.finish() / 1024)
      }
      let session = try Session(selfscreen, ["--region", "UK"])
      let (elapsed, bytes) = session.readUntil("Enter start")
      firstScreen.append(elapsed * 1000)
      firstBytes.append(Double(bytes))
      var cpuSum = 0.0
      var byteSum = 0.0
      for (index, key) in Session.script.enumerated() {
        let (cpu, written, wall) = session.press(key.bytes)
        if index == 0 { firstQuestion.append((elapsed + wall) * 1000) }
        keyCPU.append(cpu * 1000)
        perKey[index].append(cpu * 1000)
        keyBytes.append(Double(written))
        if key.isHighlightMove {
          moveBytes.append(Double(written))
          moveCPU.append(cpu * 1000)
        }
        cpuSum += cpu
        byteSum += Double(written)
      }
      totalCPU.append(cpuSum * 1000)
      totalBytes.append(byteSum)
      peak.append(session.finish() / 1024)
    }
    table.add("first screen on the terminal (ms)", firstScreen, target: "<= 50 and <= dialog")
    table.add("  bytes written for it", firstBytes)
    table.add("first question on screen, after Enter (ms)", firstQuestion)
    table.add("CPU per key, whole session (ms)", keyCPU, target: "< 1")
    table.add("bytes per key, whole session", keyBytes)
    table.add("CPU for a highlight move (ms)", moveCPU, target: "< 1")
    table.add("bytes for a highlight move", moveBytes, target: "a few hundred")
    // The target is for keys answered with a redraw. The last key ('y' to "Leave now?") ends the
    // program: its CPU is the terminal's restoring and the process's exit (the kernel unmapping its
    // memory), reported on its own row.
    let redrawn = perKey.indices.dropLast()
    if let slowest = redrawn.max(by: { median(perKey[$0]) < median(perKey[$1]) }) {
      table.add("CPU for the slowest key answered with a redraw, by its median (ms)", perKey[slowest], target: "< 1")
      table.note(
        "slowest key by median: key \(slowest + 1) of \(Session.script.count), \(Session.script[slowest].name)")
    }
    if let last = perKey.last {
      table.add("CPU for the last key, which ends the program: terminal restored, process exit (ms)", last)
    }
    table.add("CPU, whole session of \(Session.script.count) keys (ms)", totalCPU)
    table.add("bytes, whole session", totalBytes)
    table.add("peak resident memory (MiB)", peak, target: "< 20")

    if dialog != nil {
      table.add("dialog --radiolist: first screen (ms)", dialogFirst)
      table.add("  bytes written for it", dialogBytes)
      table.add("  peak resident memory (MiB)", dialogPeak)
      table.ratio("ratio SelfScreen / dialog, first screen", firstScreen, dialogFirst, target: "<= 1.0")
      table.ratio("ratio SelfScreen / dialog, bytes for it", firstBytes, dialogBytes, target: "<= 1.0")
    } else {
      table.note("dialog is not installed: no side-by-side figures (apt-get install dialog)")
    }

  }

  /// Loading and validating, in-process.
  static func loading(_ runs: Int, sizes: [Int], _ table: inout Table) throws {
    // The file the bundle is compiled from, in this checkout (the benchmark runs from it).
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../Questionnaires/ketamine.yaml")
    let ketamine = try require(FileManager.default.contents(atPath: file.path).map(Array.init))
    table.add(
      "load + validate ketamine.yaml (ms)",
      time(runs) { _ = QuestionnaireLoader.load(bytes: ketamine, fileName: "k.yaml") })
    // The sizes take turns, run after run, so that each meets the machine in the same state: on
    // a shared machine, speed drifts over seconds, and that would skew the growth from one size
    // to the next. The loader's own limits hold: 10,000 questions is the most it takes.
    let inputs = sizes.map { Generated.questionnaire(questions: $0) }
    var times = Array(repeating: [Double](), count: sizes.count)
    for _ in 0..<max(5, runs / 2) {
      for (position, bytes) in inputs.enumerated() {
        times[position] += time(1) {
          let result = QuestionnaireLoader.load(bytes: bytes, fileName: "g.yaml")
          precondition(result.value != nil, "generated questionnaire did not load: \(result.diagnostics.prefix(3))")
        }
      }
    }
    var perThousand: [Int: Double] = [:]
    for (position, count) in sizes.enumerated() {
      perThousand[count] = median(times[position]) / Double(count / 1000)
      table.add(
        "load + validate \(count) questions, \(inputs[position].count / 1024) KiB (ms)", times[position],
        target: count == 10_000 ? "< 200" : "")
    }
    try fhirConditions(runs, &table)
    table.note(
      "per 1,000 questions: "
        + sizes.map { "\($0): \(String(format: "%.2f", perThousand[$0] ?? 0)) ms" }
        .joined(separator: ", ") + " (flat means linear growth)")
  }

  /// A FHIR form at the size limit with 1,000 enableWhenExpressions: what working out which
  /// questions are shown costs after a key (the session does it once per answer), with a few
  /// answers and with a thousand.
  static func fhirConditions(_ runs: Int, _ table: inout Table) throws {
    let bytes = Generated.fhirQuestionnaire(questions: 10_000)
    let loaded = QuestionnaireLoader.load(bytes: bytes, fileName: "g.json")
    let questionnaire = try require(loaded.value)
    for answered in [20, 1_000] {
      var answers: [String: Answer] = [:]
      for question in questionnaire.questions.prefix(answered) { answers[question.id] = .choice("yes") }
      table.add(
        "FHIR 10,000 questions, 1,000 enableWhenExpressions, \(answered) answered: shown questions (ms)",
        time(max(3, runs / 4)) { _ = questionnaire.visibility(for: answers) })
    }
  }

  static func time(_ runs: Int, _ body: () -> Void) -> [Double] {
    (0..<runs).map { _ in
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
  }
}

/// Stops the benchmark with a message (no test framework here).
func `require`<T>(_ value: T?) throws -> T {
  guard let value else { throw CocoaError(.featureUnsupported) }
  return value
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return 0 }
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
