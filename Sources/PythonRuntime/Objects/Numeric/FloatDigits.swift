/// Decimal digit generation for doubles — the part of David Gay's `dtoa`
/// that CPython's float formatting relies on, written from its contract:
///
/// - `shortest`: the shortest digit string that reads back as the same
///   double, the closest one when several are that short (dtoa mode 0,
///   used by `repr`), computed by Ryū (`ShortestDigits`).
/// - `rounded(.significant(n))`: the exact binary value correctly rounded
///   to `n` significant digits (mode 2, used by `e` and `g`).
/// - `rounded(.fixed(n))`: correctly rounded to `n` digits after the point,
///   `n` may be negative (mode 3, used by `f` and `round()`).
///
/// Results are written as ASCII digits `d1 d2 … dk` (no trailing zeros)
/// with a decimal-point position `decpt`: value = 0.d1d2…dk × 10^decpt.
/// Zero is `"0"` with `decpt` 1. A value that rounds to zero in fixed mode
/// gives no digits and `decpt == -n`, as dtoa does.
///
/// Rounding is exact (ties to even only on true binary ties): the shortest
/// digits are used when they provably give the same answer, and otherwise
/// the exact decimal expansion of the double is computed with limb
/// arithmetic (at most 767 significant digits).
enum FloatDigits {
  /// Digits of any finite double fit in this many bytes.
  static let maxDigits = 800

  enum Rounding {
    case significant(Int)
    case fixed(Int)
  }

  // MARK: Shortest

  /// Shortest round-trip digits of `|x|` (finite), by Ryū.
  static func shortest(_ x: Double, into out: UnsafeMutablePointer<UInt8>) -> (count: Int, decpt: Int) {
    let v = x.magnitude
    if v == 0 {
      out[0] = NumericASCII.zero
      return (1, 1)
    }
    var (digits, exponent) = ShortestDigits.decimal(v)
    var count = 0
    var t = digits
    repeat { count += 1; t /= 10 } while t > 0
    for k in stride(from: count - 1, through: 0, by: -1) {
      out[k] = NumericASCII.zero &+ UInt8(digits % 10)
      digits /= 10
    }
    exponent += count
    return (count, exponent)
  }

  /// The same digits taken from Swift's `Double.description`, the other
  /// shortest-closest printer at hand (the tests cross-check the two).
  static func shortestViaDescription(_ x: Double, into out: UnsafeMutablePointer<UInt8>) -> (count: Int, decpt: Int) {
    let v = x.magnitude
    if v == 0 {
      out[0] = NumericASCII.zero
      return (1, 1)
    }
    var text = v.description
    return text.withUTF8 { parseDigits($0, into: out) }
  }

  /// Splits Swift's rendering of a positive double (`1e+16`, `0.0001`,
  /// `123.45`, `5e-324`) into digits and a decimal-point position.
  private static func parseDigits(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> (count: Int, decpt: Int) {
    var count = 0
    var intDigits = 0
    var seenDot = false
    var leadingZeros = 0
    var i = 0
    var exponent = 0
    while i < utf8.count {
      let b = utf8[i]
      if NumericASCII.isDigit(b) {
        if !seenDot { intDigits += 1 }
        if count == 0 && b == NumericASCII.zero {
          leadingZeros += 1
        } else {
          out[count] = b
          count += 1
        }
      } else if b == NumericASCII.dot {
        seenDot = true
      } else if b == NumericASCII.lowerE || b == NumericASCII.upperE {
        var j = i + 1
        var negative = false
        if j < utf8.count && (utf8[j] == NumericASCII.minus || utf8[j] == NumericASCII.plus) {
          negative = utf8[j] == NumericASCII.minus
          j += 1
        }
        while j < utf8.count {
          exponent = exponent * 10 + Int(utf8[j] &- NumericASCII.zero)
          j += 1
        }
        if negative { exponent = -exponent }
        break
      }
      i += 1
    }
    while count > 1 && out[count - 1] == NumericASCII.zero { count -= 1 }
    return (count, intDigits - leadingZeros + exponent)
  }

  /// Whether the decimal `0.digits × 10^decpt` (at most 17 digits) is exactly
  /// a double, i.e. whether the shortest repr of a double equals its value.
  static func isExactlyRepresentable(_ digits: UnsafePointer<UInt8>, count: Int, decpt: Int) -> Bool {
    var d: UInt64 = 0
    for i in 0..<count { d = d &* 10 &+ UInt64(digits[i] &- NumericASCII.zero) }
    if d == 0 { return true }
    let j = decpt - count  // value = d × 10^j
    if j >= 0 {
      if j > 22 { return false }
      var p = d
      for _ in 0..<j {
        let (r, o) = p.multipliedReportingOverflow(by: 5)
        if o { return false }
        p = r
      }
      p >>= UInt64(p.trailingZeroBitCount)
      return p < (1 << 53)
    } else {
      let n = -j
      if n > 27 { return false }
      var pow5: UInt64 = 1
      for _ in 0..<n { pow5 *= 5 }
      guard d % pow5 == 0 else { return false }
      var q = d / pow5
      q >>= UInt64(q.trailingZeroBitCount)
      return q < (1 << 53)
    }
  }

  // MARK: Exact expansion

  /// All significant digits of `|x|` (finite), exactly.
  static func exact(_ x: Double, into out: UnsafeMutablePointer<UInt8>) -> (count: Int, decpt: Int) {
    let v = x.magnitude
    if v == 0 {
      out[0] = NumericASCII.zero
      return (1, 1)
    }
    var mantissa: UInt64
    var exponent: Int
    if v.exponentBitPattern == 0 {
      mantissa = v.significandBitPattern
      exponent = -1074
    } else {
      mantissa = v.significandBitPattern | (1 << 52)
      exponent = Int(v.exponentBitPattern) - 1075
    }
    let tz = mantissa.trailingZeroBitCount
    mantissa >>= UInt64(tz)
    exponent += tz

    // 2^1024 needs 17 limbs; 2^53 × 5^1074 needs 40.
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 48) { limbs in
      var n = 1
      limbs[0] = mantissa
      if exponent >= 0 {
        n = shiftLeft(limbs, count: n, by: exponent)
      } else {
        var remaining = -exponent
        while remaining > 0 {
          let step = min(remaining, 27)
          var factor: UInt64 = 1
          for _ in 0..<step { factor *= 5 }
          n = multiply(limbs, count: n, by: factor)
          remaining -= step
        }
      }
      var count = writeDecimal(limbs, count: n, into: out)
      let decpt = exponent >= 0 ? count : count + exponent
      while count > 1 && out[count - 1] == NumericASCII.zero { count -= 1 }
      return (count, decpt)
    }
  }

  private static func shiftLeft(_ limbs: UnsafeMutableBufferPointer<UInt64>, count: Int, by shift: Int) -> Int {
    let wordShift = shift / 64
    let bitShift = UInt64(shift % 64)
    var n = count
    if bitShift != 0 {
      var carry: UInt64 = 0
      for i in 0..<n {
        let w = limbs[i]
        limbs[i] = (w << bitShift) | carry
        carry = w >> (64 - bitShift)
      }
      if carry != 0 { limbs[n] = carry; n += 1 }
    }
    if wordShift > 0 {
      for i in stride(from: n - 1, through: 0, by: -1) { limbs[i + wordShift] = limbs[i] }
      for i in 0..<wordShift { limbs[i] = 0 }
      n += wordShift
    }
    return n
  }

  private static func multiply(_ limbs: UnsafeMutableBufferPointer<UInt64>, count: Int, by factor: UInt64) -> Int {
    var carry: UInt64 = 0
    for i in 0..<count {
      let (hi, lo) = limbs[i].multipliedFullWidth(by: factor)
      let (sum, o) = lo.addingReportingOverflow(carry)
      limbs[i] = sum
      carry = hi &+ (o ? 1 : 0)
    }
    if carry != 0 {
      limbs[count] = carry
      return count + 1
    }
    return count
  }

  /// Writes the decimal digits of the limb number (destroying it); returns
  /// the digit count. No leading zeros.
  private static func writeDecimal(_ limbs: UnsafeMutableBufferPointer<UInt64>, count: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
    let chunk: UInt64 = 10_000_000_000_000_000_000  // 10^19
    var n = count
    // Collect 19-digit chunks, least significant first, into a scratch area
    // at the end of `out` is not possible without knowing the length, so
    // keep the chunks and expand them afterwards.
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 48) { chunks in
      var chunkCount = 0
      while n > 0 {
        var remainder: UInt64 = 0
        for i in stride(from: n - 1, through: 0, by: -1) {
          let (q, r) = chunk.dividingFullWidth((high: remainder, low: limbs[i]))
          limbs[i] = q
          remainder = r
        }
        chunks[chunkCount] = remainder
        chunkCount += 1
        while n > 0 && limbs[n - 1] == 0 { n -= 1 }
      }
      var written = 0
      for c in stride(from: chunkCount - 1, through: 0, by: -1) {
        var value = chunks[c]
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch
        let digits = withUnsafeMutableBytes(of: &tmp) { raw -> Int in
          let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
          var k = 0
          repeat {
            p[k] = NumericASCII.zero &+ UInt8(value % 10)
            value /= 10
            k += 1
          } while value > 0
          let width = c == chunkCount - 1 ? k : 19
          for z in 0..<width {
            out[written + z] = z < width - k ? NumericASCII.zero : p[width - 1 - z]
          }
          return width
        }
        written += digits
      }
      return written
    }
  }

  // MARK: Correct rounding

  /// `|x|` (finite) correctly rounded as `mode` asks.
  static func rounded(_ x: Double, _ mode: Rounding, into out: UnsafeMutablePointer<UInt8>) -> (count: Int, decpt: Int) {
    let v = x.magnitude
    if v == 0 {
      out[0] = NumericASCII.zero
      return (1, 1)
    }
    let (count, decpt) = shortest(v, into: out)
    switch roundDigits(out, count: count, decpt: decpt, mode, exact: false) {
    case .done(let c, let d):
      return (c, d)
    case .needsExactValue:
      let (ec, ed) = exact(v, into: out)
      switch roundDigits(out, count: ec, decpt: ed, mode, exact: true) {
      case .done(let c, let d): return (c, d)
      case .needsExactValue: fatalError("unreachable: exact digits always decide")
      }
    }
  }

  private enum RoundOutcome {
    case done(Int, Int)
    case needsExactValue
  }

  /// Rounds the digit string in place. With `exact == false` the digits are
  /// the shortest repr, which decides the rounding unless the cut falls on
  /// a decimal tie or asks for more digits than it has (and it is not the
  /// exact value). A midpoint strictly between the shortest digits and the
  /// true value would itself round-trip, with no more digits and closer to
  /// the true value — impossible for the shortest-closest string.
  private static func roundDigits(_ d: UnsafeMutablePointer<UInt8>, count: Int, decpt: Int, _ mode: Rounding, exact: Bool) -> RoundOutcome {
    let keep: Int
    let fixedDigits: Int?
    switch mode {
    case .significant(let n):
      keep = max(n, 1)
      fixedDigits = nil
    case .fixed(let n):
      keep = decpt + n
      fixedDigits = n
    }
    if keep >= count {
      if exact || isExactlyRepresentable(d, count: count, decpt: decpt) {
        return .done(count, decpt)
      }
      return .needsExactValue
    }
    if keep < 0 {
      return .done(0, -(fixedDigits ?? 0))
    }
    let next = d[keep]
    var roundUp: Bool
    if next > NumericASCII.zero + 5 || (next == NumericASCII.zero + 5 && count > keep + 1) {
      roundUp = true
    } else if next < NumericASCII.zero + 5 {
      roundUp = false
    } else {
      // The digits stop at a 5 right after the cut: a decimal tie.
      if !exact && !isExactlyRepresentable(d, count: count, decpt: decpt) {
        return .needsExactValue
      }
      let previous = keep > 0 ? d[keep - 1] &- NumericASCII.zero : 0
      roundUp = previous & 1 == 1
    }
    if !roundUp {
      var c = keep
      while c > 0 && d[c - 1] == NumericASCII.zero { c -= 1 }
      if c == 0 { return .done(0, -(fixedDigits ?? 0)) }
      return .done(c, decpt)
    }
    var i = keep - 1
    while i >= 0 && d[i] == NumericASCII.nine { i -= 1 }
    if i < 0 {
      d[0] = NumericASCII.zero + 1
      return .done(1, decpt + 1)
    }
    d[i] += 1
    return .done(i + 1, decpt)
  }
}
