import XCTest
@testable import SiteBuilder

final class ExampleExtractionTests: XCTestCase {
  func testSessionStatementsHaveTheirPromptLinesAndExpectedOutput() throws {
    let markdown = """
      Intro

      ```pycon
      >>> x = 1
      >>> def f(a):
      ...     return a + x
      ...
      >>> f(1)
      2
      >>> print("a\\n\\nb")
      a
      <BLANKLINE>
      b
      ```
      """
    let extraction = extract(markdown)
    XCTAssertEqual(extraction.errors, [])
    guard case .session(let statements)? = extraction.examples.first?.body else { return XCTFail("no session") }
    XCTAssertEqual(statements.map(\.line), [4, 5, 8, 10])
    XCTAssertEqual(statements.map(\.source), ["x = 1\n", "def f(a):\n    return a + x\n\n", "f(1)\n", "print(\"a\\n\\nb\")\n"])
    XCTAssertEqual(statements.map(\.expected), ["", "", "2\n", "a\n\nb\n"])
    XCTAssertEqual(extraction.examples[0].line, 4)
    XCTAssertEqual(extraction.examples[0].fenceLine, 3)
  }

  func testBlankLineEndsExpectedOutput() throws {
    let statements = try SessionParser.parse(">>> 1\n1\n\n>>> 2\n2\n", firstLine: 10)
    XCTAssertEqual(statements.map(\.line), [10, 13])
    XCTAssertEqual(statements.map(\.expected), ["1\n", "2\n"])
  }

  func testTextOutsideStatementsIsAnError() {
    XCTAssertThrowsError(try SessionParser.parse("hello\n>>> 1\n", firstLine: 5)) { error in
      XCTAssertEqual((error as! ExampleError).line, 5)
    }
    XCTAssertThrowsError(try SessionParser.parse(">>> 1\n1\n\nstray\n", firstLine: 5)) { error in
      XCTAssertEqual((error as! ExampleError).line, 8)
      XCTAssertTrue((error as! ExampleError).message.contains("<BLANKLINE>"))
    }
  }

  func testDoctestDirectivesOnAStatement() throws {
    let statements = try SessionParser.parse(
      ">>> list(range(9))  # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE\n[0, ..., 8]\n>>> slow()  # doctest: +SKIP\n", firstLine: 1)
    XCTAssertEqual(statements[0].flags.enabled, [.ellipsis, .normalizeWhitespace])
    XCTAssertFalse(statements[0].flags.skip)
    XCTAssertTrue(statements[1].flags.skip)
    XCTAssertThrowsError(try SessionParser.parse(">>> 1  # doctest: +ELIPSIS\n", firstLine: 3)) { error in
      XCTAssertEqual((error as! ExampleError).line, 3)
      XCTAssertTrue((error as! ExampleError).message.contains("+ELIPSIS"))
    }
  }

  func testPythonBlockIsPairedWithTheOutputBlockRightAfterIt() {
    let extraction = extract("```python\nprint(1)\n```\n\n```output\n1\n```\n\n```python\nx = 2\n```\n")
    XCTAssertEqual(extraction.errors, [])
    XCTAssertEqual(extraction.examples.count, 2)
    XCTAssertEqual(extraction.examples[0].body, .script(code: "print(1)\n", expected: ExpectedOutput(text: "1\n", fenceLine: 5)))
    XCTAssertEqual(extraction.examples[0].line, 2)
    XCTAssertEqual(extraction.examples[1].body, .script(code: "x = 2\n", expected: nil))
    XCTAssertEqual(extraction.roles, [1: .example(0), 5: .output(ofExample: 0), 9: .example(1)])
  }

  func testOutputBlockWithoutAnExampleIsAnError() {
    let extraction = extract("# T\n\n```output\n1\n```\n")
    XCTAssertEqual(extraction.errors.map(\.line), [3])
    XCTAssertTrue(extraction.errors[0].message.contains("output block with no example"))
    // Prose between the example and the output block breaks the pairing.
    let separated = extract("```python\nprint(1)\n```\n\nIt prints:\n\n```output\n1\n```\n")
    XCTAssertEqual(separated.errors.map(\.line), [7])
    // After a pycon session an output block is an orphan too.
    XCTAssertEqual(extract("```pycon\n>>> 1\n1\n```\n```output\n1\n```\n").errors.map(\.line), [5])
  }

  func testInfoStringFlags() throws {
    let flags = try InfoString.parse("python hidden timeout=2.5 +ELLIPSIS,unordered", kind: .python).flags
    XCTAssertTrue(flags.hidden)
    XCTAssertFalse(flags.skip)
    XCTAssertEqual(flags.timeout, 2.5)
    XCTAssertEqual(flags.enabled, [.ellipsis, .unordered])
    XCTAssertTrue(try InfoString.parse("pycon skip", kind: .pycon).flags.skip)
    XCTAssertTrue(try InfoString.parse("pycon +SKIP", kind: .pycon).flags.skip)
    XCTAssertEqual(try InfoString.parse("output unordered +NORMALIZE_WHITESPACE", kind: .output).flags.enabled,
                   [.unordered, .normalizeWhitespace])
  }

  func testBadFlagsAreErrorsAtTheFenceLine() {
    let extraction = extract("text\n\n```python hiden\nx = 1\n```\n\n```python timeout=abc\nx\n```\n\n```python\nx\n```\n```output skip\n```\n")
    XCTAssertEqual(extraction.errors.map(\.line), [3, 7, 14])
    XCTAssertTrue(extraction.errors[0].message.contains("unknown flag 'hiden'"))
    XCTAssertTrue(extraction.errors[1].message.contains("timeout=abc"))
    XCTAssertTrue(extraction.errors[2].message.contains("output block"))
  }

  func testOtherLanguagesAreNeverExamples() {
    let extraction = extract("```text\n>>> 1\n```\n\n```swift\nprint(1)\n```\n\n```console\n$ ls\n```\n\n```\nplain\n```\n\n    indented python\n")
    XCTAssertEqual(extraction.examples, [])
    XCTAssertEqual(extraction.errors, [])
  }

  func testExamplesInsideListsAndQuotesAreFoundInOrder() {
    let extraction = extract("1. Step\n\n   ```python\n   a = 1\n   ```\n\n> ```pycon\n> >>> a\n> 1\n> ```\n")
    XCTAssertEqual(extraction.examples.map(\.line), [4, 8])
  }

  func testEmptyPyconBlockIsAnError() {
    XCTAssertEqual(extract("```pycon\n```\n").errors.map(\.line), [1])
  }
}
