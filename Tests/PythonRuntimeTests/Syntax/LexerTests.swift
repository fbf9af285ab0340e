import XCTest
@testable import PythonRuntime

final class LexerTests: XCTestCase {
  private func kinds(_ source: String) -> [TokenKind] {
    var lexer = Lexer(scalars: Lexer.scalars(of: source))
    lexer.tokenize()
    return lexer.tokens.map(\.kind)
  }

  private func lexError(_ source: String) -> String? {
    var lexer = Lexer(scalars: Lexer.scalars(of: source))
    lexer.tokenize()
    return lexer.error?.msg
  }

  func testIndentationProducesIndentAndDedent() {
    XCTAssertEqual(kinds("if x:\n    y\n\n  # comment\nz\n"),
                   [.kwIf, .name, .colon, .newline, .indent, .name, .newline, .dedent, .name, .newline, .endMarker])
    // Tabs count to the next multiple of 8, and must agree with a tab size of 1 (else TabError).
    XCTAssertEqual(kinds("if x:\n\ty\n\tz\n"),
                   [.kwIf, .name, .colon, .newline, .indent, .name, .newline, .name, .newline, .dedent, .endMarker])
    XCTAssertEqual(lexError("if x:\n    a\n  b\n"), "unindent does not match any outer indentation level")
    XCTAssertEqual(lexError("if x:\n\ta\n        b\n"), "inconsistent use of tabs and spaces in indentation")
    XCTAssertEqual(lexError("if x:\n        a\n\tb\n"), "inconsistent use of tabs and spaces in indentation")
    XCTAssertEqual(lexError("if x:\n  \ta\n  \tb\n"), nil)
    XCTAssertEqual(lexError("if x:\n    \ta\n\t    b\n"), "inconsistent use of tabs and spaces in indentation")
  }

  func testImplicitAndExplicitLineJoining() {
    XCTAssertEqual(kinds("x = (1,\n\n  2)\n"),
                   [.name, .equal, .lpar, .number, .comma, .number, .rpar, .newline, .endMarker])
    XCTAssertEqual(kinds("x = 1 + \\\n  2"), [.name, .equal, .number, .plus, .number, .newline, .endMarker])
    XCTAssertEqual(lexError("x = 1 \\ 2"), "unexpected character after line continuation character")
  }

  func testNumbers() {
    for valid in ["1_000", "0x_fF", "0o17", "0B1", "1.", ".5", "1e10", "1E-5", "1.5j", "10J", "0", "00", "0.0",
                  "0777.5", "0777e1", "0777j", "1_0.0_1e1_0"] {
      XCTAssertEqual(kinds(valid), [.number, .newline, .endMarker], valid)
    }
    XCTAssertEqual(lexError("0777"),
                   "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
    XCTAssertEqual(lexError("1_"), "invalid decimal literal")
    XCTAssertEqual(lexError("1__0"), "invalid decimal literal")
    XCTAssertEqual(lexError("12abc"), "invalid decimal literal")
    XCTAssertEqual(lexError("0x"), "invalid hexadecimal literal")
    XCTAssertEqual(lexError("0b12"), "invalid digit '2' in binary literal")
    XCTAssertEqual(lexError("0o78"), "invalid digit '8' in octal literal")
    XCTAssertEqual(lexError("0x1g"), "invalid hexadecimal literal")
    // A keyword directly after a number is allowed (with a warning in CPython).
    XCTAssertEqual(kinds("1if x else 2")[0...1], [.number, .kwIf])
  }

  func testStringsAndPrefixes() {
    for valid in ["'a'", "\"a\"", "'''a\n'''", "r'\\''", "b'x'", "Rb'x'", "bR'x'", "u'x'", "'a\\\nb'"] {
      XCTAssertEqual(kinds(valid), [.string, .newline, .endMarker], valid)
    }
    XCTAssertEqual(kinds("ub'x'")[0], .name)
    XCTAssertEqual(lexError("'abc"), "unterminated string literal (detected at line 1)")
    // A raw string cannot end in an odd backslash: it escapes the quote.
    XCTAssertEqual(lexError("r'\\'"), "unterminated string literal (detected at line 1)")
    XCTAssertEqual(lexError("x = '''a\nb\n"), "unterminated triple-quoted string literal (detected at line 2)")
  }

  func testFStringTokens() {
    XCTAssertEqual(kinds("f'a{x!r:>{w}}b'"),
                   [.fstringStart, .fstringMiddle, .lbrace, .name, .exclamation, .name, .colon, .fstringMiddle,
                    .lbrace, .name, .rbrace, .rbrace, .fstringMiddle, .fstringEnd, .newline, .endMarker])
    // PEP 701: the same quote may be reused inside a replacement field.
    XCTAssertEqual(kinds("f'{'a' + f'{x}'}'"),
                   [.fstringStart, .lbrace, .string, .plus, .fstringStart, .lbrace, .name, .rbrace, .fstringEnd,
                    .rbrace, .fstringEnd, .newline, .endMarker])
    // `!=` and `:` inside brackets are ordinary operators.
    XCTAssertEqual(kinds("f'{a!=b}{d[1:2]}'").filter { $0 == .notEqual || $0 == .colon }, [.notEqual, .colon])
    XCTAssertEqual(lexError("f'}'"), "f-string: single '}' is not allowed")
    XCTAssertEqual(lexError("f'abc"), "unterminated f-string literal (detected at line 1)")
    XCTAssertEqual(lexError("f'{x'"), "f-string: expecting '}'")
  }

  func testBracketErrors() {
    XCTAssertEqual(lexError("(]"), "closing parenthesis ']' does not match opening parenthesis '('")
    XCTAssertEqual(lexError("(\n]"), "closing parenthesis ']' does not match opening parenthesis '(' on line 1")
    XCTAssertEqual(lexError(")"), "unmatched ')'")
    XCTAssertEqual(lexError("[1,\n"), "'[' was never closed")
  }
}
