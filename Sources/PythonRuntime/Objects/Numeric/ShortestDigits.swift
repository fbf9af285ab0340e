import BigInt

/// Shortest round-trip decimal digits of a double by Ulf Adams' Ryū
/// algorithm ("Ryū: fast float-to-string conversion", PLDI 2018),
/// written from the paper: the rounding interval's bounds are scaled by
/// a 125-bit approximation of a power of five so that the decimal digits
/// of the bounds can be compared and trimmed with 64-bit arithmetic.
/// Among the shortest candidates it picks the closest, ties to even —
/// the same contract as David Gay's mode 0 that CPython's `repr` uses.
enum ShortestDigits {
  private static let pow5Bits = 125

  /// ⌈log2(5^e)⌉ for 0 < e <= 3528 (1 for e == 0).
  @inline(__always)
  private static func pow5bits(_ e: Int) -> Int { ((e * 1217359) >> 19) + 1 }
  /// ⌊log10(2^e)⌋ for 0 <= e <= 1650.
  @inline(__always)
  private static func log10Pow2(_ e: Int) -> Int { (e * 78913) >> 18 }
  /// ⌊log10(5^e)⌋ for 0 <= e <= 2620.
  @inline(__always)
  private static func log10Pow5(_ e: Int) -> Int { (e * 732923) >> 20 }

  /// 5^i as a 125-bit fixed-point value (top bits), i in 0..<326.
  private static let pow5Split: [(lo: UInt64, hi: UInt64)] = {
    var table: [(lo: UInt64, hi: UInt64)] = []
    table.reserveCapacity(326)
    var p = BigUInt(1)
    for i in 0..<326 {
      let shift = pow5bits(i) - pow5Bits
      let v = shift >= 0 ? p >> shift : p << -shift
      table.append(split(v))
      p *= 5
    }
    return table
  }()

  /// 2^k / 5^q rounded up to 125 bits, q in 0..<342.
  private static let pow5InvSplit: [(lo: UInt64, hi: UInt64)] = {
    var table: [(lo: UInt64, hi: UInt64)] = []
    table.reserveCapacity(342)
    var p = BigUInt(1)
    for q in 0..<342 {
      let k = pow5bits(q) - 1 + pow5Bits
      let v = (BigUInt(1) << k) / p + 1
      table.append(split(v))
      p *= 5
    }
    return table
  }()

  private static func split(_ v: BigUInt) -> (lo: UInt64, hi: UInt64) {
    let words = v.words
    return (words.count > 0 ? UInt64(words[0]) : 0, words.count > 1 ? UInt64(words[1]) : 0)
  }

  /// (m × mul) >> j for a 128-bit `mul` and j >= 64.
  @inline(__always)
  private static func mulShift(_ m: UInt64, _ mul: (lo: UInt64, hi: UInt64), _ j: Int) -> UInt64 {
    let b0 = m.multipliedFullWidth(by: mul.lo)
    let b2 = m.multipliedFullWidth(by: mul.hi)
    // (b0 >> 64) + b2, a 128-bit sum, then shifted right by j - 64.
    let (low, carry) = b2.low.addingReportingOverflow(b0.high)
    let high = b2.high &+ (carry ? 1 : 0)
    let s = j - 64
    if s == 0 { return low }
    if s >= 64 { return high >> UInt64(s - 64) }
    return (high << UInt64(64 - s)) | (low >> UInt64(s))
  }

  @inline(__always)
  private static func pow5Factor(_ value: UInt64) -> Int {
    var v = value
    var count = 0
    while v > 0 && v % 5 == 0 {
      v /= 5
      count += 1
    }
    return count
  }

  @inline(__always)
  private static func multipleOfPowerOf5(_ value: UInt64, _ p: Int) -> Bool { pow5Factor(value) >= p }

  @inline(__always)
  private static func multipleOfPowerOf2(_ value: UInt64, _ p: Int) -> Bool {
    p >= 64 ? value == 0 : value & ((1 << UInt64(p)) - 1) == 0
  }

  /// The shortest digits of a finite, positive double as (digits, exponent):
  /// value ≈ digits × 10^exponent, digits without trailing zeros.
  static func decimal(_ x: Double) -> (digits: UInt64, exponent: Int) {
    let fraction = x.significandBitPattern
    let biased = Int(x.exponentBitPattern)
    let m2: UInt64
    let e2: Int
    if biased == 0 {
      m2 = fraction
      e2 = 1 - 1023 - 52 - 2
    } else {
      m2 = (1 << 52) | fraction
      e2 = biased - 1023 - 52 - 2
    }
    let acceptBounds = m2 & 1 == 0
    // The interval of reals that round to x is (mm, mp) in units of 2^e2/4.
    let mv = 4 * m2
    let mmShift: UInt64 = (fraction != 0 || biased <= 1) ? 1 : 0
    var vr: UInt64, vp: UInt64, vm: UInt64
    var e10: Int
    var vmIsTrailingZeros = false
    var vrIsTrailingZeros = false
    if e2 >= 0 {
      let q = log10Pow2(e2) - (e2 > 3 ? 1 : 0)
      e10 = q
      let k = pow5Bits + pow5bits(q) - 1
      let i = -e2 + q + k
      let mul = pow5InvSplit[q]
      vr = mulShift(4 * m2, mul, i)
      vp = mulShift(4 * m2 + 2, mul, i)
      vm = mulShift(4 * m2 - 1 - mmShift, mul, i)
      if q <= 21 {
        if mv % 5 == 0 {
          vrIsTrailingZeros = multipleOfPowerOf5(mv, q)
        } else if acceptBounds {
          vmIsTrailingZeros = multipleOfPowerOf5(mv - 1 - mmShift, q)
        } else {
          vp -= multipleOfPowerOf5(mv + 2, q) ? 1 : 0
        }
      }
    } else {
      let q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0)
      e10 = q + e2
      let i = -e2 - q
      let k = pow5bits(i) - pow5Bits
      let j = q - k
      let mul = pow5Split[i]
      vr = mulShift(4 * m2, mul, j)
      vp = mulShift(4 * m2 + 2, mul, j)
      vm = mulShift(4 * m2 - 1 - mmShift, mul, j)
      if q <= 1 {
        vrIsTrailingZeros = true
        if acceptBounds {
          vmIsTrailingZeros = mmShift == 1
        } else {
          vp -= 1
        }
      } else if q < 63 {
        vrIsTrailingZeros = multipleOfPowerOf2(mv, q)
      }
    }
    // Drop digits while the interval still holds two candidates.
    var removed = 0
    var lastRemovedDigit: UInt64 = 0
    while vp / 10 > vm / 10 {
      vmIsTrailingZeros = vmIsTrailingZeros && vm % 10 == 0
      vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0
      lastRemovedDigit = vr % 10
      vr /= 10
      vp /= 10
      vm /= 10
      removed += 1
    }
    if vmIsTrailingZeros {
      while vm % 10 == 0 {
        vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0
        lastRemovedDigit = vr % 10
        vr /= 10
        vp /= 10
        vm /= 10
        removed += 1
      }
    }
    if vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0 {
      lastRemovedDigit = 4  // an exact tie: round to even
    }
    var output = vr
    if (vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 {
      output += 1
    }
    var exponent = e10 + removed
    while output % 10 == 0 {
      output /= 10
      exponent += 1
    }
    return (output, exponent)
  }
}
