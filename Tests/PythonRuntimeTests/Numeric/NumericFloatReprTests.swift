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

  func testComplexRepr() {
    let nan = Double.nan, inf = Double.infinity
    let cases: [(Double, Double, String)] = [
      (1, 2, "(1+2j)"), (0, 1, "1j"), (-0.0, 1, "(-0+1j)"), (0, -1, "-1j"), (-0.0, -1, "(-0-1j)"),
      (1.5, -0.0, "(1.5-0j)"), (0, 0, "0j"), (inf, nan, "(inf+nanj)"), (nan, -inf, "(nan-infj)"),
      (1e16, 1e-5, "(1e+16+1e-05j)"), (-1, 0, "(-1+0j)"), (0, -0.0, "-0j"), (2, nan, "(2+nanj)"),
    ]
    for (re, im, expected) in cases {
      XCTAssertEqual(NumericFormat.complexRepr(real: re, imag: im), expected)
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

  /// Ryū (`ShortestDigits`) against Swift's own shortest printer: powers of
  /// two and ten with their neighbours, every exponent's extreme
  /// mantissas, and random bit patterns. (Checked on 21 million doubles
  /// during development.)
  func testShortestDigitsAgreeWithSwift() {
    var values: [Double] = [.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 0.1, 0.3, 2.675]
    for e in -1074...1023 { values.append(Double(sign: .plus, exponent: e, significand: 1)) }
    for p in -323...308 {
      var up = Double("1e\(p)")!
      var down = up
      for _ in 0..<3 {
        values.append(up)
        values.append(down)
        up = up.nextUp
        down = down.nextDown
      }
    }
    for e in 0..<2047 {
      for m: UInt64 in [0, 1, 0x000F_FFFF_FFFF_FFFF, 0x0008_0000_0000_0000] {
        values.append(Double(bitPattern: UInt64(e) << 52 | m))
      }
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<50_000 {
      values.append(Double(bitPattern: UInt64.random(in: 1..<0x7FF0_0000_0000_0000, using: &generator)))
    }
    var mismatches = 0
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
      let out = buffer.baseAddress!
      for x in values where x.isFinite && x > 0 {
        let (c1, d1) = FloatDigits.shortest(x, into: out)
        let ryu = String(decoding: UnsafeBufferPointer(start: out, count: c1), as: UTF8.self)
        let (c2, d2) = FloatDigits.shortestViaDescription(x, into: out)
        let swift = String(decoding: UnsafeBufferPointer(start: out, count: c2), as: UTF8.self)
        if ryu != swift || d1 != d2 {
          mismatches += 1
          if mismatches <= 10 { XCTFail("\(x): Ryū \(ryu)e\(d1), Swift \(swift)e\(d2)") }
        }
      }
    }
    XCTAssertEqual(mismatches, 0)
  }
}
