import Foundation

/// A heading of a page with its anchor id.
public struct Heading: Equatable, Sendable {
  public var level: Int
  /// The heading's inline content without a trailing `{#custom-id}`.
  public var content: [MarkdownInline]
  public var id: String
  public var line: Int
  public var text: String { content.plainText.trimmingCharacters(in: .whitespaces) }
}

/// Gives every heading a stable id: an explicit `{#custom-id}` at the end of
/// the heading line, else a GitHub-style slug of its text, de-duplicated with
/// `-1`, `-2`, … in page order (so links written for GitHub keep working).
public struct HeadingIdentifier {
  private var used: [String: Int] = [:]
  /// The line of the heading that has each id.
  private var lines: [String: Int] = [:]
  /// Explicit ids already taken on the page (written twice, or equal to an
  /// earlier heading's automatic id): (id, line of the repeat, line of the first use).
  public private(set) var duplicates: [(id: String, line: Int, firstLine: Int)] = []

  public init() {}

  public mutating func identify(level: Int, content: [MarkdownInline], line: Int) -> Heading {
    var content = content
    if let explicit = Self.removeExplicitID(from: &content) {
      if let first = lines[explicit] {
        duplicates.append((explicit, line, first))
      } else {
        lines[explicit] = line
      }
      used[explicit, default: 0] += 1
      return Heading(level: level, content: content, id: explicit, line: line)
    }
    let base = Self.slug(content.plainText)
    var id = base
    if let count = used[base] {
      var suffix = count
      repeat {
        id = "\(base)-\(suffix)"
        suffix += 1
      } while used[id] != nil
      used[base] = suffix
    }
    used[id, default: 0] += 1
    lines[id] = lines[id] ?? line
    return Heading(level: level, content: content, id: id, line: line)
  }

  /// GitHub's rule: lower-case; drop everything but letters, digits, spaces,
  /// `-` and `_`; spaces become `-`.
  public static func slug(_ text: String) -> String {
    var result = ""
    for character in text.trimmingCharacters(in: .whitespaces).lowercased() {
      if character.isLetter || character.isNumber || character == "-" || character == "_" {
        result.append(character)
      } else if character == " " {
        result.append("-")
      }
    }
    return result.isEmpty ? "section" : result
  }

  /// Strips a trailing `{#id}` from the last text node; returns the id.
  static func removeExplicitID(from content: inout [MarkdownInline]) -> String? {
    guard case .text(let text)? = content.last else { return nil }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
    let id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
    guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_:.".contains($0) }) else { return nil }
    let remaining = String(trimmed[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
    if remaining.isEmpty { content.removeLast() } else { content[content.count - 1] = .text(remaining) }
    return id
  }
}
