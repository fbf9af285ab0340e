import BigInt

/// `round()` for floats and ints, as CPython computes it.
extension NumericOps {
  /// `round(x)` for a float: nearest integer, ties to even, as an int.
  public static func round(_ x: Double) throws -> IntegerValue {
    try toInteger(x.rounded(.toNearestOrEven))
  }

  /// `round(x, ndigits)` for a float. CPython rounds the exact binary value
  /// to `ndigits` decimal places (correctly, ties to even) and reads the
  /// decimal back, so `round(2.675, 2) == 2.67` (2.675 is really
  /// 2.67499999…). Non-finite values and huge `ndigits` return `x`; very
  /// negative `ndigits` give a zero with the sign of `x`.
  public static func round(_ x: Double, ndigits: Int) throws -> Double {
    if !x.isFinite { return x }
    // 323 and -308 bound where rounding can still change a double.
    if ndigits > 323 { return x }
    if ndigits < -308 { return x.sign == .minus ? -0.0 : 0.0 }
    let result = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FloatDigits.maxDigits) { buffer -> Double in
      let digits = buffer.baseAddress!
      let (count, decpt) = FloatDigits.rounded(x, .fixed(ndigits), into: digits)
      return NumericParse.decimalToDouble(digits, count: count, decpt: decpt, negative: x.sign == .minus)
    }
    if result.isInfinite {
      throw NumericError.overflowError("rounded value too large to represent")
    }
    return result
  }

  /// `round(x, ndigits)` for an int: unchanged for `ndigits >= 0`, else
  /// the nearest multiple of 10**-ndigits, ties to even.
  public static func round(_ x: IntegerValue, ndigits: Int) -> IntegerValue {
    if ndigits >= 0 || x.isZero { return x }
    let places = ndigits == Int.min ? Int.max : -ndigits
    let magnitude = x.bigValue.magnitude
    // |x| < 10^(places-1) (fewer digits than places) rounds to 0.
    if places > 19 && Double(magnitude.bitWidth - 1) * 0.30102999566398114 + 1 < Double(places) {
      return .small(0)
    }
    if case .small(let v) = x, places <= 18 {
      var p = 1
      for _ in 0..<places { p *= 10 }
      var q = v / p
      let r = v - q * p
      let twice = r.magnitude * 2
      if twice > UInt(p) || (twice == UInt(p) && q & 1 != 0) {
        q += v < 0 ? -1 : 1
      }
      let (result, overflow) = q.multipliedReportingOverflow(by: p)
      return overflow ? IntegerValue(BigInt(q) * BigInt(p)) : .small(result)
    }
    let p = BigUInt(10).power(places)
    var (q, r) = magnitude.quotientAndRemainder(dividingBy: p)
    let twice = r << 1
    if twice > p || (twice == p && q.words.first.map({ $0 & 1 == 1 }) == true) {
      q += 1
    }
    let result = BigInt(sign: x.isNegative ? .minus : .plus, magnitude: q * p)
    return IntegerValue(result)
  }
}
