import XCTest
@testable import SiteBuilder

final class SiteGeneratorTests: XCTestCase {
  func makeDocs() -> TemporaryFolder {
    let folder = TemporaryFolder()
    folder.write("Doc/index.md", "---\ntitle: Home Page\ndescription: The <best> docs\n---\n# Welcome\n\nGo to [setup](guide/setup.md#install).\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n")
    folder.write("Doc/guide/setup.md", "# Setup\n\n## Install\n\n![logo](../img/logo.png) back [home](../index.md)\n\n```pycon\n>>> 2 + 2\n4\n```\n")
    folder.write("Doc/img/logo.png", Data([0x89, 0x50, 0x4E, 0x47]))
    folder.write("Doc/.hidden/skip.md", "# not a page\n")
    return folder
  }

  func generator(_ folder: TemporaryFolder, runner: FakeRunner, cache: ExampleResultCache? = nil) -> SiteGenerator {
    SiteGenerator(configuration: BuildConfiguration(docs: folder.url.appendingPathComponent("Doc"), docsDisplayName: "Doc"),
                  runner: runner, cache: cache)
  }

  func testBuildProducesPagesAssetsAndSupportFiles() throws {
    let folder = makeDocs()
    let runner = FakeRunner(["print(1)\n": printed("1\n"), "2 + 2\n": printed("4\n")])
    let result = generator(folder, runner: runner).build()
    XCTAssertEqual(result.diagnostics, [])
    XCTAssertEqual(result.passed, 2)
    let files = try XCTUnwrap(result.files)
    XCTAssertEqual(Set(files.keys), ["index.html", "guide/setup.html", "img/logo.png", "404.html", "search-index.js",
                                     "weave-theme/weave.css", "weave-theme/weave.js"])
    let index = String(decoding: files["index.html"]!.contents()!, as: UTF8.self)
    XCTAssertTrue(index.contains("<title>Home Page</title>"))
    XCTAssertTrue(index.contains("<meta name=\"description\" content=\"The &lt;best&gt; docs\">"))
    XCTAssertTrue(index.contains("href=\"guide/setup.html#install\""))
    XCTAssertTrue(index.contains("✓ verified"))
    XCTAssertTrue(index.contains("rel=\"next\"><span>Next</span>Setup</a>"))
    XCTAssertFalse(index.contains("__weave"), "no live-reload script in built pages")
    let setup = String(decoding: files["guide/setup.html"]!.contents()!, as: UTF8.self)
    XCTAssertTrue(setup.contains("<link rel=\"stylesheet\" href=\"../weave-theme/weave.css\">"))
    XCTAssertTrue(setup.contains("<img src=\"../img/logo.png\" alt=\"logo\">"))
    XCTAssertTrue(setup.contains("rel=\"prev\"><span>Previous</span>Home Page</a>"))
    XCTAssertTrue(setup.contains("<li class=\"toc-level-2\"><a href=\"#install\">Install</a></li>"))
    XCTAssertTrue(setup.contains("<a href=\"setup.html\" class=\"current\" aria-current=\"page\">Setup</a>"))
  }

  func testBrokenLinksFailTheBuildWithTheirLine() {
    let folder = makeDocs()
    folder.write("Doc/guide/setup.md", "# Setup\n\nSee [x](missing.md),\nand [y](../index.md#nope).\n\n## Install\n")
    let result = generator(folder, runner: FakeRunner(["print(1)\n": printed("1\n")])).build()
    XCTAssertNil(result.files)
    XCTAssertEqual(result.diagnostics.map(\.headline), [
      "Doc/guide/setup.md:3: broken link: 'missing.md': no page guide/missing.md",
      "Doc/guide/setup.md:4: broken link: no heading with id '#nope' on index.md",
    ])
    XCTAssertEqual(result.failed, 2)
  }

  func testPageProblemsAreReportedAndItsExamplesNotRun() {
    let folder = makeDocs()
    folder.write("Doc/bad.md", "# Bad\n\n```python\nprint('never closed')\n")
    var bytes = Array("# Latin-1\n\ncaf".utf8)
    bytes.append(0xE9)
    folder.write("Doc/latin.md", Data(bytes))
    let runner = FakeRunner(["print(1)\n": printed("1\n"), "2 + 2\n": printed("4\n")])
    let result = generator(folder, runner: runner).build()
    XCTAssertEqual(result.diagnostics.map(\.headline), [
      "Doc/bad.md:3: unterminated code fence: the block opened here runs to the end of the page (or of its list or quote); close it with a matching fence",
      "Doc/latin.md:3: not valid UTF-8 (byte 0xE9); save the page as UTF-8",
    ])
    XCTAssertFalse(runner.calls.contains { $0.source.contains("never closed") })
  }

  func testCheckRunsExamplesWithoutRendering() {
    let folder = makeDocs()
    let result = generator(folder, runner: FakeRunner(["print(1)\n": printed("2\n"), "2 + 2\n": printed("4\n")])).check()
    XCTAssertNil(result.files)
    XCTAssertEqual(result.passed, 1)
    XCTAssertEqual(result.failed, 1)
    XCTAssertEqual(result.diagnostics.first?.headline, "Doc/index.md:10: output differs from the expected output")
  }

  func testMissingDocsFolderIsReported() {
    let folder = TemporaryFolder()
    let result = SiteGenerator(configuration: BuildConfiguration(docs: folder.url.appendingPathComponent("Nope"), docsDisplayName: "Nope"),
                               runner: FakeRunner()).build()
    XCTAssertEqual(result.diagnostics.map(\.headline), ["Nope: documentation folder not found"])
  }

  func testCacheReRunsOnlyPagesWhoseExamplesChanged() {
    let folder = makeDocs()
    let runner = FakeRunner(["print(1)\n": printed("1\n"), "2 + 2\n": printed("4\n"), "3 + 3\n": printed("6\n")])
    let cache = ExampleResultCache()
    let generator = generator(folder, runner: runner, cache: cache)
    XCTAssertTrue(generator.build().succeeded)
    XCTAssertEqual(runner.calls.count, 2)
    // Prose-only change: nothing re-runs.
    folder.write("Doc/index.md", "---\ntitle: Home Page\n---\n# Welcome, again\n\nGo to [setup](guide/setup.md#install).\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n")
    let second = generator.build()
    XCTAssertTrue(second.succeeded)
    XCTAssertEqual(runner.calls.count, 2)
    XCTAssertEqual(second.passed, 2, "cached results still count")
    XCTAssertTrue(String(decoding: second.files!["guide/setup.html"]!.contents()!, as: UTF8.self).contains("Home Page"))
    // Example change on one page: only that page re-runs.
    folder.write("Doc/guide/setup.md", "# Setup\n\n## Install\n\n```pycon\n>>> 3 + 3\n6\n```\n")
    let third = generator.build()
    XCTAssertTrue(third.succeeded)
    XCTAssertEqual(runner.calls.dropFirst(2).map(\.source), ["3 + 3\n"])
    XCTAssertEqual(third.pages.filter(\.ranExamples).map(\.path), ["guide/setup.md"])
  }

  func testThemeOverride() throws {
    let folder = makeDocs()
    folder.write("theme/page.mustache", "<html><title>{{title}}</title><body>{{{content}}}</body></html>")
    folder.write("theme/extra.css", "body{}")
    var configuration = BuildConfiguration(docs: folder.url.appendingPathComponent("Doc"), docsDisplayName: "Doc")
    configuration.theme = folder.url.appendingPathComponent("theme")
    let result = SiteGenerator(configuration: configuration,
                               runner: FakeRunner(["print(1)\n": printed("1\n"), "2 + 2\n": printed("4\n")])).build()
    let files = try XCTUnwrap(result.files)
    XCTAssertTrue(String(decoding: files["index.html"]!.contents()!, as: UTF8.self).hasPrefix("<html><title>Home Page</title><body><h1"))
    XCTAssertNotNil(files["weave-theme/extra.css"])
    XCTAssertNotNil(files["weave-theme/weave.css"], "files the override does not replace come from the default theme")
  }

  func testRebuildRendersOnlyChangedPagesAgain() {
    final class CountingHighlighter: CodeHighlighter, @unchecked Sendable {
      let highlighted = Locked<[String]>([])
      func highlight(_ code: String, language: String) -> [HighlightToken]? {
        highlighted.update { $0.append(code) }
        return nil
      }
    }
    let folder = makeDocs()
    let highlighter = CountingHighlighter()
    let generator = SiteGenerator(
      configuration: BuildConfiguration(docs: folder.url.appendingPathComponent("Doc"), docsDisplayName: "Doc"),
      runner: FakeRunner(["print(1)\n": printed("1\n"), "2 + 2\n": printed("4\n")]), highlighter: highlighter,
      cache: ExampleResultCache(), pageCache: PageCache())
    XCTAssertTrue(generator.build().succeeded)
    XCTAssertEqual(highlighter.highlighted.value.count, 3)
    folder.write("Doc/guide/setup.md", "# Setup, renamed\n\n## Install\n\n```pycon\n>>> 2 + 2\n4\n```\n")
    let second = generator.build()
    XCTAssertTrue(second.succeeded)
    XCTAssertEqual(highlighter.highlighted.value.dropFirst(3), [">>> 2 + 2\n4\n"], "only the edited page is rendered again")
    let index = String(decoding: second.files!["index.html"]!.contents()!, as: UTF8.self)
    XCTAssertTrue(index.contains("Setup, renamed"), "other pages still get the new navigation")
  }
}
