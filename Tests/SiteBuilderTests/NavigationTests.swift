import XCTest
@testable import SiteBuilder

final class NavigationTests: XCTestCase {
  let titles = ["index.md": "Home", "guide/a.md": "A", "guide/b.md": "B", "reference.md": "Reference", "zeta.md": "Zeta",
                "guide/index.md": "Guide"]

  func testSummaryDefinesOrderAndNesting() {
    let summary = """
      # Summary

      - [Welcome](index.md)
      - Guide
        - [Second](guide/b.md)
        - [First](guide/a.md)
      - [Reference](reference.md)
      """
    let (navigation, problems) = Navigation.make(summary: Data(summary.utf8), summaryDisplayPath: "Doc/SUMMARY.md", titles: titles)
    XCTAssertEqual(problems, [])
    XCTAssertEqual(navigation.items.map(\.title), ["Welcome", "Guide", "Reference", "Zeta", "Guide"])
    XCTAssertNil(navigation.items[1].page, "a list item without a link is a section label")
    XCTAssertEqual(navigation.items[1].children.map(\.page), ["guide/b.md", "guide/a.md"])
    XCTAssertEqual(navigation.readingOrder, ["index.md", "guide/b.md", "guide/a.md", "reference.md", "zeta.md", "guide/index.md"],
                   "pages the summary does not list follow in path order")
  }

  func testWithoutSummaryPagesAreInPathOrderWithIndexFirst() {
    let (navigation, _) = Navigation.make(summary: nil, summaryDisplayPath: "SUMMARY.md", titles: titles)
    XCTAssertEqual(navigation.readingOrder, ["index.md", "reference.md", "zeta.md", "guide/index.md", "guide/a.md", "guide/b.md"])
    XCTAssertEqual(navigation.items.first?.title, "Home")
  }

  func testBrokenSummaryLinksAreReportedWithTheirLine() {
    let (_, problems) = Navigation.make(summary: Data("- [Home](index.md)\n- [Gone](gone.md)\n".utf8),
                                        summaryDisplayPath: "Doc/SUMMARY.md", titles: titles)
    XCTAssertEqual(problems.map(\.headline), ["Doc/SUMMARY.md:2: broken link in the navigation: 'gone.md': no page gone.md"])
  }

  func testSidebarHTMLMarksTheCurrentPageWithRelativeLinks() {
    let navigation = Navigation(items: [.init(title: "Home", page: "index.md"),
                                        .init(title: "Guide <1>", page: nil, children: [.init(title: "A", page: "guide/a.md")])])
    let html = navigation.html(currentPage: "guide/a.md")
    XCTAssertTrue(html.contains("<a href=\"../index.html\">Home</a>"))
    XCTAssertTrue(html.contains("<span class=\"nav-section\">Guide &lt;1&gt;</span>"))
    XCTAssertTrue(html.contains("<a href=\"a.html\" class=\"current\" aria-current=\"page\">A</a>"))
  }
}

final class SearchIndexTests: XCTestCase {
  func testOneEntryPerSectionWithAnchors() throws {
    let markdown = "# Guide\n\nIntro text.\n\n## Install it\n\nRun `make`.\n\n#### Deep\n\nStill install.\n\n## Use {#use}\n\n```python hidden\nsecret = 1\n```\n\n> [!TIP]\n> Tip text.\n"
    let page = try Page.load(Data(markdown.utf8), path: "guide/index.md", displayPath: "Doc/guide/index.md")
    var index = SearchIndex()
    index.add(page, hiddenBlocks: [15])
    XCTAssertEqual(index.entries, [
      .init(page: "Guide", section: "Guide", url: "guide/index.html#guide", text: "Intro text."),
      .init(page: "Guide", section: "Install it", url: "guide/index.html#install-it", text: "Run make. Deep Still install."),
      .init(page: "Guide", section: "Use", url: "guide/index.html#use", text: "Tip text."),
    ])
    XCTAssertTrue(index.javaScript.contains("window.weaveSearchIndex = [{\"page\":\"Guide\""))
    XCTAssertFalse(index.javaScript.contains("secret"))
  }
}
