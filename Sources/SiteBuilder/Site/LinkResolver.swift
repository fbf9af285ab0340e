import Foundation

/// Resolves the links a page writes, relative to the page, against the set of
/// pages and files of the site. Links to `.md` pages become links to their
/// `.html` output; every internal link and `#anchor` must resolve.
public struct LinkResolver: Sendable {
  /// Source paths of pages (`guide/intro.md`) with their heading ids.
  public var anchors: [String: Set<String>]
  /// Paths of the other files copied into the site (`images/logo.png`).
  public var assets: Set<String>

  public init(anchors: [String: Set<String>], assets: Set<String>) {
    self.anchors = anchors
    self.assets = assets
  }

  public enum Resolution: Equatable, Sendable {
    /// Not checked and not rewritten (`https:`, `mailto:`, …).
    case external
    case page(path: String, anchor: String?, href: String)
    case asset(path: String, href: String)
    case broken(reason: String)

    public var href: String? {
      switch self {
      case .external: return nil
      case .page(_, _, let href), .asset(_, let href): return href
      case .broken: return nil
      }
    }
  }

  public func resolve(_ destination: String, from page: String) -> Resolution {
    if destination.isEmpty { return .broken(reason: "empty link target") }
    if Self.isExternal(destination) { return .external }
    if destination.hasPrefix("/") {
      return .broken(reason: "'\(destination)' is an absolute path; write a link relative to the page so the site works from any folder and from file://")
    }
    var rest = Substring(destination)
    var fragment: String?
    if let hash = rest.firstIndex(of: "#") {
      let raw = String(rest[rest.index(after: hash)...])
      fragment = raw.contains("%") ? raw.removingPercentEncoding : raw
      rest = rest[..<hash]
    }
    var query = ""
    if let mark = rest.firstIndex(of: "?") {
      query = String(rest[mark...])
      rest = rest[..<mark]
    }
    let pathPart = rest.contains("%") ? (String(rest).removingPercentEncoding ?? String(rest)) : String(rest)
    if pathPart.isEmpty {
      return checkAnchor(fragment, on: page, href: "#" + (fragment.map(Self.encodeFragment) ?? ""))
    }
    guard let target = Self.normalize(pathPart, relativeTo: Self.directory(of: page)) else {
      return .broken(reason: "'\(destination)' points outside the documentation folder")
    }
    let hrefSuffix = query + (fragment.map { "#" + Self.encodeFragment($0) } ?? "")
    let relativeHref = { (outputPath: String) -> String in
      Self.relativePath(from: Self.directory(of: page), to: outputPath) + hrefSuffix
    }
    var pagePath: String?
    if target.hasSuffix(".md") {
      pagePath = target
    } else if pathPart.hasSuffix("/") || target.isEmpty || anchors[Self.join(target, "index.md")] != nil {
      pagePath = Self.join(target, "index.md")
    } else if target.hasSuffix(".html"), anchors[String(target.dropLast(5)) + ".md"] != nil {
      pagePath = String(target.dropLast(5)) + ".md"
    }
    if let pagePath {
      guard anchors[pagePath] != nil else {
        return .broken(reason: "'\(destination)': no page \(pagePath)")
      }
      return checkAnchor(fragment, on: pagePath, href: relativeHref(Self.outputPath(ofPage: pagePath)))
    }
    guard assets.contains(target) else {
      return .broken(reason: "'\(destination)': no file \(target) in the documentation folder")
    }
    return .asset(path: target, href: relativeHref(target))
  }

  private func checkAnchor(_ fragment: String?, on pagePath: String, href: String) -> Resolution {
    if let fragment, !fragment.isEmpty, !(anchors[pagePath]?.contains(fragment) ?? false) {
      return .broken(reason: "no heading with id '#\(fragment)' on \(pagePath)")
    }
    return .page(path: pagePath, anchor: fragment, href: href)
  }

  // MARK: Paths

  static func isExternal(_ destination: String) -> Bool {
    if destination.hasPrefix("//") { return true }
    guard let colon = destination.firstIndex(of: ":") else { return false }
    let scheme = destination[..<colon]
    guard let first = scheme.first, first.isLetter else { return false }
    return scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
  }

  /// `guide/intro.md` → `guide/intro.html`.
  public static func outputPath(ofPage path: String) -> String {
    String(path.dropLast(3)) + ".html"
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  static func join(_ directory: String, _ name: String) -> String {
    directory.isEmpty ? name : directory + "/" + name
  }

  /// Resolves `.` and `..`; nil when the path climbs above the root.
  static func normalize(_ path: String, relativeTo directory: String) -> String? {
    var parts = directory.isEmpty ? [] : directory.split(separator: "/").map(String.init)
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".": continue
      case "..":
        if parts.isEmpty { return nil }
        parts.removeLast()
      default: parts.append(String(component))
      }
    }
    return parts.joined(separator: "/")
  }

  /// The relative URL from a page's folder to a site path.
  public static func relativePath(from directory: String, to target: String) -> String {
    let from = directory.split(separator: "/").map(String.init)
    let to = target.split(separator: "/").map(String.init)
    var common = 0
    while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
    let ups = Array(repeating: "..", count: from.count - common)
    return (ups + to[common...]).map(encodePathComponent).joined(separator: "/")
  }

  /// The prefix that leads from a page to the site root (`""`, `../`, `../../`).
  public static func rootPrefix(ofPage path: String) -> String {
    String(repeating: "../", count: path.split(separator: "/").count - 1)
  }

  static func encodePathComponent(_ component: String) -> String {
    component == ".." || component.utf8.allSatisfy(isPlainURLByte) ? component
      : component.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? component
  }

  /// Bytes that never need percent-encoding in a path or fragment.
  static func isPlainURLByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
      return true
    default:
      return false
    }
  }

  static func encodeFragment(_ fragment: String) -> String {
    fragment.utf8.allSatisfy(isPlainURLByte) ? fragment : fragment.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? fragment
  }
}
