import XCTest
@testable import PythonRuntime

/// `format(x, spec)` for int, float and str, and the spec parser.
final class NumericFormatSpecTests: XCTestCase {
  private func error(_ body: () throws -> String) -> String {
    do {
      return "no error: " + (try body())
    } catch let e as NumericError {
      return e.description
    } catch {
      return "unexpected \(error)"
    }
  }

  func testFloatDefaults() throws {
    XCTAssertEqual(try NumericFormat.format(1e16, spec: ""), "1e+16")
    XCTAssertEqual(try NumericFormat.format(1.0, spec: ""), "1.0")
    XCTAssertEqual(try NumericFormat.format(0.1, spec: ".3"), "0.1")
    XCTAssertEqual(try NumericFormat.format(123.0, spec: ".3"), "1.23e+02")
    XCTAssertEqual(try NumericFormat.format(1e16, spec: "#"), "1.e+16")
    XCTAssertEqual(try NumericFormat.format(1234567.891, spec: ",.2f"), "1,234,567.89")
    XCTAssertEqual(try NumericFormat.format(3.14159, spec: "08.3f"), "0003.142")
    XCTAssertEqual(try NumericFormat.format(-0.0, spec: "z.1f"), "0.0")
    XCTAssertEqual(try NumericFormat.format(0.25, spec: "%"), "25.000000%")
    XCTAssertEqual(try NumericFormat.format(.infinity, spec: "010"), "0000000inf")
    XCTAssertEqual(try NumericFormat.format(.nan, spec: "+"), "+nan")
    XCTAssertEqual(try NumericFormat.format(-.infinity, spec: "=+10"), "-      inf")
    XCTAssertEqual(try NumericFormat.format(.infinity, spec: "E"), "INF")
    XCTAssertEqual(try NumericFormat.format(12345.678, spec: "n"), "12345.7")
    XCTAssertEqual(try NumericFormat.format(2.0 / 3.0, spec: ".3"), "0.667")
    XCTAssertEqual(try NumericFormat.format(1e6, spec: ",.1f"), "1,000,000.0")
  }

  func testFloatErrors() {
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: "d") }, "ValueError: Unknown format code 'd' for object of type 'float'")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: "ab") }, "ValueError: Invalid format specifier 'ab' for object of type 'float'")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: ".") }, "ValueError: Format specifier missing precision")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: ".3000000000f") }, "ValueError: precision too big")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: "é") }, "ValueError: Unknown format code '\\xe9' for object of type 'float'")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: "99999999999999999999") }, "ValueError: Too many decimal digits in format string")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: ",_") }, "ValueError: Cannot specify both ',' and '_'.")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: "_,") }, "ValueError: Cannot specify both ',' and '_'.")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: "9999999999999") }, "MemoryError: ")
  }

  /// Python 3.14: grouping of the fractional digits (gh-87790).
  func testFractionalGrouping() throws {
    XCTAssertEqual(try NumericFormat.format(123_456.123_456, spec: "_._f"), "123_456.123_456")
    XCTAssertEqual(try NumericFormat.format(123_456.123_456, spec: "_f"), "123_456.123456")
    XCTAssertEqual(try NumericFormat.format(123_456.123_456, spec: "._f"), "123456.123_456")
    XCTAssertEqual(try NumericFormat.format(123_456.123_456, spec: ".4_f"), "123456.123_5")
    XCTAssertEqual(try NumericFormat.format(123_456.123_456, spec: ".4,f"), "123456.123,5")
    XCTAssertEqual(try NumericFormat.format(1234.56789, spec: ".6,f"), "1234.567,890")
    XCTAssertEqual(try NumericFormat.format(1234.56789, spec: ",.6_f"), "1,234.567_890")
    XCTAssertEqual(try NumericFormat.format(1.1, spec: ".,f"), "1.100,000")
    XCTAssertEqual(try NumericFormat.format(123456.789, spec: ".6_e"), "1.234_568e+05")
    XCTAssertEqual(try NumericFormat.format(1234.5678, spec: "015._f"), "0001234.567_800")
    XCTAssertEqual(try NumericFormat.format(1234.5678, spec: ">16._f"), "    1234.567_800")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: "._,f") }, "ValueError: Cannot specify both ',' and '_'.")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: ".,_f") }, "ValueError: Cannot specify both ',' and '_'.")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: ".,,f") }, "ValueError: Invalid format specifier '.,,f' for object of type 'float'")
    XCTAssertEqual(error { try NumericFormat.format(1.0, spec: ".2_n") }, "ValueError: Cannot specify '_' with 'n'.")
    // No fraction to group in an int.
    XCTAssertEqual(try NumericFormat.format(1234, spec: "._"), "1234")
  }

  func testIntFormatting() throws {
    XCTAssertEqual(try NumericFormat.format(255, spec: "x"), "ff")
    XCTAssertEqual(try NumericFormat.format(255, spec: "#X"), "0XFF")
    XCTAssertEqual(try NumericFormat.format(255, spec: "#o"), "0o377")
    XCTAssertEqual(try NumericFormat.format(255, spec: "#_b"), "0b1111_1111")
    XCTAssertEqual(try NumericFormat.format(65, spec: "c"), "A")
    XCTAssertEqual(try NumericFormat.format(65, spec: "05c"), "0000A")
    XCTAssertEqual(try NumericFormat.format(1234567, spec: ","), "1,234,567")
    XCTAssertEqual(try NumericFormat.format(-1234567, spec: "_"), "-1_234_567")
    XCTAssertEqual(try NumericFormat.format(-42, spec: "=+8"), "-     42")
    XCTAssertEqual(try NumericFormat.format(42, spec: " 05"), " 0042")
    XCTAssertEqual(try NumericFormat.format(-5, spec: "#010x"), "-0x0000005")
    XCTAssertEqual(try NumericFormat.format(1, spec: "04,"), "0,001")
    XCTAssertEqual(try NumericFormat.format(1, spec: "06,"), "00,001")
    XCTAssertEqual(try NumericFormat.format(1234, spec: "0=12,"), "0,000,001,234")
    XCTAssertEqual(try NumericFormat.format(1234, spec: "<010"), "1234000000")
    XCTAssertEqual(try NumericFormat.format(1, spec: "=^5"), "==1==")
    XCTAssertEqual(try NumericFormat.format(1, spec: "\u{661}\u{660}"), "         1")
    XCTAssertEqual(try NumericFormat.format(42, spec: "+d"), "+42")
    XCTAssertEqual(try NumericFormat.format(1, spec: ".2f"), "1.00")
    XCTAssertEqual(try NumericFormat.format(1, spec: "%"), "100.000000%")
    let big = try NumericParse.parseInt("10000000000000000000000000")
    XCTAssertEqual(try NumericFormat.format(big, spec: ","), "10,000,000,000,000,000,000,000,000")
    let negativeBig = try NumericParse.parseInt("-1180591620717411303424")
    XCTAssertEqual(try NumericFormat.format(negativeBig, spec: "#x"), "-0x400000000000000000")
    XCTAssertEqual(try NumericFormat.format(try NumericParse.parseInt("18446744073709551616"), spec: "_x"), "1_0000_0000_0000_0000")
  }

  func testIntErrors() {
    XCTAssertEqual(error { try NumericFormat.format(1, spec: ".2") }, "ValueError: Precision not allowed in integer format specifier")
    XCTAssertEqual(error { try NumericFormat.format(1, spec: "z") }, "ValueError: Negative zero coercion (z) not allowed in integer format specifier")
    XCTAssertEqual(error { try NumericFormat.format(1, spec: "+c") }, "ValueError: Sign not allowed with integer format specifier 'c'")
    XCTAssertEqual(error { try NumericFormat.format(1, spec: "#c") }, "ValueError: Alternate form (#) not allowed with integer format specifier 'c'")
    XCTAssertEqual(error { try NumericFormat.format(-1, spec: "c") }, "OverflowError: %c arg not in range(0x110000)")
    XCTAssertEqual(error { try NumericFormat.format(0x110000, spec: "c") }, "OverflowError: %c arg not in range(0x110000)")
    XCTAssertEqual(error { try NumericFormat.format(1, spec: "_c") }, "ValueError: Cannot specify '_' with 'c'.")
    XCTAssertEqual(error { try NumericFormat.format(1, spec: ",x") }, "ValueError: Cannot specify ',' with 'x'.")
    XCTAssertEqual(error { try NumericFormat.format(1, spec: ",,") }, "ValueError: Cannot specify ',' with ','.")
    XCTAssertEqual(error { try NumericFormat.format(1, spec: "q") }, "ValueError: Unknown format code 'q' for object of type 'int'")
    XCTAssertEqual(error { try NumericFormat.format(1, spec: "\u{1}") }, "ValueError: Unknown format code '\\x1' for object of type 'int'")
    XCTAssertEqual(error { try NumericFormat.format(1, spec: ",n") }, "ValueError: Cannot specify ',' with 'n'.")
    XCTAssertEqual(error { try NumericFormat.format(1, spec: "s", typeName: "bool") }, "ValueError: Unknown format code 's' for object of type 'bool'")
    let huge = try! NumericParse.parseInt("1" + String(repeating: "0", count: 400))
    XCTAssertEqual(error { try NumericFormat.format(huge, spec: "e") }, "OverflowError: int too large to convert to float")
  }

  func testStringFormatting() throws {
    XCTAssertEqual(try NumericFormat.format("abc", spec: "^9"), "   abc   ")
    XCTAssertEqual(try NumericFormat.format("abc", spec: "5"), "abc  ")
    XCTAssertEqual(try NumericFormat.format("héllo", spec: ".3"), "hél")
    // Widths count code points: "e\u{301}t\u{e9}" is 4 of them.
    XCTAssertEqual(try NumericFormat.format("e\u{301}t\u{e9}", spec: ">6"), "  e\u{301}t\u{e9}")
    XCTAssertEqual(try NumericFormat.format("x", spec: "*^6"), "**x***")
    XCTAssertEqual(try NumericFormat.format("a", spec: "05"), "a0000")
    XCTAssertEqual(try NumericFormat.format("a", spec: "😀>3"), "😀😀a")
    XCTAssertEqual(try NumericFormat.format("abc", spec: ""), "abc")
  }

  func testStringErrors() {
    XCTAssertEqual(error { try NumericFormat.format("a", spec: "+") }, "ValueError: Sign not allowed in string format specifier")
    XCTAssertEqual(error { try NumericFormat.format("a", spec: " ") }, "ValueError: Space not allowed in string format specifier")
    XCTAssertEqual(error { try NumericFormat.format("a", spec: "#") }, "ValueError: Alternate form (#) not allowed in string format specifier")
    XCTAssertEqual(error { try NumericFormat.format("a", spec: "z") }, "ValueError: Negative zero coercion (z) not allowed in string format specifier")
    XCTAssertEqual(error { try NumericFormat.format("a", spec: "=5") }, "ValueError: '=' alignment not allowed in string format specifier")
    XCTAssertEqual(error { try NumericFormat.format("a", spec: ",") }, "ValueError: Cannot specify ',' with 's'.")
    XCTAssertEqual(error { try NumericFormat.format("a", spec: "d") }, "ValueError: Unknown format code 'd' for object of type 'str'")
  }

  func testParsedSpec() throws {
    let spec = try FormatSpec.parse("*^+z#012,.3_f", typeName: "float", defaultType: nil, defaultAlign: .right)
    XCTAssertEqual(spec.fill, "*")
    XCTAssertEqual(spec.align, .center)
    XCTAssertEqual(spec.sign, UInt8(ascii: "+"))
    XCTAssertTrue(spec.noNegativeZero)
    XCTAssertTrue(spec.alternate)
    XCTAssertEqual(spec.width, 12)
    XCTAssertEqual(spec.grouping, .comma)
    XCTAssertEqual(spec.precision, 3)
    XCTAssertEqual(spec.fractionGrouping, .underscore)
    XCTAssertEqual(spec.type, "f")
    // Parse once, format many times (what a compiled f-string would do).
    XCTAssertEqual(try NumericFormat.format(-1234.5, spec: spec), "*-1,234.500*")
    let intSpec = try FormatSpec.parse("08_x", typeName: "int", defaultType: "d", defaultAlign: .right)
    XCTAssertEqual(intSpec.align, .afterSign)
    XCTAssertEqual(intSpec.grouping, .underscoreEveryFour)
    XCTAssertEqual(try NumericFormat.format(.small(48879), spec: intSpec), "000_beef")
  }
}
