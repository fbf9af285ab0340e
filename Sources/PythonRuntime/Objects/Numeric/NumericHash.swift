import BigInt

/// CPython's numeric hash on 64-bit builds: a number's hash is its value
/// modulo the Mersenne prime P = 2**61 - 1 (for a fraction m/n, m times
/// the inverse of n), with the sign of the number, and -1 replaced by -2.
/// This makes `hash(1) == hash(1.0) == hash(True)`.
extension NumericOps {
  /// `sys.hash_info.modulus`.
  public static let hashModulus: UInt64 = (1 << 61) - 1
  /// `sys.hash_info.inf`.
  public static let hashInfinity = 314_159

  /// `hash(x)` for an int.
  public static func hash(_ value: Int) -> Int {
    let h = Int(UInt64(value.magnitude) % hashModulus)
    return finish(value < 0 ? -h : h)
  }

  public static func hash(_ value: BigInt) -> Int {
    var h: UInt64 = 0
    // Horner over 64-bit words: h = (h × 2^64 + w) mod P.
    for word in value.magnitude.words.reversed() {
      h = reduce(high: h, low: UInt64(word))
    }
    let signed = Int(h)
    return finish(value.sign == .minus ? -signed : signed)
  }

  public static func hash(_ value: IntegerValue) -> Int {
    switch value {
    case .small(let v): return hash(v)
    case .big(let v): return hash(v)
    }
  }

  /// `hash(x)` for a float. Integral floats hash like the equal int,
  /// infinities to ±314159. CPython hashes a NaN by object identity, which
  /// no value-level function can reproduce: this returns 0 for NaN and the
  /// runtime should substitute its identity hash.
  public static func hash(_ value: Double) -> Int {
    if value.isNaN { return 0 }
    if value.isInfinite { return value > 0 ? hashInfinity : -hashInfinity }
    if value == 0 { return 0 }
    let m = value.magnitude
    var mantissa: UInt64
    var exponent: Int
    if m.exponentBitPattern == 0 {
      mantissa = m.significandBitPattern
      exponent = -1074
    } else {
      mantissa = m.significandBitPattern | (1 << 52)
      exponent = Int(m.exponentBitPattern) - 1075
    }
    // value = mantissa × 2^exponent, and 2^61 ≡ 1 (mod P), so the power of
    // two reduces to a rotation by exponent mod 61.
    var e = exponent % 61
    if e < 0 { e += 61 }
    let h = rotate(mantissa % hashModulus, by: e)
    let signed = Int(h)
    return finish(value < 0 ? -signed : signed)
  }

  /// (high × 2^64 + low) mod P, for high < P.
  private static func reduce(high: UInt64, low: UInt64) -> UInt64 {
    hashModulus.dividingFullWidth((high: high, low: low)).remainder
  }

  /// x × 2^e mod P for x < P and 0 <= e < 61: a 61-bit rotation.
  private static func rotate(_ x: UInt64, by e: Int) -> UInt64 {
    if e == 0 { return x }
    let r = ((x << UInt64(e)) & hashModulus) | (x >> UInt64(61 - e))
    return r == hashModulus ? 0 : r
  }

  @inline(__always)
  private static func finish(_ h: Int) -> Int { h == -1 ? -2 : h }
}
