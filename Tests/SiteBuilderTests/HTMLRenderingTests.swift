import XCTest
@testable import SiteBuilder

final class HTMLRenderingTests: XCTestCase {
  let resolver = LinkResolver(anchors: ["index.md": ["intro"], "guide/setup.md": ["install", "run"], "guide/index.md": []],
                              assets: ["images/logo.png"])

  func render(_ markdown: String, page: String = "index.md", marks: [Int: CodeBlockMark] = [:],
              highlighter: any CodeHighlighter = PlainHighlighter()) -> String {
    let document = CMarkParser.parse(markdown).document
    var identifier = HeadingIdentifier()
    var headings: [Heading] = []
    for case .heading(let level, let content, let line) in document.blocks {
      headings.append(identifier.identify(level: level, content: content, line: line))
    }
    return HTMLRenderer(pagePath: page, headings: headings, marks: marks, resolver: resolver, highlighter: highlighter)
      .render(document)
  }

  func testTextAndCodeAreEscaped() {
    XCTAssertEqual(render("a < b & c > d \"q\""), "<p>a &lt; b &amp; c &gt; d \"q\"</p>\n")
    XCTAssertEqual(render("`<tag>`"), "<p><code>&lt;tag&gt;</code></p>\n")
    XCTAssertTrue(render("```text\n<script>alert(1)</script>\n```\n").contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    XCTAssertTrue(render("[x](a.md \"say \\\"hi\\\"\")").contains("title=\"say &quot;hi&quot;\""))
  }

  func testHeadingsGetSlugIdsAndPermalinks() {
    XCTAssertEqual(render("## Hello, World!"),
                   "<h2 id=\"hello-world\">Hello, World!<a class=\"anchor\" href=\"#hello-world\" aria-label=\"Link to this section\">#</a></h2>\n")
  }

  func testSlugsFollowGitHubAndAreDeduplicated() {
    var identifier = HeadingIdentifier()
    let ids = ["Setup", "Setup", "Setup", "Setup 1", "`weave build` — options", "Ünïcode Straße", "???"].map {
      identifier.identify(level: 2, content: [.text($0)], line: 1).id
    }
    XCTAssertEqual(ids, ["setup", "setup-1", "setup-2", "setup-1-1", "weave-build--options", "ünïcode-straße", "section"])
  }

  func testExplicitHeadingIdIsUsedAndRemovedFromText() {
    var identifier = HeadingIdentifier()
    let heading = identifier.identify(level: 2, content: [.text("Threads and the GIL {#gil}")], line: 3)
    XCTAssertEqual(heading.id, "gil")
    XCTAssertEqual(heading.text, "Threads and the GIL")
    XCTAssertTrue(render("## Threads {#gil}").hasPrefix("<h2 id=\"gil\">Threads<a"))
  }

  func testLinksToPagesAreRewrittenToHTML() {
    let html = render("[a](guide/setup.md#install) [b](#intro) [c](https://example.com/x.md) [d](guide/) ![logo](images/logo.png)")
    XCTAssertTrue(html.contains("<a href=\"guide/setup.html#install\">a</a>"))
    XCTAssertTrue(html.contains("<a href=\"#intro\">b</a>"))
    XCTAssertTrue(html.contains("<a href=\"https://example.com/x.md\">c</a>"))
    XCTAssertTrue(html.contains("<a href=\"guide/index.html\">d</a>"))
    XCTAssertTrue(html.contains("<img src=\"images/logo.png\" alt=\"logo\">"))
    let nested = render("[home](../index.md#intro) [sibling](setup.md)", page: "guide/index.md")
    XCTAssertTrue(nested.contains("href=\"../index.html#intro\""))
    XCTAssertTrue(nested.contains("href=\"setup.html\""))
  }

  func testAdmonitions() {
    let html = render("> [!WARNING]\n> Threads share *one* GIL.\n")
    XCTAssertEqual(html, "<div class=\"admonition admonition-warning\" role=\"note\">\n<p class=\"admonition-title\">Warning</p>\n<p>Threads share <em>one</em> GIL.</p>\n</div>\n")
    for kind in ["NOTE", "TIP", "IMPORTANT", "CAUTION"] {
      XCTAssertTrue(render("> [!\(kind)]\n> text\n").contains("admonition-\(kind.lowercased())"))
    }
    XCTAssertTrue(render("> [!NOTE]\n\n> more").contains("admonition-note"), "a marker alone still makes a callout")
    XCTAssertTrue(render("> [!UNKNOWN]\n> text\n").hasPrefix("<blockquote>"))
    XCTAssertTrue(render("> [!NOTE] inline text\n").hasPrefix("<blockquote>"), "the marker must be alone on its line")
  }

  func testCodeBlocksGetALanguageClassAndExampleBadges() {
    let markdown = "```python\nx = 1\n```\n\n```output\n1\n```\n\n```python skip\ny\n```\n\n```swift\nlet a = 1\n```\n"
    let html = render(markdown, marks: [
      1: CodeBlockMark(state: .verified, exampleLine: 2),
      5: CodeBlockMark(state: .verified, exampleLine: 2, isOutput: true),
      9: CodeBlockMark(state: .skipped, exampleLine: 10),
    ])
    XCTAssertTrue(html.contains("<div class=\"code-block example example-verified\"><span class=\"example-badge verified\" title=\"Verified: weave ran this example (index.md:2) and its output matched\">✓ verified</span><pre><code class=\"language-python\">x = 1\n</code></pre></div>"))
    XCTAssertTrue(html.contains("example-output example-verified"))
    XCTAssertTrue(html.contains("example-badge skipped"))
    XCTAssertTrue(html.contains("<div class=\"code-block\"><pre><code class=\"language-swift\">let a = 1\n</code></pre></div>"))
  }

  func testHiddenBlocksAreNotRendered() {
    let html = render("before\n\n```python hidden\nsecret = 1\n```\n\nafter\n",
                      marks: [3: CodeBlockMark(state: .verified, exampleLine: 4, isHidden: true)])
    XCTAssertEqual(html, "<p>before</p>\n<p>after</p>\n")
  }

  func testSessionsShowNoDirectivesAndCopyOnlyTheInput() {
    let html = render("```pycon\n>>> x = [1,  # doctest: +ELLIPSIS\n...      2]\n>>> print(\"a\\n\\nb\")\na\n<BLANKLINE>\nb\n```\n")
    XCTAssertTrue(html.contains("data-copy=\"x = [1,\n     2]\nprint(&quot;a\\n\\nb&quot;)\n\""), html)
    XCTAssertTrue(html.contains("&gt;&gt;&gt; x = [1,\n...      2]\n"))
    XCTAssertFalse(html.contains("doctest:"))
    XCTAssertFalse(html.contains("BLANKLINE"))
  }

  func testCopyTextOfASession() {
    XCTAssertEqual(SessionText.copyText(">>> for i in range(2):\n...     print(i)\n...\n0\n1\n>>> x\n5\n"),
                   "for i in range(2):\n    print(i)\n\nx\n")
  }

  func testHighlighterTokensBecomeSpans() {
    struct Tokens: CodeHighlighter {
      func highlight(_ code: String, language: String) -> [HighlightToken]? {
        language == "python" ? [.init(kind: "keyword", text: "if"), .init(kind: "whitespace", text: " "),
                                .init(kind: "name", text: "a<b"), .init(kind: "", text: ":\n")] : nil
      }
    }
    let html = render("```python\nif a<b:\n```\n", highlighter: Tokens())
    XCTAssertTrue(html.contains("<code class=\"language-python\"><span class=\"tok-keyword\">if</span> <span class=\"tok-name\">a&lt;b</span>:\n</code>"))
    // Tokens that do not cover the code exactly are ignored (plain text instead).
    struct Broken: CodeHighlighter {
      func highlight(_ code: String, language: String) -> [HighlightToken]? { [.init(kind: "keyword", text: "if")] }
    }
    XCTAssertTrue(render("```python\nif a:\n```\n", highlighter: Broken()).contains("<code class=\"language-python\">if a:\n</code>"))
  }

  func testListsAndRawHTML() {
    XCTAssertEqual(render("1. one\n2. two\n"), "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n")
    XCTAssertEqual(render("3. three\n"), "<ol start=\"3\">\n<li>three</li>\n</ol>\n")
    XCTAssertEqual(render("- a\n\n- b\n"), "<ul>\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ul>\n")
    XCTAssertEqual(render("<div class=\"x\">raw</div>\n"), "<div class=\"x\">raw</div>\n")
  }
}

final class LinkResolverTests: XCTestCase {
  let resolver = LinkResolver(anchors: ["index.md": ["top"], "guide/a.md": ["one"], "guide/index.md": [], "my page.md": []],
                              assets: ["img/x.png", "guide/data.csv"])

  func testPageLinksAndAnchors() {
    XCTAssertEqual(resolver.resolve("guide/a.md#one", from: "index.md"), .page(path: "guide/a.md", anchor: "one", href: "guide/a.html#one"))
    XCTAssertEqual(resolver.resolve("../index.md", from: "guide/a.md"), .page(path: "index.md", anchor: nil, href: "../index.html"))
    XCTAssertEqual(resolver.resolve("#one", from: "guide/a.md"), .page(path: "guide/a.md", anchor: "one", href: "#one"))
    XCTAssertEqual(resolver.resolve("./", from: "guide/a.md"), .page(path: "guide/index.md", anchor: nil, href: "index.html"))
    XCTAssertEqual(resolver.resolve("my%20page.md", from: "index.md"), .page(path: "my page.md", anchor: nil, href: "my%20page.html"))
    XCTAssertEqual(resolver.resolve("data.csv", from: "guide/a.md"), .asset(path: "guide/data.csv", href: "data.csv"))
    XCTAssertEqual(resolver.resolve("../img/x.png", from: "guide/a.md"), .asset(path: "img/x.png", href: "../img/x.png"))
  }

  func testExternalLinksAreNotChecked() {
    for link in ["https://example.com/missing.md", "mailto:a@b.c", "//cdn.example.com/x.js", "ftp://x"] {
      XCTAssertEqual(resolver.resolve(link, from: "index.md"), .external, link)
    }
  }

  func testBrokenLinks() {
    func reason(_ link: String, from page: String = "index.md") -> String? {
      if case .broken(let reason) = resolver.resolve(link, from: page) { return reason }
      return nil
    }
    XCTAssertEqual(reason("missing.md"), "'missing.md': no page missing.md")
    XCTAssertEqual(reason("guide/a.md#two"), "no heading with id '#two' on guide/a.md")
    XCTAssertEqual(reason("#nowhere"), "no heading with id '#nowhere' on index.md")
    XCTAssertEqual(reason("img/y.png"), "'img/y.png': no file img/y.png in the documentation folder")
    XCTAssertNotNil(reason("../../outside.md", from: "guide/a.md"))
    XCTAssertTrue(reason("/guide/a.md")?.contains("absolute path") ?? false)
  }

  func testRelativePathsAndRoots() {
    XCTAssertEqual(LinkResolver.relativePath(from: "a/b", to: "a/c/d.html"), "../c/d.html")
    XCTAssertEqual(LinkResolver.relativePath(from: "", to: "x.html"), "x.html")
    XCTAssertEqual(LinkResolver.rootPrefix(ofPage: "a/b/c.md"), "../../")
    XCTAssertEqual(LinkResolver.rootPrefix(ofPage: "index.md"), "")
  }
}

final class PageTests: XCTestCase {
  func testTitleComesFromFrontMatterThenFirstHeadingThenFileName() throws {
    XCTAssertEqual(try Page.load(Data("---\ntitle: Front\n---\n# Heading\n".utf8), path: "a.md", displayPath: "a.md").title, "Front")
    XCTAssertEqual(try Page.load(Data("Intro\n\n# Heading *one*\n".utf8), path: "a.md", displayPath: "a.md").title, "Heading one")
    XCTAssertEqual(try Page.load(Data("no heading\n".utf8), path: "guide/setup.md", displayPath: "x").title, "setup")
  }

  func testDuplicateExplicitIdsAreProblems() throws {
    let page = try Page.load(Data("# A {#x}\n\n## B {#x}\n\n## C\n\n## C\n".utf8), path: "a.md", displayPath: "Doc/a.md")
    XCTAssertEqual(page.problems.map(\.headline),
                   ["Doc/a.md:3: duplicate heading id '{#x}' (already used at line 1); links to it would be ambiguous"])
    XCTAssertEqual(page.headings.map(\.id), ["x", "x", "c", "c-1"])
  }
}
