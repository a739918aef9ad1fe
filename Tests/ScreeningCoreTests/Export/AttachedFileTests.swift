import Foundation
import Testing

@testable import ScreeningCore

/// A file attached to a `file` question: checked when its path is typed, read only when the answers
/// are saved as FHIR.
@Suite struct AttachedFileTests {
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-attach-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func photoQuestion(maxSize: Int? = nil, accept: [String] = ["image/*", "application/pdf"]) -> Question {
    Question(id: "photo", text: "A photo of the rash?", type: .file, accept: accept, maxSize: maxSize)
  }

  static func check(_ typed: String, _ question: Question = photoQuestion(), in folder: URL) -> AttachedFile.Check {
    AttachedFile.check(typed, for: question, home: folder.path, currentDirectory: folder.path, wording: .english)
  }

  @Test func aFileThatFitsIsAttachedByItsFullPathFromAnyWayOfWritingIt() throws {
    let folder = try Self.folder()
    try Data([1, 2, 3]).write(to: folder.appendingPathComponent("rash.JPG"))
    let full = folder.appendingPathComponent("rash.JPG").path
    #expect(Self.check(full, in: folder) == .attached(full))
    #expect(Self.check("rash.JPG", in: folder) == .attached(full), "relative to the current folder")
    #expect(Self.check("~/rash.JPG", in: folder) == .attached(full), "~ is the home folder")
  }

  /// A file dragged into a terminal arrives quoted, with its spaces escaped, or as a file:// URL,
  /// depending on the terminal: each is attached.
  @Test func aDraggedFileIsAttachedHoweverTheTerminalPastesIt() throws {
    let folder = try Self.folder()
    let photos = folder.appendingPathComponent("My Photos")
    try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
    let full = photos.appendingPathComponent("rash (1).png").path
    try Data([1]).write(to: URL(fileURLWithPath: full))
    let escaped = full.replacingOccurrences(of: " ", with: "\\ ").replacingOccurrences(of: "(", with: "\\(")
      .replacingOccurrences(of: ")", with: "\\)")
    let url = "file://" + full.replacingOccurrences(of: " ", with: "%20")
    for pasted in ["'\(full)'", "\"\(full)\"", escaped, url, full] {
      #expect(Self.check(pasted, in: folder) == .attached(full), "\(pasted)")
    }
    #expect(AttachedFile.readings(of: "file://%zz") == ["file://%zz"], "a malformed URL is read only as typed")
    #expect(
      Self.check("'gone.png'", in: folder)
        == .refused("there is no file at \(folder.path)/gone.png; check the name and the folder"))
  }

  @Test func aPathThatCannotBeAttachedSaysWhyInPlainWords() throws {
    let folder = try Self.folder()
    let path = folder.path
    try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    try Data().write(to: folder.appendingPathComponent("empty.png"))
    try Data(repeating: 7, count: 3_000).write(to: folder.appendingPathComponent("big.png"))
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("album.png"), withIntermediateDirectories: false)
    #expect(mkfifo(folder.appendingPathComponent("pipe.png").path, 0o600) == 0)
    let small = Self.photoQuestion(maxSize: 2_048)
    let check = "; check the name and the folder"
    #expect(Self.check("gone.png", in: folder) == .refused("there is no file at \(path)/gone.png" + check))
    #expect(
      Self.check("notes.txt/x.png", in: folder) == .refused("there is no file at \(path)/notes.txt/x.png" + check))
    #expect(
      Self.check("album.png", in: folder) == .refused("\(path)/album.png is a folder; type the path of a file in it"))
    #expect(Self.check("pipe.png", in: folder) == .refused("\(path)/pipe.png is not an ordinary file"))
    #expect(Self.check("empty.png", in: folder) == .refused("\(path)/empty.png is empty"))
    #expect(
      Self.check("big.png", small, in: folder)
        == .refused("\(path)/big.png is 2.9 KB; this question takes files up to 2 KB"))
    #expect(
      Self.check("notes.txt", in: folder)
        == .refused("notes.txt can't be attached here: this question takes images or PDF documents"))
    #expect(Self.check("notes.txt", Self.photoQuestion(accept: []), in: folder) == .attached("\(path)/notes.txt"))
  }

  /// Whatever a form says, no file above 10 MiB is taken: the export holds it in memory twice.
  @Test func noQuestionTakesAFileAboveTheLargest() {
    #expect(AttachedFile.limit(of: Self.photoQuestion(maxSize: 5_242_880)) == 5_242_880)
    #expect(AttachedFile.limit(of: Self.photoQuestion()) == AttachedFile.largest)
    #expect(AttachedFile.limit(of: Self.photoQuestion(maxSize: 1 << 40)) == AttachedFile.largest)
  }

  @Test func kindsAndSizesReadAsWords() {
    #expect(
      AttachedFile.kindsText(["image/*", "audio/*", "video/*", "application/pdf"], .english)
        == "images, sound recordings, videos or PDF documents")
    #expect(AttachedFile.kindsText(["image/png"], .english) == ".png files")
    #expect(AttachedFile.kindsText(["application/x-made-up"], .english) == "application/x-made-up")
    #expect(AttachedFile.sizeText(512) == "512 bytes")
    #expect(AttachedFile.sizeText(1_536) == "1.5 KB")
    #expect(AttachedFile.sizeText(235_520) == "230 KB")
    #expect(AttachedFile.sizeText(5_242_880) == "5 MB")
    #expect(AttachedFile.mediaType(of: "/a/b/Scan.PDF") == "application/pdf")
    #expect(AttachedFile.mediaType(of: "/a/.hidden") == nil)
    #expect(AttachedFile.mediaType(of: "/a/noending") == nil)
  }

  /// RFC 4648's test vectors, and every byte value.
  @Test func base64IsRFC4648() {
    let vectors = [
      "": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=",
      "foobar": "Zm9vYmFy",
    ]
    for (plain, encoded) in vectors { #expect(AttachedFile.base64(Array(plain.utf8)) == encoded) }
    let every = (0...255).map(UInt8.init)
    #expect(AttachedFile.base64(every) == Data(every).base64EncodedString())
  }

  @Test func readingAtExportTakesTheBytesOrSaysWhy() throws {
    let folder = try Self.folder()
    let file = folder.appendingPathComponent("scan.pdf")
    try Data([37, 80, 68, 70]).write(to: file)
    #expect(try AttachedFile.read(file.path, limit: 10) == [37, 80, 68, 70])
    #expect(throws: AttachedFile.ReadError(path: file.path, code: nil)) { try AttachedFile.read(file.path, limit: 3) }
    try FileManager.default.removeItem(at: file)
    #expect(throws: AttachedFile.ReadError(path: file.path, code: ENOENT)) {
      try AttachedFile.read(file.path, limit: 10)
    }
    // A pipe (named in an answers file, say) is refused at once, not waited on.
    let pipe = folder.appendingPathComponent("pipe.png").path
    #expect(mkfifo(pipe, 0o600) == 0)
    #expect(throws: AttachedFile.ReadError(path: pipe, code: nil)) { try AttachedFile.read(pipe, limit: 10) }
  }

  /// The field both front ends use: a path is typed like text, and checked when Enter is pressed.
  @Test func theAnswerFieldTakesAPathAndChecksTheFile() throws {
    let folder = try Self.folder()
    let file = folder.appendingPathComponent("rash.png")
    try Data([1]).write(to: file)
    let field = AnswerField(Self.photoQuestion(maxSize: 5_242_880))
    #expect(field.isTyped)
    #expect(field.keystroke("q", into: "~/", at: 2) == .insert("q"), "letters are part of a path")
    #expect(field.expected == "the path of a file: images or PDF documents, up to 5 MB")
    #expect(
      field.lineInstruction
        == "Type the path of the file (images or PDF documents, up to 5 MB), such as ~/Pictures/photo.jpg")
    #expect(field.read("  \(file.path)  ") == .answer(.text(file.path)))
    #expect(
      field.read(folder.path + "/gone.png")
        == .invalid("there is no file at \(folder.path)/gone.png; check the name and the folder"))
    #expect(field.read("   ") == .empty)
    #expect(
      AnswerField(Question(id: "f", text: "Any file?", type: .file)).expected
        == "the path of a file: any kind, up to 10 MB")
  }

  /// An answers file is scored on machines that may not have the file: only the path is checked.
  @Test func aFileAnswerIsAPathWhereverItIsRead() throws {
    let question = Self.photoQuestion()
    #expect(try question.validate(.text("/nowhere/rash.png")) == .text("/nowhere/rash.png"))
    #expect(throws: AnswerError.self) { try question.validate(.text("")) }
    #expect(throws: AnswerError.self) { try question.validate(.text("/a\u{7}b")) }
    #expect(throws: AnswerError.self) { try question.validate(.number(3)) }
    #expect(question.label(for: .text("/home/sam/rash.png")) == "/home/sam/rash.png")
  }
}
