import BigInt

/// Python's integer division rules: `//` floors, `%` takes the divisor's
/// sign, and results that leave `Int`'s range (only `Int.min // -1`)
/// become `BigInt`.
extension NumericOps {
  public static func floorDivide(_ a: Int, _ b: Int) throws -> IntegerValue {
    if b == 0 { throw NumericError.divisionByZero }
    if b == -1 {
      return a == Int.min ? .big(-BigInt(a)) : .small(-a)
    }
    let q = a / b
    let r = a % b
    return .small(r != 0 && (r < 0) != (b < 0) ? q - 1 : q)
  }

  public static func modulo(_ a: Int, _ b: Int) throws -> Int {
    if b == 0 { throw NumericError.divisionByZero }
    if b == -1 { return 0 }
    let r = a % b
    return r != 0 && (r < 0) != (b < 0) ? r + b : r
  }

  public static func divmod(_ a: Int, _ b: Int) throws -> (quotient: IntegerValue, remainder: Int) {
    (try floorDivide(a, b), try modulo(a, b))
  }

  public static func floorDivide(_ a: IntegerValue, _ b: IntegerValue) throws -> IntegerValue {
    if case .small(let x) = a, case .small(let y) = b { return try floorDivide(x, y) }
    return try divmod(a, b).quotient
  }

  public static func modulo(_ a: IntegerValue, _ b: IntegerValue) throws -> IntegerValue {
    if case .small(let x) = a, case .small(let y) = b { return .small(try modulo(x, y)) }
    return try divmod(a, b).remainder
  }

  public static func divmod(_ a: IntegerValue, _ b: IntegerValue) throws -> (quotient: IntegerValue, remainder: IntegerValue) {
    if case .small(let x) = a, case .small(let y) = b {
      let (q, r) = try divmod(x, y)
      return (q, .small(r))
    }
    let divisor = b.bigValue
    if divisor.isZero { throw NumericError.divisionByZero }
    var (q, r) = a.bigValue.quotientAndRemainder(dividingBy: divisor)
    if !r.isZero && (r.sign == .minus) != (divisor.sign == .minus) {
      q -= 1
      r += divisor
    }
    return (IntegerValue(q), IntegerValue(r))
  }

  /// `int / int`: correctly rounded like CPython's `long_true_divide`, even
  /// when the operands are too big for a float (`10**30 / 3`).
  public static func trueDivide(_ a: IntegerValue, _ b: IntegerValue) throws -> Double {
    if b.isZero { throw NumericError.divisionByZero }
    let limit = 1 << 53
    if case .small(let x) = a, case .small(let y) = b, x.magnitude <= limit, y.magnitude <= limit {
      return Double(x) / Double(y)
    }
    let negative = a.isNegative != b.isNegative
    let numerator = a.bigValue.magnitude
    let denominator = b.bigValue.magnitude
    if numerator.isZero { return negative ? -0.0 : 0.0 }
    let tooLarge = NumericError.overflowError("integer division result too large for a float")
    let diff = numerator.bitWidth - denominator.bitWidth
    if diff > 1025 { throw tooLarge }
    if diff < -1076 { return negative ? -0.0 : 0.0 }
    // Scale so the quotient has 55 or 56 bits, then round once.
    let shift = 55 - diff
    let (q, r) = shift >= 0
      ? (numerator << shift).quotientAndRemainder(dividingBy: denominator)
      : numerator.quotientAndRemainder(dividingBy: denominator << -shift)
    let quotient = UInt64(q)
    let magnitude = roundScaled(quotient, sticky: !r.isZero, exponent: -shift)
    if magnitude.isInfinite { throw tooLarge }
    return negative ? -magnitude : magnitude
  }

  /// The double nearest to `(value + ε) × 2^exponent`, ties to even, where
  /// `ε` is a positive amount below one unit of `value` when `sticky`.
  static func roundScaled(_ value: UInt64, sticky: Bool, exponent: Int) -> Double {
    let bits = 64 - value.leadingZeroBitCount
    if bits == 0 { return 0 }
    let top = bits - 1 + exponent  // binary exponent of the leading bit
    // Keep 53 bits, fewer when the result is subnormal.
    let drop = max(bits - 53, -1074 - exponent)
    if drop <= 0 {
      return Double(sign: .plus, exponent: exponent, significand: Double(value))
    }
    if drop > 64 || top < -1076 { return 0 }
    let kept = drop == 64 ? 0 : value >> UInt64(drop)
    let rest = drop == 64 ? value : value & ((1 << UInt64(drop)) - 1)
    let half: UInt64 = 1 << UInt64(drop - 1)
    var mantissa = kept
    if rest > half || (rest == half && (sticky || kept & 1 == 1)) {
      mantissa += 1
    }
    return Double(sign: .plus, exponent: exponent + drop, significand: Double(mantissa))
  }

  // MARK: int <-> float

  /// `float(x)` for an int: correctly rounded, ties to even.
  public static func toDouble(_ value: IntegerValue) throws -> Double {
    switch value {
    case .small(let v): return Double(v)
    case .big(let v): return try toDouble(v)
    }
  }

  public static func toDouble(_ value: BigInt) throws -> Double {
    let magnitude = value.magnitude
    let bits = magnitude.bitWidth
    var result: Double
    if bits <= 64 {
      result = Double(UInt64(magnitude))
    } else {
      // The top 64 bits, with every lower bit folded into a sticky bit.
      let shift = bits - 64
      let words = magnitude.words
      let wordShift = shift / 64
      let bitShift = shift % 64
      var top = UInt64(words[wordShift]) >> UInt64(bitShift)
      if bitShift != 0 && wordShift + 1 < words.count {
        top |= UInt64(words[wordShift + 1]) << UInt64(64 - bitShift)
      }
      var sticky = bitShift != 0 && UInt64(words[wordShift]) << UInt64(64 - bitShift) != 0
      var i = 0
      while !sticky && i < wordShift {
        sticky = words[i] != 0
        i += 1
      }
      if bits > 1025 { throw NumericError.intTooLargeForFloat }
      result = Double(sign: .plus, exponent: shift, significand: Double(top | (sticky ? 1 : 0)))
      if result.isInfinite { throw NumericError.intTooLargeForFloat }
    }
    return value.sign == .minus ? -result : result
  }

  /// `int(x)` for a float: truncates toward zero.
  public static func toInteger(_ x: Double) throws -> IntegerValue {
    if x.isNaN { throw NumericError.floatNaNToInt }
    if x.isInfinite { throw NumericError.floatInfinityToInt }
    let t = x.rounded(.towardZero)
    if t.magnitude < 9.2e18 { return .small(Int(t)) }
    // |t| >= 2^63: an integer m × 2^e with e >= 11.
    let e = Int(t.exponent) - 52
    let m = BigInt(t.significandBitPattern | (1 << 52)) << e
    return IntegerValue(t < 0 ? -m : m)
  }

  /// `int ** int`. A negative exponent converts both to float, as CPython
  /// does (`2 ** -1 == 0.5`, `0 ** -1` raises).
  public static func power(_ base: IntegerValue, _ exponent: IntegerValue) throws -> PowerResult {
    if exponent.isNegative {
      return try power(toDouble(base), toDouble(exponent))
    }
    guard let e = exponent.intValue else {
      // Only 0, 1 and -1 have representable results.
      switch base {
      case .small(0), .small(1): return .int(base)
      case .small(-1):
        return .int(.small(exponent.bigValue.magnitude.words[0] & 1 == 0 ? 1 : -1))
      default: throw NumericError.memoryError
      }
    }
    // Results of more than 2^31 bits (256 MB) fail as CPython's
    // allocation would, instead of taking minutes first.
    let baseBits = bitLength(base)
    if baseBits > 1 && e > 0 && (baseBits - 1).multipliedReportingOverflow(by: e).partialValue > 1 << 31
        || (baseBits - 1).multipliedReportingOverflow(by: e).overflow {
      throw NumericError.memoryError
    }
    if case .small(let b) = base {
      var result = 1
      var factor = b
      var n = e
      var overflow = false
      while n > 0 {
        if n & 1 == 1 {
          let (r, o) = result.multipliedReportingOverflow(by: factor)
          result = r
          if o { overflow = true; break }
        }
        n >>= 1
        if n > 0 {
          let (f, o) = factor.multipliedReportingOverflow(by: factor)
          factor = f
          if o { overflow = true; break }
        }
      }
      if !overflow { return .int(.small(result)) }
    }
    return .int(IntegerValue(base.bigValue.power(e)))
  }
}

/// The result of `**`: CPython returns an int, a float, or (negative base,
/// fractional exponent) a complex, which this library leaves to the runtime.
public enum PowerResult: Equatable, Sendable {
  case int(IntegerValue)
  case float(Double)
  /// A negative float raised to a non-integer power: the runtime computes
  /// the complex result.
  case complex
}
