import CSafeFile

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What is at a path, without following a symbolic link.
public enum FileKind: Sendable, Hashable {
  case absent, regular, directory, symbolicLink, other
}

/// The system calls `SafeFileWriter` makes; tests replace them to fail any one of them.
/// Each returns 0 (or a descriptor / a count) on success and minus the `errno` on failure.
public protocol FileSystemCalls: Sendable {
  func kind(of path: String) -> FileKind
  /// Whether `path` is a folder, following links (a folder reached through a link is fine: only
  /// the file's own name must not be a link).
  func isFolder(_ path: String) -> Bool
  /// Creates an unnamed file in `folder` that appears only when `linkAnonymous` names it
  /// (Linux `O_TMPFILE`); `-EOPNOTSUPP` (or `-EISDIR`, `-EINVAL`) where the filesystem cannot.
  func createAnonymous(in folder: String, mode: UInt32) -> Int32
  /// Names an unnamed file; `-EEXIST` if the name is taken, `-ENOENT` where it cannot be done.
  func linkAnonymous(_ descriptor: Int32, to path: String) -> Int32
  /// Creates a new file that must not exist yet, never through a link.
  func createExclusive(_ path: String, mode: UInt32) -> Int32
  func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
  func setMode(_ descriptor: Int32, _ mode: UInt32) -> Int32
  func sync(_ descriptor: Int32) -> Int32
  func close(_ descriptor: Int32) -> Int32
  func link(_ from: String, _ to: String) -> Int32
  func rename(_ from: String, _ to: String) -> Int32
  func unlink(_ path: String)
  /// Flushes a folder's entries (after a link or rename), best effort.
  func syncDirectory(_ path: String)
  func currentDirectory() -> String
}

/// The real system calls.
public struct SystemCalls: FileSystemCalls {
  public init() {}

  public func kind(of path: String) -> FileKind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .absent }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .directory
    case S_IFLNK: return .symbolicLink
    default: return .other
    }
  }

  public func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  public func createAnonymous(in folder: String, mode: UInt32) -> Int32 {
    sf_open_anonymous(folder, mode)
  }

  public func linkAnonymous(_ descriptor: Int32, to path: String) -> Int32 {
    sf_link_anonymous(descriptor, path)
  }

  public func createExclusive(_ path: String, mode: UInt32) -> Int32 {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
    return descriptor >= 0 ? descriptor : -errno
  }

  public func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    let count = Glibc.write(descriptor, bytes.baseAddress, bytes.count)
    return count >= 0 ? count : -Int(errno)
  }

  public func setMode(_ descriptor: Int32, _ mode: UInt32) -> Int32 {
    fchmod(descriptor, mode_t(mode)) == 0 ? 0 : -errno
  }

  public func sync(_ descriptor: Int32) -> Int32 {
    fsync(descriptor) == 0 ? 0 : -errno
  }

  public func close(_ descriptor: Int32) -> Int32 {
    Glibc.close(descriptor) == 0 ? 0 : -errno
  }

  public func link(_ from: String, _ to: String) -> Int32 {
    Glibc.link(from, to) == 0 ? 0 : -errno
  }

  public func rename(_ from: String, _ to: String) -> Int32 {
    Glibc.rename(from, to) == 0 ? 0 : -errno
  }

  public func unlink(_ path: String) {
    _ = Glibc.unlink(path)
  }

  public func syncDirectory(_ path: String) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    _ = Glibc.close(descriptor)
  }

  public func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
