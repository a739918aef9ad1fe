import Foundation

/// Whole-text snapshots: a frame, a transcript, an export, compared with a file kept beside the
/// tests. Run the tests with `SELFSCREEN_RECORD=1` to write the files anew from what the code does
/// now, then read the diff (`git diff`) before committing it.
public enum Snapshot {
  /// Whether this run records snapshots instead of comparing them.
  public static var isRecording: Bool { ProcessInfo.processInfo.environment["SELFSCREEN_RECORD"] == "1" }

  /// Nil when `actual` equals the file's text (or was just recorded); otherwise what differs, in
  /// words, with the actual text written beside the file as `NAME.actual` for a diff.
  public static func mismatch(_ actual: String, file: URL) -> String? {
    if isRecording {
      try? FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? actual.write(to: file, atomically: true, encoding: .utf8)
      return nil
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      return "no snapshot \(file.lastPathComponent) yet: run the tests with SELFSCREEN_RECORD=1 to record it"
    }
    let actualFile = file.appendingPathExtension("actual")
    guard actual != expected else {
      try? FileManager.default.removeItem(at: actualFile)
      return nil
    }
    try? actual.write(to: actualFile, atomically: true, encoding: .utf8)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let first =
      zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(actualLines.count, expectedLines.count)
    let was = first < expectedLines.count ? String(expectedLines[first]) : "(end of file)"
    let now = first < actualLines.count ? String(actualLines[first]) : "(end of text)"
    return "\(file.lastPathComponent) differs from line \(first + 1): expected \"\(was)\", got \"\(now)\" "
      + "(the whole text is in \(actualFile.lastPathComponent); SELFSCREEN_RECORD=1 records it)"
  }
}
