/// Case conversion: upper, lower, casefold, capitalize, swapcase, title.
///
/// Python's definitions: full case mappings (SpecialCasing included, so
/// 'ß'.upper() == 'SS'), the final-sigma rule when lowercasing 'Σ', and the
/// Unicode properties Lowercase / Uppercase / Cased / Case_Ignorable and
/// the titlecase category Lt.
extension StrMethods {
  static func installCase(_ t: PyType) {
    t.method("upper") { _, args throws(PyException) in
      try noArgs(args, "upper")
      return upper(pystr(args[0]))
    }
    t.method("lower") { _, args throws(PyException) in
      try noArgs(args, "lower")
      return lower(pystr(args[0]))
    }
    t.method("casefold") { _, args throws(PyException) in
      try noArgs(args, "casefold")
      let s = pystr(args[0])
      if s.isASCII { return asciiMap(s, lowerTable) }
      var out = String.UnicodeScalarView()
      for c in s.value.unicodeScalars { appendFolded(c, &out) }
      return .object(PyStr(String(out)))
    }
    t.method("swapcase") { _, args throws(PyException) in
      try noArgs(args, "swapcase")
      let s = pystr(args[0])
      if s.isASCII { return asciiMap(s, swapTable) }
      let cs = s.scalars
      var out = String.UnicodeScalarView()
      for i in 0..<cs.count {
        let c = cs[i]
        let p = c.properties
        if p.isUppercase {
          appendLower(cs, i, &out)
        } else if p.isLowercase {
          out.append(contentsOf: p.uppercaseMapping.unicodeScalars)
        } else {
          out.append(c)
        }
      }
      return .object(PyStr(String(out)))
    }
    t.method("capitalize") { _, args throws(PyException) in
      try noArgs(args, "capitalize")
      let s = pystr(args[0])
      if s.isEmpty { return make("", ascii: true) }
      if s.isASCII {
        return withUTF8(s.value) { buf in
          make(buildUTF8(capacity: buf.count) { out in
            out.append(upperTable[Int(buf[0])])
            for b in buf.dropFirst() { out.append(lowerTable[Int(b)]) }
          }, ascii: true)
        }
      }
      let cs = s.scalars
      var out = String.UnicodeScalarView()
      out.append(contentsOf: cs[0].properties.titlecaseMapping.unicodeScalars)
      for i in 1..<cs.count { appendLower(cs, i, &out) }
      return .object(PyStr(String(out)))
    }
    t.method("title") { _, args throws(PyException) in
      try noArgs(args, "title")
      let s = pystr(args[0])
      if s.isASCII {
        return withUTF8(s.value) { buf in
          make(buildUTF8(capacity: buf.count) { out in
            var previousCased = false
            for b in buf {
              let isLetter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
              out.append(previousCased ? lowerTable[Int(b)] : upperTable[Int(b)])
              previousCased = isLetter
            }
          }, ascii: true)
        }
      }
      let cs = s.scalars
      var out = String.UnicodeScalarView()
      var previousCased = false
      for i in 0..<cs.count {
        let p = cs[i].properties
        if previousCased {
          appendLower(cs, i, &out)
        } else {
          out.append(contentsOf: p.titlecaseMapping.unicodeScalars)
        }
        previousCased = p.isCased
      }
      return .object(PyStr(String(out)))
    }
  }

  /// Methods that take no arguments: CPython's METH_NOARGS message.
  static func noArgs(_ args: Args, _ name: String) throws(PyException) {
    if args.count != 1 || args.hasKeywords {
      if args.hasKeywords && args.count == 1 {
        throw PyException.typeError("str.\(name)() takes no keyword arguments")
      }
      throw PyException.typeError("str.\(name)() takes no arguments (\(args.count - 1 + args.kwCount) given)")
    }
  }

  static func upper(_ s: PyStr) -> Value {
    if s.isASCII { return asciiMap(s, upperTable) }
    var out = String.UnicodeScalarView()
    for c in s.value.unicodeScalars {
      if c.value < 0x80 {
        out.append(Unicode.Scalar(upperTable[Int(c.value)]))
      } else if c.properties.changesWhenUppercased {
        out.append(contentsOf: c.properties.uppercaseMapping.unicodeScalars)
      } else {
        out.append(c)
      }
    }
    return .object(PyStr(String(out)))
  }

  static func lower(_ s: PyStr) -> Value {
    if s.isASCII { return asciiMap(s, lowerTable) }
    let cs = s.scalars
    var out = String.UnicodeScalarView()
    for i in 0..<cs.count { appendLower(cs, i, &out) }
    return .object(PyStr(String(out)))
  }

  /// Appends the full lowercase mapping of `cs[i]`, applying the final
  /// sigma rule to U+03A3.
  @inline(__always)
  static func appendLower(_ cs: [Unicode.Scalar], _ i: Int, _ out: inout String.UnicodeScalarView) {
    let c = cs[i]
    if c.value < 0x80 {
      out.append(Unicode.Scalar(lowerTable[Int(c.value)]))
    } else if c.value == 0x3A3 {
      out.append(isFinalSigma(cs, i) ? "\u{3C2}" : "\u{3C3}")
    } else if c.properties.changesWhenLowercased {
      out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
    } else {
      out.append(c)
    }
  }

  /// Final_Sigma: preceded by a cased letter and not followed by one,
  /// skipping case-ignorable characters in both directions.
  static func isFinalSigma(_ cs: [Unicode.Scalar], _ i: Int) -> Bool {
    var j = i - 1
    while j >= 0 && cs[j].properties.isCaseIgnorable { j -= 1 }
    guard j >= 0 && cs[j].properties.isCased else { return false }
    j = i + 1
    while j < cs.count && cs[j].properties.isCaseIgnorable { j += 1 }
    return j == cs.count || !cs[j].properties.isCased
  }

  static func appendFolded(_ c: Unicode.Scalar, _ out: inout String.UnicodeScalarView) {
    if c.value < 0x80 {
      out.append(Unicode.Scalar(lowerTable[Int(c.value)]))
    } else if let f = CaseFoldTable.special[c.value] {
      for v in f { out.append(Unicode.Scalar(v)!) }
    } else if c.properties.changesWhenLowercased {
      out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
    } else {
      out.append(c)
    }
  }

  /// Maps every byte of an ASCII string through a table.
  static func asciiMap(_ s: PyStr, _ table: [UInt8]) -> Value {
    withUTF8(s.value) { buf in
      make(buildUTF8(capacity: buf.count) { out in
        for b in buf { out.append(table[Int(b)]) }
      }, ascii: true)
    }
  }

  static let upperTable: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
    if b >= 97 && b <= 122 { return UInt8(b - 32) }
    return UInt8(b)
  }
  static let lowerTable: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
    if b >= 65 && b <= 90 { return UInt8(b + 32) }
    return UInt8(b)
  }
  static let swapTable: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
    if b >= 97 && b <= 122 { return UInt8(b - 32) }
    if b >= 65 && b <= 90 { return UInt8(b + 32) }
    return UInt8(b)
  }
}
