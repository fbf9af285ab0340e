import Foundation

/// Builds a site from a docs folder: loads and checks every page, runs the
/// examples (one Python session per page, pages in parallel), checks links,
/// and renders HTML. It writes nothing; `SiteWriter` does that.
public final class SiteGenerator {
  public let configuration: BuildConfiguration
  public let runner: any ExampleRunner
  public let highlighter: any CodeHighlighter
  public let cache: ExampleResultCache?
  public let pageCache: PageCache?
  private let themeCache = Locked<Theme?>(nil)

  /// `cache` and `pageCache` keep work between builds (`weave serve`).
  public init(configuration: BuildConfiguration, runner: any ExampleRunner,
              highlighter: any CodeHighlighter = PlainHighlighter(), cache: ExampleResultCache? = nil,
              pageCache: PageCache? = nil) {
    self.configuration = configuration
    self.runner = runner
    self.highlighter = highlighter
    self.cache = cache
    self.pageCache = pageCache
  }

  /// Runs the examples only (`weave check`).
  public func check() -> BuildResult {
    let start = Date()
    do {
      let (_, _, reports) = try loadAndRun()
      return BuildResult(pages: reports, siteProblems: [], files: nil, seconds: Date().timeIntervalSince(start))
    } catch {
      return BuildResult(pages: [], siteProblems: [error], files: nil, seconds: Date().timeIntervalSince(start))
    }
  }

  /// Checks everything and, when nothing failed, renders the site.
  public func build() -> BuildResult {
    let start = Date()
    let inventory: DocsInventory
    let pages: [Page?]
    var reports: [PageReport]
    do {
      (inventory, pages, reports) = try loadAndRun()
    } catch {
      return BuildResult(pages: [], siteProblems: [error], files: nil, seconds: Date().timeIntervalSince(start))
    }
    let theme: Theme
    do {
      theme = try Theme.load(overrides: configuration.theme, reusing: themeCache.value)
      themeCache.update { $0 = theme }
    } catch {
      return BuildResult(pages: reports, siteProblems: [error], files: nil, seconds: Date().timeIntervalSince(start))
    }

    let loaded = pages.compactMap { $0 }
    var anchors: [String: Set<String>] = [:]
    for page in loaded { anchors[page.path] = Set(page.headings.map(\.id)) }
    // Pages that failed to load still exist as link targets (their own error is reported).
    for (index, path) in inventory.pages.enumerated() where pages[index] == nil { anchors[path] = [] }
    let resolver = LinkResolver(anchors: anchors, assets: Set(inventory.assets))
    checkLinks(pages, resolver: resolver, into: &reports)

    let titles = Dictionary(loaded.map { ($0.path, $0.title) }, uniquingKeysWith: { a, _ in a })
    let summary = inventory.hasSummary
      ? FileManager.default.contents(atPath: configuration.docs.appendingPathComponent(Navigation.summaryFileName).path)
      : nil
    let (navigation, navigationProblems) = Navigation.make(
      summary: summary, summaryDisplayPath: configuration.displayPath(of: Navigation.summaryFileName), titles: titles)

    var result = BuildResult(pages: reports, siteProblems: navigationProblems, files: nil,
                             seconds: Date().timeIntervalSince(start))
    guard result.succeeded else { return result }
    let siteShape = fnv1a((inventory.pages + ["\u{0}"] + inventory.assets).joined(separator: "\n"))
    var files = render(loaded, reports: reports, navigation: navigation, titles: titles, resolver: resolver,
                       theme: theme, siteShape: siteShape)
    pageCache?.endBuild(keepingPages: Set(loaded.map(\.displayPath)))
    for asset in inventory.assets {
      files[asset] = .copy(configuration.docs.appendingPathComponent(asset))
    }
    result.files = files
    result.seconds = Date().timeIntervalSince(start)
    return result
  }

  /// Adds a problem for every link or image that does not resolve.
  private func checkLinks(_ pages: [Page?], resolver: LinkResolver, into reports: inout [PageReport]) {
    for (index, page) in pages.enumerated() {
      guard let page else { continue }
      for link in page.links {
        if case .broken(let reason) = resolver.resolve(link.destination, from: page.path) {
          reports[index].problems.append(Diagnostic(
            file: page.displayPath, line: link.line,
            message: "broken \(link.isImage ? "image" : "link"): \(reason)"))
        }
      }
    }
  }

  /// The HTML pages, the 404 page, the search index and the theme's files.
  private func render(_ pages: [Page], reports: [PageReport], navigation: Navigation, titles: [String: String],
                      resolver: LinkResolver, theme: Theme, siteShape: UInt64) -> [String: SiteFile] {
    var files: [String: SiteFile] = [:]
    let siteTitle = titles["index.md"] ?? "Documentation"
    let order = navigation.readingOrder
    let homePage = titles["index.md"] != nil ? "index.md" : (order.first ?? "index.md")
    let examples = Dictionary(reports.map { ($0.path, $0.examples) }, uniquingKeysWith: { a, _ in a })
    var searchIndex = SearchIndex()
    var navigationByFolder: [String: String] = [:]
    for page in pages {
      let marks = Self.marks(for: page, results: examples[page.path] ?? [])
      let contentKey = PageCache.contentKey(page: page, marks: marks, siteShape: siteShape)
      let content: PageCache.RenderedContent
      if let cached = pageCache?.content(for: contentKey) {
        content = cached
      } else {
        var entries = SearchIndex()
        entries.add(page, hiddenBlocks: Set(marks.filter { $0.value.isHidden }.keys))
        content = PageCache.RenderedContent(
          html: HTMLRenderer(pagePath: page.path, sourceName: page.displayPath, headings: page.headings,
                             marks: marks, resolver: resolver, highlighter: highlighter).render(page.document),
          searchEntries: entries.entries)
        pageCache?.storeContent(content, for: contentKey)
      }
      searchIndex.entries += content.searchEntries
      let directory = LinkResolver.directory(of: page.path)
      func neighbour(_ offset: Int) -> (href: String, title: String)? {
        guard let position = order.firstIndex(of: page.path), order.indices.contains(position + offset) else { return nil }
        let other = order[position + offset]
        return (LinkResolver.relativePath(from: directory, to: LinkResolver.outputPath(ofPage: other)),
                titles[other] ?? other)
      }
      let layout = PageLayout(
        title: page.title, siteTitle: siteTitle, description: page.source.description,
        contentHTML: content.html, navHTML: navigation.html(currentPage: page.path, cache: &navigationByFolder),
        toc: page.headings.filter { $0.level == 2 || $0.level == 3 },
        previous: neighbour(-1), next: neighbour(1), root: LinkResolver.rootPrefix(ofPage: page.path),
        home: LinkResolver.relativePath(from: directory, to: LinkResolver.outputPath(ofPage: homePage)))
      files[page.outputPath] = .data(Data(theme.template.render(layout.context).utf8))
    }
    // Web servers answer unknown addresses at any depth with it, so its links
    // are relative to the root (where most 404s come from).
    let home = LinkResolver.outputPath(ofPage: homePage)
    var notFound = PageLayout(
      title: "Page not found", siteTitle: siteTitle, description: nil,
      contentHTML: "<div class=\"not-found\">\n<p class=\"not-found-code\">404</p>\n<h1>Page not found</h1>\n<p>There is no page at this address: it may have moved or been renamed. Try the search box above, or go to the <a href=\"\(HTML.escapeAttribute(home))\">home page</a>.</p>\n</div>\n",
      navHTML: navigation.html(currentPage: ""), toc: [], previous: nil, next: nil, root: "", home: home)
    notFound.isNotFound = true
    files["404.html"] = .data(Data(theme.template.render(notFound.context).utf8))
    files["search-index.js"] = .data(Data(searchIndex.javaScript.utf8))
    for (name, data) in theme.files { files[Theme.outputFolder + "/" + name] = .data(data) }
    return files
  }

  /// Scans the docs folder, loads every page and runs the examples of every
  /// page that loaded without problems. `pages[i]` is nil when page i could not be read.
  private func loadAndRun() throws(Diagnostic) -> (DocsInventory, [Page?], [PageReport]) {
    let inventory: DocsInventory
    do {
      inventory = try DocsInventory.scan(configuration.docs)
    } catch {
      var problem = error
      if problem.file == configuration.docs.path { problem.file = configuration.docsDisplayName }
      throw problem
    }
    var pages: [Page?] = []
    var reports: [PageReport] = []
    for path in inventory.pages {
      let displayPath = configuration.displayPath(of: path)
      let url = configuration.docs.appendingPathComponent(path)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        pages.append(nil)
        reports.append(PageReport(path: path, displayPath: displayPath,
                                  problems: [Diagnostic(file: displayPath, line: nil, message: "cannot read the page")],
                                  examples: [], ranExamples: false))
        continue
      }
      if let cached = pageCache?.page(at: displayPath, data: data) {
        pages.append(cached)
        reports.append(PageReport(path: path, displayPath: displayPath, problems: cached.problems,
                                  examples: [], ranExamples: false))
        continue
      }
      do {
        let page = try Page.load(data, path: path, displayPath: displayPath)
        pageCache?.store(page, data: data)
        pages.append(page)
        reports.append(PageReport(path: path, displayPath: displayPath, problems: page.problems,
                                  examples: [], ranExamples: false))
      } catch {
        pages.append(nil)
        reports.append(PageReport(path: path, displayPath: displayPath, problems: [error],
                                  examples: [], ranExamples: false))
      }
    }
    runExamples(pages, into: &reports)
    return (inventory, pages, reports)
  }

  private func runExamples(_ pages: [Page?], into reports: inout [PageReport]) {
    let checker = ExampleChecker(runner: runner, defaultTimeout: configuration.timeout)
    var work: [(index: Int, page: Page, key: UInt64)] = []
    for (index, page) in pages.enumerated() {
      // A page with problems is not run: an unterminated fence or a malformed
      // example would only produce confusing follow-up failures.
      guard let page, page.problems.isEmpty, !page.examples.isEmpty else { continue }
      let key = ExampleResultCache.key(runner: runner.identity, timeout: configuration.timeout, page: page)
      if let cached = cache?.results(for: key, examples: page.examples) {
        reports[index].examples = cached
      } else {
        work.append((index, page, key))
      }
    }
    guard !work.isEmpty else { return }
    let queue = work
    let results = Locked<[Int: [ExampleResult]]>([:])
    let next = AtomicCounter()
    let workers = min(configuration.jobs, work.count)
    // Dedicated threads rather than the shared GCD pool: examples block for
    // up to their time limit, and the runtime may need pool threads meanwhile.
    let finished = DispatchSemaphore(value: 0)
    for _ in 0..<workers {
      let thread = Thread {
        while true {
          let position = next.increment()
          guard position < queue.count else { break }
          let item = queue[position]
          let pageResults = checker.check(item.page.examples, file: item.page.displayPath)
          self.cache?.store(pageResults, for: item.key)
          results.update { $0[item.index] = pageResults }
        }
        finished.signal()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    for _ in 0..<workers { finished.wait() }
    for (index, pageResults) in results.value {
      reports[index].examples = pageResults
      reports[index].ranExamples = true
    }
  }

  /// Badges for the example code blocks of a page.
  static func marks(for page: Page, results: [ExampleResult]) -> [Int: CodeBlockMark] {
    var marks: [Int: CodeBlockMark] = [:]
    for (line, role) in page.extraction.roles {
      let example = page.examples[role.exampleIndex]
      let result = results.first { $0.line == example.line }
      let skipped = example.isSkipped || result?.status == .skipped
      var isOutput = false
      if case .output = role { isOutput = true }
      marks[line] = CodeBlockMark(state: skipped ? .skipped : .verified, exampleLine: example.line,
                                  isOutput: isOutput, isHidden: example.flags.hidden)
    }
    return marks
  }
}
