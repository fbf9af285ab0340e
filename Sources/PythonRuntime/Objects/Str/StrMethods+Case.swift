/// Case conversion: upper, lower, casefold, capitalize, swapcase, title.
///
/// Python's definitions: full case mappings (SpecialCasing included, so
/// 'ß'.upper() == 'SS'), the final-sigma rule when lowercasing 'Σ', and the
/// Unicode properties Lowercase / Uppercase / Cased / Case_Ignorable and
/// the titlecase category Lt.
///
/// The conversions run over the UTF-8 bytes: ASCII bytes are mapped
/// inline, Latin code points (up to U+024F) through precomputed tables,
/// others through the Unicode properties.
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
      if s.isASCII { return asciiMap(s, asciiLower) }
      let maps = CaseMaps.latin
      return mapScalars(s) { c, _, _, out in maps.append(.fold, c, &out) }
    }
    t.method("swapcase") { _, args throws(PyException) in
      try noArgs(args, "swapcase")
      let s = pystr(args[0])
      if s.isASCII { return asciiMap(s, asciiSwap) }
      let maps = CaseMaps.latin
      return mapScalars(s) { c, i, s, out in
        let p = c.properties
        if p.isUppercase {
          appendLower(maps, s, c, i, &out)
        } else if p.isLowercase {
          maps.append(.upper, c, &out)
        } else {
          out.appendUTF8(c)
        }
      }
    }
    t.method("capitalize") { _, args throws(PyException) in
      try noArgs(args, "capitalize")
      let s = pystr(args[0])
      if s.isEmpty { return make("", ascii: true) }
      if s.isASCII {
        return withUTF8(s.value) { buf in
          asciiString(buf.count) { i in i == 0 ? asciiUpper(buf[0]) : asciiLower(buf[i]) }
        }
      }
      let maps = CaseMaps.latin
      return mapScalars(s, first: { c, out in maps.append(.title, c, &out) }) { c, i, s, out in
        appendLower(maps, s, c, i, &out)
      }
    }
    t.method("title") { _, args throws(PyException) in
      try noArgs(args, "title")
      let s = pystr(args[0])
      if s.isASCII {
        return withUTF8(s.value) { buf in
          var previousCased = false
          return asciiString(buf.count) { i in
            let b = buf[i]
            let r = previousCased ? asciiLower(b) : asciiUpper(b)
            previousCased = (b | 0x20) &- 97 < 26
            return r
          }
        }
      }
      let maps = CaseMaps.latin
      var previousCased = false
      return mapScalars(s) { c, i, s, out in
        if previousCased {
          appendLower(maps, s, c, i, &out)
        } else {
          maps.append(.title, c, &out)
        }
        previousCased = c.value < 0x80 ? (UInt8(c.value) | 0x20) &- 97 < 26 : c.properties.isCased
      }
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
    if s.isASCII { return asciiUpperString(s) }
    let maps = CaseMaps.latin
    return mapScalars(s) { c, _, _, out in maps.append(.upper, c, &out) }
  }

  static func lower(_ s: PyStr) -> Value {
    if s.isASCII { return asciiLowerString(s) }
    let maps = CaseMaps.latin
    return mapScalars(s) { c, i, s, out in appendLower(maps, s, c, i, &out) }
  }

  /// Appends the full lowercase mapping of `c` (code point `i` of `s`),
  /// applying the final sigma rule to U+03A3.
  @inline(__always)
  static func appendLower(_ maps: CaseMaps, _ s: PyStr, _ c: Unicode.Scalar, _ i: Int, _ out: inout [UInt8]) {
    if c.value == 0x3A3 {
      out.appendUTF8(isFinalSigma(s.scalars, i) ? "\u{3C2}" : "\u{3C3}")
    } else {
      maps.append(.lower, c, &out)
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

  /// Rebuilds a non-ASCII string code point by code point. ASCII bytes are
  /// passed to `body` too (as scalars), so `body` sees every code point
  /// with its index; `first`, when given, handles code point 0.
  static func mapScalars(_ s: PyStr, first: ((Unicode.Scalar, inout [UInt8]) -> Void)? = nil,
                         _ body: (Unicode.Scalar, Int, PyStr, inout [UInt8]) -> Void) -> Value {
    let r: String = withUTF8(s.value) { h in
      var out: [UInt8] = []
      out.reserveCapacity(h.count + 8)
      var i = 0, cp = 0
      while i < h.count {
        let (v, len) = decode(h, i)
        let c = Unicode.Scalar(v)!
        if cp == 0, let first { first(c, &out) } else { body(c, cp, s, &out) }
        i += len
        cp += 1
      }
      return String(decoding: out, as: UTF8.self)
    }
    return .object(PyStr(r))
  }

  // MARK: ASCII

  @inline(__always) static func asciiUpper(_ b: UInt8) -> UInt8 { b &- 97 < 26 ? b &- 32 : b }
  @inline(__always) static func asciiLower(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b &+ 32 : b }
  @inline(__always) static func asciiSwap(_ b: UInt8) -> UInt8 { (b | 0x20) &- 97 < 26 ? b ^ 0x20 : b }

  /// Maps every byte of an ASCII string (a plain loop per mapping, so
  /// the compiler vectorises it).
  static func asciiMap(_ s: PyStr, _ f: (UInt8) -> UInt8) -> Value {
    withUTF8(s.value) { src in
      let n = src.count
      let r = String(unsafeUninitializedCapacity: n) { out in
        guard n > 0, let o = out.baseAddress, let p = src.baseAddress else { return 0 }
        for i in 0..<n { o[i] = f(p[i]) }
        return n
      }
      return .object(PyStr(ascii: r, count: n))
    }
  }

  static func asciiUpperString(_ s: PyStr) -> Value {
    withUTF8(s.value) { src in
      let n = src.count
      let r = String(unsafeUninitializedCapacity: n) { out in
        guard n > 0, let o = out.baseAddress, let p = src.baseAddress else { return 0 }
        for i in 0..<n { let b = p[i]; o[i] = b &- 97 < 26 ? b &- 32 : b }
        return n
      }
      return .object(PyStr(ascii: r, count: n))
    }
  }

  static func asciiLowerString(_ s: PyStr) -> Value {
    withUTF8(s.value) { src in
      let n = src.count
      let r = String(unsafeUninitializedCapacity: n) { out in
        guard n > 0, let o = out.baseAddress, let p = src.baseAddress else { return 0 }
        for i in 0..<n { let b = p[i]; o[i] = b &- 65 < 26 ? b &+ 32 : b }
        return n
      }
      return .object(PyStr(ascii: r, count: n))
    }
  }

  /// A new ASCII str of `n` bytes produced by `byte(i)`.
  @inline(__always)
  static func asciiString(_ n: Int, _ byte: (Int) -> UInt8) -> Value {
    let r = String(unsafeUninitializedCapacity: n) { out in
      for i in 0..<n { out[i] = byte(i) }
      return n
    }
    return .object(PyStr(ascii: r, count: n))
  }
}

/// Full case mappings, precomputed for U+0080...U+024F (Latin-1 and Latin
/// Extended-A/B, where most non-ASCII text lives); computed from the
/// Unicode properties elsewhere. Immutable once built, so shared by every
/// interpreter.
struct CaseMaps: @unchecked Sendable {
  enum Kind { case lower, upper, title, fold }
  static let range: Range<UInt32> = 0x80..<0x250
  let lower: [[UInt8]], upper: [[UInt8]], title: [[UInt8]], fold: [[UInt8]]

  static let latin = CaseMaps()

  private init() {
    func table(_ kind: Kind) -> [[UInt8]] {
      CaseMaps.range.map { v in
        var out: [UInt8] = []
        CaseMaps.compute(kind, Unicode.Scalar(v)!, &out)
        return out
      }
    }
    lower = table(.lower)
    upper = table(.upper)
    title = table(.title)
    fold = table(.fold)
  }

  @inline(__always)
  func append(_ kind: Kind, _ c: Unicode.Scalar, _ out: inout [UInt8]) {
    let v = c.value
    if v < 0x80 {
      let b = UInt8(v)
      switch kind {
      case .upper, .title: out.append(StrMethods.asciiUpper(b))
      case .lower, .fold: out.append(StrMethods.asciiLower(b))
      }
    } else if v < CaseMaps.range.upperBound {
      let i = Int(v - 0x80)
      switch kind {
      case .lower: out.append(contentsOf: lower[i])
      case .upper: out.append(contentsOf: upper[i])
      case .title: out.append(contentsOf: title[i])
      case .fold: out.append(contentsOf: fold[i])
      }
    } else {
      CaseMaps.compute(kind, c, &out)
    }
  }

  static func compute(_ kind: Kind, _ c: Unicode.Scalar, _ out: inout [UInt8]) {
    let p = c.properties
    let mapped: String
    switch kind {
    case .lower:
      guard p.changesWhenLowercased else { out.appendUTF8(c); return }
      mapped = p.lowercaseMapping
    case .upper:
      guard p.changesWhenUppercased else { out.appendUTF8(c); return }
      mapped = p.uppercaseMapping
    case .title:
      guard p.changesWhenTitlecased else { out.appendUTF8(c); return }
      mapped = p.titlecaseMapping
    case .fold:
      if let f = CaseFoldTable.special[c.value] {
        for v in f { out.appendUTF8(Unicode.Scalar(v)!) }
        return
      }
      guard p.changesWhenLowercased else { out.appendUTF8(c); return }
      mapped = p.lowercaseMapping
    }
    out.append(contentsOf: mapped.utf8)
  }
}
