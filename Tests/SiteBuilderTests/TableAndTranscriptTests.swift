import XCTest
@testable import SiteBuilder

/// GitHub-flavoured tables (recognised by weave, since libcmark has no table
/// extension), shell transcripts, heading-id collisions and the home link.
final class TableAndTranscriptTests: XCTestCase {
  let resolver = LinkResolver(anchors: ["index.md": ["intro"], "guide/setup.md": ["install"]], assets: [])

  func render(_ markdown: String, page: String = "index.md") -> String {
    let document = CMarkParser.parse(markdown).document
    return HTMLRenderer(pagePath: page, headings: [], resolver: resolver).render(document)
  }

  func table(_ markdown: String) -> MarkdownTable? {
    for block in CMarkParser.parse(markdown).document.blocks {
      if case .table(let table) = block { return table }
    }
    return nil
  }

  func testTablesWithAlignmentInlineMarkupAndEscapedPipes() throws {
    let markdown = """
      | Flag | On | Effect |
      | :--- | :-: | --: |
      | `hidden` | **python** | runs [setup](guide/setup.md#install) |
      | `a \\| b` | - | 1. |
      | short |
      """
    let parsed = try XCTUnwrap(table(markdown))
    XCTAssertEqual(parsed.alignments, [.left, .center, .right])
    XCTAssertEqual(parsed.line, 1)
    XCTAssertEqual(parsed.header.map(\.plainText), ["Flag", "On", "Effect"])
    XCTAssertEqual(parsed.rows.map { $0.map(\.plainText) },
                   [["hidden", "python", "runs setup"], ["a | b", "-", "1."], ["short", "", ""]])
    XCTAssertEqual(parsed.rows[0][2], [.text("runs "), .link(destination: "guide/setup.md#install", title: "", [.text("setup")], line: 3)])
    let html = render(markdown)
    XCTAssertTrue(html.hasPrefix("<div class=\"table-wrap\"><table>\n<thead>\n<tr><th style=\"text-align: left\">Flag</th><th style=\"text-align: center\">On</th><th style=\"text-align: right\">Effect</th></tr>\n</thead>\n<tbody>\n"), html)
    XCTAssertTrue(html.contains("<td style=\"text-align: left\"><code>hidden</code></td><td style=\"text-align: center\"><strong>python</strong></td><td style=\"text-align: right\">runs <a href=\"guide/setup.html#install\">setup</a></td>"), html)
    XCTAssertTrue(html.contains("<code>a | b</code>"), html)
  }

  func testTablesWithoutOuterPipesAfterAParagraphAndInsideContainers() throws {
    let blocks = CMarkParser.parse("Some text\na | b\n--- | ---\n1 | 2\n\nafter\n").document.blocks
    XCTAssertEqual(blocks.count, 3)
    guard case .paragraph(let before, let line) = blocks[0], case .table(let table) = blocks[1] else {
      return XCTFail("expected a paragraph, then a table: \(blocks)")
    }
    XCTAssertEqual(before.plainText, "Some text")
    XCTAssertEqual(line, 1)
    XCTAssertEqual(table.line, 2)
    XCTAssertEqual(table.rows.map { $0.map(\.plainText) }, [["1", "2"]])

    let quoted = CMarkParser.parse("> [!NOTE]\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n").document.blocks
    guard case .blockQuote(let children, _) = quoted[0], case .table(let inQuote) = children.last else {
      return XCTFail("expected a table in the quote: \(quoted)")
    }
    XCTAssertEqual(inQuote.rows.map { $0.map(\.plainText) }, [["1", "2"]])
    let listed = CMarkParser.parse("- item\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n").document.blocks
    guard case .list(let list) = listed[0], case .table(let inList) = list.items[0].last else {
      return XCTFail("expected a table in the list item: \(listed)")
    }
    XCTAssertEqual(inList.header.map(\.plainText), ["a", "b"])
  }

  func testThingsThatAreNotTables() {
    // Cell counts differ; a lone dash line is a setext heading; no delimiter row.
    XCTAssertNil(table("| a | b |\n| --- |\n| 1 | 2 |\n"))
    XCTAssertNil(table("a | b\n---\n"))
    XCTAssertNil(table("| a | b |\n| 1 | 2 |\n"))
    XCTAssertEqual(render("x | y\n"), "<p>x | y</p>\n")
  }

  func testLinksInTablesAreCheckedAndIndexedForSearch() throws {
    let page = try Page.load(Data("# T\n\n| a | b |\n| - | - |\n| [x](nope.md) | searchable words |\n".utf8),
                             path: "index.md", displayPath: "Doc/index.md")
    XCTAssertEqual(page.links.map(\.destination), ["nope.md"])
    XCTAssertEqual(page.links.map(\.line), [5])
    var index = SearchIndex()
    index.add(page)
    XCTAssertTrue(index.entries.contains { $0.text.contains("searchable words") }, "\(index.entries)")
    XCTAssertFalse(index.entries.contains { $0.text.contains("| -") }, "delimiter rows stay out of the index")
  }

  func testConsoleTranscriptsCopyOnlyTheCommands() {
    let code = "$ swift build \\\n    --product weave\nCompiling…\n$ weave build Doc\nBuilt 1 page\n"
    XCTAssertEqual(ConsoleText.copyText(code), "swift build \\\n    --product weave\nweave build Doc\n")
    XCTAssertEqual(ConsoleText.copyText("no prompts here\n"), "no prompts here\n")
    let html = render("```console\n$ ls\nfile.txt\n```\n")
    XCTAssertEqual(html, "<div class=\"code-block\"><pre data-copy=\"ls\n\"><code class=\"language-console\"><span class=\"tok-prompt\">$ </span><span class=\"tok-command\">ls\n</span><span class=\"tok-output\">file.txt\n</span></code></pre></div>\n")
  }

  func testAnExplicitIdThatRepeatsAnAutomaticOneIsAnError() throws {
    let page = try Page.load(Data("# T\n\n## Install\n\n## Setup {#install}\n".utf8), path: "index.md", displayPath: "Doc/index.md")
    XCTAssertEqual(page.problems.map(\.headline),
                   ["Doc/index.md:5: duplicate heading id '{#install}' (already used at line 3); links to it would be ambiguous"])
    let later = try Page.load(Data("# T\n\n## Setup {#install}\n\n## Install\n".utf8), path: "index.md", displayPath: "Doc/index.md")
    XCTAssertEqual(later.problems, [])
    XCTAssertEqual(later.headings.map(\.id), ["t", "install", "install-1"])
  }
}

final class SiteChromeTests: XCTestCase {
  func build(_ pages: [String: String]) throws -> [String: String] {
    let folder = TemporaryFolder()
    for (path, text) in pages { folder.write("Doc/" + path, text) }
    let generator = SiteGenerator(configuration: BuildConfiguration(docs: folder.url.appendingPathComponent("Doc"), docsDisplayName: "Doc"),
                                  runner: FakeRunner())
    let result = generator.build()
    XCTAssertEqual(result.diagnostics, [])
    let files = try XCTUnwrap(result.files)
    return files.compactMapValues { $0.contents().map { String(decoding: $0, as: UTF8.self) } }
  }

  func testTheSiteTitleLinksToTheFirstPageWhenThereIsNoIndex() throws {
    let files = try build(["SUMMARY.md": "- [Start](guide/start.md)\n- [Other](other.md)\n",
                           "guide/start.md": "# Start\n", "other.md": "# Other\n"])
    XCTAssertTrue(files["other.html"]!.contains("<a class=\"site-title\" href=\"guide/start.html\">"), files["other.html"]!)
    XCTAssertTrue(files["guide/start.html"]!.contains("<a class=\"site-title\" href=\"start.html\">"))
    XCTAssertTrue(files["404.html"]!.contains("<a href=\"guide/start.html\">home page</a>"))
  }

  func testTheNotFoundPageFindsTheSiteRootAtAnyDepth() throws {
    let files = try build(["index.md": "# Home\n"])
    let notFound = try XCTUnwrap(files["404.html"])
    XCTAssertTrue(notFound.contains("<meta name=\"robots\" content=\"noindex\">"))
    XCTAssertTrue(notFound.contains("weave-theme/weave.css\",false)"), "the probe for the root")
    XCTAssertFalse(files["index.html"]!.contains("noindex"))
    XCTAssertFalse(files["index.html"]!.contains("XMLHttpRequest"))
    // One page: no previous/next box.
    XCTAssertFalse(files["index.html"]!.contains("class=\"page-links\""))
  }
}
