/// Padding and layout: center, ljust, rjust, zfill, expandtabs.
extension StrMethods {
  static func installPadding(_ t: PyType) {
    t.method("center") { ts, args throws(PyException) in try pad(ts, args, "center") }
    t.method("ljust") { ts, args throws(PyException) in try pad(ts, args, "ljust") }
    t.method("rjust") { ts, args throws(PyException) in try pad(ts, args, "rjust") }
    t.method("zfill") { ts, args throws(PyException) in
      if args.count != 2 || args.hasKeywords {
        if args.hasKeywords { throw PyException.typeError("str.zfill() takes no keyword arguments") }
        throw PyException.typeError("str.zfill() takes exactly one argument (\(args.count - 1) given)")
      }
      let width = try intArg(ts, args[1])
      let s = pystr(args[0])
      let len = s.count
      if len >= width { return same(args[0]) }
      let fill = width - len
      try ts.checkRepeatSize(1, fill)
      let r = withUTF8(s.value) { h in
        buildUTF8(capacity: h.count + fill) { out in
          var rest = 0
          if h.count > 0 && (h[0] == 43 || h[0] == 45) {
            out.append(h[0])
            rest = 1
          }
          out.append(contentsOf: repeatElement(48, count: fill))
          out.append(contentsOf: UnsafeBufferPointer(rebasing: h[rest...]))
        }
      }
      return make(r, ascii: s.isASCII)
    }
    t.method("expandtabs") { ts, args throws(PyException) in
      let a = try ArgList(args, "expandtabs", ["tabsize"], skipSelf: true)
      let tabsize = try a[0].map { (v) throws(PyException) in try cIntArg(ts, v) } ?? 8
      let s = pystr(args[0])
      let r = withUTF8(s.value) { h in
        buildUTF8(capacity: h.count + 16) { out in
          var column = 0
          var i = 0
          while i < h.count {
            let b = h[i]
            if b == 9 {
              if tabsize > 0 {
                let n = tabsize - column % tabsize
                out.append(contentsOf: repeatElement(32, count: n))
                column += n
              }
              i += 1
              continue
            }
            out.append(b)
            if b & 0xC0 != 0x80 { column += 1 }
            if b == 10 || b == 13 { column = 0 }
            i += 1
          }
        }
      }
      return make(r, ascii: s.isASCII)
    }
  }

  /// center / ljust / rjust.
  static func pad(_ ts: ThreadState, _ args: Args, _ name: String) throws(PyException) -> Value {
    try positional(args, "str", name, min: 1, max: 2)
    let width = try intArg(ts, args[1])
    var fill: Unicode.Scalar = " "
    if args.count > 2 { fill = try fillChar(args[2]) }
    let s = pystr(args[0])
    let len = s.count
    if len >= width { return same(args[0]) }
    let marg = width - len
    let left: Int
    switch name {
    case "ljust": left = 0
    case "rjust": left = marg
    default: left = marg / 2 + (marg & width & 1)
    }
    let right = marg - left
    var fillBytes: [UInt8] = []
    fillBytes.appendUTF8(fill)
    try ts.checkRepeatSize(fillBytes.count, marg)
    let r = withUTF8(s.value) { h in
      buildUTF8(capacity: h.count + marg * fillBytes.count) { out in
        if fillBytes.count == 1 {
          out.append(contentsOf: repeatElement(fillBytes[0], count: left))
          out.append(contentsOf: h)
          out.append(contentsOf: repeatElement(fillBytes[0], count: right))
        } else {
          for _ in 0..<left { out.append(contentsOf: fillBytes) }
          out.append(contentsOf: h)
          for _ in 0..<right { out.append(contentsOf: fillBytes) }
        }
      }
    }
    return make(r, ascii: s.isASCII && fill.value < 0x80)
  }

  static func fillChar(_ v: Value) throws(PyException) -> Unicode.Scalar {
    guard let f = v.asStr else {
      throw PyException.typeError("The fill character must be a unicode character, not \(v.type.name)")
    }
    guard f.count == 1, let c = f.value.unicodeScalars.first else {
      throw PyException.typeError("The fill character must be exactly one character long")
    }
    return c
  }
}
