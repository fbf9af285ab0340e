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
      if let block = block(node) { result.append(block) }
      child = cmark_node_next(node)
    }
    return result
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
