import BigInt

/// `str(int)`, `bin()`, `oct()`, `hex()` and the digit writers the
/// format-spec and `%` formatters share.
extension NumericFormat {
  /// CPython's default `sys.get_int_max_str_digits()`.
  public static let defaultMaxStrDigits = 4300

  static func tooManyDigitsToString(_ limit: Int) -> NumericError {
    .valueError("Exceeds the limit (\(limit) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
  }

  /// `str(x)` / `repr(x)` for a Python int. `maxDigits` is the interpreter's
  /// `sys.get_int_max_str_digits()` (0 = no limit); more decimal digits than
  /// that (sign not counted) is CPython's `ValueError`.
  public static func intToString(_ value: IntegerValue, maxDigits: Int = defaultMaxStrDigits) throws -> String {
    switch value {
    case .small(let v): return String(v)
    case .big(let v): return try intToString(v, maxDigits: maxDigits)
    }
  }

  /// `str(x)` for a `BigInt`, with the digit limit.
  public static func intToString(_ value: BigInt, maxDigits: Int = defaultMaxStrDigits) throws -> String {
    if let small = Int(exactly: value) { return String(small) }
    try checkDecimalDigitLimit(value.magnitude, maxDigits: maxDigits)
    let digits = decimalDigits(value.magnitude)
    if maxDigits > 0 && digits.count > maxDigits { throw tooManyDigitsToString(maxDigits) }
    let negative = value.sign == .minus
    return NumericByteWriter.string(capacity: digits.count + 1) { out in
      if negative { out.append(NumericASCII.minus) }
      digits.withUnsafeBufferPointer { out.append($0) }
    }
  }

  /// Decimal text of any `BigInt`, no digit limit.
  public static func bigIntToDecimal(_ value: BigInt) -> String {
    if let small = Int(exactly: value) { return String(small) }
    let digits = decimalDigits(value.magnitude)
    return NumericByteWriter.string(capacity: digits.count + 1) { out in
      if value.sign == .minus { out.append(NumericASCII.minus) }
      digits.withUnsafeBufferPointer { out.append($0) }
    }
  }

  /// `bin(x)`, `oct(x)`, `hex(x)`: `-0x1f`. `radix` is 2, 8 or 16.
  public static func intToString(_ value: IntegerValue, radix: Int, prefix: Bool = true, uppercase: Bool = false) -> String {
    let negative = value.isNegative
    let marker: UInt8 = radix == 2 ? 0x62 : radix == 8 ? 0x6F : (uppercase ? 0x58 : 0x78)
    let count = digitCount(value, radix: radix)
    return NumericByteWriter.string(capacity: count + 3) { out in
      if negative { out.append(NumericASCII.minus) }
      if prefix {
        out.append(NumericASCII.zero)
        out.append(marker)
      }
      writeMagnitude(value, radix: radix, uppercase: uppercase, into: &out)
    }
  }

  /// Throws when the magnitude certainly has more than `maxDigits` decimal
  /// digits, judged from its bit length alone (so huge values fail fast).
  static func checkDecimalDigitLimit(_ magnitude: BigUInt, maxDigits: Int) throws {
    guard maxDigits > 0 else { return }
    let bits = magnitude.bitWidth
    // floor((bits - 1) * log10(2)) + 1 is a lower bound on the digit count.
    let lowerBound = Int(Double(bits - 1) * 0.30102999566398114) + 1
    if lowerBound > maxDigits { throw tooManyDigitsToString(maxDigits) }
  }

  // MARK: Digit writers

  /// The number of digits of `|value|` in `radix` (2, 8, 10 or 16).
  static func digitCount(_ value: IntegerValue, radix: Int) -> Int {
    switch value {
    case .small(let v):
      var m = v.magnitude
      if m == 0 { return 1 }
      if radix == 10 {
        var n = 0
        while m > 0 { m /= 10; n += 1 }
        return n
      }
      let bits = UInt.bitWidth - m.leadingZeroBitCount
      let perDigit = radix == 2 ? 1 : radix == 8 ? 3 : 4
      return (bits + perDigit - 1) / perDigit
    case .big(let v):
      if radix == 10 { return decimalDigits(v.magnitude).count }
      let bits = max(v.magnitude.bitWidth, 1)
      let perDigit = radix == 2 ? 1 : radix == 8 ? 3 : 4
      return (bits + perDigit - 1) / perDigit
    }
  }

  /// Writes the digits of `|value|` in `radix` (2, 8, 10 or 16), no sign or prefix.
  static func writeMagnitude(_ value: IntegerValue, radix: Int, uppercase: Bool, into out: inout NumericByteWriter) {
    switch value {
    case .small(let v):
      writeMagnitude(v.magnitude, radix: radix, uppercase: uppercase, into: &out)
    case .big(let v):
      if radix == 10 {
        decimalDigits(v.magnitude).withUnsafeBufferPointer { out.append($0) }
      } else {
        writePowerOfTwoDigits(v.magnitude, radix: radix, uppercase: uppercase, into: &out)
      }
    }
  }

  static func writeMagnitude(_ magnitude: UInt, radix: Int, uppercase: Bool, into out: inout NumericByteWriter) {
    var tmp: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &tmp) { raw in
      let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
      var m = magnitude
      var k = 64
      let table = uppercase ? NumericASCII.upperHexDigits : NumericASCII.lowerHexDigits
      let r = UInt(radix)
      repeat {
        k -= 1
        p[k] = table[Int(m % r)]
        m /= r
      } while m > 0
      out.append(p + k, count: 64 - k)
    }
  }

  private static func writePowerOfTwoDigits(_ magnitude: BigUInt, radix: Int, uppercase: Bool, into out: inout NumericByteWriter) {
    let perDigit = radix == 2 ? 1 : radix == 8 ? 3 : 4
    let bits = max(magnitude.bitWidth, 1)
    let count = (bits + perDigit - 1) / perDigit
    let words = magnitude.words
    let table = uppercase ? NumericASCII.upperHexDigits : NumericASCII.lowerHexDigits
    let mask = UInt(radix - 1)
    for d in stride(from: count - 1, through: 0, by: -1) {
      let bit = d * perDigit
      let wordIndex = bit / UInt.bitWidth
      let offset = bit % UInt.bitWidth
      var chunk = wordIndex < words.count ? words[wordIndex] >> UInt(offset) : 0
      if offset + perDigit > UInt.bitWidth && wordIndex + 1 < words.count {
        chunk |= words[wordIndex + 1] << UInt(UInt.bitWidth - offset)
      }
      out.append(table[Int(chunk & mask)])
    }
  }

  /// Decimal digits of a `BigUInt` as ASCII bytes: schoolbook conversion
  /// in 19-digit chunks, one single-word division pass per chunk. That is
  /// quadratic, fast at the 4300-digit limit (about 0.3 ms) and ~0.15 s for
  /// 100,000 digits. (Divide and conquer over BigInt's division measured
  /// three times slower at every size up to 100,000 digits.)
  static func decimalDigits(_ magnitude: BigUInt) -> [UInt8] {
    var limbs = Array(magnitude.words)
    while let last = limbs.last, last == 0 { limbs.removeLast() }
    if limbs.isEmpty { return [NumericASCII.zero] }
    let chunk: UInt = 10_000_000_000_000_000_000
    var chunks: [UInt] = []
    chunks.reserveCapacity(limbs.count * 64 / 63 + 1)
    var n = limbs.count
    limbs.withUnsafeMutableBufferPointer { l in
      while n > 0 {
        var remainder: UInt = 0
        var i = n - 1
        while i >= 0 {
          let (q, r) = chunk.dividingFullWidth((high: remainder, low: l[i]))
          l[i] = q
          remainder = r
          i -= 1
        }
        chunks.append(remainder)
        while n > 0 && l[n - 1] == 0 { n -= 1 }
      }
    }
    let top = chunks[chunks.count - 1]
    var topDigits = 1
    var t = top
    while t >= 10 { t /= 10; topDigits += 1 }
    let total = topDigits + 19 * (chunks.count - 1)
    return [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
      var position = total
      for (index, var value) in chunks.enumerated() {
        let width = index == chunks.count - 1 ? topDigits : 19
        for _ in 0..<width {
          position -= 1
          buffer[position] = NumericASCII.zero &+ UInt8(value % 10)
          value /= 10
        }
      }
      initialized = total
    }
  }
}
