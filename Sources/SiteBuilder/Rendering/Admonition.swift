import Foundation

/// GitHub-style alerts: a block quote whose first line is `[!NOTE]`,
/// `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]`.
public struct Admonition: Equatable {
  public enum Kind: String, CaseIterable, Sendable {
    case note, tip, important, warning, caution
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
  }

  public var kind: Kind
  /// The quote's content without the marker line.
  public var body: [MarkdownBlock]

  public static func detect(_ blocks: [MarkdownBlock]) -> Admonition? {
    guard case .paragraph(let inlines, let line)? = blocks.first,
      case .text(let first)? = inlines.first else { return nil }
    // cmark splits `[!NOTE]` into several text nodes ("[", "!NOTE", "]"), so
    // read the text up to the first line break.
    var markerText = ""
    var consumed = 0
    for inline in inlines {
      guard case .text(let text) = inline else { break }
      markerText += text
      consumed += 1
    }
    _ = first
    let marker = markerText.trimmingCharacters(in: .whitespaces)
    guard marker.hasPrefix("[!"), marker.hasSuffix("]"),
      let kind = Kind(rawValue: marker.dropFirst(2).dropLast().lowercased()) else { return nil }
    var rest = Array(inlines.dropFirst(consumed))
    guard rest.isEmpty || rest.first == .softBreak || rest.first == .lineBreak else { return nil }
    if !rest.isEmpty { rest.removeFirst() }
    var body = Array(blocks.dropFirst())
    if !rest.isEmpty { body.insert(.paragraph(rest, line: line + 1), at: 0) }
    return Admonition(kind: kind, body: body)
  }
}
