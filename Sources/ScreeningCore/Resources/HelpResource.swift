/// A place to get help: a service with its contacts and when they were last checked.
public struct HelpResource: Sendable, Hashable {
  /// What a service is for; emergency services are always listed first.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// The emergency number.
    case emergency
    /// A crisis or suicide prevention line.
    case crisis
    /// A same-day medical route that is not the emergency number (NHS 111, a nurse line).
    case medical
    /// A drug information and advice service.
    case drugs
    /// Treatment referral or a service finder.
    case treatment
    /// A poisons information line.
    case poison
    /// Other emotional or practical support.
    case support
    /// A person's own doctor (no number of its own).
    case gp
  }

  public var name: String
  public var kind: Kind
  /// Other kinds of need it also serves (NHS 111 also gives poisons advice).
  public var also: [Kind]
  public var purpose: String
  public var phone: String?
  public var text: String?
  public var web: String?
  public var hours: String?
  /// YYYY-MM-DD.
  public var lastVerified: String
  public var source: String
  /// Only for questionnaires about drug or alcohol use (a drugs helpline): left out of others.
  public var isSubstanceUseOnly: Bool
  /// What it is for, said without drugs, for questionnaires about anything else ("Your GP can
  /// give confidential advice."); nil when `purpose` already says it so.
  public var generalPurpose: String?

  public init(
    name: String, kind: Kind, purpose: String, phone: String? = nil, text: String? = nil, web: String? = nil,
    hours: String? = nil, lastVerified: String, source: String, also: [Kind] = [], isSubstanceUseOnly: Bool = false,
    generalPurpose: String? = nil
  ) {
    self.isSubstanceUseOnly = isSubstanceUseOnly
    self.generalPurpose = generalPurpose
    self.name = name
    self.kind = kind
    self.also = also
    self.purpose = purpose
    self.phone = phone
    self.text = text
    self.web = web
    self.hours = hours
    self.lastVerified = lastVerified
    self.source = source
  }

  /// As listed with a questionnaire about `topic`: nil when it is not listed with one.
  public func about(_ topic: Questionnaire.Topic) -> HelpResource? {
    guard topic == .general else { return self }
    guard !isSubstanceUseOnly else { return nil }
    var general = self
    if let generalPurpose { general.purpose = generalPurpose }
    return general
  }

  /// Whether it serves a need of `kind`, as its own kind or as one it also serves.
  public func serves(_ kind: Kind) -> Bool { self.kind == kind || also.contains(kind) }

  /// The name and how to reach it, `Samaritans: call 116 123`; the name alone when there is no
  /// phone, text or web address.
  public var nameAndContact: String {
    let contact = contactLine
    return contact.isEmpty ? name : "\(name): \(contact)"
  }

  /// `NHS 111: call 111 · 111.nhs.uk`, or the name and purpose of a service with no number (the
  /// purpose alone when it starts with the name: "Your GP can give confidential advice.").
  public var summaryLine: String {
    let contact = contactLine
    guard contact.isEmpty else { return "\(name): \(contact)" }
    return purpose.hasPrefix(name + " ") ? purpose : "\(name): \(purpose)"
  }

  /// The ways to reach it, e.g. `call 988 · text 988 · 988lifeline.org`.
  public var contactLine: String {
    var parts: [String] = []
    if let phone { parts.append("call \(phone)") }
    if let text { parts.append("text \(text)") }
    if let web { parts.append(web) }
    return parts.joined(separator: " · ")
  }
}

/// The help resources of one region.
public struct Region: Sendable, Hashable, Identifiable {
  public var code: String
  public var name: String
  /// Locale territories (from `LANG`) that choose this region, e.g. `GB`.
  public var territories: [String]
  public var resources: [HelpResource]

  public init(code: String, name: String, territories: [String], resources: [HelpResource]) {
    self.code = code
    self.name = name
    self.territories = territories
    self.resources = resources
  }

  public var id: String { code }

  /// The region's help as listed with a questionnaire about `topic`: with any other than drug or
  /// alcohol use, drug services are left out and the rest described without them.
  public func about(_ topic: Questionnaire.Topic) -> Region {
    var region = self
    region.resources = resources.compactMap { $0.about(topic) }
    return region
  }

  /// The resources that serve `kinds`, in the order of the kinds, each resource once.
  public func contacts(for kinds: [HelpResource.Kind]) -> [HelpResource] {
    var listed: [HelpResource] = []
    for kind in kinds {
      for resource in resources where resource.serves(kind) && !listed.contains(resource) {
        listed.append(resource)
      }
    }
    return listed
  }

  /// The contacts a set of red flags calls for: each flag's kinds in turn, each resource once.
  public func contacts(for flags: [RedFlag]) -> [HelpResource] {
    contacts(for: flags.flatMap(\.contacts))
  }
}

/// Every region's help resources, with the international fallback.
public struct HelpDirectory: Sendable, Hashable {
  public var regions: [Region]

  /// The code of the fallback region.
  public static let internationalCode = "INTL"

  public init(regions: [Region]) { self.regions = regions }

  /// The region with `code` (case-insensitive; `GB` means UK, `international` means INTL).
  public func region(code: String) -> Region? {
    let wanted: String
    switch code.uppercased() {
    case "GB": wanted = "UK"
    case "INTERNATIONAL", "INT": wanted = Self.internationalCode
    default: wanted = code.uppercased()
    }
    return regions.first { $0.code == wanted }
  }

  /// The region for the locale in `environment` (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), else
  /// the international fallback.
  public func region(forEnvironment environment: [String: String]) -> Region? {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    if let territory = locale.flatMap(Self.territory) {
      if let match = regions.first(where: { $0.territories.contains(territory) }) { return match }
    }
    return region(code: Self.internationalCode)
  }

  /// The territory of a POSIX locale name: `en_GB.UTF-8@euro` -> `GB`.
  static func territory(of locale: String) -> String? {
    let name = locale.split(separator: ".").first.map(String.init) ?? locale
    let base = name.split(separator: "@").first.map(String.init) ?? name
    let parts = base.split(separator: "_")
    guard parts.count >= 2 else { return nil }
    return parts[1].uppercased()
  }
}
