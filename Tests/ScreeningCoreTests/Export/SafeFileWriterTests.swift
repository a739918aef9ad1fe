import Foundation
import TestSupport
import Testing

@testable import ScreeningCore

/// The writer every export goes through: 0600, no overwrite without asking, no links, and the
/// destination absent or complete whatever fails.
@Suite struct SafeFileWriterTests {
  /// The real system calls, except that the `failAt`-th call of `operation` fails with `code`,
  /// and writes may be cut short.
  final class FaultyCalls: FileSystemCalls, @unchecked Sendable {
    enum Operation: String, CaseIterable {
      case createAnonymous, linkAnonymous, create, setMode, write, sync, close, link, rename
    }
    let real = SystemCalls()
    let operation: Operation?
    let failAt: Int
    let code: Int32
    let chunk: Int
    /// False: the filesystem has no unnamed files (as vfat, NFS or macOS), so the named route runs.
    let unnamed: Bool
    /// Called before each write with the descriptor (to look at the folder mid-write).
    var duringWrite: (() -> Void)?
    private(set) var counts: [Operation: Int] = [:]
    private(set) var failed = false

    init(
      failing operation: Operation? = nil, at call: Int = 1, with code: Int32 = EIO, chunk: Int = .max,
      unnamed: Bool = true
    ) {
      self.operation = operation
      self.failAt = call
      self.code = code
      self.chunk = chunk
      self.unnamed = unnamed
    }

    private func fails(_ operation: Operation) -> Bool {
      counts[operation, default: 0] += 1
      if operation == self.operation && counts[operation] == failAt {
        failed = true
        return true
      }
      return false
    }

    func kind(of path: String) -> FileKind { real.kind(of: path) }
    func isFolder(_ path: String) -> Bool { real.isFolder(path) }
    func createAnonymous(in folder: String, mode: UInt32) -> Int32 {
      guard unnamed else { return -EOPNOTSUPP }
      return fails(.createAnonymous) ? -code : real.createAnonymous(in: folder, mode: mode)
    }
    func linkAnonymous(_ descriptor: Int32, to path: String) -> Int32 {
      fails(.linkAnonymous) ? -code : real.linkAnonymous(descriptor, to: path)
    }
    func createExclusive(_ path: String, mode: UInt32) -> Int32 {
      fails(.create) ? -code : real.createExclusive(path, mode: mode)
    }
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
      duringWrite?()
      if fails(.write) { return -Int(code) }
      return real.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes.prefix(chunk)))
    }
    func setMode(_ descriptor: Int32, _ mode: UInt32) -> Int32 {
      fails(.setMode) ? -code : real.setMode(descriptor, mode)
    }
    func sync(_ descriptor: Int32) -> Int32 { fails(.sync) ? -code : real.sync(descriptor) }
    func close(_ descriptor: Int32) -> Int32 {
      // A failed close still releases the descriptor, as close(2) does.
      let result = real.close(descriptor)
      return fails(.close) ? -code : result
    }
    func link(_ from: String, _ to: String) -> Int32 { fails(.link) ? -code : real.link(from, to) }
    func rename(_ from: String, _ to: String) -> Int32 { fails(.rename) ? -code : real.rename(from, to) }
    func unlink(_ path: String) { real.unlink(path) }
    func syncDirectory(_ path: String) { real.syncDirectory(path) }
    func currentDirectory() -> String { real.currentDirectory() }
  }

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-writer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func entries(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  static func mode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
  }

  let content = Array(String(repeating: "answers, line by line\n", count: 400).utf8)

  @Test func writesACompleteFileWithMode0600AndReturnsTheFullPath() throws {
    let folder = try Self.folder()
    let path = folder.appendingPathComponent("out.txt").path
    let written = try SafeFileWriter(calls: FaultyCalls(chunk: 7)).write(content, to: path)
    #expect(written == path)
    #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == content)
    #expect(try Self.mode(path) == 0o600)
    #expect(try Self.entries(folder) == ["out.txt"])
  }

  /// Every step failing, at every call: the destination is absent (or, when replacing, still the
  /// old file), nothing temporary is left, and the error says why.
  @Test(arguments: FaultyCalls.Operation.allCases, [true, false])
  func aFailureAtAnyStepLeavesTheDestinationAbsentOrComplete(operation: FaultyCalls.Operation, unnamed: Bool)
    throws
  {
    for replacing in [false, true] {
      var call = 1
      while true {
        let folder = try Self.folder()
        let path = folder.appendingPathComponent("out.txt").path
        let old = Array("old answers\n".utf8)
        if replacing { try Data(old).write(to: URL(fileURLWithPath: path)) }
        let calls = FaultyCalls(failing: operation, at: call, with: ENOSPC, chunk: 1000, unnamed: unnamed)
        do {
          try SafeFileWriter(calls: calls).write(content, to: path, replacing: replacing)
          #expect(!calls.failed)
          #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == content)
          break  // no call left to fail
        } catch let error as WriteError {
          #expect(calls.failed)
          #expect(error.kind == .inputOutput)
          #expect(error.reason == "the disk is full")
          let entries = try Self.entries(folder)
          if replacing {
            #expect(entries == ["out.txt"])
            #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == old)
          } else {
            #expect(entries.isEmpty, "left behind: \(entries)")
          }
        }
        call += 1
        #expect(call < 200)
      }
    }
  }

  /// With unnamed files (this machine's filesystem has them), nothing exists under any name while
  /// the answers are written, so even SIGKILL leaves nothing; on both routes the terminating
  /// signals are held until the temporary file is named or gone.
  @Test(arguments: [true, false]) func nothingIsNamedWhileTheAnswersAreWritten(unnamed: Bool) throws {
    // The test runner's worker threads may block signals already: start from them unblocked.
    var terminating = sigset_t()
    var original = sigset_t()
    sigemptyset(&terminating)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&terminating, signal) }
    pthread_sigmask(SIG_UNBLOCK, &terminating, &original)
    defer { pthread_sigmask(SIG_SETMASK, &original, nil) }
    for replacing in [false, true] {
      let folder = try Self.folder()
      let path = folder.appendingPathComponent("out.txt").path
      if replacing { try Data("old".utf8).write(to: URL(fileURLWithPath: path)) }
      let calls = FaultyCalls(chunk: 100, unnamed: unnamed)
      var seen: [[String]] = []
      var held: [Bool] = []
      calls.duringWrite = {
        seen.append((try? Self.entries(folder)) ?? ["?"])
        var mask = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &mask)
        held.append([SIGINT, SIGTERM, SIGHUP, SIGQUIT].allSatisfy { sigismember(&mask, $0) == 1 })
      }
      try SafeFileWriter(calls: calls).write(content, to: path, replacing: replacing)
      #expect(seen.count == content.count / 100)
      #expect(held.allSatisfy { $0 })
      let before = replacing ? ["out.txt"] : []
      if unnamed {
        #expect(seen.allSatisfy { $0 == before }, "named mid-write: \(Set(seen.flatMap { $0 }))")
      } else {
        // The named route's temporary name does not grow with the file's name.
        #expect(seen.allSatisfy { $0.count == before.count + 1 })
        #expect(seen.first?.contains { $0.hasPrefix(".selfscreen-") && $0.hasSuffix(".tmp") } == true)
      }
      #expect(try Self.entries(folder) == ["out.txt"])
      var mask = sigset_t()
      pthread_sigmask(SIG_BLOCK, nil, &mask)
      #expect(sigismember(&mask, SIGTERM) == 0, "the hold is released after the write")
    }
  }

  /// A folder reached through a symbolic link (macOS's /tmp is one) is fine: only the file's own
  /// name must not be a link. The longest legal name (255 bytes) fits on both routes.
  @Test(arguments: [true, false]) func linkedFoldersAndTheLongestNames(unnamed: Bool) throws {
    let folder = try Self.folder()
    let real = folder.appendingPathComponent("real")
    try FileManager.default.createDirectory(at: real, withIntermediateDirectories: false)
    let linked = folder.appendingPathComponent("linkdir").path
    try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: real.path)
    let long = String(repeating: "a", count: 251) + ".txt"
    for name in ["x.txt", long] {
      for replacing in [false, true] {
        try SafeFileWriter(calls: FaultyCalls(unnamed: unnamed)).write(
          content, to: linked + "/" + name, replacing: replacing)
      }
    }
    #expect(try Self.entries(real) == [long, "x.txt"].sorted())
    #expect(try Self.mode(real.appendingPathComponent(long).path) == 0o600)
    let dangling = folder.appendingPathComponent("gone").path
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: folder.path + "/missing")
    #expect(
      throws: WriteError(kind: .cannotCreate, path: dangling + "/x.txt", cause: .notAFolder(dangling))
    ) { try SafeFileWriter().write(content, to: dangling + "/x.txt") }
  }

  /// Where unnamed files cannot be named (no /proc and no privilege), the named route takes over.
  @Test func anUnnamedFileThatCannotBeNamedFallsBackToTheNamedRoute() throws {
    let folder = try Self.folder()
    let path = folder.appendingPathComponent("out.txt").path
    let calls = FaultyCalls(failing: .linkAnonymous, with: ENOENT)
    try SafeFileWriter(calls: calls).write(content, to: path)
    #expect(calls.failed)
    #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == content)
    #expect(try Self.entries(folder) == ["out.txt"])
  }

  @Test func anExistingFileIsReplacedOnlyWhenAsked() throws {
    let folder = try Self.folder()
    let path = folder.appendingPathComponent("out.txt").path
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: WriteError(kind: .exists, path: path, cause: .exists)) {
      try SafeFileWriter().write(content, to: path)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    try SafeFileWriter().write(content, to: path, replacing: true)
    #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == content)
    #expect(try Self.mode(path) == 0o600)
  }

  @Test func symbolicLinksAreNeverFollowedDanglingOrNot() throws {
    let folder = try Self.folder()
    let target = folder.appendingPathComponent("target.txt").path
    let dangling = folder.appendingPathComponent("dangling.txt").path
    let live = folder.appendingPathComponent("live.txt").path
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: target)
    try Data("target".utf8).write(to: URL(fileURLWithPath: target))
    try FileManager.default.createSymbolicLink(atPath: live, withDestinationPath: target)
    try FileManager.default.removeItem(atPath: target)
    try FileManager.default.createSymbolicLink(atPath: target + ".2", withDestinationPath: "/etc/passwd")
    for link in [dangling, live, target + ".2"] {
      for replacing in [false, true] {
        #expect(
          throws: WriteError(
            kind: .cannotCreate, path: link,
            cause: .isLink)
        ) { try SafeFileWriter().write(content, to: link, replacing: replacing) }
      }
    }
    #expect(!FileManager.default.fileExists(atPath: target))
  }

  @Test func foldersAndMissingFolders() throws {
    let folder = try Self.folder()
    #expect(throws: WriteError(kind: .cannotCreate, path: folder.path, cause: .isFolder)) {
      try SafeFileWriter().write(content, to: folder.path)
    }
    let missing = folder.appendingPathComponent("nope/out.txt").path
    #expect(
      throws: WriteError(
        kind: .cannotCreate, path: missing, cause: .folderMissing("\(folder.path)/nope"))
    ) { try SafeFileWriter().write(content, to: missing) }
  }

  @Test func relativePathsAreShownInFull() {
    let writer = SafeFileWriter()
    #expect(writer.absolutePath("a.txt") == FileManager.default.currentDirectoryPath + "/a.txt")
    #expect(writer.absolutePath("/x/a.txt") == "/x/a.txt")
  }

  /// A real full disk: a 64 KiB tmpfs (needs permission to mount; CI runs as root).
  @Test(.enabled(if: getuid() == 0)) func aRealFullDiskSaysSoAndLeavesNothing() throws {
    let folder = try Self.folder()
    guard Shell.run("mount -t tmpfs -o size=64k tmpfs '\(folder.path)'") == 0 else {
      Issue.record("could not mount a tmpfs as root")
      return
    }
    defer { _ = Shell.run("umount '\(folder.path)'") }
    let path = folder.appendingPathComponent("big.txt").path
    let big = [UInt8](repeating: 65, count: 1 << 20)
    #expect(
      throws: WriteError(kind: .inputOutput, path: path, cause: .system(ENOSPC))
    ) { try SafeFileWriter().write(big, to: path) }
    #expect(try Self.entries(folder).isEmpty)
    try SafeFileWriter().write(Array("small".utf8), to: path)
    #expect(try Self.entries(folder) == ["big.txt"])
  }
}
