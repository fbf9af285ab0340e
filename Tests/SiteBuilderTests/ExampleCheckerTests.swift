import XCTest
@testable import SiteBuilder

final class ExampleCheckerTests: XCTestCase {
  func check(_ markdown: String, _ runner: FakeRunner, timeout: Double = 10) -> [ExampleResult] {
    let extraction = extract(markdown)
    XCTAssertEqual(extraction.errors, [])
    return ExampleChecker(runner: runner, defaultTimeout: timeout).check(extraction.examples, file: "Doc/page.md")
  }

  func testSessionPassesAndRunsStatementsInteractivelyAtTheirLines() {
    let runner = FakeRunner(["1 + 1\n": printed("2\n")])
    let results = check("# P\n\n```pycon\n>>> x = 1\n>>> 1 + 1\n2\n```\n", runner)
    XCTAssertEqual(results, [ExampleResult(line: 4, status: .passed, seconds: results[0].seconds)])
    XCTAssertEqual(runner.calls.map(\.firstLine), [4, 5])
    XCTAssertEqual(runner.calls.map(\.mode), [.interactive, .interactive])
    XCTAssertEqual(runner.calls.map(\.timeout), [10, 10])
  }

  func testAllExamplesOfAPageShareOneSessionInPageOrder() {
    let runner = FakeRunner()
    _ = check("```python\na = 1\n```\n\ntext\n\n```pycon\n>>> b = a\n```\n\n```python\nc = b\n```\n", runner)
    XCTAssertEqual(runner.calls.map(\.source), ["a = 1\n", "b = a\n", "c = b\n"])
    XCTAssertEqual(Set(runner.calls.map(\.session)), [1])
    XCTAssertEqual(runner.calls.map(\.mode), [.exec, .interactive, .exec])
    XCTAssertEqual(runner.calls.map(\.firstLine), [2, 8, 12])
  }

  func testWrongOutputFailsAtTheStatementLineWithADiff() {
    let runner = FakeRunner(["f()\n": printed("2\n")])
    let results = check("```pycon\n>>> x = 1\n>>> f()\n3\n>>> g()\n```\n", runner)
    XCTAssertEqual(results[0].status, .failed)
    XCTAssertEqual(results[0].failures.count, 1)
    let failure = results[0].failures[0]
    XCTAssertEqual(failure.headline, "Doc/page.md:3: output differs from the expected output")
    XCTAssertEqual(failure.details, "--- expected\n+++ actual\n@@ -1 +1 @@\n-3\n+2\n")
    XCTAssertEqual(runner.calls.count, 3, "the session goes on after a failure, like doctest")
  }

  func testScriptOutputIsComparedWithTheOutputBlock() {
    let runner = FakeRunner(["print('a')\nprint('b')\n": printed("a\nc\n")])
    let results = check("```python\nprint('a')\nprint('b')\n```\n\n```output\na\nb\n```\n", runner)
    XCTAssertEqual(results[0].status, .failed)
    XCTAssertEqual(results[0].failures[0].line, 2)
    XCTAssertTrue(results[0].failures[0].details.contains("-b\n+c\n"))
  }

  func testScriptWithoutOutputBlockMustPrintNothing() {
    let runner = FakeRunner(["print('hi')\n": printed("hi\n")])
    let results = check("```python\nprint('hi')\n```\n", runner)
    XCTAssertEqual(results[0].status, .failed)
    XCTAssertTrue(results[0].failures[0].message.contains("no ```output block"))
  }

  func testUncaughtExceptionIsReportedAtTheRuntimesLine() {
    let runner = FakeRunner(["def f():\n    raise KeyError('k')\nf()\n": raised("KeyError: 'k'", line: 3)])
    let results = check("text\n\n```python\ndef f():\n    raise KeyError('k')\nf()\n```\n", runner)
    XCTAssertEqual(results[0].status, .failed)
    XCTAssertEqual(results[0].failures[0].line, 3)
    XCTAssertEqual(results[0].failures[0].message, "uncaught exception KeyError: 'k'")
    XCTAssertTrue(results[0].failures[0].details.hasPrefix("Traceback (most recent call last):"))
    // Without a line from the runtime, the block's first code line is used.
    let noLine = FakeRunner(["boom()\n": raised("NameError: name 'boom' is not defined")])
    XCTAssertEqual(check("\n```python\nboom()\n```\n", noLine)[0].failures[0].line, 3)
  }

  func testExpectedExceptionInASession() {
    let source = "int('x')\n"
    let runner = FakeRunner([source: raised("ValueError: invalid literal for int() with base 10: 'x'", line: 2, stdout: "ignored\n")])
    let good = check("```pycon\n>>> int('x')\nTraceback (most recent call last):\n  ...\nValueError: invalid literal for int() with base 10: 'x'\n```\n", runner)
    XCTAssertEqual(good[0].status, .passed)
    let detail = check("```pycon\n>>> int('x')  # doctest: +IGNORE_EXCEPTION_DETAIL\nTraceback (most recent call last):\nValueError: something else\n```\n",
                       FakeRunner(["int('x')  # doctest: +IGNORE_EXCEPTION_DETAIL\n": raised("ValueError: nope")]))
    XCTAssertEqual(detail[0].status, .passed)
    let wrong = check("```pycon\n>>> int('x')\nTraceback (most recent call last):\nTypeError: x\n```\n", runner)
    XCTAssertEqual(wrong[0].status, .failed)
    XCTAssertEqual(wrong[0].failures[0].message, "raised a different exception than expected")
    XCTAssertTrue(wrong[0].failures[0].details.contains("-TypeError: x\n+ValueError: invalid literal"))
  }

  func testExpectedExceptionInAScriptWithOutputBlock() {
    let code = "print('before')\nraise RuntimeError('stop')\n"
    let runner = FakeRunner([code: raised("RuntimeError: stop", line: 3, stdout: "before\n")])
    let results = check("```python\n\(code)```\n\n```output\nTraceback (most recent call last):\n  ...\nRuntimeError: stop\n```\n", runner)
    XCTAssertEqual(results[0].status, .passed, "output printed before the exception is ignored, as doctest does")
    let completed = check("```python\nx = 1\n```\n\n```output\nTraceback (most recent call last):\nRuntimeError: stop\n```\n", FakeRunner())
    XCTAssertEqual(completed[0].failures.first?.message, "expected an exception, but the example completed")
  }

  func testUnexpectedExceptionInASessionShowsTheTracebackInTheDiff() {
    let runner = FakeRunner(["1/0\n": raised("ZeroDivisionError: division by zero", line: 7)])
    let results = check("\n\n\n\n\n```pycon\n>>> 1/0\n1\n```\n", runner)
    XCTAssertEqual(results[0].failures[0].line, 7)
    XCTAssertTrue(results[0].failures[0].details.contains("+ZeroDivisionError: division by zero"))
    XCTAssertTrue(results[0].failures[0].details.contains("-1"))
  }

  func testSyntaxErrorReportsThePageLineOfTheError() {
    let runner = FakeRunner(["x = 1\ny = (\n": ExampleRunResult(outcome: .syntaxError(
      typeName: "SyntaxError", message: "'(' was never closed", line: 6,
      formatted: "  File \"Doc/page.md\", line 6\n    y = (\n        ^\nSyntaxError: '(' was never closed\n"))])
    let results = check("# T\n\n\n```python\nx = 1\ny = (\n```\n", runner)
    XCTAssertEqual(results[0].failures[0].headline, "Doc/page.md:6: SyntaxError in example: '(' was never closed")
    XCTAssertTrue(results[0].failures[0].details.contains("line 6"))
  }

  func testTimeOutIsReportedWithStacksAndThePageGoesOn() {
    let runner = FakeRunner(["spin()\n": ExampleRunResult(
      outcome: .timedOut(seconds: 2, stacks: ["Thread 1:\n  File \"Doc/page.md\", line 2, in spin\n"]))])
    runner.poisoning = ["spin()\n"]
    let results = check("```python timeout=2\nspin()\n```\n\n```python\nafter = 1\n```\n", runner)
    XCTAssertEqual(results.map(\.status), [.failed, .passed])
    let failure = results[0].failures[0]
    XCTAssertEqual(failure.headline, "Doc/page.md:2: example timed out after 2 s")
    XCTAssertTrue(failure.details.contains("Thread 1:"))
    XCTAssertTrue(failure.details.contains("timeout=SECONDS"))
    XCTAssertTrue(failure.details.contains("fresh Python session"))
    XCTAssertEqual(runner.calls.map(\.timeout), [2, 10])
    XCTAssertEqual(runner.calls.map(\.session), [1, 2], "an unusable session is replaced")
  }

  func testSkippedExamplesAreNotRunAndCounted() {
    let runner = FakeRunner()
    let results = check("```python skip\nnever()\n```\n\n```output\nx\n```\n\n```pycon +SKIP\n>>> never()\n```\n\n```pycon\n>>> a = 1\n>>> never()  # doctest: +SKIP\n```\n", runner)
    XCTAssertEqual(results.map(\.status), [.skipped, .skipped, .passed])
    XCTAssertEqual(runner.calls.map(\.source), ["a = 1\n"])
  }

  func testPageWithOnlySkippedExamplesStartsNoSession() {
    let runner = FakeRunner()
    XCTAssertEqual(check("```python skip\nx\n```\n", runner).map(\.status), [.skipped])
    XCTAssertEqual(runner.sessionCount, 0)
  }

  func testHiddenExamplesRun() {
    let runner = FakeRunner()
    XCTAssertEqual(check("```python hidden\nsetup = 1\n```\n", runner).map(\.status), [.passed])
    XCTAssertEqual(runner.calls.count, 1)
  }

  func testBlockFlagsApplyToEveryStatementAndLineDirectivesCanUndoThem() {
    let runner = FakeRunner(["list(range(10))\n": printed("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n"),
                             "'...'  # doctest: -ELLIPSIS\n": printed("'abc'\n")])
    let results = check("```pycon +ELLIPSIS\n>>> list(range(10))\n[0, ..., 9]\n>>> '...'  # doctest: -ELLIPSIS\n'...'\n```\n", runner)
    XCTAssertEqual(results[0].failures.map(\.line), [4])
  }

  func testOutputBlockFlags() {
    let code = "for t in threads: t.start()\n"
    let runner = FakeRunner([code: printed("worker 2 done\nworker 1 done\n")])
    XCTAssertEqual(check("```python\n\(code)```\n```output unordered\nworker 1 done\nworker 2 done\n```\n", runner)[0].status, .passed)
    XCTAssertEqual(check("```python\n\(code)```\n```output\nworker 1 done\nworker 2 done\n```\n", runner)[0].status, .failed)
    XCTAssertEqual(check("```python\n\(code)```\n```output +ELLIPSIS\nworker ...\n```\n", runner)[0].status, .passed)
  }
}
