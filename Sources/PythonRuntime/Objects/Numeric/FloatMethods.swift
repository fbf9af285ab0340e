import BigInt

/// `float.as_integer_ratio()`, `float.is_integer()`, `float.hex()`,
/// `float.fromhex()`.
extension NumericOps {
  /// `x.as_integer_ratio()`: the lowest-terms fraction equal to `x`, with a
  /// positive denominator (a power of two).
  public static func asIntegerRatio(_ x: Double) throws -> (numerator: IntegerValue, denominator: IntegerValue) {
    if x.isNaN { throw NumericError.valueError("cannot convert NaN to integer ratio") }
    if x.isInfinite { throw NumericError.overflowError("cannot convert Infinity to integer ratio") }
    if x == 0 { return (.small(0), .small(1)) }
    let m = x.magnitude
    var mantissa: UInt64
    var exponent: Int
    if m.exponentBitPattern == 0 {
      mantissa = m.significandBitPattern
      exponent = -1074
    } else {
      mantissa = m.significandBitPattern | (1 << 52)
      exponent = Int(m.exponentBitPattern) - 1075
    }
    let tz = mantissa.trailingZeroBitCount
    mantissa >>= UInt64(tz)
    exponent += tz
    let sign: BigInt.Sign = x < 0 ? .minus : .plus
    if exponent >= 0 {
      let n = BigInt(sign: sign, magnitude: BigUInt(mantissa) << exponent)
      return (IntegerValue(n), .small(1))
    }
    let n = x < 0 ? -Int(mantissa) : Int(mantissa)
    let d = -exponent < 63 ? IntegerValue.small(1 << -exponent) : IntegerValue(BigInt(1) << -exponent)
    return (.small(n), d)
  }

  /// `x.is_integer()`.
  public static func isInteger(_ x: Double) -> Bool {
    x.isFinite && x == x.rounded(.towardZero)
  }

  /// `x.hex()`: `0x1.8000000000000p+0`; subnormals as `0x0.…p-1022`;
  /// `inf`, `-inf`, `nan`; `0x0.0p+0` and `-0x0.0p+0` for zeros.
  public static func floatHex(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return x.sign == .minus ? "-0x0.0p+0" : "0x0.0p+0" }
    let m = x.magnitude
    let subnormal = m.exponentBitPattern == 0
    let lead: UInt8 = subnormal ? NumericASCII.zero : NumericASCII.zero + 1
    let exponent = subnormal ? -1022 : Int(m.exponentBitPattern) - 1023
    let fraction = m.significandBitPattern
    return NumericByteWriter.string(capacity: 32) { out in
      if x < 0 { out.append(NumericASCII.minus) }
      out.append(NumericASCII.zero)
      out.append(NumericASCII.lowerX)
      out.append(lead)
      out.append(NumericASCII.dot)
      for k in stride(from: 12, through: 0, by: -1) {
        out.append(NumericASCII.lowerHexDigits[Int((fraction >> UInt64(4 * k)) & 0xF)])
      }
      out.append(0x70)  // p
      out.append(exponent < 0 ? NumericASCII.minus : NumericASCII.plus)
      out.append(String(exponent.magnitude))
    }
  }

  /// `float.fromhex(text)`: `[sign] ['0x'] hexdigits ['.' hexdigits]
  /// ['p' [sign] digits]` with surrounding whitespace, or inf/infinity/nan.
  /// Rounds half to even; too large is `OverflowError`.
  public static func floatFromHex(_ text: String) throws -> Double {
    let invalid = NumericError.valueError("invalid hexadecimal floating-point string")
    let s = Array(text.utf8)
    var i = 0
    var n = s.count
    while i < n && NumericASCII.isSpace(s[i]) { i += 1 }
    while n > i && NumericASCII.isSpace(s[n - 1]) { n -= 1 }
    var negative = false
    if i < n && (s[i] == NumericASCII.plus || s[i] == NumericASCII.minus) {
      negative = s[i] == NumericASCII.minus
      i += 1
    }
    func word(_ w: String) -> Bool {
      let rest = s[i..<n]
      return rest.count == w.utf8.count && zip(rest, w.utf8).allSatisfy { $0 | 0x20 == $1 }
    }
    if word("inf") || word("infinity") { return negative ? -.infinity : .infinity }
    if word("nan") { return .nan }
    if i + 1 < n && s[i] == NumericASCII.zero && (s[i + 1] | 0x20) == NumericASCII.lowerX { i += 2 }
    // Collect hex digits: value = 0x(int digits)(frac digits) × 16^-fracCount.
    var digits: [UInt8] = []
    var fractionDigits = 0
    var sawDigit = false
    while i < n, let d = hexValue(s[i]) {
      digits.append(d); sawDigit = true; i += 1
    }
    if i < n && s[i] == NumericASCII.dot {
      i += 1
      while i < n, let d = hexValue(s[i]) {
        digits.append(d); fractionDigits += 1; sawDigit = true; i += 1
      }
    }
    if !sawDigit { throw invalid }
    var exponent = 0
    if i < n && (s[i] | 0x20) == 0x70 {
      i += 1
      var expNegative = false
      if i < n && (s[i] == NumericASCII.plus || s[i] == NumericASCII.minus) {
        expNegative = s[i] == NumericASCII.minus
        i += 1
      }
      var expDigits = 0
      while i < n && NumericASCII.isDigit(s[i]) {
        // Saturate: anything this large over- or underflows anyway.
        if exponent < 1 << 40 { exponent = exponent * 10 + Int(s[i] - NumericASCII.zero) }
        expDigits += 1
        i += 1
      }
      if expDigits == 0 { throw invalid }
      if expNegative { exponent = -exponent }
    }
    // CPython computes the value before looking at what follows the
    // exponent, so an overflow is reported even with trailing junk.
    let value = try hexValue(digits, fractionDigits: fractionDigits, exponent: exponent)
    if i != n { throw invalid }
    return negative ? -value : value
  }

  /// The double nearest to 0x(digits) × 16^-fractionDigits × 2^exponent.
  private static func hexValue(_ digits: [UInt8], fractionDigits: Int, exponent: Int) throws -> Double {
    let tooLarge = NumericError.overflowError("hexadecimal value too large to represent as a float")
    var first = 0
    while first < digits.count && digits[first] == 0 { first += 1 }
    if first == digits.count { return 0 }
    // Binary exponent of the lowest bit of the last digit.
    let lowBit = exponent - 4 * fractionDigits
    // Take up to 16 hex digits (64 bits) plus a sticky bit for the rest.
    let significant = digits[first...]
    var top: UInt64 = 0
    var taken = 0
    for d in significant.prefix(16) {
      top = top << 4 | UInt64(d)
      taken += 1
    }
    let sticky = significant.dropFirst(16).contains { $0 != 0 }
    let scale = lowBit + 4 * (significant.count - taken)
    let topBit = 63 - top.leadingZeroBitCount + scale
    if topBit > 1100 { throw tooLarge }
    if topBit < -1200 { return 0 }
    let result = roundScaled(top, sticky: sticky, exponent: scale)
    if result.isInfinite { throw tooLarge }
    return result
  }

  private static func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case 0x30...0x39: return b - 0x30
    case 0x61...0x66: return b - 0x61 + 10
    case 0x41...0x46: return b - 0x41 + 10
    default: return nil
    }
  }
}
