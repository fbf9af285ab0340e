import XCTest
@testable import SiteBuilder

final class OutputMatcherTests: XCTestCase {
  func match(_ expected: String, _ actual: String, _ options: MatchOptions = []) -> Bool {
    OutputMatcher.matches(expected: expected, actual: actual, options: options)
  }

  func testExactMatchIgnoresOnlyTrailingSpaces() {
    XCTAssertTrue(match("a\nb\n", "a\nb\n"))
    XCTAssertTrue(match("a\nb\n", "a  \nb\t\n"))
    XCTAssertFalse(match("a\nb\n", "a\n b\n"))
    XCTAssertFalse(match("a\n", "a\n\n"), "an extra empty line is a difference")
    XCTAssertFalse(match("", "x\n"))
    XCTAssertTrue(match("", ""))
  }

  func testEllipsisMatchesAnyTextIncludingNewlines() {
    XCTAssertTrue(match("[0, 1, ..., 9]\n", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n", .ellipsis))
    XCTAssertTrue(match("start\n...\nend\n", "start\nmiddle 1\nmiddle 2\nend\n", .ellipsis))
    XCTAssertTrue(match("<object at 0x...>\n", "<object at 0x7f3a>\n", .ellipsis))
    XCTAssertTrue(match("...\n", "anything\nat all\n", .ellipsis))
    XCTAssertFalse(match("start...end\n", "start middle\n", .ellipsis))
    XCTAssertFalse(match("[0, 1, ..., 9]\n", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n"), "ellipsis needs the flag")
    // The prefix and suffix must not overlap (doctest's rule).
    XCTAssertFalse(match("aa...aa\n", "aaa\n", .ellipsis))
  }

  func testNormalizeWhitespace() {
    XCTAssertTrue(match("1 2\n3\n", "1   2 3\n", .normalizeWhitespace))
    XCTAssertTrue(match("[1,\n 2]\n", "[1, 2]\n", .normalizeWhitespace))
    XCTAssertFalse(match("1 2\n", "12\n", .normalizeWhitespace))
    XCTAssertTrue(match("a  ...  z\n", "a b c\n z\n", [.normalizeWhitespace, .ellipsis]))
  }

  func testUnorderedComparesLinesAsAMultiset() {
    XCTAssertTrue(match("a\nb\nb\n", "b\na\nb\n", .unordered))
    XCTAssertFalse(match("a\nb\nb\n", "b\na\na\n", .unordered))
    XCTAssertFalse(match("a\nb\n", "a\nb\nc\n", .unordered))
    XCTAssertTrue(match("thread ... done\nmain done\n", "main done\nthread 2 done\n", [.unordered, .ellipsis]))
    // A wildcard line must not steal the only line a literal line can match.
    XCTAssertTrue(match("...\nexact\n", "exact\nother\n", [.unordered, .ellipsis]))
  }

  func testExpectedExceptionIsTheTextAfterTheTracebackStack() {
    let expected = "Traceback (most recent call last):\n  File \"x\", line 1, in <module>\n    f()\n...\nValueError: bad value\n"
    XCTAssertEqual(OutputMatcher.expectedException(in: expected), "ValueError: bad value\n")
    XCTAssertNil(OutputMatcher.expectedException(in: "ValueError: bad\n"))
    XCTAssertNil(OutputMatcher.expectedException(in: "some output\nTraceback (most recent call last):\nX: y\n"),
                 "only output that starts with the header expects an exception")
  }

  func testExceptionMatching() {
    XCTAssertTrue(OutputMatcher.exceptionMatches(expected: "ValueError: boom\n", actualLastLine: "ValueError: boom", options: []))
    XCTAssertFalse(OutputMatcher.exceptionMatches(expected: "ValueError: boom\n", actualLastLine: "ValueError: bang", options: []))
    XCTAssertTrue(OutputMatcher.exceptionMatches(expected: "ValueError: ...\n", actualLastLine: "ValueError: bang", options: .ellipsis))
    XCTAssertTrue(OutputMatcher.exceptionMatches(expected: "mod.ValueError: x\n", actualLastLine: "ValueError: other",
                                                 options: .ignoreExceptionDetail))
    XCTAssertFalse(OutputMatcher.exceptionMatches(expected: "TypeError: x\n", actualLastLine: "ValueError: x",
                                                  options: .ignoreExceptionDetail))
  }
}

final class UnifiedDiffTests: XCTestCase {
  func testSingleChange() {
    XCTAssertEqual(UnifiedDiff.diff(expected: "a\nb\nc\n", actual: "a\nB\nc\n"),
                   "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
  }

  func testDistantChangesMakeSeparateHunks() {
    let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
    let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n").replacingOccurrences(of: "line 18\n", with: "")
    XCTAssertEqual(UnifiedDiff.diff(expected: old, actual: new), """
      --- expected
      +++ actual
      @@ -1,5 +1,5 @@
       line 1
      -line 2
      +line two
       line 3
       line 4
       line 5
      @@ -15,6 +15,5 @@
       line 15
       line 16
       line 17
      -line 18
       line 19
       line 20

      """)
  }

  func testEmptySides() {
    XCTAssertEqual(UnifiedDiff.diff(expected: "", actual: "x\n"), "--- expected\n+++ actual\n@@ -0,0 +1 @@\n+x\n")
    XCTAssertEqual(UnifiedDiff.diff(expected: "x\n", actual: ""), "--- expected\n+++ actual\n@@ -1 +0,0 @@\n-x\n")
  }

  func testMissingFinalNewlineIsShown() {
    XCTAssertEqual(UnifiedDiff.diff(expected: "a\n", actual: "a"),
                   "--- expected\n+++ actual\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end\n")
  }
}
