import XCTest
@testable import PythonRuntime

/// `repr(float)` and `PyOS_double_to_string`, checked against CPython.
final class NumericFloatReprTests: XCTestCase {
  func testReprLayout() {
    let cases: [(Double, String)] = [
      (1e16, "1e+16"), (1.5e-7, "1.5e-07"), (-0.0, "-0.0"), (0.0, "0.0"),
      (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"), (1.0, "1.0"),
      (123456789.12345679, "123456789.12345679"), (0.1, "0.1"), (1e-5, "1e-05"),
      (0.0001, "0.0001"), (1e22, "1e+22"), (9007199254740993.0, "9007199254740992.0"),
      (1e15, "1000000000000000.0"), (9999999999999998.0, "9999999999999998.0"),
      (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
      (2.0.squareRoot(), "1.4142135623730951"), (-2.5, "-2.5"), (100.0, "100.0"),
    ]
    for (x, expected) in cases {
      XCTAssertEqual(NumericFormat.floatRepr(x), expected)
    }
  }

  func testFormatDoubleCodes() {
    XCTAssertEqual(NumericFormat.formatDouble(2.675, code: "f", precision: 2, flags: []), "2.67")
    XCTAssertEqual(NumericFormat.formatDouble(0.5, code: "f", precision: 0, flags: []), "0")
    XCTAssertEqual(NumericFormat.formatDouble(1.5, code: "f", precision: 0, flags: []), "2")
    XCTAssertEqual(NumericFormat.formatDouble(12345.678, code: "E", precision: 2, flags: []), "1.23E+04")
    XCTAssertEqual(NumericFormat.formatDouble(1e-5, code: "g", precision: 6, flags: []), "1e-05")
    XCTAssertEqual(NumericFormat.formatDouble(1.0, code: "g", precision: 6, flags: .alternate), "1.00000")
    XCTAssertEqual(NumericFormat.formatDouble(1.0, code: "r", precision: 0, flags: [.addDotZero, .alwaysSign]), "+1.0")
    XCTAssertEqual(NumericFormat.formatDouble(.nan, code: "F", precision: 2, flags: .alwaysSign), "+NAN")
    XCTAssertEqual(NumericFormat.formatDouble(-0.0001, code: "f", precision: 2, flags: .noNegativeZero), "0.00")
    XCTAssertEqual(NumericFormat.formatDouble(0.1, code: "f", precision: 30, flags: []), "0.100000000000000005551115123126")
    XCTAssertEqual(NumericFormat.formatDouble(1e300, code: "f", precision: 0, flags: []).count, 301)
  }

  /// The exact-digits path (ties and long expansions) agrees with the
  /// shortest-digits fast path wherever both apply.
  func testCorrectRoundingOnTies() {
    XCTAssertEqual(NumericFormat.formatDouble(0.125, code: "f", precision: 2, flags: []), "0.12")
    XCTAssertEqual(NumericFormat.formatDouble(0.375, code: "f", precision: 2, flags: []), "0.38")
    XCTAssertEqual(NumericFormat.formatDouble(1.005, code: "f", precision: 2, flags: []), "1.00")
    XCTAssertEqual(NumericFormat.formatDouble(9.995, code: "f", precision: 2, flags: []), "9.99")
    XCTAssertEqual(NumericFormat.formatDouble(999999.5, code: "f", precision: 0, flags: []), "1000000")
    XCTAssertEqual(NumericFormat.formatDouble(5e-324, code: "e", precision: 3, flags: []), "4.941e-324")
    XCTAssertEqual(NumericFormat.formatDouble(2.0 * 1024 * 1024 * 1024 * 1024 * 1024 * 1024, code: "f", precision: 0, flags: []), "2305843009213693952")
  }
}
