/// What a typed file name means, as a shell user expects: `~` is the home folder, and a folder
/// means "the suggested name, in that folder".
public enum ExportPath {
  /// `typed` made into the path to write: `~` or `~/...` expanded with `home` (when known), and
  /// an existing folder (`isFolder`) followed by `defaultName`. Surrounding spaces are dropped.
  public static func resolve(
    _ typed: String, defaultName: String, home: String?, isFolder: (String) -> Bool
  ) -> String {
    var path = String(typed.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    if let home, !home.isEmpty {
      if path == "~" {
        path = home
      } else if path.hasPrefix("~/") {
        path = home + path.dropFirst()
      }
    }
    if path.hasSuffix("/") || isFolder(path) {
      return (path.hasSuffix("/") ? String(path.dropLast()) : path) + "/" + defaultName
    }
    return path
  }
}
