#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why an input file could not be read (exit status 66).
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var reason: String
  /// Set when the file is readable but over the size limit: that is bad data (exit 65), reported
  /// like any other problem with the file.
  public var tooLarge: Diagnostic?

  public init(path: String, reason: String, tooLarge: Diagnostic? = nil) {
    self.path = path
    self.reason = reason
    self.tooLarge = tooLarge
  }

  public var description: String { "cannot read '\(TextSafety.visible(path))': \(reason)" }
}

/// Reads an input file safely: only regular files, never blocking on a FIFO, never more than a limit.
public enum InputFile {
  /// The bytes of the file at `path`; a file larger than `limit` bytes is refused unread.
  public static func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else { throw InputError(path: path, reason: reason(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw InputError(path: path, reason: reason(errno)) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw InputError(path: path, reason: "it is a folder, not a file")
    default: throw InputError(path: path, reason: "it is not a regular file (a device, pipe or socket)")
    }
    if Int(info.st_size) > limit {
      throw tooLarge(path, size: Int(info.st_size), limit: limit)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size))
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw InputError(path: path, reason: reason(errno))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > limit {
        throw tooLarge(path, size: bytes.count, limit: limit)
      }
    }
    return bytes
  }

  private static func tooLarge(_ path: String, size: Int, limit: Int) -> InputError {
    let message = "the file is \(byteCount(size)), more than the limit of \(byteCount(limit))"
    return InputError(
      path: path, reason: message,
      tooLarge: Diagnostic(file: path, location: SourceLocation(line: 1, column: 1), path: "(file)", message: message))
  }

  static func byteCount(_ bytes: Int) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 20 { return String(format1(Double(bytes) / Double(1 << 20))) + " MiB" }
    if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
    return "\(bytes) bytes"
  }

  private static func format1(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  private static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file"
    case EACCES, EPERM: return "permission denied"
    case EISDIR: return "it is a folder, not a file"
    case ELOOP: return "too many levels of symbolic links (a symlink loop?)"
    case ENOTDIR: return "a part of the path is not a folder"
    case ENAMETOOLONG: return "the path is too long"
    case ENXIO: return "no device or reader is attached to it"
    default: return String(cString: strerror(code))
    }
  }
}
