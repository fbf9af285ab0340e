import Foundation
import XCTest

/// End-to-end tests of `weave build` and `weave check` on the real binary.
final class BuildAndCheckTests: XCTestCase {
  func testHelpListsTheSubcommands() throws {
    let result = try Project().weave("--help")
    XCTAssertEqual(result.status, 0)
    for command in ["build", "check", "serve", "run"] {
      XCTAssertTrue(result.stdout.contains("  \(command) "), "missing \(command) in:\n\(result.stdout)")
    }
  }

  func testPassingSiteBuilds() throws {
    let project = Project()
    Fixtures.passing(project)
    let result = try project.weave("build")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.hasPrefix("Built 2 pages into site: 5 examples passed, 1 skipped in "), result.stdout)
    for file in ["site/index.html", "site/guide/usage.html", "site/img/logo.svg", "site/404.html", "site/search-index.js",
                 "site/weave-theme/weave.css", "site/weave-theme/weave.js"] {
      XCTAssertTrue(project.exists(file), file)
    }
    let index = try XCTUnwrap(project.read("site/index.html"))
    XCTAssertTrue(index.contains("<title>Sample</title>"))
    XCTAssertTrue(index.contains("href=\"guide/usage.html#functions\""))
    XCTAssertTrue(index.contains("✓ verified"))
    XCTAssertTrue(index.contains("example-badge skipped"))
    XCTAssertFalse(index.contains("hidden_value"), "hidden blocks are not rendered")
    XCTAssertFalse(index.contains("live.js"), "no live reload in built pages")
    XCTAssertTrue(project.read("site/search-index.js")?.contains("window.weaveSearchIndex") ?? false)
  }

  func testCheckOfAPassingSite() throws {
    let project = Project()
    Fixtures.passing(project)
    let result = try project.weave("check", "--junit", "report.xml")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.lastLine, "5 passed, 0 failed, 1 skipped")
    XCTAssertFalse(project.exists("site"), "check renders nothing")
    let junit = try XCTUnwrap(project.read("report.xml"))
    XCTAssertTrue(junit.contains("<testsuites name=\"weave\" tests=\"6\" failures=\"0\" errors=\"0\" skipped=\"1\""), junit)
    XCTAssertTrue(junit.contains("<testsuite name=\"Doc/index.md\" tests=\"4\""))
    XCTAssertTrue(junit.contains("<testcase classname=\"Doc/guide/usage.md\" name=\"line 8\""))
  }

  func testWrongOutputIsReportedWithLineAndDiff() throws {
    let project = Project()
    project.write("Doc/index.md", "# Broken\n\n```pycon\n>>> print(1 + 1)\n3\n>>> 2 * 3\n6\n```\n\n```python\nfor i in range(3):\n    print(i)\n```\n\n```output\n0\n1\n3\n```\n")
    let result = try project.weave("check")
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.lastLine, "0 passed, 2 failed")
    XCTAssertTrue(result.stderr.contains("Doc/index.md:4: output differs from the expected output\n    --- expected\n    +++ actual\n    @@ -1 +1 @@\n    -3\n    +2\n"), result.stderr)
    XCTAssertTrue(result.stderr.contains("Doc/index.md:11: output differs from the expected output"), result.stderr)
    XCTAssertTrue(result.stderr.contains("     1\n    -3\n    +2\n"), result.stderr)
  }

  func testUncaughtExceptionIsReportedAtTheRaisingLine() throws {
    let project = Project()
    project.write("Doc/index.md", "# Errors\n\n```python\ndef divide(a, b):\n    return a / b\n\ndivide(1, 0)\n```\n")
    let result = try project.weave("check")
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.lastLine, "0 passed, 1 failed")
    XCTAssertTrue(result.stderr.contains("Doc/index.md:5: uncaught exception ZeroDivisionError: division by zero"), result.stderr)
    XCTAssertTrue(result.stderr.contains("Traceback (most recent call last):"), result.stderr)
  }

  func testSyntaxErrorReportsTheMarkdownLine() throws {
    let project = Project()
    project.write("Doc/index.md", "# Syntax\n\nSome prose.\n\n```python\nx = 1\ny = (x +\n```\n\n```pycon\n>>> 1 +\n```\n")
    let result = try project.weave("check")
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.contains("Doc/index.md:7: SyntaxError in example:"), result.stderr)
    XCTAssertTrue(result.stderr.contains("Doc/index.md:11: SyntaxError in example:"), result.stderr)
    XCTAssertEqual(result.lastLine, "0 passed, 2 failed")
  }

  func testRunawayExampleTimesOutAndTheRestIsStillReported() throws {
    let project = Project()
    project.write("Doc/a.md", "# Loop\n\n```python\nwhile True:\n    pass\n```\n\n```pycon\n>>> 1 + 1\n3\n```\n")
    project.write("Doc/b.md", "# Other\n\n```pycon\n>>> 2 + 2\n5\n```\n")
    let start = Date()
    let result = try project.weave("check", "--timeout", "1")
    XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.contains("Doc/a.md:4: example timed out after 1 s"), result.stderr)
    XCTAssertTrue(result.stderr.contains("Doc/a.md:9: output differs"), result.stderr)
    XCTAssertTrue(result.stderr.contains("Doc/b.md:4: output differs"), result.stderr)
    XCTAssertEqual(result.lastLine, "0 passed, 3 failed")
  }

  func testPerBlockTimeoutOverridesTheDefault() throws {
    let project = Project()
    project.write("Doc/index.md", "# T\n\n```python timeout=1\nwhile True:\n    pass\n```\n")
    let result = try project.weave("check", "--timeout", "60")
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.contains("Doc/index.md:4: example timed out after 1 s"), result.stderr)
  }

  func testBrokenLinkFailsTheBuild() throws {
    let project = Project()
    project.write("Doc/index.md", "# Home\n\n## Here\n\nSee [there](other.md#nowhere)\nand [here](#here) and [gone](gone.md).\n")
    project.write("Doc/other.md", "# Other\n")
    let result = try project.weave("build")
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.contains("Doc/index.md:5: broken link: no heading with id '#nowhere' on other.md"), result.stderr)
    XCTAssertTrue(result.stderr.contains("Doc/index.md:6: broken link: 'gone.md': no page gone.md"), result.stderr)
    XCTAssertFalse(result.stderr.contains("#here"))
    XCTAssertFalse(project.exists("site"))
  }

  func testBadPagesAreReportedWithTheirLine() throws {
    let project = Project()
    var latin1 = Array("# Café\n\nLine three\nna\u{EF}ve: ".utf8)
    latin1 += [0x63, 0x61, 0x66, 0xE9, 0x0A]  // "café" in Latin-1 on line 4
    project.write("Doc/latin.md", Data(latin1))
    project.write("Doc/fence.md", "# Fence\n\nText.\n\n```python\nprint('never closed')\n\nMore text.\n")
    project.write("Doc/orphan.md", "# Orphan\n\n```output\n1\n```\n")
    let result = try project.weave("build")
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.contains("Doc/latin.md:4: not valid UTF-8"), result.stderr)
    XCTAssertTrue(result.stderr.contains("Doc/fence.md:5: unterminated code fence"), result.stderr)
    XCTAssertTrue(result.stderr.contains("Doc/orphan.md:3: output block with no example before it"), result.stderr)
    XCTAssertFalse(project.exists("site"))
  }

  func testMissingDocsFolder() throws {
    let result = try Project().weave("build", "NoSuchDocs")
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.contains("NoSuchDocs: documentation folder not found"), result.stderr)
    let check = try Project().weave("check", "NoSuchDocs")
    XCTAssertEqual(check.status, 1)
    XCTAssertEqual(check.lastLine, "0 passed, 1 failed")
  }

  func testUnknownOptionIsAUsageError() throws {
    let project = Project()
    Fixtures.passing(project)
    for command in ["build", "check", "serve"] {
      let result = try project.weave(command, "--frobnicate")
      XCTAssertEqual(result.status, 64, command)
      XCTAssertTrue(result.stderr.contains("Unknown option '--frobnicate'"), result.stderr)
    }
    let badValue = try project.weave("check", "--timeout", "-3")
    XCTAssertEqual(badValue.status, 64)
  }

  func testFailedBuildLeavesTheExistingSiteExactlyAsItWas() throws {
    let project = Project()
    Fixtures.passing(project)
    XCTAssertEqual(try project.weave("build", "--output", "public").status, 0)
    let before = project.fingerprint("public")
    XCTAssertFalse(before.isEmpty)
    project.write("Doc/index.md", Fixtures.passingIndex.replacingOccurrences(of: ">>> 6 * 7\n42", with: ">>> 6 * 7\n41"))
    project.write("Doc/new.md", "# New page\n")
    let result = try project.weave("build", "--output", "public")
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.contains("public was not changed"), result.stderr)
    XCTAssertEqual(project.fingerprint("public"), before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.url.path).filter { $0.hasPrefix(".") }
    XCTAssertEqual(leftovers, [], "no temporary folders are left next to the output")
  }

  func testOutputInsideTheDocsIsRefused() throws {
    let project = Project()
    Fixtures.passing(project)
    let result = try project.weave("build", "Doc", "--output", "Doc/site")
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.stderr.contains("inside the documentation folder"), result.stderr)
    let same = try project.weave("build", "Doc", "--output", "Doc")
    XCTAssertEqual(same.status, 64)
    XCTAssertFalse(project.exists("Doc/site"))
  }

  func testGitHubActionsAnnotations() throws {
    let project = Project()
    project.write("Doc/index.md", "# A\n\n```pycon\n>>> 1\n2\n```\n")
    let result = try project.weave("check", environment: ["GITHUB_ACTIONS": "true"])
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stdout.contains("::error file=Doc/index.md,line=4::output differs from the expected output%0A--- expected"), result.stdout)
    XCTAssertEqual(result.lastLine, "0 passed, 1 failed")
  }

  func testJUnitReportOfFailures() throws {
    let project = Project()
    project.write("Doc/index.md", "# A\n\n[x](missing.md)\n\n```pycon\n>>> 1\n2\n>>> 3\n3\n```\n\n```python skip\nx\n```\n")
    let result = try project.weave("check", "--junit", "out/junit.xml")
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertFalse(project.exists("out/junit.xml"), "an unwritable path is reported") // out/ does not exist
    XCTAssertTrue(result.stderr.contains("cannot write the JUnit report"), result.stderr)
    let written = try project.weave("check", "--junit", "junit.xml")
    let xml = try XCTUnwrap(project.read("junit.xml"))
    XCTAssertEqual(written.lastLine, "0 passed, 1 failed, 1 skipped")
    XCTAssertTrue(xml.contains("<testsuite name=\"Doc/index.md\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"1\""), xml)
    XCTAssertTrue(xml.contains("<testcase classname=\"Doc/index.md\" name=\"line 6\" file=\"Doc/index.md\" line=\"6\""), xml)
    XCTAssertTrue(xml.contains("<failure message=\"Doc/index.md:6: output differs from the expected output\">"), xml)
    XCTAssertTrue(xml.contains("    -2\n    +1</failure>"), xml)
  }
}
