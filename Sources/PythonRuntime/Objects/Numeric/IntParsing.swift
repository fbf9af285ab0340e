import BigInt

/// `int(str, base)` and `int(bytes, base)`.
extension NumericParse {
  static func tooManyDigitsToInt(_ limit: Int, _ digits: Int) -> NumericError {
    .valueError("Exceeds the limit (\(limit) digits) for integer string conversion: value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit")
  }

  /// `int(text, base)`: surrounding whitespace, a sign, `_` only between
  /// digits (and once right after a base prefix), base 0 guessing the base
  /// from a `0x`/`0o`/`0b` prefix, a prefix allowed when it matches the
  /// base, Unicode decimal digits accepted. More than `maxDigits` digits in
  /// a base that is not a power of two is CPython's `ValueError`
  /// (`maxDigits` 0 = no limit).
  public static func parseInt(_ text: String, base: Int = 10, maxDigits: Int = NumericFormat.defaultMaxStrDigits) throws -> IntegerValue {
    if base != 0 && (base < 2 || base > 36) {
      throw NumericError.valueError("int() base must be >= 2 and <= 36, or 0")
    }
    var s = text
    let outcome: IntParseOutcome = s.withUTF8 { utf8 in
      if !utf8.contains(where: { $0 >= 0x80 }) {
        return parseASCII(utf8, base: base, maxDigits: maxDigits)
      }
      let ascii = asciiDigitsAndSpaces(text)
      return ascii.withUnsafeBufferPointer { parseASCII($0, base: base, maxDigits: maxDigits) }
    }
    switch outcome {
    case .value(let v):
      return v
    case .tooManyDigits(let count):
      throw tooManyDigitsToInt(maxDigits, count)
    case .invalid:
      throw NumericError.valueError("invalid literal for int() with base \(base): \(NumericFormat.truncatedRepr(text, limit: 200))")
    }
  }

  /// `int(b, base)` for `bytes`/`bytearray`: ASCII digits and whitespace
  /// only; the error shows the repr of (at most the first 200) bytes.
  public static func parseInt<C: Collection>(bytes: C, base: Int = 10, maxDigits: Int = NumericFormat.defaultMaxStrDigits) throws -> IntegerValue where C.Element == UInt8 {
    if base != 0 && (base < 2 || base > 36) {
      throw NumericError.valueError("int() base must be >= 2 and <= 36, or 0")
    }
    let array = Array(bytes)
    switch array.withUnsafeBufferPointer({ parseASCII($0, base: base, maxDigits: maxDigits) }) {
    case .value(let v):
      return v
    case .tooManyDigits(let count):
      throw tooManyDigitsToInt(maxDigits, count)
    case .invalid:
      let repr = NumericFormat.pythonBytesRepr(array.prefix(200))
      throw NumericError.valueError("invalid literal for int() with base \(base): \(String(repr.unicodeScalars.prefix(200)))")
    }
  }

  private enum IntParseOutcome {
    case value(IntegerValue)
    case invalid
    case tooManyDigits(Int)
  }

  /// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: whitespace
  /// becomes a space, Unicode decimal digits their ASCII digit, and any
  /// other non-ASCII character ends the text with an invalid marker.
  static func asciiDigitsAndSpaces(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
      if c.value < 0x80 {
        out.append(UInt8(c.value))
      } else if isWhitespace(c) {
        out.append(NumericASCII.space)
      } else if let d = FormatSpec.decimalValue(c) {
        out.append(NumericASCII.zero + UInt8(d))
      } else {
        out.append(0x3F)  // '?', never valid
        break
      }
    }
    return out
  }

  /// `str.isspace()` for one character.
  static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
         0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }

  /// Parses the ASCII form of the text. Syntax is checked before the digit
  /// limit, as CPython does.
  private static func parseASCII(_ s: UnsafeBufferPointer<UInt8>, base requestedBase: Int, maxDigits: Int) -> IntParseOutcome {
    var i = 0
    let n = s.count
    while i < n && NumericASCII.isSpace(s[i]) { i += 1 }
    var negative = false
    if i < n && (s[i] == NumericASCII.plus || s[i] == NumericASCII.minus) {
      negative = s[i] == NumericASCII.minus
      i += 1
    }
    var base = requestedBase
    var onlyZeroAllowed = false
    @inline(__always) func at(_ k: Int) -> UInt8 { k < n ? s[k] | 0x20 : 0 }  // lowercased
    if base == 0 {
      if i >= n || s[i] != NumericASCII.zero {
        base = 10
      } else {
        switch at(i + 1) {
        case 0x78: base = 16
        case 0x6F: base = 8
        case 0x62: base = 2
        default:
          onlyZeroAllowed = true
          base = 10
        }
      }
    }
    if i < n && s[i] == NumericASCII.zero {
      let marker = at(i + 1)
      if (base == 16 && marker == 0x78) || (base == 8 && marker == 0x6F) || (base == 2 && marker == 0x62) {
        i += 2
        if i < n && s[i] == NumericASCII.underscore { i += 1 }
      }
    }
    // Scan digits and underscores.
    let start = i
    var digitCount = 0
    var previousUnderscore = true  // no leading underscore
    while i < n {
      let b = s[i]
      if b == NumericASCII.underscore {
        if previousUnderscore { return .invalid }
        previousUnderscore = true
      } else {
        guard let d = digitValue(b), d < base else { break }
        digitCount += 1
        previousUnderscore = false
      }
      i += 1
    }
    if digitCount == 0 || previousUnderscore { return .invalid }
    let end = i
    while i < n && NumericASCII.isSpace(s[i]) { i += 1 }
    if i != n { return .invalid }

    let powerOfTwo = base & (base - 1) == 0
    if !powerOfTwo && maxDigits > 0 && digitCount > maxDigits {
      return .tooManyDigits(digitCount)
    }
    let digits = UnsafeBufferPointer(rebasing: s[start..<end])
    var value = accumulate(digits, base: base)
    if onlyZeroAllowed && !value.isZero { return .invalid }
    if negative {
      switch value {
      case .small(let v): value = .small(-v)
      case .big(let v): value = IntegerValue(-v)
      }
    }
    return .value(value)
  }

  /// The value of a validated run of digits and underscores.
  private static func accumulate(_ digits: UnsafeBufferPointer<UInt8>, base: Int) -> IntegerValue {
    // Small values: plain Int arithmetic with overflow detection.
    var small = 0
    var overflow = false
    for b in digits where b != NumericASCII.underscore {
      let (m, o1) = small.multipliedReportingOverflow(by: base)
      let (a, o2) = m.addingReportingOverflow(digitValue(b)!)
      if o1 || o2 { overflow = true; break }
      small = a
    }
    if !overflow { return .small(small) }
    // Big values: multiply-add whole chunks of digits into 64-bit limbs.
    var chunkDigits = 0
    var chunkPower: UInt = 1
    while true {
      let (p, o) = chunkPower.multipliedReportingOverflow(by: UInt(base))
      if o { break }
      chunkPower = p
      chunkDigits += 1
    }
    var limbs: [UInt] = [0]
    var chunk: UInt = 0
    var inChunk = 0
    func flush(_ power: UInt) {
      var carry = chunk
      for k in 0..<limbs.count {
        let (hi, lo) = limbs[k].multipliedFullWidth(by: power)
        let (sum, o) = lo.addingReportingOverflow(carry)
        limbs[k] = sum
        carry = hi &+ (o ? 1 : 0)
      }
      if carry != 0 { limbs.append(carry) }
    }
    var power: UInt = 1
    for b in digits where b != NumericASCII.underscore {
      chunk = chunk * UInt(base) + UInt(digitValue(b)!)
      power *= UInt(base)
      inChunk += 1
      if inChunk == chunkDigits {
        flush(power)
        chunk = 0
        power = 1
        inChunk = 0
      }
    }
    if inChunk > 0 { flush(power) }
    return IntegerValue(BigInt(sign: .plus, magnitude: BigUInt(words: limbs)))
  }

  @inline(__always)
  static func digitValue(_ b: UInt8) -> Int? {
    switch b {
    case 0x30...0x39: return Int(b - 0x30)
    case 0x61...0x7A: return Int(b - 0x61 + 10)
    case 0x41...0x5A: return Int(b - 0x41 + 10)
    default: return nil
    }
  }
}
