import Foundation

/// The sidebar: every page in the order the author defines in `SUMMARY.md`
/// (mdBook-style nested list of links), then the pages it does not list, in
/// path order. Without a `SUMMARY.md`, all pages in path order. `index.md`
/// comes first unless the summary places it.
public struct Navigation: Equatable, Sendable {
  public struct Item: Equatable, Sendable {
    public var title: String
    /// Source path of the page (`guide/intro.md`); nil for a section label.
    public var page: String?
    public var children: [Item]
    public init(title: String, page: String?, children: [Item] = []) {
      self.title = title
      self.page = page
      self.children = children
    }
  }

  public var items: [Item]

  /// Pages in reading order (prev/next follow it).
  public var readingOrder: [String] {
    var order: [String] = []
    func visit(_ items: [Item]) {
      for item in items {
        if let page = item.page, !order.contains(page) { order.append(page) }
        visit(item.children)
      }
    }
    visit(items)
    return order
  }

  public static let summaryFileName = "SUMMARY.md"

  /// Builds the navigation. `titles` maps page paths to their titles; links
  /// in the summary that name no page are returned as diagnostics.
  public static func make(summary: Data?, summaryDisplayPath: String,
                          titles: [String: String]) -> (Navigation, [Diagnostic]) {
    var items: [Item] = []
    var problems: [Diagnostic] = []
    if let summary {
      do {
        let source = try PageSource.load(summary)
        let parsed = CMarkParser.parse(source.markdown)
        for block in parsed.document.blocks {
          if case .list(let list) = block {
            items += listItems(list, titles: titles, file: summaryDisplayPath, problems: &problems)
          }
        }
      } catch {
        problems.append(Diagnostic(file: summaryDisplayPath, line: error.line, message: error.message))
      }
    }
    let listed = Set(Navigation(items: items).readingOrder)
    var rest = titles.keys.filter { !listed.contains($0) }.sorted(by: pathOrder)
    if rest.contains("index.md") {
      rest.removeAll { $0 == "index.md" }
      items.insert(Item(title: titles["index.md"] ?? "Home", page: "index.md"), at: 0)
    }
    items += rest.map { Item(title: titles[$0] ?? $0, page: $0) }
    return (Navigation(items: items), problems)
  }

  /// Path order: in each folder `index.md` first, then the other pages, then subfolders.
  static func pathOrder(_ a: String, _ b: String) -> Bool {
    let aParts = a.split(separator: "/"), bParts = b.split(separator: "/")
    for index in 0..<min(aParts.count, bParts.count) where aParts[index] != bParts[index] {
      let aIsFile = index == aParts.count - 1, bIsFile = index == bParts.count - 1
      if aIsFile != bIsFile { return aIsFile }
      if aParts[index] == "index.md" { return true }
      if bParts[index] == "index.md" { return false }
      return aParts[index].lowercased() < bParts[index].lowercased()
    }
    return aParts.count < bParts.count
  }

  private static func listItems(_ list: MarkdownList, titles: [String: String], file: String,
                                problems: inout [Diagnostic]) -> [Item] {
    var items: [Item] = []
    for blocks in list.items {
      var item: Item?
      var children: [Item] = []
      for block in blocks {
        switch block {
        case .paragraph(let inlines, let line):
          if let (destination, text, linkLine) = firstLink(in: inlines, line: line) {
            let resolver = LinkResolver(anchors: titles.mapValues { _ in [] }, assets: [])
            let target = destination.split(separator: "#", maxSplits: 1).first.map(String.init) ?? destination
            switch resolver.resolve(target, from: summaryFileName) {
            case .page(let path, _, _):
              item = Item(title: text.isEmpty ? (titles[path] ?? path) : text, page: path)
            case .broken(let reason):
              problems.append(Diagnostic(file: file, line: linkLine, message: "broken link in the navigation: \(reason)"))
            default:
              problems.append(Diagnostic(file: file, line: linkLine, message: "navigation links must point to .md pages: '\(destination)'"))
            }
          } else if item == nil {
            item = Item(title: inlines.plainText.trimmingCharacters(in: .whitespaces), page: nil)
          }
        case .list(let nested):
          children += listItems(nested, titles: titles, file: file, problems: &problems)
        default:
          break
        }
      }
      if var item {
        item.children = children
        items.append(item)
      } else {
        items += children
      }
    }
    return items
  }

  private static func firstLink(in inlines: [MarkdownInline], line: Int) -> (String, String, Int)? {
    for inline in inlines {
      switch inline {
      case .link(let destination, _, let children, let linkLine):
        return (destination, children.plainText.trimmingCharacters(in: .whitespaces), linkLine)
      case .emphasis(let children), .strong(let children):
        if let found = firstLink(in: children, line: line) { return found }
      default:
        continue
      }
    }
    return nil
  }

  // MARK: HTML

  /// The sidebar's HTML for one page: relative links, the current page marked.
  public func html(currentPage: String) -> String {
    var cache: [String: String] = [:]
    return html(currentPage: currentPage, cache: &cache)
  }

  /// Same, reusing the HTML already made for pages in the same folder (the
  /// links are the same; only the current-page mark moves).
  public func html(currentPage: String, cache: inout [String: String]) -> String {
    let directory = LinkResolver.directory(of: currentPage)
    let unmarked: String
    if let cached = cache[directory] {
      unmarked = cached
    } else {
      unmarked = render(items, depth: 1, directory: directory)
      cache[directory] = unmarked
    }
    let href = HTML.escapeAttribute(LinkResolver.relativePath(from: directory, to: LinkResolver.outputPath(ofPage: currentPage)))
    guard let range = unmarked.range(of: "<a href=\"\(href)\">") else { return unmarked }
    return unmarked.replacingCharacters(in: range, with: "<a href=\"\(href)\" class=\"current\" aria-current=\"page\">")
  }

  private func render(_ items: [Item], depth: Int, directory: String) -> String {
    var html = "<ul class=\"nav-level-\(depth)\">\n"
    for item in items {
      html += "<li>"
      if let page = item.page {
        let href = LinkResolver.relativePath(from: directory, to: LinkResolver.outputPath(ofPage: page))
        html += "<a href=\"\(HTML.escapeAttribute(href))\">\(HTML.escape(item.title))</a>"
      } else {
        html += "<span class=\"nav-section\">\(HTML.escape(item.title))</span>"
      }
      if !item.children.isEmpty { html += "\n" + render(item.children, depth: depth + 1, directory: directory) }
      html += "</li>\n"
    }
    return html + "</ul>\n"
  }
}
