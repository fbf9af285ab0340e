import Foundation

/// What `weave serve` keeps between rebuilds besides example results: parsed
/// pages (by their bytes) and the rendered HTML of each page's content (by
/// everything it depends on), so a rebuild after one edit parses and renders
/// one page; the others only get their layout (navigation, titles) again.
public final class PageCache: @unchecked Sendable {
  private let lock = NSLock()
  private var pages: [String: (data: Data, page: Page)] = [:]
  private var contents: [UInt64: RenderedContent] = [:]
  private var contentsUsed: Set<UInt64> = []

  public init() {}

  func page(at displayPath: String, data: Data) -> Page? {
    lock.withLock {
      guard let entry = pages[displayPath], entry.data == data else { return nil }
      return entry.page
    }
  }

  func store(_ page: Page, data: Data) {
    lock.withLock { pages[page.displayPath] = (data, page) }
  }

  /// A page's HTML content and its search-index entries.
  struct RenderedContent {
    var html: String
    var searchEntries: [SearchIndex.Entry]
  }

  func content(for key: UInt64) -> RenderedContent? {
    lock.withLock {
      contentsUsed.insert(key)
      return contents[key]
    }
  }

  func storeContent(_ content: RenderedContent, for key: UInt64) {
    lock.withLock {
      contentsUsed.insert(key)
      contents[key] = content
    }
  }

  /// Forgets rendered content the last build did not use (edited pages).
  func endBuild(keepingPages paths: Set<String>) {
    lock.withLock {
      contents = contents.filter { contentsUsed.contains($0.key) }
      contentsUsed = []
      pages = pages.filter { paths.contains($0.key) }
    }
  }

  /// The key of a page's rendered content: its Markdown, its example badges,
  /// and the site's set of files (links to folders resolve differently when a
  /// folder gains an `index.md`).
  static func contentKey(page: Page, marks: [Int: CodeBlockMark], siteShape: UInt64) -> UInt64 {
    var text = "\(page.path)\u{0}\(page.sourceFingerprint)\u{0}\(siteShape)\u{0}\(page.title)\u{0}"
    for (line, mark) in marks.sorted(by: { $0.key < $1.key }) {
      text += "\(line):\(mark.state):\(mark.exampleLine):\(mark.isOutput):\(mark.isHidden);"
    }
    return fnv1a(text)
  }
}
