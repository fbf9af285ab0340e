import XCTest
@testable import PythonRuntime

/// `round()`, `hash()` and `str()` of ints.
final class NumericRoundingHashTests: XCTestCase {
  private func big(_ s: String) -> IntegerValue { try! NumericParse.parseInt(s, maxDigits: 0) }

  func testRoundFloat() throws {
    XCTAssertEqual(try NumericOps.round(2.675, ndigits: 2), 2.67)
    XCTAssertEqual(try NumericOps.round(0.5), .small(0))
    XCTAssertEqual(try NumericOps.round(1.5), .small(2))
    XCTAssertEqual(try NumericOps.round(2.5), .small(2))
    XCTAssertEqual(try NumericOps.round(-0.5), .small(0))
    XCTAssertEqual(try NumericOps.round(1e20).description, "100000000000000000000")
    XCTAssertEqual(try NumericOps.round(1234.5678, ndigits: -2), 1200.0)
    XCTAssertEqual(try NumericOps.round(123.456, ndigits: -1), 120.0)
    XCTAssertEqual(try NumericOps.round(.leastNonzeroMagnitude, ndigits: 400), .leastNonzeroMagnitude)
    XCTAssertEqual(try NumericOps.round(1e300, ndigits: -299), 1e300)
    XCTAssertEqual(try NumericOps.round(-0.4, ndigits: 0).sign, .minus)
    XCTAssertEqual(try NumericOps.round(-1e300, ndigits: -400).sign, .minus)
    XCTAssertEqual(try NumericOps.round(.infinity, ndigits: 2), .infinity)
    XCTAssertThrowsError(try NumericOps.round(1.7976931348623157e308, ndigits: -308)) { e in
      XCTAssertEqual((e as? NumericError)?.description, "OverflowError: rounded value too large to represent")
    }
    XCTAssertThrowsError(try NumericOps.round(Double.infinity)) { e in
      XCTAssertEqual((e as? NumericError)?.description, "OverflowError: cannot convert float infinity to integer")
    }
    XCTAssertThrowsError(try NumericOps.round(Double.nan)) { e in
      XCTAssertEqual((e as? NumericError)?.description, "ValueError: cannot convert float NaN to integer")
    }
  }

  func testRoundInt() {
    XCTAssertEqual(NumericOps.round(.small(15), ndigits: -1), .small(20))
    XCTAssertEqual(NumericOps.round(.small(25), ndigits: -1), .small(20))
    XCTAssertEqual(NumericOps.round(.small(-25), ndigits: -1), .small(-20))
    XCTAssertEqual(NumericOps.round(.small(1234), ndigits: -2), .small(1200))
    XCTAssertEqual(NumericOps.round(.small(1234), ndigits: 3), .small(1234))
    XCTAssertEqual(NumericOps.round(.small(5), ndigits: -100), .small(0))
    XCTAssertEqual(NumericOps.round(.small(Int.max), ndigits: -1), big("9223372036854775810"))
    XCTAssertEqual(NumericOps.round(big("12345678901234567890"), ndigits: -19), big("10000000000000000000"))
    XCTAssertEqual(NumericOps.round(big("100000000000000000005000000000"), ndigits: -10), big("100000000000000000000000000000"))
  }

  func testHash() {
    XCTAssertEqual(NumericOps.hash(-1), -2)
    XCTAssertEqual(NumericOps.hash(Int.min), -4)
    XCTAssertEqual(NumericOps.hash(big("2305843009213693951")), 0)  // 2**61 - 1
    XCTAssertEqual(NumericOps.hash(big("1267650600228229401496703205376")), 549755813888)  // 2**100
    XCTAssertEqual(NumericOps.hash(big("-1267650600228229401496703205376")), -549755813888)
    XCTAssertEqual(NumericOps.hash(1.5), 1152921504606846977)
    XCTAssertEqual(NumericOps.hash(-1.5), -1152921504606846977)
    XCTAssertEqual(NumericOps.hash(0.1), 230584300921369408)
    XCTAssertEqual(NumericOps.hash(-1.0), -2)
    XCTAssertEqual(NumericOps.hash(Double.infinity), 314159)
    XCTAssertEqual(NumericOps.hash(-Double.infinity), -314159)
    XCTAssertEqual(NumericOps.hash(Double.nan), 0)
    XCTAssertEqual(NumericOps.hash(1e100), NumericOps.hash(try! NumericOps.toInteger(1e100)))
    XCTAssertEqual(NumericOps.hash(.small(7)), NumericOps.hash(7.0))
    XCTAssertEqual(Set([IntegerValue.small(3), IntegerValue(big("3").bigValue)]).count, 1)
  }

  /// Round trip of long values through the chunked conversion (runs of
  /// zeros cross chunk boundaries).
  func testLongDecimalConversion() throws {
    var generator = SystemRandomNumberGenerator()
    for digits in [1400, 2500, 6000] {
      var text = String(Int.random(in: 1...9, using: &generator))
      for _ in 1..<digits { text.append(String(Int.random(in: 0...9, using: &generator))) }
      // Runs of zeros exercise the zero padding of the low halves.
      let zeros = String(repeating: "0", count: 600)
      text.replaceSubrange(text.index(text.startIndex, offsetBy: 700)..<text.index(text.startIndex, offsetBy: 1300), with: zeros)
      let value = big(text)
      XCTAssertEqual(try NumericFormat.intToString(value, maxDigits: 0), text)
      XCTAssertEqual(try NumericFormat.intToString(big("-" + text), maxDigits: 0), "-" + text)
    }
    let powerOfTen = big("1" + String(repeating: "0", count: 5000))
    XCTAssertEqual(try NumericFormat.intToString(powerOfTen, maxDigits: 0), "1" + String(repeating: "0", count: 5000))
  }

  func testIntToString() throws {
    XCTAssertEqual(try NumericFormat.intToString(.small(-42)), "-42")
    let limit = big("1" + String(repeating: "0", count: 4299))
    XCTAssertEqual(try NumericFormat.intToString(limit).count, 4300)
    XCTAssertThrowsError(try NumericFormat.intToString(big("1" + String(repeating: "0", count: 4300)))) { e in
      XCTAssertEqual((e as? NumericError)?.description,
                     "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
    }
    XCTAssertEqual(try NumericFormat.intToString(big("1" + String(repeating: "0", count: 4300)), maxDigits: 0).count, 4301)
    XCTAssertEqual(NumericFormat.intToString(.small(-255), radix: 16), "-0xff")
    XCTAssertEqual(NumericFormat.intToString(.small(8), radix: 8), "0o10")
    XCTAssertEqual(NumericFormat.intToString(.small(0), radix: 2), "0b0")
    XCTAssertEqual(NumericFormat.intToString(big("-18446744073709551616"), radix: 2, prefix: false).count, 66)
  }
}
