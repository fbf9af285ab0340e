import XCTest
@testable import SiteBuilder

final class SiteWriterTests: XCTestCase {
  func testOutputMustNotOverlapTheDocs() {
    let folder = TemporaryFolder()
    folder.write("Doc/index.md", "# Hi\n")
    let docs = folder.url.appendingPathComponent("Doc")
    func message(_ output: URL) -> String? {
      do {
        try SiteWriter.validate(output: output, docs: docs)
        return nil
      } catch {
        return error.message
      }
    }
    XCTAssertTrue(message(docs)?.contains("is the documentation folder") ?? false)
    XCTAssertTrue(message(docs.appendingPathComponent("site"))?.contains("inside the documentation folder") ?? false)
    XCTAssertTrue(message(docs.appendingPathComponent("../Doc/./x"))?.contains("inside") ?? false)
    XCTAssertTrue(message(folder.url)?.contains("contains the documentation folder") ?? false)
    XCTAssertNil(message(folder.url.appendingPathComponent("site")))
  }

  func testForeignNonEmptyFolderIsNotReplaced() {
    let folder = TemporaryFolder()
    folder.write("Doc/index.md", "# Hi\n")
    folder.write("precious/notes.txt", "keep me")
    XCTAssertThrowsError(try SiteWriter.validate(output: folder.url.appendingPathComponent("precious"),
                                                 docs: folder.url.appendingPathComponent("Doc"))) { error in
      XCTAssertTrue((error as! Diagnostic).message.contains(".weave-site"))
    }
  }

  func testWriteReplacesThePreviousSiteCompletely() throws {
    let folder = TemporaryFolder()
    let output = folder.url.appendingPathComponent("site")
    try SiteWriter.write(["index.html": .data(Data("one".utf8)), "old.html": .data(Data("old".utf8))], to: output)
    XCTAssertEqual(folder.read("site/index.html"), "one")
    XCTAssertNotNil(folder.read("site/.weave-site"))
    let asset = folder.write("logo.png", "PNG")
    try SiteWriter.write(["index.html": .data(Data("two".utf8)), "img/logo.png": .copy(asset)], to: output)
    XCTAssertEqual(folder.read("site/index.html"), "two")
    XCTAssertEqual(folder.read("site/img/logo.png"), "PNG")
    XCTAssertNil(folder.read("site/old.html"), "files of the previous build do not linger")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("weave-") }
    XCTAssertEqual(leftovers, [], "no staging folders are left behind")
    XCTAssertNoThrow(try SiteWriter.validate(output: output, docs: folder.url.appendingPathComponent("Doc")))
  }

  func testFailedWriteLeavesTheOldSite() throws {
    let folder = TemporaryFolder()
    let output = folder.url.appendingPathComponent("site")
    try SiteWriter.write(["index.html": .data(Data("good".utf8))], to: output)
    XCTAssertThrowsError(try SiteWriter.write(["index.html": .data(Data("new".utf8)),
                                               "x.png": .copy(folder.url.appendingPathComponent("missing.png"))], to: output))
    XCTAssertEqual(folder.read("site/index.html"), "good")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("weave-") }
    XCTAssertEqual(leftovers, [])
  }
}

final class ReportingTests: XCTestCase {
  func result() -> BuildResult {
    let failure = Diagnostic(file: "Doc/a.md", line: 12, message: "output differs from the expected output",
                             details: "--- expected\n+++ actual\n@@ -1 +1 @@\n-1\n+2\n")
    return BuildResult(pages: [
      PageReport(path: "a.md", displayPath: "Doc/a.md", problems: [Diagnostic(file: "Doc/a.md", line: 3, message: "broken link: 'x.md': no page x.md")],
                 examples: [ExampleResult(line: 5, status: .passed, seconds: 0.5),
                            ExampleResult(line: 12, status: .failed, failures: [failure], seconds: 0.25)], ranExamples: true),
      PageReport(path: "b.md", displayPath: "Doc/b.md", problems: [],
                 examples: [ExampleResult(line: 2, status: .skipped)], ranExamples: true),
    ], siteProblems: [], files: nil, seconds: 1)
  }

  func testCountsLine() {
    XCTAssertEqual(Reporting.countsLine(result()), "1 passed, 2 failed, 1 skipped")
    let clean = BuildResult(pages: [PageReport(path: "a.md", displayPath: "a.md", problems: [],
                                               examples: [ExampleResult(line: 1, status: .passed)], ranExamples: true)],
                            siteProblems: [], files: nil, seconds: 0)
    XCTAssertEqual(Reporting.countsLine(clean), "1 passed, 0 failed")
  }

  func testFailureReportListsEveryFailureInPageOrder() {
    XCTAssertEqual(Reporting.failureReport(result()), """
      Doc/a.md:3: broken link: 'x.md': no page x.md

      Doc/a.md:12: output differs from the expected output
          --- expected
          +++ actual
          @@ -1 +1 @@
          -1
          +2

      """)
  }

  func testJUnitXML() {
    let xml = Reporting.junitXML(result())
    XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"weave\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"1\""), xml)
    XCTAssertTrue(xml.contains("<testsuite name=\"Doc/a.md\" tests=\"3\" failures=\"2\" errors=\"0\" skipped=\"0\" time=\"0.750\">"))
    XCTAssertTrue(xml.contains("<testcase classname=\"Doc/a.md\" name=\"line 5\" file=\"Doc/a.md\" line=\"5\" time=\"0.500\"/>"))
    XCTAssertTrue(xml.contains("<failure message=\"Doc/a.md:12: output differs from the expected output\">Doc/a.md:12: output differs"))
    XCTAssertTrue(xml.contains("<testcase classname=\"Doc/b.md\" name=\"line 2\" file=\"Doc/b.md\" line=\"2\" time=\"0.000\">\n      <skipped/>"))
    XCTAssertTrue(xml.contains("name=\"line 3: broken link: &apos;x.md&apos;".replacingOccurrences(of: "&apos;", with: "'")))
    XCTAssertEqual(Reporting.xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;?")
  }

  func testGitHubAnnotationEscapesNewlinesAndProperties() {
    let diagnostic = Diagnostic(file: "Doc/a,b.md", line: 7, message: "100% wrong", details: "-1\n+2\n")
    XCTAssertEqual(diagnostic.githubAnnotation, "::error file=Doc/a%2Cb.md,line=7::100%25 wrong%0A-1%0A+2%0A")
  }
}
