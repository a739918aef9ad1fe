import ScreeningCore

/// The export dialog on the results screen: pick a format, edit the file name, confirm replacing,
/// see where it went. Its own state and keys; the app state opens it and carries out its actions.
public struct ExportDialog: Sendable, Hashable {
  public enum Step: Sendable, Hashable { case format, path, confirmReplace, done }

  /// A file to write now; the outcome comes back through `finished`.
  public struct Request: Sendable, Hashable {
    public var format: ExportFormat
    public var path: String
    public var replacing: Bool

    public init(format: ExportFormat, path: String, replacing: Bool) {
      self.format = format
      self.path = path
      self.replacing = replacing
    }
  }

  /// What a key asks of the screen around the dialog.
  public enum Action: Sendable, Hashable {
    case close
    case write(Request)
  }

  public internal(set) var step: Step = .format
  public internal(set) var formatIndex = 0
  /// The file name being edited.
  public internal(set) var pathField = TextField()
  public var path: String { pathField.text }
  /// What happened last, in words (saved, or why not).
  public internal(set) var message: String?
  public internal(set) var isError = false

  public var format: ExportFormat { ExportFormat.allCases[formatIndex] }

  /// Applies one key; `defaultPath` names the file a format is saved to unless changed.
  mutating func update(_ key: Key, wording: Wording, defaultPath: (ExportFormat) -> String) -> Action? {
    switch step {
    case .format:
      let count = ExportFormat.allCases.count
      switch key {
      case .up, .character("k"): formatIndex = max(0, formatIndex - 1)
      case .down, .character("j"): formatIndex = min(count - 1, formatIndex + 1)
      case .character(let character):
        if let number = character.wholeNumberValue, number >= 1, number <= count { formatIndex = number - 1 }
      case .enter, .space, .right:
        step = .path
        pathField = TextField(defaultPath(format))
        message = nil
      case .escape, .left, .backspace:
        return .close
      default: break
      }
    case .path:
      switch key {
      case .character(let character):
        if !character.unicodeScalars.contains(where: TextSafety.isUnsafe) { pathField.insert(character) }
      case .space: pathField.insert(" ")
      case _ where TextField.edit(for: key) != nil:
        pathField.apply(TextField.edit(for: key)!)
      case .enter:
        if path.allSatisfy(\.isWhitespace) {
          message = wording(.exportTypeName)
          isError = true
        } else {
          return .write(Request(format: format, path: path, replacing: false))
        }
      case .escape: step = .format
      default: break
      }
    case .confirmReplace:
      switch key {
      case .character("y"), .character("Y"):
        return .write(Request(format: format, path: path, replacing: true))
      case .character("n"), .character("N"), .escape:
        step = .path
        message = wording(.exportChangeName)
        isError = false
      default: break
      }
    case .done:
      switch key {
      case .enter, .escape, .space, .left: return .close
      default: break
      }
    }
    return nil
  }

  /// How writing the requested file went: the full path, or why not.
  mutating func finished(_ outcome: Result<String, WriteError>, wording: Wording) {
    switch outcome {
    case .success(let path):
      step = .done
      message = wording(.exportSaved, ["path": path])
      isError = false
    case .failure(let error) where error.kind == .exists:
      step = .confirmReplace
      message = wording(.exportExists, ["path": error.path])
      isError = false
    case .failure(let error):
      step = .path
      let isAttachment = if case .attachment = error.cause { true } else { false }
      message = wording(isAttachment ? .exportCouldNotRead : .exportCouldNotSave, ["reason": error.reason(wording)])
      isError = true
    }
  }
}
