import CSafeFile

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

  /// Why, without words: each language says it its own way (`reason(_:)`).
  public enum Cause: Sendable, Hashable {
    case emptyName
    case folderMissing(String)
    case notAFolder(String)
    case exists
    case isFolder
    /// The name is a symbolic link (found before writing).
    case isLink
    case notAFile
    /// A system call failed with this error number.
    case system(Int32)
    /// An attached file (`path`) could not be read for the export: a system error number, or
    /// nil when it is no longer an ordinary file within its question's limit.
    case attachment(Int32?)
  }

  public var kind: Kind
  /// The full path that was to be written.
  public var path: String
  public var cause: Cause

  public init(kind: Kind, path: String, cause: Cause) {
    self.kind = kind
    self.path = path
    self.cause = cause
  }

  /// Why, in English (command-line messages).
  public var reason: String { reason(.english) }

  /// Why, in `wording`'s language.
  public func reason(_ w: Wording) -> String {
    switch cause {
    case .emptyName: return w(.writeEmptyName)
    case .folderMissing(let folder): return w(.writeFolderMissing, ["folder": TextSafety.visible(folder)])
    case .notAFolder(let folder): return w(.writeNotAFolder, ["folder": TextSafety.visible(folder)])
    case .exists: return w(.writeExists)
    case .isFolder: return w(.writeIsFolder)
    case .isLink: return w(.writeIsLinkChoose)
    case .notAFile: return w(.writeNotAFile)
    case .system(let code): return SafeFileWriter.reason(code, w)
    case .attachment(let code):
      return w(
        .fileChangedSinceAttached,
        [
          "path": TextSafety.visible(path),
          "reason": code.map { $0 == ENOENT ? w(.fileGone) : SafeFileWriter.reason($0, w) } ?? w(.fileChanged),
        ])
    }
  }

  public var description: String { description(.english) }

  public func description(_ w: Wording) -> String {
    if case .attachment = cause { return reason(w) }
    return w(.writeCannot, ["path": TextSafety.visible(path), "reason": reason(w)])
  }
}

/// Writes every file SelfScreen writes: created with mode 0600 whatever the umask, never over an
/// existing file unless told to, never through a symbolic link (dangling ones included; a folder
/// reached through a link is fine), and complete or absent whatever happens.
///
/// Where the filesystem allows (Linux `O_TMPFILE`: ext4, xfs, btrfs, tmpfs), the bytes go to an
/// unnamed file that gets its name only once written and flushed: a process killed even by
/// SIGKILL mid-write leaves nothing. Elsewhere they go to a temporary name in the same folder
/// that is renamed or linked into place. Either way SIGINT, SIGTERM, SIGHUP and SIGQUIT are held
/// for the write, so a signal takes effect only once the temporary file is named or removed.
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
    let target = Target(full: absolutePath(path), replacing: replacing)
    guard !target.name.isEmpty else { throw target.fail(.cannotCreate, .emptyName) }
    if !calls.isFolder(target.folder) {
      if calls.kind(of: target.folder) == .absent {
        throw target.fail(.cannotCreate, .folderMissing(target.folder))
      }
      throw target.fail(.cannotCreate, .notAFolder(target.folder))
    }
    switch calls.kind(of: target.full) {
    case .absent: break
    case .regular:
      if !replacing { throw target.fail(.exists, .exists) }
    case .directory: throw target.fail(.cannotCreate, .isFolder)
    case .symbolicLink: throw target.fail(.cannotCreate, .isLink)
    case .other: throw target.fail(.cannotCreate, .notAFile)
    }

    sf_hold_signals()
    defer { sf_release_signals() }
    if try writeUnnamed(bytes, to: target) { return target.full }
    try writeNamed(bytes, to: target)
    return target.full
  }

  /// Where a write goes, and how its failures read.
  private struct Target {
    let full: String
    let folder: String
    let name: String
    let replacing: Bool
    /// A temporary name in the same folder, of a fixed length whatever the file's own name is.
    let temporary: String

    init(full: String, replacing: Bool) {
      self.full = full
      (folder, name) = SafeFileWriter.split(full)
      self.replacing = replacing
      let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
      temporary = (folder == "/" ? "" : folder) + "/.selfscreen-" + random + ".tmp"
    }

    func fail(_ kind: WriteError.Kind, _ cause: WriteError.Cause) -> WriteError {
      WriteError(kind: kind, path: full, cause: cause)
    }

    func fail(_ code: Int32) -> WriteError {
      if code == EEXIST { return fail(.exists, .exists) }
      return fail(SafeFileWriter.kind(of: code), .system(code))
    }
  }

  /// Writes all of `bytes`, forces the mode to 0600 (the umask may have taken bits away) and
  /// flushes them to the disk; minus the errno on failure.
  private func fill(_ descriptor: Int32, with bytes: [UInt8]) -> Int32 {
    let modeResult = calls.setMode(descriptor, 0o600)
    if modeResult < 0 { return modeResult }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        calls.write(descriptor, UnsafeRawBufferPointer(rebasing: buffer[written...]))
      }
      if count == -Int(EINTR) { continue }
      if count < 0 { return Int32(count) }
      if count == 0 { return -EIO }
      written += count
    }
    return calls.sync(descriptor)
  }

  /// The unnamed-file route. Returns false, having left nothing, where the filesystem or the
  /// system cannot create or name an unnamed file.
  private func writeUnnamed(_ bytes: [UInt8], to target: Target) throws(WriteError) -> Bool {
    let unsupported: Set<Int32> = [EOPNOTSUPP, EISDIR, EINVAL, ENOENT]
    let descriptor = calls.createAnonymous(in: target.folder, mode: 0o600)
    if descriptor < 0 {
      if unsupported.contains(-descriptor) { return false }
      throw target.fail(-descriptor)
    }
    let filled = fill(descriptor, with: bytes)
    if filled < 0 {
      _ = calls.close(descriptor)
      throw target.fail(-filled)
    }
    // Replacing needs a rename, and only a named file can be renamed: the unnamed file is named
    // with the temporary name at the last moment.
    let name = target.replacing ? target.temporary : target.full
    let linked = calls.linkAnonymous(descriptor, to: name)
    if linked < 0 {
      _ = calls.close(descriptor)
      if linked == -ENOENT { return false }
      throw target.fail(-linked)
    }
    let closed = calls.close(descriptor)
    if closed < 0 {
      calls.unlink(name)
      throw target.fail(-closed)
    }
    if target.replacing {
      let renamed = calls.rename(target.temporary, target.full)
      if renamed < 0 {
        calls.unlink(target.temporary)
        throw target.fail(-renamed)
      }
    }
    calls.syncDirectory(target.folder)
    return true
  }

  /// The temporary-name route, for filesystems without unnamed files.
  private func writeNamed(_ bytes: [UInt8], to target: Target) throws(WriteError) {
    let descriptor = calls.createExclusive(target.temporary, mode: 0o600)
    guard descriptor >= 0 else { throw target.fail(-descriptor) }
    let filled = fill(descriptor, with: bytes)
    if filled < 0 {
      _ = calls.close(descriptor)
      calls.unlink(target.temporary)
      throw target.fail(-filled)
    }
    let closed = calls.close(descriptor)
    if closed < 0 {
      calls.unlink(target.temporary)
      throw target.fail(-closed)
    }
    let placed =
      target.replacing ? calls.rename(target.temporary, target.full) : calls.link(target.temporary, target.full)
    if placed < 0 {
      calls.unlink(target.temporary)
      throw target.fail(-placed)
    }
    if !target.replacing { calls.unlink(target.temporary) }
    calls.syncDirectory(target.folder)
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

  static func reason(_ code: Int32, _ w: Wording) -> String {
    switch code {
    case ENOSPC: return w(.writeDiskFull)
    case EDQUOT: return w(.writeQuota)
    case EFBIG: return w(.writeTooLarge)
    case EIO: return w(.writeIOError)
    case EROFS: return w(.writeReadOnly)
    case EACCES, EPERM: return w(.writePermission)
    case ENOENT: return w(.writeNoFolder)
    case ENOTDIR: return w(.writePartNotFolder)
    case EISDIR: return w(.writeIsFolder)
    case ELOOP: return w(.writeIsLink)
    case ENAMETOOLONG: return w(.writeNameTooLong)
    case EEXIST: return w(.writeExists)
    default: return String(cString: strerror(code))
    }
  }
}
