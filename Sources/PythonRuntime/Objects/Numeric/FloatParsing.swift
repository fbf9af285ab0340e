import Glibc

/// `float(str)`.
extension NumericParse {
  /// `float(text)`: surrounding whitespace, `_` only between digits, a
  /// sign, decimal notation with optional exponent, or `inf`, `infinity`,
  /// `nan` in any case. Hexadecimal is not accepted (that is
  /// `float.fromhex`). Out-of-range values become `inf` or `0.0` as in
  /// CPython; the digits are converted with correct rounding.
  public static func parseFloat(_ text: String) throws -> Double {
    var s = text
    let value: Double? = s.withUTF8 { utf8 in
      if !utf8.contains(where: { $0 >= 0x80 }) {
        return parseFloatASCII(utf8)
      }
      let ascii = asciiDigitsAndSpaces(text)
      return ascii.withUnsafeBufferPointer { parseFloatASCII($0) }
    }
    guard let value else {
      throw NumericError.valueError("could not convert string to float: \(NumericFormat.pythonStringRepr(text))")
    }
    return value
  }

  /// `float(b)` for `bytes`/`bytearray` (ASCII only).
  public static func parseFloat<C: Collection>(bytes: C) throws -> Double where C.Element == UInt8 {
    let array = Array(bytes)
    guard let value = array.withUnsafeBufferPointer({ parseFloatASCII($0) }) else {
      throw NumericError.valueError("could not convert string to float: \(NumericFormat.pythonBytesRepr(array))")
    }
    return value
  }

  private static func parseFloatASCII(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
    var start = 0
    var end = s.count
    while start < end && NumericASCII.isSpace(s[start]) { start += 1 }
    while end > start && NumericASCII.isSpace(s[end - 1]) { end -= 1 }
    if start == end { return nil }
    let body = UnsafeBufferPointer(rebasing: s[start..<end])
    if !body.contains(NumericASCII.underscore) { return parseFloatBody(body) }
    // Underscores must sit between two digits; drop them, then parse.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: body.count) { buffer in
      var count = 0
      var previous: UInt8 = 0
      for b in body {
        if b == NumericASCII.underscore {
          if !NumericASCII.isDigit(previous) { return nil }
        } else {
          if previous == NumericASCII.underscore && !NumericASCII.isDigit(b) { return nil }
          buffer[count] = b
          count += 1
        }
        previous = b
      }
      if previous == NumericASCII.underscore { return nil }
      return parseFloatBody(UnsafeBufferPointer(rebasing: buffer[0..<count]))
    }
  }

  /// `[sign] (digits [. digits] | . digits) [(e|E) [sign] digits]`, or
  /// `[sign] (inf | infinity | nan)`, and nothing else.
  private static func parseFloatBody(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
    var i = 0
    let n = s.count
    var negative = false
    if i < n && (s[i] == NumericASCII.plus || s[i] == NumericASCII.minus) {
      negative = s[i] == NumericASCII.minus
      i += 1
    }
    if i < n && !NumericASCII.isDigit(s[i]) && s[i] != NumericASCII.dot {
      let word = UnsafeBufferPointer(rebasing: s[i..<n])
      if matchesIgnoringCase(word, "inf") || matchesIgnoringCase(word, "infinity") {
        return negative ? -.infinity : .infinity
      }
      if matchesIgnoringCase(word, "nan") { return .nan }
      return nil
    }
    var mantissaDigits = 0
    while i < n && NumericASCII.isDigit(s[i]) { i += 1; mantissaDigits += 1 }
    if i < n && s[i] == NumericASCII.dot {
      i += 1
      while i < n && NumericASCII.isDigit(s[i]) { i += 1; mantissaDigits += 1 }
    }
    if mantissaDigits == 0 { return nil }
    if i < n && (s[i] | 0x20) == NumericASCII.lowerE {
      i += 1
      if i < n && (s[i] == NumericASCII.plus || s[i] == NumericASCII.minus) { i += 1 }
      var exponentDigits = 0
      while i < n && NumericASCII.isDigit(s[i]) { i += 1; exponentDigits += 1 }
      if exponentDigits == 0 { return nil }
    }
    if i != n { return nil }
    return decimalToDouble(s)
  }

  private static func matchesIgnoringCase(_ s: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    guard s.count == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for k in 0..<s.count where s[k] | 0x20 != w[k] { return false }
    return true
  }

  /// The double nearest to `0.digits × 10^decpt` (ASCII digits).
  static func decimalToDouble(_ digits: UnsafePointer<UInt8>, count: Int, decpt: Int, negative: Bool) -> Double {
    if count == 0 { return negative ? -0.0 : 0.0 }
    if count <= 15 {
      var m: UInt64 = 0
      for k in 0..<count { m = m * 10 + UInt64(digits[k] &- NumericASCII.zero) }
      if let v = exactDecimal(m, exponent: decpt - count) { return negative ? -v : v }
    }
    // "-0." + digits + "e" + exponent, NUL-terminated, for strtod.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 32) { buffer in
      var w = NumericByteWriter(base: buffer.baseAddress!, capacity: count + 32)
      if negative { w.append(NumericASCII.minus) }
      w.append(NumericASCII.zero)
      w.append(NumericASCII.dot)
      w.append(digits, count: count)
      w.append(NumericASCII.lowerE)
      w.append(String(decpt))
      w.append(0)
      return cStringToDouble(buffer.baseAddress!)
    }
  }

  /// Validated decimal text (`[sign] digits [. digits] [e [sign] digits]`)
  /// to the nearest double.
  static func decimalToDouble(_ s: UnsafeBufferPointer<UInt8>) -> Double {
    // Clinger's fast path: at most 15 significant digits and a power of
    // ten that is itself exact make one correctly rounded operation.
    var i = 0
    var negative = false
    if s[i] == NumericASCII.plus || s[i] == NumericASCII.minus {
      negative = s[i] == NumericASCII.minus
      i += 1
    }
    var m: UInt64 = 0
    var significant = 0
    var exponent = 0
    var seenDot = false
    while i < s.count {
      let b = s[i]
      if NumericASCII.isDigit(b) {
        if significant > 0 || b != NumericASCII.zero {
          significant += 1
          if significant <= 19 { m = m * 10 + UInt64(b - NumericASCII.zero) } else if !seenDot { exponent += 1 }
        }
        if seenDot && significant <= 19 { exponent -= 1 }
      } else if b == NumericASCII.dot {
        seenDot = true
      } else {
        break
      }
      i += 1
    }
    if i < s.count {  // exponent part
      i += 1
      var expNegative = false
      if s[i] == NumericASCII.plus || s[i] == NumericASCII.minus {
        expNegative = s[i] == NumericASCII.minus
        i += 1
      }
      var e = 0
      while i < s.count {
        if e < 100_000 { e = e * 10 + Int(s[i] - NumericASCII.zero) }
        i += 1
      }
      exponent += expNegative ? -e : e
    }
    if significant == 0 { return negative ? -0.0 : 0.0 }
    if significant <= 15, let v = exactDecimal(m, exponent: exponent) {
      return negative ? -v : v
    }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: s.count + 1) { buffer in
      for k in 0..<s.count { buffer[k] = s[k] }
      buffer[s.count] = 0
      return cStringToDouble(buffer.baseAddress!)
    }
  }

  private static let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// m × 10^exponent when both factors are exact doubles (m < 2^53).
  @inline(__always)
  private static func exactDecimal(_ m: UInt64, exponent: Int) -> Double? {
    guard m < 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
    let d = Double(m)
    return exponent >= 0 ? d * exactPowersOfTen[exponent] : d / exactPowersOfTen[-exponent]
  }

  /// glibc's correctly rounded `strtod`, with the C locale's decimal point
  /// whatever the process locale is.
  private static func cStringToDouble(_ text: UnsafePointer<UInt8>) -> Double {
    let previous = uselocale(cNumericLocale)
    defer { uselocale(previous) }
    return text.withMemoryRebound(to: CChar.self, capacity: 1) { strtod($0, nil) }
  }

  /// A "C" LC_NUMERIC locale (`LC_NUMERIC_MASK` is a macro Swift cannot
  /// import; it is `1 << LC_NUMERIC`).
  private static let cNumericLocale = newlocale(Int32(1) << LC_NUMERIC, "C", nil)
}
