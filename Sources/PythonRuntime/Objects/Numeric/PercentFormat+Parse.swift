/// Parsing of `%` conversion specifiers: `%(key)`, flags `-+ #0`, width
/// and precision (digits or `*`), an ignored `h`/`l`/`L`, and the
/// conversion character.
extension NumericFormat {
  /// Parses a conversion starting just after its `%`. Returns the index
  /// after it.
  static func parseConversion(_ s: UnsafeBufferPointer<UInt8>, at start: Int) -> (PercentConversion, Int) {
    var c = PercentConversion()
    var i = start
    let n = s.count
    let incomplete = NumericError.valueError("incomplete format")
    if i < n && s[i] == 0x28 {  // (
      c.wantsMapping = true
      var depth = 1
      let keyStart = i + 1
      i += 1
      while i < n && depth > 0 {
        if s[i] == 0x29 { depth -= 1 } else if s[i] == 0x28 { depth += 1 }
        i += 1
      }
      if depth > 0 {
        c.error = .valueError("incomplete format key")
        return (c, n)
      }
      c.key = String(decoding: UnsafeBufferPointer(rebasing: s[keyStart..<(i - 1)]), as: UTF8.self)
    }
    flags: while i < n {
      switch s[i] {
      case NumericASCII.minus: c.leftAdjust = true
      case NumericASCII.plus: c.forceSign = true
      case NumericASCII.space: c.blankSign = true
      case 0x23: c.alternate = true
      case NumericASCII.zero: c.zeroPad = true
      default: break flags
      }
      i += 1
    }
    if i < n && s[i] == 0x2A {  // *
      c.width = .fromArgument
      i += 1
    } else if i < n && NumericASCII.isDigit(s[i]) {
      var w = 0
      while i < n && NumericASCII.isDigit(s[i]) {
        let d = Int(s[i] - NumericASCII.zero)
        if w > (Int.max - d) / 10 {
          c.error = .valueError("width too big")
          return (c, n)
        }
        w = w * 10 + d
        i += 1
      }
      c.width = .fixed(w)
    }
    if i < n && s[i] == NumericASCII.dot {
      i += 1
      c.precision = .fixed(0)
      if i < n && s[i] == 0x2A {
        c.precision = .fromArgument
        i += 1
      } else if i < n && NumericASCII.isDigit(s[i]) {
        var p = 0
        while i < n && NumericASCII.isDigit(s[i]) {
          p = p * 10 + Int(s[i] - NumericASCII.zero)
          if p > Int(Int32.max) {
            c.error = .valueError("precision too big")
            return (c, n)
          }
          i += 1
        }
        c.precision = .fixed(p)
      }
    }
    if i < n && (s[i] == 0x68 || s[i] == 0x6C || s[i] == 0x4C) { i += 1 }  // h l L
    if i >= n {
      c.error = incomplete
      return (c, n)
    }
    // The conversion character may be any code point.
    var scalar: Unicode.Scalar = "?"
    var length = 1
    if s[i] < 0x80 {
      scalar = Unicode.Scalar(s[i])
    } else {
      var decoder = UTF8()
      var iterator = UnsafeBufferPointer(rebasing: s[i...]).makeIterator()
      if case .scalarValue(let v) = decoder.decode(&iterator) {
        scalar = v
        length = UTF8.width(v)
      }
    }
    c.type = scalar
    c.typeOffset = i
    return (c, i + length)
  }
}
