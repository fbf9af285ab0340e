import Foundation
import CMark

/// The single bridge to libcmark: parses Markdown with the C CommonMark
/// reference parser and converts cmark's node tree into `MarkdownDocument`.
///
/// cmark accepts every input (CommonMark has no syntax errors), so the one
/// problem it hides — a code fence that is never closed and silently swallows
/// the rest of the page — is detected here, where fence positions are known.
public enum CMarkParser {
  public struct Result: Equatable, Sendable {
    public var document: MarkdownDocument
    /// Lines of opening fences that are never closed.
    public var unterminatedFenceLines: [Int]
  }

  public static func parse(_ markdown: String) -> Result {
    // "\r\n" is one Character in Swift, so split on each of cmark's line endings.
    let lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
      .map(String.init)
    let utf8 = Array(markdown.utf8)
    guard let root = utf8.withUnsafeBufferPointer({ buffer in
      buffer.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
        }
      } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
    }) else {
      return Result(document: MarkdownDocument(blocks: []), unterminatedFenceLines: [])
    }
    defer { cmark_node_free(root) }
    var converter = TreeConverter(lines: lines)
    let blocks = converter.blocks(under: root)
    return Result(document: MarkdownDocument(blocks: blocks),
                  unterminatedFenceLines: converter.unterminatedFenceLines)
  }
}

private struct TreeConverter {
  let lines: [String]
  var unterminatedFenceLines: [Int] = []

  init(lines: [String]) { self.lines = lines }

  mutating func blocks(under parent: OpaquePointer) -> [MarkdownBlock] {
    var result: [MarkdownBlock] = []
    var child = cmark_node_first_child(parent)
    while let node = child {
      if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let split = tables(in: node) {
        result += split
      } else if let block = block(node) {
        result.append(block)
      }
      child = cmark_node_next(node)
    }
    return result
  }

  // MARK: Tables

  /// GitHub-flavoured tables. CommonMark reads a table as a paragraph, so a
  /// paragraph whose lines hold a header row followed by a delimiter row
  /// (`| --- | :-: |`) becomes a table; lines before the header stay a
  /// paragraph. nil when the paragraph holds no table.
  func tables(in node: OpaquePointer) -> [MarkdownBlock]? {
    let first = Int(cmark_node_get_start_line(node))
    let last = max(first, Int(cmark_node_get_end_line(node)))
    guard last > first else { return nil }
    let indent = max(0, Int(cmark_node_get_start_column(node)) - 1)
    var rows: [(text: String, line: Int)] = []
    for line in first...last {
      let text = Self.removeContainerPrefix(lineText(line), width: indent)
      if text.trimmingCharacters(in: .whitespaces).isEmpty { break }
      rows.append((text, line))
    }
    guard rows.count >= 2 else { return nil }
    for index in 0..<(rows.count - 1) {
      guard rows[index].text.contains("|") || rows[index + 1].text.contains("|"),
        let alignments = Self.delimiterRow(rows[index + 1].text) else { continue }
      let header = Self.cells(of: rows[index].text)
      guard header.count == alignments.count else { continue }
      var blocks: [MarkdownBlock] = []
      if index > 0 {
        let before = rows[..<index].map(\.text).joined(separator: "\n")
        blocks.append(.paragraph(Self.parseInlines(before, line: first), line: first))
      }
      let width = alignments.count
      let body = rows[(index + 2)...].map { row -> [[MarkdownInline]] in
        var cells = Self.cells(of: row.text).prefix(width).map { Self.parseInlines($0, line: row.line) }
        while cells.count < width { cells.append([]) }
        return cells
      }
      let table = MarkdownTable(alignments: alignments,
                                header: header.map { Self.parseInlines($0, line: rows[index].line) },
                                rows: body, line: rows[index].line)
      blocks.append(.table(table))
      return blocks
    }
    return nil
  }

  /// A line inside a quote or list item without the quote markers and the
  /// indentation that put the paragraph at column `width + 1`.
  static func removeContainerPrefix(_ line: String, width: Int) -> String {
    var dropped = 0
    var index = line.startIndex
    while dropped < width, index < line.endIndex, line[index] == " " || line[index] == ">" || line[index] == "\t" {
      index = line.index(after: index)
      dropped += 1
    }
    return String(line[index...])
  }

  /// The alignments of a delimiter row (`| :--- | ---: |`), nil when the line is not one.
  static func delimiterRow(_ line: String) -> [MarkdownTable.Alignment]? {
    let cells = cells(of: line)
    guard !cells.isEmpty else { return nil }
    var alignments: [MarkdownTable.Alignment] = []
    for cell in cells {
      let left = cell.hasPrefix(":"), right = cell.hasSuffix(":") && cell.count > 1
      let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
    }
    // One column needs a pipe, or `---` would be a setext heading underline.
    guard alignments.count > 1 || line.contains("|") else { return nil }
    return alignments
  }

  /// A row's cells, trimmed: split at pipes that are not escaped, without the
  /// optional outer pipes; `\|` in a cell stands for `|` (also in code spans).
  static func cells(of line: String) -> [String] {
    var text = Substring(line.trimmingCharacters(in: .whitespaces))
    if text.hasPrefix("|") { text = text.dropFirst() }
    if text.hasSuffix("|"), !text.hasSuffix("\\|") { text = text.dropLast() }
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in text {
      if escaped {
        current += character == "|" ? "|" : "\\" + String(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current += "\\" }
    cells.append(current)
    return cells.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// Parses text as the inline content of one paragraph (a table cell), with
  /// links reported at `line`. Text that would open a block (`- `, `1. `,
  /// `# `, `>`) is escaped first, since a cell is never a block.
  static func parseInlines(_ text: String, line: Int) -> [MarkdownInline] {
    guard !text.isEmpty else { return [] }
    let source = escapeBlockStart(text)
    let utf8 = Array(source.utf8)
    guard let root = utf8.withUnsafeBufferPointer({ buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
      }
    }) else { return [.text(text)] }
    defer { cmark_node_free(root) }
    let converter = TreeConverter(lines: source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    var inlines: [MarkdownInline] = []
    var child = cmark_node_first_child(root)
    var currentLine = line
    while let node = child {
      switch cmark_node_get_type(node) {
      case CMARK_NODE_PARAGRAPH:
        if !inlines.isEmpty { inlines.append(.softBreak) }
        inlines += converter.inlines(under: node, line: &currentLine)
      case CMARK_NODE_HTML_BLOCK:
        inlines.append(.html(converter.string(cmark_node_get_literal(node)).trimmingCharacters(in: .newlines)))
      default:
        inlines.append(.text(text))
      }
      child = cmark_node_next(node)
    }
    return inlines
  }

  static func escapeBlockStart(_ text: String) -> String {
    guard let first = text.first else { return text }
    let rest = text.dropFirst()
    switch first {
    case ">", "#", "=", "~":
      return "\\" + text
    case "-", "+", "*", "_":
      // A list marker or a thematic break; `*emphasis*` and `__strong__` stay.
      if rest.isEmpty || rest.first == " " || rest.allSatisfy({ $0 == first || $0 == " " }) { return "\\" + text }
      return text
    case "`":
      return text.hasPrefix("```") ? "\\" + text : text
    default:
      if first.isASCII, first.isNumber {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        let after = text.dropFirst(digits.count)
        if digits.count <= 9, let marker = after.first, marker == "." || marker == ")",
          after.count == 1 || after.dropFirst().first == " " {
          return digits + "\\" + after
        }
      }
      return text
    }
  }

  mutating func block(_ node: OpaquePointer) -> MarkdownBlock? {
    let line = Int(cmark_node_get_start_line(node))
    switch cmark_node_get_type(node) {
    case CMARK_NODE_PARAGRAPH:
      return .paragraph(inlines(under: node, startLine: line), line: line)
    case CMARK_NODE_HEADING:
      return .heading(level: Int(cmark_node_get_heading_level(node)),
                      inlines(under: node, startLine: line), line: line)
    case CMARK_NODE_BLOCK_QUOTE:
      return .blockQuote(blocks(under: node), line: line)
    case CMARK_NODE_THEMATIC_BREAK:
      return .thematicBreak(line: line)
    case CMARK_NODE_HTML_BLOCK, CMARK_NODE_CUSTOM_BLOCK:
      return .html(string(cmark_node_get_literal(node)), line: line)
    case CMARK_NODE_CODE_BLOCK:
      return .codeBlock(codeBlock(node, line: line))
    case CMARK_NODE_LIST:
      var items: [[MarkdownBlock]] = []
      var item = cmark_node_first_child(node)
      while let itemNode = item {
        items.append(blocks(under: itemNode))
        item = cmark_node_next(itemNode)
      }
      return .list(MarkdownList(
        isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
        start: Int(cmark_node_get_list_start(node)),
        isTight: cmark_node_get_list_tight(node) != 0,
        items: items, line: line))
    default:
      return nil
    }
  }

  mutating func codeBlock(_ node: OpaquePointer, line: Int) -> CodeBlock {
    let info = string(cmark_node_get_fence_info(node))
    let code = string(cmark_node_get_literal(node))
    let startLineText = lineText(line)
    let trimmed = startLineText.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
    let isFenced = trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
    if isFenced {
      let fenceCharacter = trimmed.first!
      let fenceLength = trimmed.prefix(while: { $0 == fenceCharacter }).count
      let endLine = Int(cmark_node_get_end_line(node))
      if endLine <= line || !isClosingFence(lineText(endLine), character: fenceCharacter, length: fenceLength) {
        unterminatedFenceLines.append(line)
      }
    }
    return CodeBlock(info: info.trimmingCharacters(in: .whitespaces), code: code, line: line,
                     firstCodeLine: isFenced ? line + 1 : line, isFenced: isFenced)
  }

  func isClosingFence(_ text: String, character: Character, length: Int) -> Bool {
    let body = text.trimmingCharacters(in: .whitespaces)
    let run = body.reversed().prefix(while: { $0 == character }).count
    guard run >= length else { return false }
    return body.dropLast(run).allSatisfy { $0 == " " || $0 == "\t" || $0 == ">" }
  }

  func lineText(_ line: Int) -> String {
    line >= 1 && line <= lines.count ? lines[line - 1] : ""
  }

  /// Converts inline children. cmark does not give reliable positions for
  /// inline nodes, so the line is tracked by counting line breaks.
  func inlines(under parent: OpaquePointer, startLine: Int) -> [MarkdownInline] {
    var line = startLine
    return inlines(under: parent, line: &line)
  }

  func inlines(under parent: OpaquePointer, line: inout Int) -> [MarkdownInline] {
    var result: [MarkdownInline] = []
    var child = cmark_node_first_child(parent)
    while let node = child {
      switch cmark_node_get_type(node) {
      case CMARK_NODE_TEXT:
        result.append(.text(string(cmark_node_get_literal(node))))
      case CMARK_NODE_CODE:
        result.append(.code(string(cmark_node_get_literal(node))))
      case CMARK_NODE_HTML_INLINE, CMARK_NODE_CUSTOM_INLINE:
        result.append(.html(string(cmark_node_get_literal(node))))
      case CMARK_NODE_SOFTBREAK:
        result.append(.softBreak)
        line += 1
      case CMARK_NODE_LINEBREAK:
        result.append(.lineBreak)
        line += 1
      case CMARK_NODE_EMPH:
        result.append(.emphasis(inlines(under: node, line: &line)))
      case CMARK_NODE_STRONG:
        result.append(.strong(inlines(under: node, line: &line)))
      case CMARK_NODE_LINK:
        let startLine = line
        let children = inlines(under: node, line: &line)
        result.append(.link(destination: string(cmark_node_get_url(node)),
                            title: string(cmark_node_get_title(node)), children, line: startLine))
      case CMARK_NODE_IMAGE:
        let startLine = line
        let alt = inlines(under: node, line: &line)
        result.append(.image(source: string(cmark_node_get_url(node)),
                             title: string(cmark_node_get_title(node)), alt: alt, line: startLine))
      default:
        break
      }
      child = cmark_node_next(node)
    }
    return result
  }

  func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }
}
