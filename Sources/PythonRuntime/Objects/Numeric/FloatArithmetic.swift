import Glibc

/// Python's float `/`, `//`, `%`, `divmod` and `**` (CPython's
/// `float_div`, `float_divmod`, `float_rem`, `float_pow`), including the
/// signs of zero results: `-3.5 % 2 == 0.5`, `7.5 // -2 == -4.0`,
/// `0.0 % -1 == -0.0`.
extension NumericOps {
  public static func trueDivide(_ a: Double, _ b: Double) throws -> Double {
    if b == 0 { throw NumericError.divisionByZero }
    return a / b
  }

  public static func modulo(_ a: Double, _ b: Double) throws -> Double {
    if b == 0 { throw NumericError.divisionByZero }
    var mod = fmod(a, b)
    if mod != 0 {
      // The remainder takes the divisor's sign.
      if (b < 0) != (mod < 0) { mod += b }
    } else {
      mod = b.sign == .minus ? -0.0 : 0.0
    }
    return mod
  }

  public static func floorDivide(_ a: Double, _ b: Double) throws -> Double {
    try divmod(a, b).quotient
  }

  public static func divmod(_ a: Double, _ b: Double) throws -> (quotient: Double, remainder: Double) {
    if b == 0 { throw NumericError.divisionByZero }
    var mod = fmod(a, b)
    // a - mod is an exact multiple of b mathematically; the division is
    // only approximately integral, hence the snapping below.
    var div = (a - mod) / b
    if mod != 0 {
      if (b < 0) != (mod < 0) {
        mod += b
        div -= 1
      }
    } else {
      mod = b.sign == .minus ? -0.0 : 0.0
    }
    var floorDiv: Double
    if div != 0 {
      floorDiv = div.rounded(.down)
      if div - floorDiv > 0.5 { floorDiv += 1 }
    } else {
      // Zero with the sign of the true quotient.
      floorDiv = (a / b).sign == .minus ? -0.0 : 0.0
    }
    return (floorDiv, mod)
  }

  /// `float ** float` (also `int ** negative int` after conversion).
  public static func power(_ base: Double, _ exponent: Double) throws -> PowerResult {
    var v = base
    let w = exponent
    if w == 0 { return .float(1) }
    if v.isNaN { return .float(v) }
    if w.isNaN { return .float(v == 1 ? 1 : w) }
    if w.isInfinite {
      let m = v.magnitude
      if m == 1 { return .float(1) }
      return .float((w > 0) == (m > 1) ? .infinity : 0)
    }
    let odd = isOddInteger(w)
    if v.isInfinite {
      if w > 0 { return .float(odd ? v : v.magnitude) }
      return .float(odd ? (v < 0 ? -0.0 : 0.0) : 0.0)
    }
    if v == 0 {
      if w < 0 { throw NumericError.zeroToNegativePower }
      return .float(odd ? v : 0)
    }
    var negate = false
    if v < 0 {
      if w != w.rounded(.down) { return .complex }
      v = -v
      negate = odd
    }
    if v == 1 { return .float(negate ? -1 : 1) }
    var result = Glibc.pow(v, w)
    if result.isInfinite {
      throw NumericError.overflowError("(34, 'Numerical result out of range')")
    }
    if negate { result = -result }
    return .float(result)
  }

  /// Whether `x` is an odd integer (all doubles >= 2^53 are even).
  private static func isOddInteger(_ x: Double) -> Bool {
    x.magnitude < 9007199254740992 && x == x.rounded(.towardZero) && fmod(x, 2) != 0
  }
}
