#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A moment, to the second, as exports record it: in UTC for machines, and in the person's
/// local time with its offset for people.
public struct Timestamp: Sendable, Hashable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var secondsSinceEpoch: Int
  /// The local time's offset from UTC at that moment, in seconds (east positive).
  public var utcOffset: Int

  public init(secondsSinceEpoch: Int, utcOffset: Int = 0) {
    self.secondsSinceEpoch = secondsSinceEpoch
    self.utcOffset = utcOffset
  }

  /// Now, from the system clock, with the local offset (the time zone from `TZ` or the system's).
  public static func now() -> Timestamp {
    var seconds = time(nil)
    var parts = tm()
    localtime_r(&seconds, &parts)
    return Timestamp(secondsSinceEpoch: Int(seconds), utcOffset: Int(parts.tm_gmtoff))
  }

  /// `2026-11-22T03:52:10Z`.
  public var iso8601: String {
    var seconds = time_t(secondsSinceEpoch)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { String(value).leftPadded(to: 2) }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  /// Reads `2026-11-22T03:52:10Z` (UTC, to the second); nil for anything else.
  public init?(iso8601 text: String) {
    let digits = Array(text.utf8)
    guard digits.count == 20, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-"),
      digits[10] == UInt8(ascii: "T"), digits[13] == UInt8(ascii: ":"), digits[16] == UInt8(ascii: ":"),
      digits[19] == UInt8(ascii: "Z")
    else { return nil }
    func number(_ range: Range<Int>) -> Int32? {
      var value: Int32 = 0
      for index in range {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digits[index]) else { return nil }
        value = value * 10 + Int32(digits[index] - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var parts = tm()
    parts.tm_year = year - 1900
    parts.tm_mon = month - 1
    parts.tm_mday = day
    parts.tm_hour = hour
    parts.tm_min = minute
    parts.tm_sec = second
    self.secondsSinceEpoch = Int(timegm(&parts))
    self.utcOffset = 0
  }

  /// The local time with its offset from UTC, for people: `2026-11-22 04:52:10 +01:00`.
  /// Machine-read exports keep `iso8601`.
  public var local: String {
    var seconds = time_t(secondsSinceEpoch + utcOffset)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int) -> String { String(value).leftPadded(to: 2) }
    return "\(parts.tm_year + 1900)-\(two(Int(parts.tm_mon) + 1))-\(two(Int(parts.tm_mday))) "
      + "\(two(Int(parts.tm_hour))):\(two(Int(parts.tm_min))):\(two(Int(parts.tm_sec))) \(offsetText)"
  }

  /// The offset from UTC as ISO 8601 writes it after a local time: `+01:00`, `-05:30`.
  public var offsetText: String {
    func two(_ value: Int) -> String { String(value).leftPadded(to: 2) }
    let minutes = utcOffset / 60
    return "\(minutes < 0 ? "-" : "+")\(two(abs(minutes) / 60)):\(two(abs(minutes) % 60))"
  }

  /// `2026-11-22`, for default file names.
  public var date: String { String(iso8601.prefix(10)) }
}
