#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file a person attaches to a `file` question, by typing its path. The answer keeps the full
/// path; the file is checked when it is attached, and read only when the answers are exported as
/// FHIR (its bytes then go into the `valueAttachment`). Nothing is copied anywhere else.
public enum AttachedFile {
  /// The largest file any question takes, whatever the questionnaire says: a FHIR export holds
  /// the file in memory, and once more as base64.
  public static let largest = 10 * 1024 * 1024
  /// The longest path kept as an answer, in bytes (Linux's `PATH_MAX`).
  public static let longestPath = 4096

  /// The largest file `question` takes.
  public static func limit(of question: Question) -> Int {
    min(question.maxSize ?? largest, largest)
  }

  // MARK: Attaching

  /// What checking a typed path found.
  public enum Check: Sendable, Hashable {
    /// The file's full path.
    case attached(String)
    /// Why it cannot be attached, in words for the person.
    case refused(String)
  }

  /// The full path of the file typed for `question`, or why it cannot be attached, in `w`'s words.
  /// `~` is the home folder; a relative path is from `currentDirectory`.
  public static func check(
    _ typed: String, for question: Question, home: String?, currentDirectory: String, wording w: Wording
  ) -> Check {
    // A file dragged into a terminal arrives quoted, with its spaces escaped, or as a file:// URL:
    // the first way of reading it that names a file is the one meant.
    let paths = readings(of: typed).map { absolute($0, home: home, currentDirectory: currentDirectory) }
    var info = stat()
    var path = paths[paths.count - 1]
    for candidate in paths where stat(candidate, &info) == 0 {
      path = candidate
      break
    }
    let shown = ["path": TextSafety.visible(path)]
    guard stat(path, &info) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { return .refused(w(.fileMissing, shown)) }
      return .refused(w(.fileUnreadable, shown.merging(["reason": SafeFileWriter.reason(code, w)]) { $1 }))
    }
    let kind = info.st_mode & S_IFMT
    if kind == S_IFDIR { return .refused(w(.fileIsFolder, shown)) }
    guard kind == S_IFREG else { return .refused(w(.fileNotAFile, shown)) }
    let size = Int(info.st_size)
    if size == 0 { return .refused(w(.fileEmpty, shown)) }
    let limit = limit(of: question)
    if size > limit {
      return .refused(w(.fileTooBig, shown.merging(["size": sizeText(size), "limit": sizeText(limit)]) { $1 }))
    }
    if !question.accept.isEmpty && !accepts(question.accept, mediaType(of: path)) {
      return .refused(
        w(.fileWrongKind, ["name": TextSafety.visible(name(of: path)), "kinds": kindsText(question.accept, w)]))
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      return .refused(w(.fileUnreadable, shown.merging(["reason": SafeFileWriter.reason(errno, w)]) { $1 }))
    }
    close(descriptor)
    return .attached(path)
  }

  /// The ways `typed` may name a file: as typed; without the quotes around it; without the
  /// backslashes a shell puts before spaces and other characters; from a `file://` URL.
  static func readings(of typed: String) -> [String] {
    var found = [typed]
    var text = typed
    if text.count >= 2, let first = text.first, first == text.last, first == "'" || first == "\"" {
      text = String(text.dropFirst().dropLast())
      found.append(text)
    }
    if text.hasPrefix("file://"), let decoded = percentDecoded(String(text.dropFirst("file://".count))) {
      found.append(decoded)
    }
    if text.contains("\\") {
      var unescaped = ""
      var escaping = false
      for character in text {
        if character == "\\" && !escaping {
          escaping = true
          continue
        }
        unescaped.append(character)
        escaping = false
      }
      found.append(unescaped)
    }
    return found
  }

  /// `%20`-style escapes decoded, or nil when one is malformed or the bytes are not UTF-8.
  private static func percentDecoded(_ text: String) -> String? {
    var bytes: [UInt8] = []
    var index = text.utf8.startIndex
    let utf8 = text.utf8
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte == UInt8(ascii: "%") {
        let high = utf8.index(after: index)
        guard high != utf8.endIndex, utf8.index(after: high) != utf8.endIndex,
          let value = UInt8(String(decoding: utf8[high...utf8.index(after: high)], as: UTF8.self), radix: 16)
        else { return nil }
        bytes.append(value)
        index = utf8.index(high, offsetBy: 2)
      } else {
        bytes.append(byte)
        index = utf8.index(after: index)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  /// `typed` as a full path: `~` and `~/...` from `home`, a relative path from `currentDirectory`.
  static func absolute(_ typed: String, home: String?, currentDirectory: String) -> String {
    if let home, !home.isEmpty, typed == "~" || typed.hasPrefix("~/") {
      return home + typed.dropFirst()
    }
    if typed.hasPrefix("/") { return typed }
    return (currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/") + typed
  }

  // MARK: Reading

  /// Why an attached file could not be read at export.
  public struct ReadError: Error, Sendable, Hashable {
    public var path: String
    /// A system error number, or nil when the file is no longer an ordinary file within `limit`.
    public var code: Int32?
  }

  /// The bytes of the file at `path`, if it is still an ordinary file no larger than `limit`.
  public static func read(_ path: String, limit: Int) throws(ReadError) -> [UInt8] {
    // Not blocking: a pipe named in an answers file would otherwise wait for a writer at `open`.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw ReadError(path: path, code: errno) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw ReadError(path: path, code: errno) }
    guard info.st_mode & S_IFMT == S_IFREG, info.st_size > 0, Int(info.st_size) <= limit else {
      throw ReadError(path: path, code: nil)
    }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + done, $0.count - done) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw ReadError(path: path, code: count < 0 ? errno : nil) }
      done += count
    }
    return bytes
  }

  private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.read(descriptor, buffer, count)
    #else
      Darwin.read(descriptor, buffer, count)
    #endif
  }

  /// The file's name, without its folder.
  public static func name(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// The file's size as a person reads it (`230 KB`), or nil when it cannot be found.
  public static func sizeText(of path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return sizeText(Int(info.st_size))
  }

  // MARK: Kinds of file

  /// The media type of a file, from its name's ending (`photo.JPG` -> `image/jpeg`); nil when the
  /// ending is not one SelfScreen knows.
  public static func mediaType(of path: String) -> String? {
    let name = name(of: path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return mediaTypes[name[name.index(after: dot)...].lowercased()]
  }

  private static let mediaTypes: [String: String] = [
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
    "heic": "image/heic", "heif": "image/heif", "tif": "image/tiff", "tiff": "image/tiff", "bmp": "image/bmp",
    "mp3": "audio/mpeg", "m4a": "audio/mp4", "wav": "audio/wav", "ogg": "audio/ogg", "oga": "audio/ogg",
    "mp4": "video/mp4", "m4v": "video/mp4", "mov": "video/quicktime", "webm": "video/webm",
    "pdf": "application/pdf", "txt": "text/plain",
  ]

  /// Whether a file of `type` is one of `accept` (`image/*` takes every image).
  static func accepts(_ accept: [String], _ type: String?) -> Bool {
    guard let type else { return false }
    return accept.contains { wanted in
      wanted.hasSuffix("/*") ? type.hasPrefix(wanted.dropLast()) : wanted.lowercased() == type
    }
  }

  /// The kinds in `accept` as a person reads them: "images, videos or PDF documents".
  public static func kindsText(_ accept: [String], _ w: Wording) -> String {
    var names: [String] = []
    for type in accept {
      let name: String
      switch type.lowercased() {
      case "image/*": name = w(.fileKindImages)
      case "audio/*": name = w(.fileKindSound)
      case "video/*": name = w(.fileKindVideos)
      case "application/pdf": name = w(.fileKindPDF)
      case "text/plain", "text/*": name = w(.fileKindText)
      default:
        // A specific type by the endings SelfScreen knows for it: "image/png" -> ".png files".
        let endings = mediaTypes.filter { $0.value == type.lowercased() }.keys.sorted()
        name =
          endings.isEmpty
          ? TextSafety.visible(type)
          : w(.fileKindEndings, ["endings": endings.map { "." + $0 }.joined(separator: ", ")])
      }
      if !names.contains(name) { names.append(name) }
    }
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " or " + names.last!
  }

  /// A size as a person reads it: `512 bytes`, `230 KB`, `4.5 MB` (1 KB is 1,024 bytes).
  public static func sizeText(_ bytes: Int) -> String {
    if bytes < 1024 { return "\(bytes) bytes" }
    let (value, unit) = bytes < 1024 * 1024 ? (Double(bytes) / 1024, "KB") : (Double(bytes) / 1048576, "MB")
    let rounded = value < 10 ? (value * 10).rounded() / 10 : value.rounded()
    return "\(Answer.decimalText(rounded)) \(unit)"
  }

  // MARK: Encoding

  /// `bytes` in base64 (RFC 4648, with padding), as FHIR's `Attachment.data` holds them.
  public static func base64(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index + 2 < bytes.count {
      let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
      out += [
        alphabet[Int(value >> 18)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)],
        alphabet[Int(value & 63)],
      ]
      index += 3
    }
    let rest = bytes.count - index
    if rest > 0 {
      let value = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
      out += [alphabet[Int(value >> 18)], alphabet[Int(value >> 12 & 63)]]
      out += rest == 2 ? [alphabet[Int(value >> 6 & 63)], UInt8(ascii: "=")] : [UInt8(ascii: "="), UInt8(ascii: "=")]
    }
    return String(decoding: out, as: UTF8.self)
  }
}
