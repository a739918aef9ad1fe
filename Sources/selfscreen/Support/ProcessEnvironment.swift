#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's environment variables, read straight from `environ`: ProcessInfo's copy costs
/// more than a tenth of a millisecond at every start (docs/PERFORMANCE.md). The first of a
/// repeated name wins, as with `getenv`.
enum ProcessEnvironment {
  static func current() -> [String: String] {
    var variables: [String: String] = [:]
    // nil after clearenv().
    let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
    guard var entry = start else { return variables }
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
        let name = String(text[..<equals])
        if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
      }
      entry += 1
    }
    return variables
  }
}
