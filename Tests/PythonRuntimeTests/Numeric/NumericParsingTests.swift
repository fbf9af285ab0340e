import XCTest
@testable import PythonRuntime

/// `int(str, base)` and `float(str)`.
final class NumericParsingTests: XCTestCase {
  private func intError(_ text: String, base: Int = 10) -> String {
    do {
      return "no error: \(try NumericParse.parseInt(text, base: base))"
    } catch let e as NumericError {
      return e.description
    } catch {
      return "unexpected \(error)"
    }
  }

  func testIntValues() throws {
    XCTAssertEqual(try NumericParse.parseInt("  -42\n"), .small(-42))
    XCTAssertEqual(try NumericParse.parseInt("1_000_000"), .small(1_000_000))
    XCTAssertEqual(try NumericParse.parseInt("0x_1f", base: 0), .small(31))
    XCTAssertEqual(try NumericParse.parseInt("0X1F", base: 16), .small(31))
    XCTAssertEqual(try NumericParse.parseInt("0b101", base: 0), .small(5))
    XCTAssertEqual(try NumericParse.parseInt("0o17", base: 0), .small(15))
    XCTAssertEqual(try NumericParse.parseInt("0_0", base: 0), .small(0))
    XCTAssertEqual(try NumericParse.parseInt("0b1", base: 16), .small(177))
    XCTAssertEqual(try NumericParse.parseInt("z", base: 36), .small(35))
    XCTAssertEqual(try NumericParse.parseInt("\u{661}\u{662}"), .small(12))
    XCTAssertEqual(try NumericParse.parseInt("\u{a0}12\u{3000}"), .small(12))
    XCTAssertEqual(try NumericParse.parseInt("9223372036854775807"), .small(Int.max))
    XCTAssertEqual(try NumericParse.parseInt("-9223372036854775808"), .small(Int.min))
    guard case .big(let big) = try NumericParse.parseInt("9223372036854775808") else { return XCTFail("expected a BigInt") }
    XCTAssertEqual(big.description, "9223372036854775808")
    XCTAssertEqual(try NumericParse.parseInt(String(repeating: "1", count: 4300)).description, String(repeating: "1", count: 4300))
    // Power-of-two bases have no digit limit.
    XCTAssertEqual(try NumericParse.parseInt(String(repeating: "0", count: 5000), base: 16), .small(0))
  }

  func testIntErrors() {
    XCTAssertEqual(intError("abc"), "ValueError: invalid literal for int() with base 10: 'abc'")
    XCTAssertEqual(intError("0x1f"), "ValueError: invalid literal for int() with base 10: '0x1f'")
    XCTAssertEqual(intError("010", base: 0), "ValueError: invalid literal for int() with base 0: '010'")
    XCTAssertEqual(intError("1__0"), "ValueError: invalid literal for int() with base 10: '1__0'")
    XCTAssertEqual(intError("_1"), "ValueError: invalid literal for int() with base 10: '_1'")
    XCTAssertEqual(intError("1_"), "ValueError: invalid literal for int() with base 10: '1_'")
    XCTAssertEqual(intError(""), "ValueError: invalid literal for int() with base 10: ''")
    XCTAssertEqual(intError("1\u{0}"), "ValueError: invalid literal for int() with base 10: '1\\x00'")
    XCTAssertEqual(intError("1", base: 37), "ValueError: int() base must be >= 2 and <= 36, or 0")
    XCTAssertEqual(intError(String(repeating: "1", count: 5000)),
                   "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit")
    // Syntax errors win over the digit limit; the repr is cut at 200 characters.
    let long = intError(String(repeating: "1", count: 5000) + "x")
    XCTAssertTrue(long.hasPrefix("ValueError: invalid literal for int() with base 10: '111"))
    XCTAssertEqual(long.count, "ValueError: invalid literal for int() with base 10: ".count + 200)
  }

  func testDigitLimitComesBeforeTheLeadingZeroRule() {
    // Base 0 with a leading zero only allows zeros, but the limit is checked first.
    XCTAssertEqual(intError(String(repeating: "0", count: 5000), base: 0),
                   "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit")
    XCTAssertEqual(intError("0x" + String(repeating: "1", count: 5000), base: 0).hasPrefix("no error"), true)
  }

  func testBytes() throws {
    XCTAssertEqual(try NumericParse.parseInt(bytes: Array(" 42 ".utf8)), .small(42))
    XCTAssertThrowsError(try NumericParse.parseInt(bytes: [0x31, 0xE9])) { e in
      XCTAssertEqual((e as? NumericError)?.message, "invalid literal for int() with base 10: b'1\\xe9'")
    }
    XCTAssertEqual(try NumericParse.parseFloat(bytes: Array("1_0.5".utf8)), 10.5)
    XCTAssertThrowsError(try NumericParse.parseFloat(bytes: Array("x".utf8))) { e in
      XCTAssertEqual((e as? NumericError)?.message, "could not convert string to float: b'x'")
    }
  }

  func testIntDigitLimitIsConfigurable() throws {
    let digits = String(repeating: "7", count: 5000)
    XCTAssertEqual(try NumericParse.parseInt(digits, maxDigits: 0).description, digits)
    XCTAssertThrowsError(try NumericParse.parseInt(digits, maxDigits: 4999))
  }

  func testFloat() throws {
    XCTAssertEqual(try NumericParse.parseFloat(" 1_000.5\n"), 1000.5)
    XCTAssertEqual(try NumericParse.parseFloat("1e1_0"), 1e10)
    XCTAssertEqual(try NumericParse.parseFloat("-InFiNiTy"), -.infinity)
    XCTAssertTrue(try NumericParse.parseFloat("-nan").isNaN)
    XCTAssertEqual(try NumericParse.parseFloat("1e500"), .infinity)
    XCTAssertEqual(try NumericParse.parseFloat("-1e-500").sign, .minus)
    XCTAssertEqual(try NumericParse.parseFloat(".5"), 0.5)
    XCTAssertEqual(try NumericParse.parseFloat("1."), 1.0)
    XCTAssertEqual(try NumericParse.parseFloat("\u{661}.\u{665}"), 1.5)
    XCTAssertEqual(try NumericParse.parseFloat("2.2250738585072011e-308"), Double(bitPattern: 0x000F_FFFF_FFFF_FFFF))
    for bad in ["x", "0x1p3", "1__0", "1_.5", "_1", "1_", "1e", ".", "infin", "nan(1)", "", "1.5\u{0}"] {
      XCTAssertThrowsError(try NumericParse.parseFloat(bad)) { error in
        XCTAssertEqual((error as? NumericError)?.message,
                       "could not convert string to float: \(NumericFormat.pythonStringRepr(bad))")
      }
    }
  }
}
