import Foundation

/// One Markdown page, parsed and checked as far as it can be without running
/// anything: headings with ids, examples, and the problems found so far.
public struct Page: Sendable {
  /// Path inside the docs folder, `/`-separated: `guide/intro.md`.
  public var path: String
  /// The path reports show: the docs folder as the user named it joined with
  /// `path`, e.g. `Doc/guide/intro.md`.
  public var displayPath: String
  public var source: PageSource
  public var document: MarkdownDocument
  public var headings: [Heading]
  public var extraction: ExampleExtractor.Extraction
  /// Problems found while loading (unterminated fences, malformed examples).
  public var problems: [Diagnostic]
  /// A hash of everything that decides the examples' results (not their lines).
  public var examplesFingerprint: UInt64 = 0
  /// A hash of the page's Markdown.
  public var sourceFingerprint: UInt64 = 0

  public var title: String {
    if let title = source.title, !title.isEmpty { return title }
    if let h1 = headings.first(where: { $0.level == 1 }), !h1.text.isEmpty { return h1.text }
    let name = (path as NSString).lastPathComponent
    return String(name.dropLast(3))
  }

  public var outputPath: String { LinkResolver.outputPath(ofPage: path) }
  public var examples: [Example] { extraction.examples }

  /// Loads a page from its bytes. A page that cannot be decoded at all
  /// (bad UTF-8, broken front matter) throws its diagnostic.
  public static func load(_ data: Data, path: String, displayPath: String) throws(Diagnostic) -> Page {
    let source: PageSource
    do {
      source = try PageSource.load(data)
    } catch {
      throw Diagnostic(file: displayPath, line: error.line, message: error.message)
    }
    let parsed = CMarkParser.parse(source.markdown)
    var problems = parsed.unterminatedFenceLines.map {
      Diagnostic(file: displayPath, line: $0,
                 message: "unterminated code fence: the block opened here runs to the end of the page (or of its list or quote); close it with a matching fence")
    }
    let extraction = ExampleExtractor.extract(from: parsed.document)
    problems += extraction.errors.map { Diagnostic(file: displayPath, line: $0.line, message: $0.message) }
    var identifier = HeadingIdentifier()
    var headings: [Heading] = []
    collectHeadings(parsed.document.blocks, identifier: &identifier, into: &headings)
    problems += identifier.duplicates.map {
      Diagnostic(file: displayPath, line: $0.line,
                 message: "duplicate heading id '{#\($0.id)}' (already used at line \($0.firstLine)); links to it would be ambiguous")
    }
    problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
    var page = Page(path: path, displayPath: displayPath, source: source, document: parsed.document,
                    headings: headings, extraction: extraction, problems: problems)
    var text = ""
    for example in extraction.examples { example.appendCacheText(to: &text) }
    page.examplesFingerprint = fnv1a(text)
    page.sourceFingerprint = fnv1a(source.markdown)
    return page
  }

  private static func collectHeadings(_ blocks: [MarkdownBlock], identifier: inout HeadingIdentifier,
                                      into headings: inout [Heading]) {
    for block in blocks {
      switch block {
      case .heading(let level, let content, let line):
        headings.append(identifier.identify(level: level, content: content, line: line))
      case .blockQuote(let children, _):
        collectHeadings(children, identifier: &identifier, into: &headings)
      case .list(let list):
        for item in list.items { collectHeadings(item, identifier: &identifier, into: &headings) }
      default:
        break
      }
    }
  }

  /// Every link and image in the page with its line, for checking.
  public var links: [(destination: String, line: Int, isImage: Bool)] {
    var result: [(String, Int, Bool)] = []
    func visit(_ inlines: [MarkdownInline]) {
      for inline in inlines {
        switch inline {
        case .link(let destination, _, let children, let line):
          result.append((destination, line, false))
          visit(children)
        case .image(let source, _, let alt, let line):
          result.append((source, line, true))
          visit(alt)
        case .emphasis(let children), .strong(let children):
          visit(children)
        default:
          break
        }
      }
    }
    func visit(_ blocks: [MarkdownBlock]) {
      for block in blocks {
        switch block {
        case .paragraph(let inlines, _), .heading(_, let inlines, _): visit(inlines)
        case .blockQuote(let children, _): visit(children)
        case .list(let list): list.items.forEach(visit)
        case .table(let table): table.cells.forEach(visit)
        default: break
        }
      }
    }
    visit(document.blocks)
    return result.map { (destination: $0.0, line: $0.1, isImage: $0.2) }
  }
}
