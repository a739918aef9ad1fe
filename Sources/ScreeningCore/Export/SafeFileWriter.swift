#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be written, in words a person can act on.
public struct WriteError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    /// A file is already there: ask before replacing it.
    case exists
    /// The file cannot be created there (permission, read-only, no such folder, a link...).
    case cannotCreate
    /// Writing failed part way (disk full, input/output error).
    case inputOutput
  }

  public var kind: Kind
  /// The full path that was to be written.
  public var path: String
  public var reason: String

  public var description: String { "cannot write '\(TextSafety.visible(path))': \(reason)" }
}

/// Writes every file SelfScreen writes: created with mode 0600 whatever the umask, never over an
/// existing file unless told to, never through a symbolic link (dangling ones included), and
/// written to a temporary file in the same folder, flushed, then linked or renamed into place, so
/// the destination is either absent or complete. On failure nothing is left behind.
public struct SafeFileWriter: Sendable {
  private let calls: any FileSystemCalls

  public init(calls: any FileSystemCalls = SystemCalls()) {
    self.calls = calls
  }

  /// The folder relative paths are written to.
  public var currentDirectory: String { calls.currentDirectory() }

  /// The absolute form of `path`.
  public func absolutePath(_ path: String) -> String {
    path.hasPrefix("/") ? path : calls.currentDirectory() + "/" + path
  }

  /// Writes `bytes` to `path` and returns the full path written. With `replacing`, an existing
  /// regular file is replaced (atomically); a link or folder never is.
  @discardableResult
  public func write(_ bytes: [UInt8], to path: String, replacing: Bool = false) throws(WriteError) -> String {
    let full = absolutePath(path)
    func fail(_ kind: WriteError.Kind, _ reason: String) -> WriteError {
      WriteError(kind: kind, path: full, reason: reason)
    }
    let (folder, name) = Self.split(full)
    guard !name.isEmpty else { throw fail(.cannotCreate, "the name is empty") }
    switch calls.kind(of: folder) {
    case .directory: break
    case .absent: throw fail(.cannotCreate, "the folder '\(TextSafety.visible(folder))' does not exist")
    default: throw fail(.cannotCreate, "'\(TextSafety.visible(folder))' is not a folder")
    }
    switch calls.kind(of: full) {
    case .absent: break
    case .regular:
      if !replacing { throw fail(.exists, "a file with that name already exists") }
    case .directory: throw fail(.cannotCreate, "it is a folder")
    case .symbolicLink:
      throw fail(.cannotCreate, "it is a symbolic link, and SelfScreen never writes through links; choose another name")
    case .other: throw fail(.cannotCreate, "it is a device, pipe or socket, not a file")
    }

    let temporary = folder + "/." + name + ".selfscreen-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = calls.createExclusive(temporary, mode: 0o600)
    guard descriptor >= 0 else { throw fail(Self.kind(of: -descriptor), Self.reason(-descriptor)) }
    var open = true
    func abandon(_ code: Int32) -> WriteError {
      if open { _ = calls.close(descriptor) }
      calls.unlink(temporary)
      return fail(Self.kind(of: code), Self.reason(code))
    }
    // The umask may have taken bits away; 0600 exactly, whatever it was.
    let modeResult = calls.setMode(descriptor, 0o600)
    if modeResult < 0 { throw abandon(-modeResult) }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        calls.write(descriptor, UnsafeRawBufferPointer(rebasing: buffer[written...]))
      }
      if count == -Int(EINTR) { continue }
      if count < 0 { throw abandon(Int32(-count)) }
      if count == 0 { throw abandon(EIO) }
      written += count
    }
    let synced = calls.sync(descriptor)
    if synced < 0 { throw abandon(-synced) }
    open = false
    let closed = calls.close(descriptor)
    if closed < 0 { throw abandon(-closed) }

    let placed = replacing ? calls.rename(temporary, full) : calls.link(temporary, full)
    if placed < 0 {
      calls.unlink(temporary)
      if -placed == EEXIST { throw fail(.exists, "a file with that name already exists") }
      throw fail(Self.kind(of: -placed), Self.reason(-placed))
    }
    if !replacing { calls.unlink(temporary) }
    calls.syncDirectory(folder)
    return full
  }

  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = String(path[..<slash])
    return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
  }

  static func kind(of code: Int32) -> WriteError.Kind {
    switch code {
    case ENOSPC, EDQUOT, EIO, EFBIG: return .inputOutput
    case EEXIST: return .exists
    default: return .cannotCreate
    }
  }

  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOSPC: return "the disk is full"
    case EDQUOT: return "the disk quota is used up"
    case EFBIG: return "the file would be too large for this disk"
    case EIO: return "the disk reported an input/output error"
    case EROFS: return "the disk or folder is read-only"
    case EACCES, EPERM: return "permission denied"
    case ENOENT: return "the folder does not exist"
    case ENOTDIR: return "a part of the path is not a folder"
    case EISDIR: return "it is a folder"
    case ELOOP: return "it is a symbolic link, and SelfScreen never writes through links"
    case ENAMETOOLONG: return "the name is too long"
    case EEXIST: return "a file with that name already exists"
    default: return String(cString: strerror(code))
    }
  }
}
