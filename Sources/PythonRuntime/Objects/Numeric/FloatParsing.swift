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

  private static func parseFloatASCII(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
    var start = 0
    var end = s.count
    while start < end && ASCII.isSpace(s[start]) { start += 1 }
    while end > start && ASCII.isSpace(s[end - 1]) { end -= 1 }
    if start == end { return nil }
    let body = UnsafeBufferPointer(rebasing: s[start..<end])
    if !body.contains(ASCII.underscore) { return parseFloatBody(body) }
    // Underscores must sit between two digits; drop them, then parse.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: body.count) { buffer in
      var count = 0
      var previous: UInt8 = 0
      for b in body {
        if b == ASCII.underscore {
          if !ASCII.isDigit(previous) { return nil }
        } else {
          if previous == ASCII.underscore && !ASCII.isDigit(b) { return nil }
          buffer[count] = b
          count += 1
        }
        previous = b
      }
      if previous == ASCII.underscore { return nil }
      return parseFloatBody(UnsafeBufferPointer(rebasing: buffer[0..<count]))
    }
  }

  /// `[sign] (digits [. digits] | . digits) [(e|E) [sign] digits]`, or
  /// `[sign] (inf | infinity | nan)`, and nothing else.
  private static func parseFloatBody(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
    var i = 0
    let n = s.count
    var negative = false
    if i < n && (s[i] == ASCII.plus || s[i] == ASCII.minus) {
      negative = s[i] == ASCII.minus
      i += 1
    }
    if i < n && !ASCII.isDigit(s[i]) && s[i] != ASCII.dot {
      let word = UnsafeBufferPointer(rebasing: s[i..<n])
      if matchesIgnoringCase(word, "inf") || matchesIgnoringCase(word, "infinity") {
        return negative ? -.infinity : .infinity
      }
      if matchesIgnoringCase(word, "nan") { return .nan }
      return nil
    }
    var mantissaDigits = 0
    while i < n && ASCII.isDigit(s[i]) { i += 1; mantissaDigits += 1 }
    if i < n && s[i] == ASCII.dot {
      i += 1
      while i < n && ASCII.isDigit(s[i]) { i += 1; mantissaDigits += 1 }
    }
    if mantissaDigits == 0 { return nil }
    if i < n && (s[i] | 0x20) == ASCII.lowerE {
      i += 1
      if i < n && (s[i] == ASCII.plus || s[i] == ASCII.minus) { i += 1 }
      var exponentDigits = 0
      while i < n && ASCII.isDigit(s[i]) { i += 1; exponentDigits += 1 }
      if exponentDigits == 0 { return nil }
    }
    if i != n { return nil }
    // Validated decimal text: the standard library's correctly rounded
    // conversion does the arithmetic.
    let text = String(decoding: s, as: UTF8.self)
    return Double(text)
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
    var text = negative ? "-0." : "0."
    text.append(String(decoding: UnsafeBufferPointer(start: digits, count: count), as: UTF8.self))
    text.append("e")
    text.append(String(decpt))
    return Double(text)!
  }
}
