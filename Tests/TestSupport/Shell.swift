import Foundation

/// Runs `/bin/sh -c command` with its output discarded; the exit status (or -1 if it could not
/// start).
public enum Shell {
  @discardableResult
  public static func run(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }
}
