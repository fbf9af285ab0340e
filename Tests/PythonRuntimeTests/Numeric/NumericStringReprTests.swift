import XCTest
@testable import PythonRuntime

/// `repr()` of str and bytes, `ascii()`, `str.isprintable()`.
final class NumericStringReprTests: XCTestCase {
  func testQuotes() {
    XCTAssertEqual(NumericFormat.pythonStringRepr("abc"), "'abc'")
    XCTAssertEqual(NumericFormat.pythonStringRepr("it's"), "\"it's\"")
    XCTAssertEqual(NumericFormat.pythonStringRepr("say \"hi\""), "'say \"hi\"'")
    XCTAssertEqual(NumericFormat.pythonStringRepr("both ' and \""), "'both \\' and \"'")
    XCTAssertEqual(NumericFormat.pythonStringRepr(""), "''")
  }

  func testEscapes() {
    XCTAssertEqual(NumericFormat.pythonStringRepr("a\nb\tc\rd\\"), "'a\\nb\\tc\\rd\\\\'")
    XCTAssertEqual(NumericFormat.pythonStringRepr("\u{0}\u{7}\u{1b}\u{7f}"), "'\\x00\\x07\\x1b\\x7f'")
    XCTAssertEqual(NumericFormat.pythonStringRepr("\u{85}\u{a0}\u{ad}é"), "'\\x85\\xa0\\xadé'")
    XCTAssertEqual(NumericFormat.pythonStringRepr("\u{2028}\u{200b}\u{feff}\u{3000}中"), "'\\u2028\\u200b\\ufeff\\u3000中'")
    XCTAssertEqual(NumericFormat.pythonStringRepr("😀\u{e000}\u{f0000}\u{e0001}"), "'😀\\ue000\\U000f0000\\U000e0001'")
    XCTAssertEqual(NumericFormat.pythonStringRepr("\u{378}"), "'\\u0378'")  // unassigned
  }

  func testAscii() {
    XCTAssertEqual(NumericFormat.pythonAscii("é😀中\n'"), "\"\\xe9\\U0001f600\\u4e2d\\n'\"")
    XCTAssertEqual(NumericFormat.asciiEscaped("'é'"), "'\\xe9'")
  }

  func testBytes() {
    XCTAssertEqual(NumericFormat.pythonBytesRepr([UInt8]("abc".utf8)), "b'abc'")
    XCTAssertEqual(NumericFormat.pythonBytesRepr([0, 9, 10, 13, 39, 92, 127, 128, 255]), "b\"\\x00\\t\\n\\r'\\\\\\x7f\\x80\\xff\"")
    XCTAssertEqual(NumericFormat.pythonBytesRepr([39, 34]), "b'\\'\"'")
    XCTAssertEqual(NumericFormat.pythonBytesRepr([UInt8]()), "b''")
  }

  func testPrintable() {
    XCTAssertTrue(NumericFormat.isPrintable(" "))
    XCTAssertTrue(NumericFormat.isPrintable("é"))
    XCTAssertFalse(NumericFormat.isPrintable("\u{a0}"))
    XCTAssertFalse(NumericFormat.isPrintable("\u{2029}"))
    XCTAssertFalse(NumericFormat.isPrintable("\u{9f}"))
    XCTAssertFalse(NumericFormat.isPrintable("\u{10ffff}"))
  }
}
