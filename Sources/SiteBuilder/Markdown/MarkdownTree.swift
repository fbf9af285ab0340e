/// The Markdown document as plain Swift values.
///
/// `CMarkParser` is the only place that touches libcmark; it converts cmark's
/// node tree into these types, and everything else (example extraction,
/// rendering, link checking, search) works on them. Lines are 1-based lines
/// of the page's Markdown file.
public struct MarkdownDocument: Equatable, Sendable {
  public var blocks: [MarkdownBlock]
  public init(blocks: [MarkdownBlock]) { self.blocks = blocks }
}

public enum MarkdownBlock: Equatable, Sendable {
  case paragraph([MarkdownInline], line: Int)
  case heading(level: Int, [MarkdownInline], line: Int)
  case codeBlock(CodeBlock)
  case blockQuote([MarkdownBlock], line: Int)
  case list(MarkdownList)
  case thematicBreak(line: Int)
  case html(String, line: Int)
  /// A GitHub-flavoured Markdown table (libcmark has no table extension, so
  /// `CMarkParser` recognises them in paragraphs).
  case table(MarkdownTable)

  /// The first line of the block in the Markdown file.
  public var line: Int {
    switch self {
    case .paragraph(_, let line), .heading(_, _, let line), .blockQuote(_, let line),
      .thematicBreak(let line), .html(_, let line):
      return line
    case .codeBlock(let block): return block.line
    case .list(let list): return list.line
    case .table(let table): return table.line
    }
  }
}

public struct CodeBlock: Equatable, Sendable {
  /// The full info string (`pycon +ELLIPSIS`), empty for indented code.
  public var info: String
  /// The code, ending with a newline unless empty.
  public var code: String
  /// The line of the opening fence (or of the first line of indented code).
  public var line: Int
  /// The Markdown line of the first line of `code`.
  public var firstCodeLine: Int
  public var isFenced: Bool

  public init(info: String, code: String, line: Int, firstCodeLine: Int, isFenced: Bool) {
    self.info = info
    self.code = code
    self.line = line
    self.firstCodeLine = firstCodeLine
    self.isFenced = isFenced
  }

  /// The first word of the info string, lower-cased: what GitHub and other tools read.
  public var language: String {
    String(info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).first ?? "").lowercased()
  }
}

public struct MarkdownList: Equatable, Sendable {
  public var isOrdered: Bool
  public var start: Int
  public var isTight: Bool
  public var items: [[MarkdownBlock]]
  public var line: Int

  public init(isOrdered: Bool, start: Int, isTight: Bool, items: [[MarkdownBlock]], line: Int) {
    self.isOrdered = isOrdered
    self.start = start
    self.isTight = isTight
    self.items = items
    self.line = line
  }
}

public struct MarkdownTable: Equatable, Sendable {
  public enum Alignment: String, Equatable, Sendable { case none, left, center, right }
  /// One per column.
  public var alignments: [Alignment]
  /// The header cells, one per column.
  public var header: [[MarkdownInline]]
  /// Body rows, each with exactly one cell per column.
  public var rows: [[[MarkdownInline]]]
  /// The line of the header row.
  public var line: Int

  public init(alignments: [Alignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]], line: Int) {
    self.alignments = alignments
    self.header = header
    self.rows = rows
    self.line = line
  }

  /// Every cell, header first, row by row.
  public var cells: [[MarkdownInline]] { header + rows.flatMap { $0 } }
}

public indirect enum MarkdownInline: Equatable, Sendable {
  case text(String)
  case code(String)
  case emphasis([MarkdownInline])
  case strong([MarkdownInline])
  /// `line` is the Markdown line where the link starts (for broken-link reports).
  case link(destination: String, title: String, [MarkdownInline], line: Int)
  case image(source: String, title: String, alt: [MarkdownInline], line: Int)
  case html(String)
  case softBreak
  case lineBreak
}

extension Array where Element == MarkdownInline {
  /// The text a reader sees, without markup (used for slugs, titles, search).
  public var plainText: String {
    var result = ""
    for inline in self {
      switch inline {
      case .text(let text), .code(let text): result += text
      case .emphasis(let children), .strong(let children): result += children.plainText
      case .link(_, _, let children, _): result += children.plainText
      case .image(_, _, let alt, _): result += alt.plainText
      case .html: break
      case .softBreak, .lineBreak: result += " "
      }
    }
    return result
  }
}
