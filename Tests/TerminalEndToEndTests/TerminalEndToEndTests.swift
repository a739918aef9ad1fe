import Foundation
import Testing

/// The full-screen screening in a real pseudo-terminal (tmux), end to end.
@Suite(.serialized) struct TerminalEndToEndTests {
  /// Answers every question with keys alone: use in the past year, weekly, `yes` signs "yes",
  /// no withdrawal symptoms, "no" to the rest. Checks the progress line on every question.
  static func answerEverything(_ tmux: TmuxSession, yes: Int) throws {
    try tmux.waitFor("Enter start")
    try tmux.send("Enter")
    var keys = ["3", "4"] + (0..<10).map { $0 < yes ? "1" : "2" } + ["8"] + Array(repeating: "2", count: 16)
    var number = 1
    while !keys.isEmpty {
      // 32 questions may be asked until the first answer; 30 on this path.
      let screen = try tmux.waitFor("Question \(number) of \(number == 1 ? 32 : 30)")
      #expect(screen.contains("%"), "no progress bar on question \(number)")
      try tmux.send(keys.removeFirst(), "Enter")
      number += 1
    }
    try tmux.waitFor("See my results")
  }

  @Test func aWholeSessionWithKeysAlone() throws {
    let tmux = try TmuxSession()
    try Self.answerEverything(tmux, yes: 5)
    try tmux.send("Enter")
    let results = try tmux.waitFor("Result: Several signs (5 of 10 signs)")
    #expect(results.contains("Your answers show several signs"))
    // The first page of the result, at 80x24, says what this is not.
    #expect(results.contains("This self-check is not a diagnosis and is not a validated clinical test."))
    try tmux.send("q")
    try tmux.waitFor("Leave SelfScreen?")
    try tmux.send("y")
    let end = try tmux.waitForEnd(0)
    #expect(end.contains("SelfScreen closed. Nothing was saved."))
    #expect(!end.contains("Several signs"))
    #expect(TmuxSession.restored(end))
  }

  @Test func goingBackAndChangingAnAnswerChangesTheSkipPath() throws {
    let tmux = try TmuxSession()
    try tmux.startQuestions()
    try tmux.send("3", "Enter")
    try tmux.waitFor("Question 2 of 30")
    try tmux.send("Left")
    try tmux.waitFor("› 3 (•) Yes, in other ways")
    try tmux.send("1", "Enter")
    try tmux.waitFor("more than 12 months ago?")
    try tmux.send("1", "Enter")
    let review = try tmux.waitFor("Review your answers")
    #expect(review.contains("2 questions"))
    try tmux.send("End", "Enter")
    try tmux.waitFor("No ketamine use")
    try tmux.send("C-c")
    try tmux.waitFor("EXIT=130")
  }

  @Test func aRedFlagAnswerShowsTheRedFlagScreen() throws {
    let tmux = try TmuxSession()
    try tmux.waitFor("Enter start")
    try tmux.send("Enter")
    for (number, key) in (["3", "4"] + Array(repeating: "2", count: 10) + ["8"] + Array(repeating: "2", count: 7))
      .enumerated()
    {
      try tmux.waitFor("Question \(number + 1) of \(number == 0 ? 32 : 30)")
      try tmux.send(key, "Enter")
    }
    try tmux.waitFor("have you passed out")
    try tmux.send("1", "Enter")
    try tmux.waitFor("URGENT, get help now")
    // The title can be captured before the lines below it are drawn: wait for the contact.
    let screen = try tmux.waitFor("Emergency services: call 999")
    let lines = screen.split(separator: "\n").map(String.init)
    let contacts = lines.filter { $0.hasPrefix("  • ") }
    #expect(contacts.first == "  • Emergency services: call 999")
    try tmux.send("Enter")
    try tmux.waitFor("needed emergency care")
    try tmux.send("C-c")
    try tmux.waitFor("EXIT=130")
  }

  @Test func resizingRelaysOutAndBelowTheMinimumAsksForMoreRoom() throws {
    let tmux = try TmuxSession()
    try tmux.startQuestions()
    try tmux.resize(columns: 100, rows: 30)
    try tmux.waitFor("Have you used ketamine in the past 12 months?")
    try tmux.resize(columns: 30, rows: 10)
    try tmux.waitFor("Please make the window larger.")
    try tmux.resize(columns: 20, rows: 5)
    try tmux.waitFor("window larger.")
    try tmux.resize(columns: 80, rows: 24)
    let back = try tmux.waitFor("Question 1 of 32")
    #expect(back.contains("   1 ( ) No") && !back.contains("›"), "nothing highlighted until the person moves")
    try tmux.send("C-c")
    try tmux.waitFor("EXIT=130")
  }

  /// Each way of leaving mid-session: status, terminal modes, and no answer left on screen.
  @Test(arguments: [("C-c", 130), ("TERM", 143), ("HUP", 129), ("QUIT", 131), ("C-\\", 131)] as [(String, Int32)])
  func leavingMidSessionRestoresTheTerminal(how: String, status: Int32) throws {
    let tmux = try TmuxSession()
    try tmux.startQuestions()
    try tmux.send("3", "Enter")
    try tmux.waitFor("Question 2 of 30")
    if how.hasPrefix("C-") {
      try tmux.send(how)
    } else {
      let signal: Int32 = ["TERM": SIGTERM, "HUP": SIGHUP, "QUIT": SIGQUIT][how]!
      kill(try tmux.selfscreenPID(), signal)
    }
    let end = try tmux.waitForEnd(status)
    #expect(TmuxSession.restored(end), "terminal modes not restored:\n\(end)")
    #expect(!end.contains("Question 2 of 30"))
    #expect(!end.contains("How often"))
  }

  @Test func sighupInheritedAsIgnoredStillRestoresTheTerminal() throws {
    let tmux = try TmuxSession(prelude: "trap '' HUP;")
    try tmux.waitFor("Enter start")
    kill(try tmux.selfscreenPID(), SIGHUP)
    let end = try tmux.waitForEnd(129)
    #expect(TmuxSession.restored(end))
  }

  @Test func aCrashRestoresTheTerminal() throws {
    let tmux = try TmuxSession()
    try tmux.startQuestions()
    kill(try tmux.selfscreenPID(), SIGSEGV)
    let end = try tmux.waitForEnd(139)
    #expect(TmuxSession.restored(end))
  }

  @Test func monochromeAndUnusableTerminals() throws {
    let mono = try TmuxSession(environment: "NO_COLOR=1")
    try mono.waitFor("Enter start")
    try mono.send("Enter")
    try mono.waitFor("Question 1 of 32")
    try mono.send("Down")
    try mono.waitFor("› 1 ( ) No")
    try mono.send("C-c")
    try mono.waitFor("EXIT=130")
    // TERM=dumb: line mode, automatically; asking for the full screen explains why not.
    let dumb = try TmuxSession(arguments: "", environment: "TERM=dumb")
    try dumb.waitFor("Type a number from 1 to 3, or b, r, ?, q:")
    try dumb.send("q", "Enter")
    try dumb.waitFor("n to stay:")
    try dumb.send("y", "Enter")
    let closed = try dumb.waitFor("EXIT=0")
    #expect(closed.contains("SelfScreen closed. Nothing was saved."))
    let refused = try TmuxSession(arguments: "--ui tui", environment: "TERM=dumb")
    let message = try refused.waitFor("EXIT=64")
    #expect(message.contains("selfscreen: this terminal (TERM=dumb) cannot draw screens"))
  }

  @Test func ctrlZThenFgRedrawsWithTheAnswersKept() throws {
    let tmux = try TmuxSession(
      command: "env PS1='$ ' TERM=tmux-256color LC_ALL=C.UTF-8 SWIFT_BACKTRACE=enable=no bash --norc --noprofile -i")
    try tmux.waitFor("$")
    try tmux.send("\(TmuxSession.binary) --region UK", "Enter")
    try tmux.startQuestions()
    try tmux.send("3", "Enter")
    try tmux.waitFor("Question 2 of 30")
    try tmux.send("Down", "Down")
    try tmux.waitFor("› 2 ( ) Once or twice")
    try tmux.send("C-z")
    try tmux.waitFor("Stopped")
    try tmux.send(TmuxSession.modes, "Enter")
    let stopped = try tmux.waitFor("icanon echo")
    #expect(!stopped.contains("Question 2 of 30"))
    try tmux.send("clear; fg", "Enter")
    try tmux.waitFor("› 2 ( ) Once or twice")
    try tmux.send("Left")
    try tmux.waitFor("› 3 (•) Yes")
    try tmux.send("C-c")
    try tmux.send("echo EXIT=$?", "Enter")
    try tmux.waitFor("EXIT=130")
  }

  /// A PHQ-9 written as a FHIR R4 Questionnaire runs full screen like a native questionnaire.
  @Test func aFHIRQuestionnaireRunsFullScreenAndShowsItsTotal() throws {
    let phq9 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("ScreeningCoreTests/FHIR/Fixtures/phq-9.json").path
    let tmux = try TmuxSession(arguments: "run \(phq9) --region US")
    try tmux.waitFor("Enter start")
    try tmux.send("Enter")
    for number in 1...9 {
      let screen = try tmux.waitFor("Question \(number) of 9")
      #expect(screen.contains("4 ( ) Nearly every day"))
      try tmux.send("4", "Enter")
    }
    // Item 9 above "Not at all": the crisis contacts at once, before the review.
    let urgent = try tmux.waitFor("Thoughts of being better off dead")
    #expect(urgent.contains("Please reach out for support today"))
    #expect(urgent.contains("988 Suicide & Crisis Lifeline"))
    try tmux.send("Enter")
    try tmux.waitFor("See my results")
    try tmux.send("End", "Enter")
    let results = try tmux.waitFor("a score of 27 out of 27")
    #expect(results.contains("988 Suicide & Crisis Lifeline"))
    try tmux.send("q")
    try tmux.waitFor("Leave SelfScreen?")
    try tmux.send("y")
    let end = try tmux.waitForEnd(0)
    #expect(!end.contains("27 of 27"), "the screen is cleared on the way out")
    #expect(TmuxSession.restored(end))
  }

  /// Bytes that are not UTF-8 (a stray byte in a paste, a terminal in another encoding) are
  /// dropped one by one: nothing typed after them is lost, and they are not taken for a hangup.
  @Test func invalidBytesInATypedAnswerLoseNothingElse() throws {
    let file = try Self.typedQuestionnaire(["t: Say something"])
    let tmux = try TmuxSession(arguments: "run \(file.path)")
    try tmux.waitFor("Enter start")
    try tmux.send("Enter")
    try tmux.waitFor("Your answer:")
    try tmux.send("-l", "ab")
    try tmux.send("-H", "e2")  // the first byte of a three-byte character, then none of the rest
    try tmux.send("-l", "cd")
    try tmux.send("-H", "ff", "ff", "ff", "c0", "80")  // never UTF-8; an over-long NUL
    try tmux.send("-l", "é✓")
    try tmux.send("-H", "ed", "a0", "80")  // a surrogate
    try tmux.send("-l", "Z")
    let screen = try tmux.waitFor("abcdé✓Z")
    #expect(!screen.contains("EXIT="), "still running")
  }

  /// What a hurried person presses: Enter, Right and Tab again and again record nothing; Space
  /// types a space; Backspace held down empties the field and stays in it.
  @Test func hurriedKeysNeverAnswerAndTypingIsKept() throws {
    let tmux = try TmuxSession()
    try tmux.startQuestions()
    try tmux.send("Enter", "Enter", "Enter", "Right", "Right", "Tab", "Tab", "Space", "Enter")
    let held = try tmux.waitFor("Choose an answer")
    #expect(held.contains("Question 1 of 32") && !held.contains("›") && !held.contains("(•)"))
    try tmux.send("C-c")
    try tmux.waitFor("EXIT=130")

    let file = try Self.typedQuestionnaire(["first: First question", "second: Second question"])
    let typed = try TmuxSession(arguments: "run \(file.path)")
    try typed.waitFor("Enter start")
    try typed.send("Enter")
    try typed.waitFor("First question")
    try typed.send("-l", "I feel okay, just tired.")
    try typed.waitFor("I feel okay, just tired.")
    try typed.send("Enter")
    try typed.waitFor("Second question")
    try typed.send("-l", "ab")
    try typed.send("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
    let emptied = try typed.waitFor("The answer is empty")
    #expect(emptied.contains("Second question"))
    try typed.send("Left")
    let first = try typed.waitFor("First question")
    #expect(first.contains("I feel okay, just tired."), "the answer before is untouched")
    try typed.send("C-c")
    try typed.waitFor("EXIT=130")
  }

  /// The editing keys arrive through the real terminal: the cursor moves, Ctrl-A/E/W/K/U and
  /// Delete edit where it is, and ← held down in a typed answer stays in it.
  @Test func aTypedAnswerIsEditedWithTheCursorKeys() throws {
    let file = try Self.typedQuestionnaire(["first: First question", "second: Second question"])
    let tmux = try TmuxSession(arguments: "run \(file.path)")
    try tmux.waitFor("Enter start")
    try tmux.send("Enter")
    try tmux.waitFor("First question")
    try tmux.send("-l", "just tired")
    try tmux.send("Home")
    try tmux.send("-l", "I feel okay, ")
    try tmux.waitFor("I feel okay, just tired")
    try tmux.send("C-e", "C-w", "Left", "Left", "C-k")
    try tmux.waitFor("I feel okay, jus ")
    try tmux.send("C-a", "DC", "DC")
    try tmux.send("-l", "We ")
    try tmux.waitFor("We feel okay, jus ")
    try tmux.send("Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left")
    try tmux.send("Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left")
    let held = try tmux.waitFor("This is the start of your answer")
    #expect(held.contains("First question"))
    try tmux.send("End", "C-u")
    try tmux.send("-l", "Fine")
    try tmux.send("Enter")
    try tmux.waitFor("Second question")
    try tmux.send("Left")
    let back = try tmux.waitFor("First question")
    #expect(back.contains(" Fine "))
    try tmux.send("C-c")
    try tmux.waitFor("EXIT=130")
  }

  /// Without --region and with a locale that names no country, the welcome screen asks; c
  /// chooses, and the help resources follow the choice for the rest of the run.
  @Test func theRegionIsAskedForAndChosenInTheProgram() throws {
    let tmux = try TmuxSession(arguments: "")
    let welcome = try tmux.waitFor("Where are you?")
    #expect(welcome.contains("c country"))
    try tmux.send("c")
    try tmux.waitFor("Choose your country")
    try tmux.send("2")
    let resources = try tmux.waitFor("Help resources · United Kingdom")
    #expect(resources.contains("Emergency services: call 999"))
    try tmux.send("Escape")
    let chosen = try tmux.waitFor("Help resources are shown for United Kingdom")
    #expect(!chosen.contains("Where are you?"))
    try tmux.send("Enter")
    try tmux.waitFor("Question 1 of 32")
    try tmux.send("r")
    try tmux.waitFor("Help resources · United Kingdom")
    try tmux.send("C-c")
    try tmux.waitFor("EXIT=130")
  }

  /// Quitting after a save says which file stays, on the confirmation and after the program ends.
  @Test func quittingAfterASaveNamesTheFileThatStays() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let tmux = try TmuxSession(prelude: "cd \(folder.path) &&")
    try Self.answerEverything(tmux, yes: 2)
    try tmux.send("Enter")
    try tmux.waitFor("Result:")
    try tmux.send("e")
    try tmux.waitFor("What kind of file?")
    try tmux.send("Enter")
    try tmux.waitFor("File name:")
    try tmux.send("C-u")
    try tmux.send("-l", "mine.txt")
    try tmux.send("Enter")
    try tmux.waitFor("(readable only by you)")
    try tmux.send("Enter", "q")
    let confirm = try tmux.waitFor("The copy you saved stays:")
    #expect(confirm.contains("\(folder.path)/mine.txt"))
    #expect(!confirm.contains("Nothing has been saved"))
    try tmux.send("y")
    let end = try tmux.waitForEnd(0)
    #expect(end.contains("SelfScreen closed. Saved: \(folder.path)/mine.txt"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["mine.txt"])
  }

  /// A questionnaire file of text questions, one per "id: text" entry.
  static func typedQuestionnaire(_ questions: [String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("selfscreen-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("typed.yaml")
    let items = questions.map { entry -> String in
      let (id, text) = (entry.prefix { $0 != ":" }, entry.drop { $0 != ":" }.dropFirst(2))
      return "      - {id: \(id), text: \(text), type: text}\n"
    }
    let yaml =
      "format: 1\nid: typed\nversion: \"1\"\nlanguage: en\ntitle: Typed answers\nintro: Typed answers.\n"
      + "disclaimer: Not a diagnosis.\nsections:\n  - id: s\n    title: S\n    questions:\n" + items.joined()
    try Data(yaml.utf8).write(to: file)
    return file
  }
}
