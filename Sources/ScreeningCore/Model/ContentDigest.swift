import Synchronization

/// A questionnaire's content hash, worked out from its file's bytes the first time it is read.
///
/// Hashing a file costs about as much as decoding it, and only exports and answers files need the
/// hash; the screens do not. Two digests are equal when their hashes are.
final class ContentDigest: Sendable, Hashable {
  private enum State {
    case bytes([UInt8])
    case value(String)
  }

  private let state: Mutex<State>

  /// The hash of `bytes`, once it is asked for.
  init(bytes: [UInt8]) {
    state = Mutex(.bytes(bytes))
  }

  /// A hash given as it is.
  init(value: String) {
    state = Mutex(.value(value))
  }

  /// `sha256:` and 64 lowercase hex digits (or the value given).
  var value: String {
    state.withLock { state in
      switch state {
      case .value(let value):
        return value
      case .bytes(let bytes):
        let value = "sha256:" + SHA256.hex(bytes)
        state = .value(value)
        return value
      }
    }
  }

  static func == (lhs: ContentDigest, rhs: ContentDigest) -> Bool {
    lhs === rhs || lhs.value == rhs.value
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(value)
  }
}
