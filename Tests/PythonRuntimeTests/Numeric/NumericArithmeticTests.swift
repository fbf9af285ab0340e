import XCTest
@testable import PythonRuntime

/// Division, modulo, powers and the int/float conversions and methods.
final class NumericArithmeticTests: XCTestCase {
  private func big(_ s: String) -> IntegerValue { try! NumericParse.parseInt(s, maxDigits: 0) }

  private func message(_ body: () throws -> Any) -> String {
    do {
      _ = try body()
      return "no error"
    } catch let e as NumericError {
      return e.description
    } catch {
      return "unexpected \(error)"
    }
  }

  func testFloatDivisionSigns() throws {
    XCTAssertEqual(try NumericOps.modulo(-3.5, 2), 0.5)
    XCTAssertEqual(try NumericOps.floorDivide(7.5, -2), -4.0)
    let zero = try NumericOps.modulo(0.0, -1)
    XCTAssertEqual(zero, 0)
    XCTAssertEqual(zero.sign, .minus)
    XCTAssertEqual(try NumericOps.modulo(-3.0, .infinity), .infinity)
    let (q, r) = try NumericOps.divmod(-7.0, 2.0)
    XCTAssertEqual(q, -4.0)
    XCTAssertEqual(r, 1.0)
    XCTAssertEqual(try NumericOps.floorDivide(-0.0, 5.0).sign, .minus)
    XCTAssertEqual(message { try NumericOps.modulo(1.0, 0.0) }, "ZeroDivisionError: division by zero")
    XCTAssertEqual(message { try NumericOps.trueDivide(1.0, 0.0) }, "ZeroDivisionError: division by zero")
  }

  func testIntDivision() throws {
    XCTAssertEqual(try NumericOps.floorDivide(-7, 2), .small(-4))
    XCTAssertEqual(try NumericOps.modulo(-7, 2), 1)
    XCTAssertEqual(try NumericOps.modulo(7, -2), -1)
    XCTAssertEqual(try NumericOps.floorDivide(Int.min, -1), big("9223372036854775808"))
    XCTAssertEqual(try NumericOps.modulo(Int.min, -1), 0)
    XCTAssertEqual(try NumericOps.divmod(big("-100000000000000000000"), .small(7)).remainder, .small(5))
    XCTAssertEqual(message { try NumericOps.floorDivide(1, 0) }, "ZeroDivisionError: division by zero")
    XCTAssertEqual(message { try NumericOps.divmod(big("100000000000000000000"), .small(0)) }, "ZeroDivisionError: division by zero")
  }

  func testIntTrueDivision() throws {
    XCTAssertEqual(try NumericOps.trueDivide(big("1000000000000000000000000000000"), .small(3)), 3.333333333333333e+29)
    XCTAssertEqual(try NumericOps.trueDivide(.small(1), .small(3)), 1.0 / 3.0)
    XCTAssertEqual(try NumericOps.trueDivide(.small(-7), .small(2)), -3.5)
    XCTAssertEqual(try NumericOps.trueDivide(.small(0), .small(-5)).sign, .minus)
    let huge = big("1" + String(repeating: "0", count: 400))
    XCTAssertEqual(message { try NumericOps.trueDivide(huge, .small(1)) }, "OverflowError: integer division result too large for a float")
    XCTAssertEqual(try NumericOps.trueDivide(huge, big("1" + String(repeating: "0", count: 399))), 10.0)
    XCTAssertEqual(message { try NumericOps.trueDivide(.small(1), .small(0)) }, "ZeroDivisionError: division by zero")
  }

  func testPowers() throws {
    XCTAssertEqual(try NumericOps.power(.small(2), .small(-1)), .float(0.5))
    XCTAssertEqual(try NumericOps.power(.small(2), .small(10)), .int(.small(1024)))
    XCTAssertEqual(try NumericOps.power(.small(2), .small(64)), .int(big("18446744073709551616")))
    XCTAssertEqual(try NumericOps.power(.small(-1), big("100000000000000000001")), .int(.small(-1)))
    XCTAssertEqual(message { try NumericOps.power(.small(0), .small(-1)) }, "ZeroDivisionError: zero to a negative power")
    XCTAssertEqual(message { try NumericOps.power(0.0, -1.5) }, "ZeroDivisionError: zero to a negative power")
    XCTAssertEqual(try NumericOps.power(-8.0, 1.0 / 3.0), .complex)
    XCTAssertEqual(try NumericOps.power(-8.0, 3.0), .float(-512))
    XCTAssertEqual(try NumericOps.power(-.infinity, 3.0), .float(-.infinity))
    XCTAssertEqual(try NumericOps.power(1.0, .nan), .float(1))
    XCTAssertEqual(try NumericOps.power(.nan, 0.0), .float(1))
    XCTAssertEqual(try NumericOps.power(-1.0, 1e300), .float(1))
    XCTAssertEqual(message { try NumericOps.power(10.0, 400.0) }, "OverflowError: (34, 'Numerical result out of range')")
    XCTAssertEqual(message { try NumericOps.power(big("1" + String(repeating: "0", count: 400)), .small(-1)) },
                   "OverflowError: int too large to convert to float")
  }

  func testConversions() throws {
    XCTAssertEqual(try NumericOps.toDouble(big("9007199254740993")), 9007199254740992.0)
    XCTAssertEqual(try NumericOps.toDouble(big("9007199254740995")), 9007199254740996.0)
    XCTAssertEqual(message { try NumericOps.toDouble(big("1" + String(repeating: "0", count: 400))) }, "OverflowError: int too large to convert to float")
    XCTAssertEqual(try NumericOps.toInteger(-3.9), .small(-3))
    XCTAssertEqual(try NumericOps.toInteger(1e20), big("100000000000000000000"))
    XCTAssertEqual(message { try NumericOps.toInteger(.nan) }, "ValueError: cannot convert float NaN to integer")
  }

  func testFloatMethods() throws {
    let (n, d) = try NumericOps.asIntegerRatio(0.1)
    XCTAssertEqual(n, .small(3602879701896397))
    XCTAssertEqual(d, .small(36028797018963968))
    XCTAssertEqual(try NumericOps.asIntegerRatio(-2.5).numerator, .small(-5))
    XCTAssertEqual(message { try NumericOps.asIntegerRatio(.infinity) }, "OverflowError: cannot convert Infinity to integer ratio")
    XCTAssertEqual(message { try NumericOps.asIntegerRatio(.nan) }, "ValueError: cannot convert NaN to integer ratio")
    XCTAssertTrue(NumericOps.isInteger(2.0))
    XCTAssertFalse(NumericOps.isInteger(2.5))
    XCTAssertFalse(NumericOps.isInteger(.infinity))
    XCTAssertEqual(NumericOps.floatHex(1.5), "0x1.8000000000000p+0")
    XCTAssertEqual(NumericOps.floatHex(-0.1), "-0x1.999999999999ap-4")
    XCTAssertEqual(NumericOps.floatHex(5e-324), "0x0.0000000000001p-1022")
    XCTAssertEqual(NumericOps.floatHex(-0.0), "-0x0.0p+0")
    XCTAssertEqual(try NumericOps.floatFromHex("0x1.8p1"), 3.0)
    XCTAssertEqual(try NumericOps.floatFromHex("  -0X1P-1074 "), -5e-324)
    XCTAssertEqual(try NumericOps.floatFromHex("0x1p-1075"), 0)
    XCTAssertEqual(try NumericOps.floatFromHex("0x1.8p-1074"), 1e-323)
    XCTAssertEqual(message { try NumericOps.floatFromHex("0x1.fffffffffffff8p1023") },
                   "OverflowError: hexadecimal value too large to represent as a float")
    XCTAssertEqual(message { try NumericOps.floatFromHex("0x1p9999 junk") },
                   "OverflowError: hexadecimal value too large to represent as a float")
    XCTAssertEqual(message { try NumericOps.floatFromHex("0x.p1") }, "ValueError: invalid hexadecimal floating-point string")
  }

  func testIntMethods() throws {
    XCTAssertEqual(NumericOps.bitLength(.small(255)), 8)
    XCTAssertEqual(NumericOps.bitLength(.small(Int.min)), 64)
    XCTAssertEqual(NumericOps.bitLength(big("-18446744073709551616")), 65)
    XCTAssertEqual(NumericOps.bitCount(.small(-7)), 3)
    XCTAssertEqual(try NumericOps.toBytes(.small(1000), length: 4, bigEndian: true, signed: false), [0, 0, 3, 0xE8])
    XCTAssertEqual(try NumericOps.toBytes(.small(-1000), length: 4, bigEndian: false, signed: true), [0x18, 0xFC, 0xFF, 0xFF])
    XCTAssertEqual(try NumericOps.toBytes(.small(-128), length: 1, bigEndian: true, signed: true), [0x80])
    XCTAssertEqual(try NumericOps.toBytes(.small(-1), length: 0, bigEndian: true, signed: true), [])
    XCTAssertEqual(message { try NumericOps.toBytes(.small(-129), length: 1, bigEndian: true, signed: true) }, "OverflowError: int too big to convert")
    XCTAssertEqual(message { try NumericOps.toBytes(.small(-1), length: 1, bigEndian: true, signed: false) }, "OverflowError: can't convert negative int to unsigned")
    XCTAssertEqual(message { try NumericOps.toBytes(.small(1), length: -1, bigEndian: true, signed: false) }, "ValueError: length argument must be non-negative")
    XCTAssertEqual(NumericOps.fromBytes([0xFF, 0xFE], bigEndian: true, signed: true), .small(-2))
    XCTAssertEqual(NumericOps.fromBytes([0x00, 0x01], bigEndian: false, signed: false), .small(256))
    XCTAssertEqual(NumericOps.fromBytes([UInt8](repeating: 0xFF, count: 9), bigEndian: true, signed: false), big("4722366482869645213695"))
  }
}
