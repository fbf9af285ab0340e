/// The text-processing methods of `str`.
enum StrMethods {
  private static func s(_ v: Value) -> String { (v.asObject as! PyStr).value }

  static func install(_ t: PyType) {
    t.method("upper") { _, args throws(PyException) in Value(s(args[0]).uppercased()) }
    t.method("lower") { _, args throws(PyException) in Value(s(args[0]).lowercased()) }
    t.method("strip") { ts, args throws(PyException) in Value(try strip(ts, args, left: true, right: true)) }
    t.method("lstrip") { ts, args throws(PyException) in Value(try strip(ts, args, left: true, right: false)) }
    t.method("rstrip") { ts, args throws(PyException) in Value(try strip(ts, args, left: false, right: true)) }
    t.method("split") { ts, args throws(PyException) in
      let a = try ArgList(args, "split", ["sep", "maxsplit"], skipSelf: true)
      let maxsplit = try a[1].map { (v) throws(PyException) in try ts.intArg(v, "maxsplit must be int") } ?? -1
      let parts: [String]
      if let sepValue = a[0] {
        let sep = try ts.strArg(sepValue, "must be str or None, not \(sepValue.type.name)").value
        if sep.isEmpty { throw PyException.valueError("empty separator") }
        parts = splitOn(s(args[0]), sep, maxsplit)
      } else {
        parts = splitWhitespace(s(args[0]), maxsplit)
      }
      return .object(PyList(parts.map { Value($0) }))
    }
    t.method("replace") { ts, args throws(PyException) in
      try args.expect("replace", min: 2, max: 3)
      let old = try ts.strArg(args[1], "replace() argument 1 must be str, not \(args[1].type.name)").value
      let new = try ts.strArg(args[2], "replace() argument 2 must be str, not \(args[2].type.name)").value
      let count = args.count > 3 ? try ts.intArg(args[3], "count must be int") : -1
      return Value(replace(s(args[0]), old, new, count))
    }
    t.method("startswith") { ts, args throws(PyException) in
      try args.expect("startswith", min: 1, max: 3)
      return .bool(try affix(ts, args, prefix: true))
    }
    t.method("endswith") { ts, args throws(PyException) in
      try args.expect("endswith", min: 1, max: 3)
      return .bool(try affix(ts, args, prefix: false))
    }
    t.method("find") { ts, args throws(PyException) in
      try args.expect("find", min: 1, max: 3)
      let sub = try ts.strArg(args[1], "must be str, not \(args[1].type.name)")
      return .int(findIndex(StrType.str(args[0]), sub.value) ?? -1)
    }
    t.method("format") { ts, args throws(PyException) in
      Value(try StrFormat.format(ts, s(args[0]), args.droppingFirst))
    }
  }

  static func findIndex(_ s: PyStr, _ sub: String) -> Int? {
    guard let byte = StrOps.find(s.value, sub) else { return nil }
    // Convert the UTF-8 offset to a code point index.
    if s.isASCII { return byte }
    var n = 0
    var i = 0
    for b in s.value.utf8 {
      if i == byte { return n }
      if b & 0xC0 != 0x80 { n += 1 }
      i += 1
    }
    return n
  }

  static func isPythonWhitespace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }

  static func strip(_ ts: ThreadState, _ args: Args, left: Bool, right: Bool) throws(PyException) -> String {
    try args.expect("strip", min: 0, max: 1)
    let text = Array(s(args[0]).unicodeScalars)
    var chars: Set<Unicode.Scalar>? = nil
    if args.count > 1, !args[1].isNone {
      chars = Set(try ts.strArg(args[1], "strip arg must be None or str").value.unicodeScalars)
    }
    func strippable(_ c: Unicode.Scalar) -> Bool { chars.map { $0.contains(c) } ?? isPythonWhitespace(c) }
    var lo = 0, hi = text.count
    if left { while lo < hi && strippable(text[lo]) { lo += 1 } }
    if right { while hi > lo && strippable(text[hi - 1]) { hi -= 1 } }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: text[lo..<hi])
    return String(out)
  }

  static func splitWhitespace(_ str: String, _ maxsplit: Int) -> [String] {
    var parts: [String] = []
    var current = String.UnicodeScalarView()
    var inWord = false
    var splits = 0
    var scalars = Array(str.unicodeScalars)[...]
    while let c = scalars.first {
      if isPythonWhitespace(c) {
        if inWord {
          parts.append(String(current))
          current = String.UnicodeScalarView()
          inWord = false
          splits += 1
          if maxsplit >= 0 && splits >= maxsplit {
            scalars = scalars.drop(while: { isPythonWhitespace($0) })
            if !scalars.isEmpty {
              var rest = String.UnicodeScalarView()
              rest.append(contentsOf: scalars)
              parts.append(String(rest))
            }
            return parts
          }
        }
      } else {
        current.append(c)
        inWord = true
      }
      scalars = scalars.dropFirst()
    }
    if inWord { parts.append(String(current)) }
    return parts
  }

  static func splitOn(_ str: String, _ sep: String, _ maxsplit: Int) -> [String] {
    let h = Array(str.utf8), n = Array(sep.utf8)
    var parts: [String] = []
    var start = 0
    var splits = 0
    while maxsplit < 0 || splits < maxsplit, let p = BytesOps.find(h, n, from: start) {
      parts.append(String(decoding: h[start..<p], as: UTF8.self))
      start = p + n.count
      splits += 1
    }
    parts.append(String(decoding: h[start...], as: UTF8.self))
    return parts
  }

  static func replace(_ str: String, _ old: String, _ new: String, _ count: Int) -> String {
    if count == 0 { return str }
    let h = Array(str.utf8), o = Array(old.utf8), nw = Array(new.utf8)
    if o.isEmpty {
      var out: [UInt8] = []
      var done = 0
      var it = str.unicodeScalars.makeIterator()
      if count < 0 || done < count {
        out.append(contentsOf: nw)
        done += 1
      }
      while let c = it.next() {
        out.append(contentsOf: Array(String(c).utf8))
        if count < 0 || done < count {
          out.append(contentsOf: nw)
          done += 1
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(h.count)
    var start = 0
    var done = 0
    while count < 0 || done < count, let p = BytesOps.find(h, o, from: start) {
      out.append(contentsOf: h[start..<p])
      out.append(contentsOf: nw)
      start = p + o.count
      done += 1
    }
    out.append(contentsOf: h[start...])
    return String(decoding: out, as: UTF8.self)
  }

  private static func affix(_ ts: ThreadState, _ args: Args, prefix: Bool) throws(PyException) -> Bool {
    let pstr = StrType.str(args[0])
    var text = pstr.value
    if args.count > 2 {
      let n = pstr.count
      let start = try ListTupleTypes.clampIndex(ts, args[2], n)
      let end = args.count > 3 ? try ListTupleTypes.clampIndex(ts, args[3], n) : n
      if start > n { return false }
      text = pstr.substring(start, max(end, start))
    }
    let candidates: [Value]
    if let t = args[1].asTuple { candidates = Array(t.items) } else { candidates = [args[1]] }
    for c in candidates {
      guard let cs = c.asStr else {
        let what = prefix ? "startswith" : "endswith"
        throw PyException.typeError(
          "\(what) first arg must be str or a tuple of str, not \(c.type.name)")
      }
      let a = Array(text.utf8), b = Array(cs.value.utf8)
      if prefix ? a.starts(with: b) : (a.count >= b.count && Array(a[(a.count - b.count)...]) == b) { return true }
    }
    return false
  }
}
