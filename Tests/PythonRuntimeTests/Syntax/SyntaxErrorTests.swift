import XCTest
@testable import PythonRuntime

/// Error messages and locations, checked against CPython. Most rows are exactly
/// what CPython 3.11 reports; rows marked with a comment differ on purpose
/// (CPython 3.12+ wording, or 3.11 location quirks at end of input).
final class SyntaxErrorTests: XCTestCase {
  typealias Row = (source: String, mode: ParseMode, kind: SyntaxErrorInfo.Kind, msg: String, line: Int, offset: Int,
                   incomplete: Bool)

  static let rows: [Row] = [
    ("x = (1,\ny = 2", .exec, .syntax, "'(' was never closed", 1, 5, true),
    ("x = [1, 2)", .exec, .syntax, "closing parenthesis ')' does not match opening parenthesis '['", 1, 10, false),
    ("x = 1)", .exec, .syntax, "unmatched ')'", 1, 6, false),
    ("if x:\n  pass\n    y", .exec, .indentation, "unexpected indent", 3, 4, false),
    ("if x:\n    a\n  b", .exec, .indentation, "unindent does not match any outer indentation level", 3, 4, false),
    ("if x:\npass", .exec, .indentation, "expected an indented block after 'if' statement on line 1", 2, 1, false),
    ("def f():\nx", .exec, .indentation, "expected an indented block after function definition on line 1", 2, 1, false),
    ("s = 'abc", .exec, .syntax, "unterminated string literal (detected at line 1)", 1, 5, false),
    ("s = '''abc\n", .exec, .syntax, "unterminated triple-quoted string literal (detected at line 1)", 1, 5, true),
    ("if x\n  pass", .exec, .syntax, "expected ':'", 1, 5, false),
    ("print(a b)", .exec, .syntax, "invalid syntax. Perhaps you forgot a comma?", 1, 7, false),
    ("1 = x", .exec, .syntax, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("f() = 1", .exec, .syntax, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("a + 1 = 2", .exec, .syntax, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("(a, 1) = x", .exec, .syntax, "cannot assign to literal", 1, 5, false),
    ("x = f() = 1", .exec, .syntax, "cannot assign to function call", 1, 5, false),
    ("f(a=1, b)", .exec, .syntax, "positional argument follows keyword argument", 1, 9, false),
    ("x = 1 … 2", .exec, .syntax, "invalid character '…' (U+2026)", 1, 7, false),
    ("x = 0777", .exec, .syntax, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, false),
    ("x = 1_", .exec, .syntax, "invalid decimal literal", 1, 6, false),
    ("x = 1__0", .exec, .syntax, "invalid decimal literal", 1, 6, false),
    ("x = 0x", .exec, .syntax, "invalid hexadecimal literal", 1, 6, false),
    ("x = 1e", .exec, .syntax, "invalid decimal literal", 1, 5, false),
    ("x = 12abc", .exec, .syntax, "invalid decimal literal", 1, 6, false),
    ("x = 0b102", .exec, .syntax, "invalid digit '2' in binary literal", 1, 9, false),
    ("x = 0o8", .exec, .syntax, "invalid digit '8' in octal literal", 1, 7, false),
    ("f'{x!z}'", .exec, .syntax, "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'", 1, 6, false),  // CPython 3.11: f-string: invalid conversion character: expected 's', 'r', or 'a'|1|9
    ("f'}'", .exec, .syntax, "f-string: single '}' is not allowed", 1, 3, false),  // CPython 3.11: f-string: single '}' is not allowed|1|5
    ("b'é'", .exec, .syntax, "bytes can only contain ASCII literal characters", 1, 1, false),
    ("b'a' 'b'", .exec, .syntax, "cannot mix bytes and nonbytes literals", 1, 9, false),
    ("x = = 1\ns = 'abc", .exec, .syntax, "unterminated string literal (detected at line 2)", 2, 5, false),
    ("for x in y:", .exec, .indentation, "expected an indented block after 'for' statement on line 1", 1, 12, true),
    ("class C", .exec, .syntax, "expected ':'", 1, 8, false),
    ("while True", .exec, .syntax, "expected ':'", 1, 11, false),
    ("def f(:", .exec, .syntax, "invalid syntax", 1, 7, false),
    ("x = (1 +\n2", .exec, .syntax, "'(' was never closed", 1, 5, true),
    ("  x = 1", .exec, .indentation, "unexpected indent", 1, 2, false),
    ("if True:\n\tx = 1\n        y = 2", .exec, .tab, "inconsistent use of tabs and spaces in indentation", 3, 1, false),
    ("del f()", .exec, .syntax, "cannot delete function call", 1, 5, false),
    ("(x := 1) = 2", .exec, .syntax, "cannot assign to named expression here. Maybe you meant '==' instead of '='?", 1, 2, false),
    ("x := 1", .exec, .syntax, "invalid syntax", 1, 3, false),
    ("a, b += 1", .exec, .syntax, "'tuple' is an illegal expression for augmented assignment", 1, 1, false),
    ("f(**k, *a)", .exec, .syntax, "iterable argument unpacking follows keyword argument unpacking", 1, 8, false),
    ("f(x for x in y, 1)", .exec, .syntax, "Generator expression must be parenthesized", 1, 3, false),
    ("import a.b as", .exec, .syntax, "invalid syntax", 1, 14, false),
    ("from . import *, a", .exec, .syntax, "invalid syntax", 1, 16, false),
    ("def f(*): pass", .exec, .syntax, "named arguments must follow bare *", 1, 7, false),
    ("def f(**k, a): pass", .exec, .syntax, "arguments cannot follow var-keyword argument", 1, 12, false),
    ("x = 1 if 2", .exec, .syntax, "expected 'else' after 'if' expression", 1, 5, false),
    ("True = 1", .exec, .syntax, "cannot assign to True", 1, 1, false),
    ("f(True=1)", .exec, .syntax, "cannot assign to True", 1, 3, false),
    ("x = '\\N{BOGUS}'", .exec, .syntax, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: unknown Unicode character name", 1, 16, false),
    ("x = '\\x4'", .exec, .syntax, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 10, false),
    ("try:\n  pass", .exec, .syntax, "expected 'except' or 'finally' block", 2, 7, true),
    ("try:\n  pass\nx = 1", .exec, .syntax, "expected 'except' or 'finally' block", 3, 1, false),
    ("else:\n  pass", .exec, .syntax, "invalid syntax", 1, 1, false),
    ("with a as f():\n  pass", .exec, .syntax, "cannot assign to function call", 1, 11, false),
    ("print \"hello\"", .exec, .syntax, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, false),
    ("a b c", .exec, .syntax, "invalid syntax", 1, 3, false),
    ("x = [1 2]", .exec, .syntax, "invalid syntax. Perhaps you forgot a comma?", 1, 6, false),
    ("match x:\n  case 1 + 1: pass", .exec, .syntax, "imaginary number required in complex literal", 2, 12, false),
    ("match x:\n  case {**rest, 'a': 1}: pass", .exec, .syntax, "invalid syntax", 2, 17, false),
    ("async = 1", .exec, .syntax, "invalid syntax", 1, 7, false),
    ("del *a", .exec, .syntax, "cannot delete starred", 1, 5, false),
    ("\\", .exec, .syntax, "unexpected EOF while parsing", 1, 2, true),
    ("x = 1 \\", .exec, .syntax, "unexpected EOF while parsing", 1, 8, true),
    ("x = 1 \\ y", .exec, .syntax, "unexpected character after line continuation character", 1, 8, false),
    ("if x = 1:\n  pass", .exec, .syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, false),
    ("if x.y = 1:\n  pass", .exec, .syntax, "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4, false),
    ("f(a.b=1)", .exec, .syntax, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, false),
    ("f(a+1=1)", .exec, .syntax, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, false),
    ("{1: 2, 3}", .exec, .syntax, "':' expected after dictionary key", 1, 8, false),
    ("{1: 2, 3:}", .exec, .syntax, "expression expected after dictionary key and ':'", 1, 9, false),
    ("x = $", .exec, .syntax, "invalid syntax", 1, 5, false),
    ("x = 1 +", .exec, .syntax, "invalid syntax", 1, 8, false),
    ("def f(x):\nreturn x", .exec, .indentation, "expected an indented block after function definition on line 1", 2, 1, false),
    ("class A:", .exec, .indentation, "expected an indented block after class definition on line 1", 1, 9, true),
    ("while x:", .exec, .indentation, "expected an indented block after 'while' statement on line 1", 1, 9, true),
    ("with x:", .exec, .indentation, "expected an indented block after 'with' statement on line 1", 1, 8, true),
    ("try:", .exec, .indentation, "expected an indented block after 'try' statement on line 1", 1, 5, true),
    ("try:\n  x\nexcept:", .exec, .indentation, "expected an indented block after 'except' statement on line 3", 3, 8, true),
    ("try:\n  x\nfinally:", .exec, .indentation, "expected an indented block after 'finally' statement on line 3", 3, 9, true),
    ("if x:\n  pass\nelse:", .exec, .indentation, "expected an indented block after 'else' statement on line 3", 3, 6, true),
    ("if x:\n  pass\nelif y:", .exec, .indentation, "expected an indented block after 'elif' statement on line 3", 3, 8, true),
    ("for x in range(10):\n  pass\nelse:", .exec, .indentation, "expected an indented block after 'else' statement on line 3", 3, 6, true),
    ("match x:\n  case 1:", .exec, .indentation, "expected an indented block after 'case' statement on line 2", 2, 10, true),
    ("for 1 in x: pass", .exec, .syntax, "cannot assign to literal", 1, 5, false),
    ("for f() in x: pass", .exec, .syntax, "cannot assign to function call", 1, 5, false),
    ("for a + b in x: pass", .exec, .syntax, "cannot assign to expression", 1, 5, false),
    ("[x for 1 in y]", .exec, .syntax, "cannot assign to literal", 1, 8, false),
    ("x = yield = 1", .exec, .syntax, "assignment to yield expression not possible", 1, 5, false),
    ("(a, b) += 1", .exec, .syntax, "'tuple' is an illegal expression for augmented assignment", 1, 1, false),
    ("[a, b]: int = 1", .exec, .syntax, "only single target (not list) can be annotated", 1, 1, false),
    ("a, b: int", .exec, .syntax, "only single target (not tuple) can be annotated", 1, 1, false),
    ("f(): int", .exec, .syntax, "illegal target for annotation", 1, 1, false),
    ("import", .exec, .syntax, "invalid syntax", 1, 7, false),
    ("from x import", .exec, .syntax, "invalid syntax", 1, 14, false),
    ("from x import a,", .exec, .syntax, "trailing comma not allowed without surrounding parentheses", 1, 17, false),
    ("from x import (a,\nb", .exec, .syntax, "'(' was never closed", 1, 15, true),
    ("def f(a=1, /, b): pass", .exec, .syntax, "parameter without a default follows parameter with a default", 1, 15, false),  // CPython 3.11: non-default argument follows default argument|1|15
    ("def f(/, a): pass", .exec, .syntax, "at least one argument must precede /", 1, 7, false),
    ("def f(a, /, b, /): pass", .exec, .syntax, "/ may appear only once", 1, 16, false),
    ("def f(*a, *b): pass", .exec, .syntax, "* argument may appear only once", 1, 11, false),
    ("def f(*, **k): pass", .exec, .syntax, "named arguments must follow bare *", 1, 7, false),
    ("x = [", .exec, .syntax, "'[' was never closed", 1, 5, true),
    ("x = {\n  'a': 1,", .exec, .syntax, "'{' was never closed", 1, 5, true),
    ("x = \"\"\"abc\ndef", .exec, .syntax, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, true),
    ("if x:", .single, .indentation, "expected an indented block after 'if' statement on line 1", 1, 6, true),  // CPython 3.11: expected an indented block after 'if' statement on line 1|1|5
    ("x = (1,", .single, .syntax, "'(' was never closed", 1, 5, true),
    ("1 +", .single, .syntax, "invalid syntax", 1, 4, false),  // CPython 3.11: invalid syntax|1|0
    ("x = 1\ny = 2", .single, .syntax, "multiple statements found while compiling a single statement", 1, 6, false),
    ("1 +", .eval, .syntax, "invalid syntax", 1, 4, false),  // CPython 3.11: invalid syntax|1|0
    ("x = 1", .eval, .syntax, "invalid syntax", 1, 3, false),
    (" 1", .eval, .indentation, "unexpected indent", 1, 1, false),
    ("@dec", .exec, .syntax, "invalid syntax", 1, 5, true),  // CPython 3.11: invalid syntax|1|0
    ("@dec\nx = 1", .exec, .syntax, "invalid syntax", 2, 1, false),
    ("print(f\"{x!}\")", .exec, .syntax, "f-string: missing conversion character", 1, 12, false),  // CPython 3.11: f-string: invalid conversion character: expected 's', 'r', or 'a'|1|14
    ("print(f\"{x:{y}\")", .exec, .syntax, "f-string: expecting '}'", 1, 15, false),  // CPython 3.11: f-string: expecting '}'|1|16
    ("f'{'", .exec, .syntax, "f-string: expecting '}'", 1, 4, false),  // CPython 3.11: f-string: expecting '}'|1|5
    ("f'{x'", .exec, .syntax, "f-string: expecting '}'", 1, 5, false),  // CPython 3.11: f-string: expecting '}'|1|6
    ("f'{x}' f'{'", .exec, .syntax, "f-string: expecting '}'", 1, 11, false),  // CPython 3.11: f-string: expecting '}'|1|12
    ("x = 1; ; y = 2", .exec, .syntax, "invalid syntax", 1, 8, false),
    ("x = 1;;", .exec, .syntax, "invalid syntax", 1, 7, false),
    ("def f():\n    pass\n  pass", .exec, .indentation, "unindent does not match any outer indentation level", 3, 7, false),
    ("x = 5 if True else", .exec, .syntax, "invalid syntax", 1, 19, false),
    ("[*a for a in b]", .exec, .syntax, "iterable unpacking cannot be used in comprehension", 1, 2, false),
    ("{**a for a in b}", .exec, .syntax, "dict unpacking cannot be used in dict comprehension", 1, 2, false),
    ("x = not", .exec, .syntax, "invalid syntax", 1, 8, false),
    ("del x, f()", .exec, .syntax, "cannot delete function call", 1, 8, false),
    ("nonlocal = 1", .exec, .syntax, "invalid syntax", 1, 10, false),
    ("a = 1 = 2", .exec, .syntax, "cannot assign to literal", 1, 5, false),
    ("a.b.c() = 1", .exec, .syntax, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("\"a\" = 1", .exec, .syntax, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("None = 1", .exec, .syntax, "cannot assign to None", 1, 1, false),
    ("... = 1", .exec, .syntax, "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("f\"{x}\" = 1", .exec, .syntax, "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("x ===1", .exec, .syntax, "invalid syntax", 1, 5, false),
    ("print(*)", .exec, .syntax, "invalid syntax", 1, 8, false),
    ("print(**)", .exec, .syntax, "invalid syntax", 1, 9, false),
    ("a[1:2:3:4]", .exec, .syntax, "invalid syntax", 1, 8, false),
    ("a.1", .exec, .syntax, "invalid syntax", 1, 2, false),
    ("1.a", .exec, .syntax, "invalid decimal literal", 1, 2, false),
    ("1 if 2 else 3 = 4", .exec, .syntax, "cannot assign to conditional expression", 1, 1, false),
    ("not x = 1", .exec, .syntax, "cannot assign to expression", 1, 1, false),
    ("x < y = 1", .exec, .syntax, "cannot assign to comparison", 1, 1, false),
    ("-x = 1", .exec, .syntax, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("await x = 1", .exec, .syntax, "cannot assign to await expression here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("[i for i in x] = 1", .exec, .syntax, "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("{} = 1", .exec, .syntax, "cannot assign to dict literal here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("{1} = 1", .exec, .syntax, "cannot assign to set display here. Maybe you meant '==' instead of '='?", 1, 1, false),
    ("(yield) = 1", .exec, .syntax, "cannot assign to yield expression here. Maybe you meant '==' instead of '='?", 1, 2, false),
    ("lambda: 1 = 1", .exec, .syntax, "cannot assign to lambda", 1, 1, false),
    ("a and b = 1", .exec, .syntax, "cannot assign to expression", 1, 1, false),
    ("def f[T](x): pass", .exec, .syntax, "expected '('", 1, 6, false),
    ("type X = int", .exec, .syntax, "invalid syntax", 1, 6, false),
    ("except* E: pass", .exec, .syntax, "invalid syntax", 1, 1, false),
    ("try:\n  pass\nexcept* :\n  pass", .exec, .syntax, "expected one or more exception types", 3, 9, false),
    ("try:\n  pass\nexcept E:\n  pass\nexcept* F:\n  pass", .exec, .syntax, "cannot have both 'except' and 'except*' on the same 'try'", 5, 1, false),
    ("class C(x for x in y): pass", .exec, .syntax, "invalid syntax", 1, 11, false),
    ("x = 0xfor", .exec, .syntax, "invalid syntax", 1, 10, false),
    ("x = ur''", .exec, .syntax, "invalid syntax", 1, 7, false),
    ("@\ndef f(): pass", .exec, .syntax, "invalid syntax", 1, 2, false),
    ("*a, b", .eval, .syntax, "invalid syntax", 1, 1, false),
    ("def f():\n    x = 1\n     y = 2", .exec, .indentation, "unexpected indent", 3, 5, false),
    ("x = \"abc\" \"def", .exec, .syntax, "unterminated string literal (detected at line 1)", 1, 11, false),
    ("(1, 2", .exec, .syntax, "'(' was never closed", 1, 1, true),
    ("foo(", .exec, .syntax, "'(' was never closed", 1, 4, true),
    ("[1, 2,\n   3", .exec, .syntax, "'[' was never closed", 1, 1, true),
    ("x = {1: 2", .exec, .syntax, "'{' was never closed", 1, 5, true),
    ("x = 1 +", .exec, .syntax, "invalid syntax", 1, 8, false),
    ("x = )", .exec, .syntax, "unmatched ')'", 1, 5, false),
    ("f(**)", .exec, .syntax, "invalid syntax", 1, 5, false),
    ("a = 1 if else 2", .exec, .syntax, "invalid syntax", 1, 10, false),
    ("from", .exec, .syntax, "invalid syntax", 1, 5, false),
    ("import 1", .exec, .syntax, "invalid syntax", 1, 8, false),
    ("def f(x y): pass", .exec, .syntax, "invalid syntax", 1, 9, false),
    ("def (): pass", .exec, .syntax, "invalid syntax", 1, 5, false),
    ("class (): pass", .exec, .syntax, "invalid syntax", 1, 7, false),
    ("lambda x y: 1", .exec, .syntax, "invalid syntax", 1, 10, false),
    ("x.1", .exec, .syntax, "invalid syntax", 1, 2, false),
    ("a ! b", .exec, .syntax, "invalid syntax", 1, 3, false),
    ("x = `a`", .exec, .syntax, "invalid syntax", 1, 5, false),
    ("x = 1 ?", .exec, .syntax, "invalid syntax", 1, 7, false),
    ("if True:\npass", .exec, .indentation, "expected an indented block after 'if' statement on line 1", 2, 1, false),
    ("for x in y\n  pass", .exec, .syntax, "expected ':'", 1, 11, false),
    ("while x = 1: pass", .exec, .syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 7, false),
    ("with open(x) as f\n  pass\n", .exec, .syntax, "expected ':'", 1, 18, false),
  ]

  func testMessagesAndLocations() {
    for row in Self.rows {
      do {
        _ = try parsePython(row.source, mode: row.mode, filename: "<test>")
        XCTFail("no error for \(row.source.debugDescription)")
      } catch {
        let where_ = row.source.debugDescription
        XCTAssertEqual(error.msg, row.msg, where_)
        XCTAssertEqual(error.kind, row.kind, where_)
        XCTAssertEqual(error.lineno, row.line, where_)
        XCTAssertEqual(error.offset, row.offset, where_)
        XCTAssertEqual(error.isIncomplete, row.incomplete, where_)
      }
    }
  }

  private func error(_ source: String, mode: ParseMode = .exec) -> SyntaxErrorInfo? {
    do {
      _ = try parsePython(source, mode: mode, filename: "example.py")
      return nil
    } catch {
      return error
    }
  }

  func testErrorCarriesLineTextAndFilename() throws {
    let e = try XCTUnwrap(error("x = 1\ny = (2 +\nz = 3 4\n"))
    XCTAssertEqual(e.filename, "example.py")
    XCTAssertEqual(e.msg, "'(' was never closed")
    XCTAssertEqual(e.text, "y = (2 +\n")
    XCTAssertEqual(e.lineno, 2)
    XCTAssertEqual(e.offset, 5)
  }

  func testIncompleteInputIsDistinguishedFromInvalidInput() {
    let incomplete = ["if x:", "if x:\n", "(1,", "x = [\n1,", "'''abc", "x = 1 \\", "def f():\n", "class C:",
                      "for x in y:\n", "@dec", "f'''{x", "while True:\n\n", "try:\n", "match x:\n",
                      "with a:", "if x:\n  pass\nelse:"]
    for source in incomplete {
      XCTAssertEqual(error(source, mode: .single)?.isIncomplete, true, source.debugDescription)
    }
    let invalid = ["1 +", "x = )", "x = = 1", "if x pass", "'abc", "f(a b)", "1 = 2", "print 1", "x = $"]
    for source in invalid {
      let e = error(source, mode: .single)
      XCTAssertNotNil(e, source)
      XCTAssertEqual(e?.isIncomplete, false, source.debugDescription)
    }
  }

  func testExpectedIndentedBlockNamesEveryStatement() {
    let headers: [(String, String)] = [
      ("if x:", "'if' statement"), ("if x:\n  pass\nelif y:", "'elif' statement"),
      ("if x:\n  pass\nelse:", "'else' statement"), ("while x:", "'while' statement"),
      ("for x in y:", "'for' statement"), ("def f():", "function definition"),
      ("class C:", "class definition"), ("try:", "'try' statement"),
      ("try:\n  pass\nexcept E:", "'except' statement"), ("try:\n  pass\nexcept* E:", "'except*' statement"),
      ("try:\n  pass\nfinally:", "'finally' statement"), ("with a:", "'with' statement"),
      ("match x:\n  case 1:", "'case' statement"), ("match x:", "'match' statement"),
    ]
    for (header, name) in headers {
      let source = header + "\nx = 1\n"
      let e = error(source)
      let line = header.split(separator: "\n").count
      XCTAssertEqual(e?.msg, "expected an indented block after \(name) on line \(line)", source.debugDescription)
      XCTAssertEqual(e?.kind, .indentation)
      XCTAssertEqual(e?.lineno, line + 1)
    }
  }

  func testUnterminatedTripleQuotedStringReportsLastLine() {
    let e = error("x = 1\ns = '''abc\ndef\nghi")
    XCTAssertEqual(e?.msg, "unterminated triple-quoted string literal (detected at line 4)")
    XCTAssertEqual(e?.lineno, 2)
    XCTAssertEqual(e?.offset, 5)
    XCTAssertEqual(e?.isIncomplete, true)
  }

  func testTokenizerErrorsWinOverEarlierParserErrors() {
    // CPython tokenizes the rest of the file before reporting a parser error.
    XCTAssertEqual(error("x = = 1\ns = 'abc\n")?.msg, "unterminated string literal (detected at line 2)")
    // ... but an unclosed bracket only wins when the parser error is on a later line.
    XCTAssertEqual(error("x = = 1\ny = (\n")?.msg, "invalid syntax")
    XCTAssertEqual(error("y = (1,\nx = = 1\n")?.msg, "'(' was never closed")
  }

  func testNullBytes() {
    let e = error("x = 1\ny = '\u{0}'\n")
    XCTAssertEqual(e?.msg, "source code cannot contain null bytes")
    XCTAssertEqual(e?.lineno, 2)
  }

  func testInvalidCharacters() {
    XCTAssertEqual(error("x = 1 … 2")?.msg, "invalid character '…' (U+2026)")
    XCTAssertEqual(error("x = 1\u{A0}+ 2")?.msg, "invalid non-printable character U+00A0")
    XCTAssertEqual(error("x = 1 \u{7} 2")?.msg, "invalid non-printable character U+0007")
  }

  func testNestingLimits() {
    XCTAssertEqual(error(String(repeating: "(", count: 201) + String(repeating: ")", count: 201))?.msg,
                   "too many nested parentheses")
    XCTAssertNil(error(String(repeating: "(", count: 199) + String(repeating: ")", count: 199)))
    var source = ""
    for level in 0..<101 { source += String(repeating: " ", count: level) + "if x:\n" }
    source += String(repeating: " ", count: 101) + "pass\n"
    XCTAssertEqual(error(source)?.msg, "too many levels of indentation")
  }
}
