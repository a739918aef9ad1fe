extension Screening {
  /// The screening's usual command lines, read without the general parser: nothing, or
  /// `--region CODE`, either after `run` or not. Any other command line (and a code that starts
  /// with `-`) gives nil and goes to ArgumentParser, which reads these few exactly the same way.
  init?(quickArguments arguments: [String]) {
    var rest = arguments[...]
    if rest.first == "run" { rest = rest.dropFirst() }
    if rest.isEmpty {
      self.init()
    } else if rest.count == 2, rest.first == "--region", let code = rest.last, !code.hasPrefix("-") {
      self.init(region: code)
    } else {
      return nil
    }
  }
}
