import XCTest
@testable import PythonRuntime

/// printf-style `%` formatting through the hook protocol.
final class NumericPercentFormatTests: XCTestCase {
  typealias V = NumericCaseRunner.Value

  private func format(_ f: String, _ args: PercentArguments<V>) -> String {
    do {
      return try NumericFormat.percentFormat(f, args, hooks: NumericCaseRunner.hooks)
    } catch let e as NumericError {
      return e.description
    } catch {
      return "unexpected \(error)"
    }
  }

  private func tuple(_ values: V...) -> PercentArguments<V> { .tuple(values) }

  func testNumbers() {
    XCTAssertEqual(format("%d", .single(.float(3.9))), "3")
    XCTAssertEqual(format("%d", .single(.float(-3.9))), "-3")
    XCTAssertEqual(format("%x", .single(.int(.small(-255)))), "-ff")
    XCTAssertEqual(format("%#x", .single(.int(.small(-255)))), "-0xff")
    XCTAssertEqual(format("%#o", .single(.int(.small(8)))), "0o10")
    XCTAssertEqual(format("%#X", .single(.int(.small(255)))), "0XFF")
    XCTAssertEqual(format("%#05x", .single(.int(.small(255)))), "0x0ff")
    XCTAssertEqual(format("%.5d", .single(.int(.small(-42)))), "-00042")
    XCTAssertEqual(format("%+.5x", .single(.int(.small(42)))), "+0002a")
    XCTAssertEqual(format("%-05d|", .single(.int(.small(-3)))), "-3   |")
    XCTAssertEqual(format("% 05d", .single(.int(.small(3)))), " 0003")
    XCTAssertEqual(format("%08.3f", .single(.float(-3.14159))), "-003.142")
    XCTAssertEqual(format("%05f", .single(.float(.infinity))), "00inf")
    XCTAssertEqual(format("%5.2f%%", .single(.float(99.5))), "99.50%")
    XCTAssertEqual(format("%#g", .single(.float(1.0))), "1.00000")
    XCTAssertEqual(format("%.0f", .single(.float(2.5))), "2")
    XCTAssertEqual(format("%*d|%-*d|", tuple(.int(.small(5)), .int(.small(3)), .int(.small(4)), .int(.small(7)))), "    3|7   |")
    XCTAssertEqual(format("%.*f", tuple(.int(.small(2)), .float(3.14159))), "3.14")
    XCTAssertEqual(format("%ld %hi %Lf", tuple(.int(.small(5)), .int(.small(6)), .float(1.5))), "5 6 1.500000")
    XCTAssertEqual(format("%d", .single(.bool(true))), "1")
    XCTAssertEqual(format("%s", .single(.bool(true))), "True")
  }

  func testStringsAndCharacters() {
    XCTAssertEqual(format("%.3s", .single(.str("abcdef"))), "abc")
    XCTAssertEqual(format("%10.4s|", .single(.str("abcdefg"))), "      abcd|")
    XCTAssertEqual(format("%-6r|", .single(.str("x"))), "'x'   |")
    XCTAssertEqual(format("%a", .single(.str("é"))), "'\\xe9'")
    XCTAssertEqual(format("%c", .single(.int(.small(65)))), "A")
    XCTAssertEqual(format("%c", .single(.str("é"))), "é")
    XCTAssertEqual(format("%3c|", .single(.int(.small(0x1F600)))), "  😀|")
    XCTAssertEqual(format("%05s", .single(.str("ab"))), "   ab")
    XCTAssertEqual(format("%s and %r", tuple(.str("a"), .float(0.1))), "a and 0.1")
    XCTAssertEqual(format("100%%", .tuple([])), "100%")
  }

  func testMappings() {
    let dict = V.dict([("name", .str("Ada")), ("n", .int(.small(3)))])
    let args = PercentArguments<V>.mapping(dict, lookup: { key in
      if key == "name" { return .str("Ada") }
      if key == "n" { return .int(.small(3)) }
      throw NumericCaseRunner.TestKeyError(key: key)
    })
    XCTAssertEqual(format("%(name)s has %(n)03d", args), "Ada has 003")
    XCTAssertEqual(format("%s", args), "{'name': 'Ada', 'n': 3}")
    XCTAssertEqual(format("no conversions", args), "no conversions")
    XCTAssertEqual(format("%(name)s %s", args), "TypeError: not enough arguments for format string")
    XCTAssertEqual(format("%(name)s", .single(.int(.small(1)))), "TypeError: format requires a mapping")
    XCTAssertEqual(format("%(name", args), "ValueError: incomplete format key")
  }

  func testErrors() {
    XCTAssertEqual(format("%s %s", .single(.int(.small(1)))), "TypeError: not enough arguments for format string")
    XCTAssertEqual(format("%s", tuple(.int(.small(1)), .int(.small(2)))), "TypeError: not all arguments converted during string formatting")
    XCTAssertEqual(format("hello", .single(.int(.small(5)))), "TypeError: not all arguments converted during string formatting")
    XCTAssertEqual(format("%q", .single(.int(.small(1)))), "ValueError: unsupported format character 'q' (0x71) at index 1")
    XCTAssertEqual(format("aé%é", .single(.int(.small(1)))), "ValueError: unsupported format character '?' (0xe9) at index 3")
    XCTAssertEqual(format("%d", .single(.str("x"))), "TypeError: %d format: a real number is required, not str")
    XCTAssertEqual(format("%x", .single(.float(1.5))), "TypeError: %x format: an integer is required, not float")
    XCTAssertEqual(format("%f", .single(.str("x"))), "TypeError: must be real number, not str")
    XCTAssertEqual(format("%", .single(.int(.small(1)))), "ValueError: incomplete format")
    XCTAssertEqual(format("%c", .single(.str("ab"))), "TypeError: %c requires int or char")
    XCTAssertEqual(format("%c", .single(.int(.small(0x110000)))), "OverflowError: %c arg not in range(0x110000)")
    XCTAssertEqual(format("%*d", tuple(.str("a"), .int(.small(1)))), "TypeError: * wants int")
    XCTAssertEqual(format("%d", .single(.float(.infinity))), "OverflowError: cannot convert float infinity to integer")
    XCTAssertEqual(format("%5%", .tuple([])), "TypeError: not enough arguments for format string")
    XCTAssertEqual(format("%lld", .single(.int(.small(5)))), "ValueError: unsupported format character 'l' (0x6c) at index 2")
  }

  func testParsedSegments() throws {
    let segments = NumericFormat.parsePercentFormat("x=%(k)-08.3f%%!")
    XCTAssertEqual(segments.count, 4)
    XCTAssertEqual(segments[0], .literal("x="))
    guard case .conversion(let c) = segments[1] else { return XCTFail("expected a conversion") }
    XCTAssertEqual(c.key, "k")
    XCTAssertTrue(c.leftAdjust)
    XCTAssertTrue(c.zeroPad)
    XCTAssertEqual(c.width, .fixed(8))
    XCTAssertEqual(c.precision, .fixed(3))
    XCTAssertEqual(c.type, "f")
    XCTAssertEqual(segments[2], .literal("%"))
    XCTAssertEqual(segments[3], .literal("!"))
    let args = PercentArguments<V>.mapping(.dict([]), lookup: { _ in .float(2.5) })
    XCTAssertEqual(try NumericFormat.percentFormat(segments: segments, args, hooks: NumericCaseRunner.hooks), "x=2.500   %!")
  }
}
