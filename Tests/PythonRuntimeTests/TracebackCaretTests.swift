import XCTest
@testable import PythonRuntime

/// Tracebacks of uncaught exceptions with CPython 3.13+'s source excerpts:
/// caret lines under the failing part of a line, anchored at operators and
/// brackets, omitted when they would underline the whole statement, and
/// several lines for expressions spread over lines.
///
/// Expected texts were produced by CPython 3.11 with the 3.13+ formatting
/// rules of `traceback.py`; where CPython 3.12+ locates an instruction
/// differently from 3.11 (`with`, `assert`), the test says so and follows
/// the newer behaviour.
final class TracebackCaretTests: XCTestCase {
  /// Runs `source` as `prog.py` and compares the printed traceback.
  private func assertTraceback(_ source: String, _ expected: String,
                               file: StaticString = #filePath, line: UInt = #line) {
    let session = PythonSession(filename: "prog.py")
    defer { session.close() }
    let r = session.run(source + "\n", mode: .exec, firstLine: 1, timeout: 20)
    guard case .exception(let e) = r.outcome else {
      return XCTFail("expected an uncaught exception, got \(r.outcome)", file: file, line: line)
    }
    XCTAssertEqual(e.traceback, expected + "\n", file: file, line: line)
  }

  /// A failing binary operation: `^` under the operator, `~` under its operands.
  func testBinaryOperator() {
    assertTraceback(
      """
      def average(values):
          return sum(values) / len(values)

      print(average([]))
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 4, in <module>
          print(average([]))
                ~~~~~~~^^^^
        File "prog.py", line 2, in average
          return sum(values) / len(values)
                 ~~~~~~~~~~~~^~~~~~~~~~~~~
      ZeroDivisionError: division by zero
      """)
  }

  /// A failing subscript: `^` under the brackets.
  func testSubscript() {
    assertTraceback(
      """
      config = {"name": "demo"}
      port = int(config["port"]) + 1
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 2, in <module>
          port = int(config["port"]) + 1
                     ~~~~~~^^^^^^^^
      KeyError: 'port'
      """)
  }

  /// Calls are anchored at their argument parentheses; `return f(x)` spanning its line gets no carets.
  func testCall() {
    assertTraceback(
      """
      def parse(text):
          return int(text)

      numbers = [parse("1"), parse("two")]
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 4, in <module>
          numbers = [parse("1"), parse("two")]
                                 ~~~~~^^^^^^^
        File "prog.py", line 2, in parse
          return int(text)
      ValueError: invalid literal for int() with base 10: 'two'
      """)
  }

  /// Attribute access has no anchors: plain carets under the expression.
  func testAttribute() {
    assertTraceback(
      """
      class Point:
          def __init__(self, x):
              self.x = x

      p = Point(1)
      print(p.x, p.y)
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 6, in <module>
          print(p.x, p.y)
                     ^^^
      AttributeError: 'Point' object has no attribute 'y'
      """)
  }

  /// No carets where they would underline the whole statement (`raise ...`, `x = f()`, `return f()`).
  func testWholeLine() {
    assertTraceback(
      """
      def load():
          raise FileNotFoundError("settings.toml")

      def setup():
          settings = load()

      def main():
          return setup()

      main()
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 10, in <module>
          main()
          ~~~~^^
        File "prog.py", line 8, in main
          return setup()
        File "prog.py", line 5, in setup
          settings = load()
        File "prog.py", line 2, in load
          raise FileNotFoundError("settings.toml")
      FileNotFoundError: settings.toml
      """)
  }

  /// An assignment of a call spread over lines: all of its lines, no carets (3.13+).
  func testMultiLineCall() {
    assertTraceback(
      """
      def connect(host, port, timeout):
          raise ConnectionError(f"{host}:{port}")

      def main():
          connection = connect(
              "example.com",
              443,
              30,
          )

      main()
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 11, in <module>
          main()
          ~~~~^^
        File "prog.py", line 5, in main
          connection = connect(
              "example.com",
              443,
              30,
          )
        File "prog.py", line 2, in connect
          raise ConnectionError(f"{host}:{port}")
      ConnectionError: example.com:443
      """)
  }

  /// A binary operation spread over lines: each line with its caret line.
  func testMultiLineBinaryOperator() {
    assertTraceback(
      """
      total = (
          1
          + "two"
      )
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 2, in <module>
          1
          ~
          + "two"
          ^~~~~~~
      TypeError: unsupported operand type(s) for +: 'int' and 'str'
      """)
  }

  /// Several frames, each with its own anchors.
  func testNestedFrames() {
    assertTraceback(
      """
      def outer(n):
          return middle(n) * 2

      def middle(n):
          return inner(n) + 1

      def inner(n):
          return 10 // n

      outer(0)
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 10, in <module>
          outer(0)
          ~~~~~^^^
        File "prog.py", line 2, in outer
          return middle(n) * 2
                 ~~~~~~^^^
        File "prog.py", line 5, in middle
          return inner(n) + 1
                 ~~~~~^^^
        File "prog.py", line 8, in inner
          return 10 // n
                 ~~~^^~~
      ZeroDivisionError: integer division or modulo by zero
      """)
  }

  /// An exception raised inside a method called through an attribute.
  func testMethod() {
    assertTraceback(
      """
      class Account:
          def __init__(self, balance):
              self.balance = balance

          def withdraw(self, amount):
              if amount > self.balance:
                  raise ValueError("insufficient funds")
              self.balance -= amount

      account = Account(10)
      account.withdraw(50)
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 11, in <module>
          account.withdraw(50)
          ~~~~~~~~~~~~~~~~^^^^
        File "prog.py", line 7, in withdraw
          raise ValueError("insufficient funds")
      ValueError: insufficient funds
      """)
  }

  /// Wide (East Asian) characters take two columns; identifiers may be non-ASCII.
  func testUnicode() {
    assertTraceback(
      """
      名前 = {"キー": 1}
      print("値:", 名前["キー"] + 名前["なし"])
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 2, in <module>
          print("値:", 名前["キー"] + 名前["なし"])
                                      ~~~~^^^^^^^^
      KeyError: 'なし'
      """)
  }

  /// CPython compares AST byte offsets with character offsets when deciding whether `x = f(...)` spans its line, so non-ASCII text in the call keeps its carets.
  func testNonAsciiCall() {
    assertTraceback(
      """
      def greet(name):
          raise ValueError(name)

      message = greet("José")
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 4, in <module>
          message = greet("José")
                    ~~~~~^^^^^^^^
        File "prog.py", line 2, in greet
          raise ValueError(name)
      ValueError: José
      """)
  }

  /// Tab indentation is removed like spaces.
  func testTabs() {
    assertTraceback(
      """
      def f(x):
      \treturn x + "a"
      f(1)
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 3, in <module>
          f(1)
          ~^^^
        File "prog.py", line 2, in f
          return x + "a"
                 ~~^~~~~
      TypeError: unsupported operand type(s) for +: 'int' and 'str'
      """)
  }

  /// Chained exceptions use the same per-frame formatter.
  func testChained() {
    assertTraceback(
      """
      def parse(text):
          try:
              return int(text)
          except ValueError as e:
              raise RuntimeError("bad input") from e

      values = [parse("1"), parse("x")]
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 3, in parse
          return int(text)
      ValueError: invalid literal for int() with base 10: 'x'

      The above exception was the direct cause of the following exception:

      Traceback (most recent call last):
        File "prog.py", line 7, in <module>
          values = [parse("1"), parse("x")]
                                ~~~~~^^^^^
        File "prog.py", line 5, in parse
          raise RuntimeError("bad input") from e
      RuntimeError: bad input
      """)
  }

  /// Exception groups: boxed members, each formatted like a top-level exception.
  func testGroup() {
    assertTraceback(
      """
      def check(i):
          if i % 2:
              raise ValueError(f"odd {i}")
          return i

      errors = []
      for i in range(3):
          try:
              check(i)
          except ValueError as e:
              errors.append(e)
      raise ExceptionGroup("checks failed", errors + [KeyError("k")])
      """,
      """
        + Exception Group Traceback (most recent call last):
        |   File "prog.py", line 12, in <module>
        |     raise ExceptionGroup("checks failed", errors + [KeyError("k")])
        | ExceptionGroup: checks failed (2 sub-exceptions)
        +-+---------------- 1 ----------------
          | Traceback (most recent call last):
          |   File "prog.py", line 9, in <module>
          |     check(i)
          |     ~~~~~^^^
          |   File "prog.py", line 3, in check
          |     raise ValueError(f"odd {i}")
          | ValueError: odd 1
          +---------------- 2 ----------------
          | KeyError: 'k'
          +------------------------------------
      """)
  }

  /// Code run from a string has no source lines to show.
  func testExecString() {
    assertTraceback(
      """
      source = "x = 1\\ny = x + 'a'\\n"
      exec(source)
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 2, in <module>
          exec(source)
          ~~~~^^^^^^^^
        File "<string>", line 2, in <module>
      TypeError: unsupported operand type(s) for +: 'int' and 'str'
      """)
  }

  /// CPython 3.12+ locates `__enter__`/`__exit__` at the context expression (3.11 showed the whole statement and its body).
  func testWithStatement() {
    assertTraceback(
      """
      class Resource:
          def __enter__(self):
              raise OSError("unavailable")
          def __exit__(self, *exc):
              return False

      with Resource() as r:
          print("using")
          print("done")
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 7, in <module>
          with Resource() as r:
               ~~~~~~~~^^
        File "prog.py", line 3, in __enter__
          raise OSError("unavailable")
      OSError: unavailable
      """)
  }

  /// CPython 3.13+ points a failed assert at its test (3.11 pointed at the last comparison evaluated).
  func testAssertion() {
    assertTraceback(
      """
      def check(value):
          assert value > 0 and value < 10, "out of range"

      check(42)
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 4, in <module>
          check(42)
          ~~~~~^^^^
        File "prog.py", line 2, in check
          assert value > 0 and value < 10, "out of range"
                 ^^^^^^^^^^^^^^^^^^^^^^^^
      AssertionError: out of range
      """)
  }

  /// A failing decorator is located at its own expression.
  func testDecorator() {
    assertTraceback(
      """
      def register(f):
          raise TypeError("cannot register")

      @register
      def handler():
          pass
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 4, in <module>
          @register
           ^^^^^^^^
        File "prog.py", line 2, in register
          raise TypeError("cannot register")
      TypeError: cannot register
      """)
  }

  /// A class statement is located at the whole definition: first and last line, the rest abbreviated.
  func testClassDefinition() {
    assertTraceback(
      """
      class Base:
          def __init_subclass__(cls):
              raise TypeError("sealed")

      class Child(Base):
          a = 1
          b = 2
          c = 3
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 5, in <module>
          class Child(Base):
          ...<2 lines>...
              c = 3
        File "prog.py", line 3, in __init_subclass__
          raise TypeError("sealed")
      TypeError: sealed
      """)
  }

  /// Reading the target of an augmented assignment is located at the target.
  func testAugmentedAssignment() {
    assertTraceback(
      """
      counts = {}
      counts["apples"] += 1
      """,
      """
      Traceback (most recent call last):
        File "prog.py", line 2, in <module>
          counts["apples"] += 1
          ~~~~~~^^^^^^^^^^
      KeyError: 'apples'
      """)
  }

  /// Frames of the runtime's frozen modules (`<frozen threading>`) have no
  /// source: no line and no carets under their `File` lines.
  func testFrozenModuleFramesHaveNoSource() {
    let session = PythonSession(filename: "prog.py")
    defer { session.close() }
    let r = session.run("""
      import threading
      def work():
          return 1 / 0
      t = threading.Thread(target=work)
      t.start()
      t.join()

      """, timeout: 20)
    let lines = r.output.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.firstIndex(where: { $0.contains("File \"<frozen threading>\"") }) else {
      return XCTFail("no frozen frame in:\n\(r.output.stderr)")
    }
    for i in first..<lines.count - 1 where lines[i].contains("File \"<frozen") {
      XCTAssertTrue(lines[i + 1].hasPrefix("  File "), "source shown for a frozen frame:\n\(r.output.stderr)")
    }
    XCTAssertTrue(r.output.stderr.hasSuffix("""
        File "prog.py", line 3, in work
          return 1 / 0
                 ~~^~~
      ZeroDivisionError: division by zero

      """), r.output.stderr)
  }

  // MARK: The text helpers

  func testDedentRemovesTheCommonIndentOnly() {
    let text = Array("    a(\n\n      b)\n".unicodeScalars)
    XCTAssertEqual(String(String.UnicodeScalarView(TracebackText.dedent(text))), "a(\n\n  b)\n")
    let mixed = Array("\t x\n\ty\n".unicodeScalars)
    XCTAssertEqual(String(String.UnicodeScalarView(TracebackText.dedent(mixed))), " x\ny\n")
  }

  func testDisplayWidthCountsWideCharactersTwice() {
    XCTAssertEqual(TracebackText.displayWidth(Array("ab".unicodeScalars)), 2)
    XCTAssertEqual(TracebackText.displayWidth(Array("名前x".unicodeScalars)), 5)
    XCTAssertEqual(TracebackText.displayWidth(Array("😀é".unicodeScalars)), 3)
    XCTAssertEqual(TracebackText.displayWidth(Array("名前x".unicodeScalars), 1), 2)
  }

  func testAnchors() {
    func anchors(_ s: String) -> CaretAnchors.Anchors? { CaretAnchors.find(Array(s.unicodeScalars)) }
    XCTAssertEqual(anchors("a // b"), CaretAnchors.Anchors(leftLine: 0, leftCol: 2, rightLine: 0, rightCol: 4))
    // As in CPython, a second operator character is any non-space before the right operand.
    XCTAssertEqual(anchors("(a) +(b)"), CaretAnchors.Anchors(leftLine: 0, leftCol: 4, rightLine: 0, rightCol: 6))
    XCTAssertEqual(anchors("x[i]"), CaretAnchors.Anchors(leftLine: 0, leftCol: 1, rightLine: 0, rightCol: 4))
    XCTAssertEqual(anchors("f(1)(2)"), CaretAnchors.Anchors(leftLine: 0, leftCol: 4, rightLine: 0, rightCol: 7))
    XCTAssertEqual(anchors("f(\n  1)"), CaretAnchors.Anchors(leftLine: 0, leftCol: 1, rightLine: 1, rightCol: 4))
    XCTAssertNil(anchors("a.b"))
    XCTAssertNil(anchors("x += 1"))
  }
}
