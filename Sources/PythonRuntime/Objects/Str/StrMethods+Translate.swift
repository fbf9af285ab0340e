/// Character mapping: str.maketrans and str.translate.
extension StrMethods {
  static func installTranslate(_ t: PyType) {
    t.staticMethod("maketrans") { ts, args throws(PyException) in
      try positional(args, "str", "maketrans", min: 1, max: 3, skipSelf: false)
      if args.count == 1 {
        guard let d = args[0].asDict else {
          throw PyException.typeError("if you give only one argument to maketrans it must be a dict")
        }
        let out = PyDict()
        for (k, v) in d.storageItems() {
          if let s = k.asStr {
            guard s.count == 1 else { throw PyException.valueError("string keys in translate table must be of length 1") }
            try out.set(ts, .int(Int(s.value.unicodeScalars.first!.value)), v)
          } else if k.isInt {
            try out.set(ts, k, v)
          } else {
            throw PyException.typeError("keys in translate table must be strings or integers")
          }
        }
        return .object(out)
      }
      let y = try strArg(args[1], "maketrans() argument 2 must be str, not \(argTypeName(args[1]))")
      var z: PyStr? = nil
      if args.count > 2 { z = try strArg(args[2], "maketrans() argument 3 must be str, not \(argTypeName(args[2]))") }
      let x = try strArg(args[0], "first maketrans argument must be a string if there is a second argument")
      guard x.count == y.count else {
        throw PyException.valueError("the first two maketrans arguments must have equal length")
      }
      let out = PyDict()
      for (a, b) in zip(x.value.unicodeScalars, y.value.unicodeScalars) {
        try out.set(ts, .int(Int(a.value)), .int(Int(b.value)))
      }
      if let z {
        for c in z.value.unicodeScalars { try out.set(ts, .int(Int(c.value)), .none) }
      }
      return .object(out)
    }
    t.method("translate") { ts, args throws(PyException) in
      try args.expect("str.translate", 1)
      return try translate(ts, pystr(args[0]), args[1])
    }
  }

  /// What a code point maps to in a translation table.
  enum Mapping {
    case keep
    case delete
    case text([UInt8])
  }

  static func translate(_ ts: ThreadState, _ s: PyStr, _ table: Value) throws(PyException) -> Value {
    var asciiCache = [Mapping?](repeating: nil, count: 128)
    var otherCache: [UInt32: Mapping] = [:]
    let dict = table.exactDict
    func lookup(_ c: UInt32) throws(PyException) -> Mapping {
      let key = Value.int(Int(c))
      let r: Value
      if let dict {
        guard let v = try dict.get(ts, key) else { return .keep }
        r = v
      } else {
        do throws(PyException) {
          r = try ts.getItem(table, key)
        } catch {
          if error.isInstance(of: PyType.lookupError) { return .keep }
          throw error
        }
      }
      if r.isNone { return .delete }
      if let str = r.asStr { return .text(Array(str.value.utf8)) }
      if r.isInt {
        guard let n = r.smallInt, n >= 0, n < 0x110000, let u = Unicode.Scalar(UInt32(n)) else {
          throw PyException.valueError("character mapping must be in range(0x110000)")
        }
        var b: [UInt8] = []
        b.appendUTF8(u)
        return .text(b)
      }
      throw PyException.typeError("character mapping must return integer, None or str")
    }
    var out: [UInt8] = []
    var ascii = true
    try withUTF8Throwing(s.value) { (h) throws(PyException) in
      out.reserveCapacity(h.count)
      var i = 0
      while i < h.count {
        let (c, len) = decode(h, i)
        let m: Mapping
        if c < 128 {
          if let cached = asciiCache[Int(c)] { m = cached } else {
            m = try lookup(c)
            asciiCache[Int(c)] = m
          }
        } else if let cached = otherCache[c] {
          m = cached
        } else {
          m = try lookup(c)
          otherCache[c] = m
        }
        switch m {
        case .keep:
          out.append(contentsOf: UnsafeBufferPointer(rebasing: h[i..<i + len]))
          if len > 1 { ascii = false }
        case .delete: break
        case .text(let t):
          out.append(contentsOf: t)
          if ascii { for b in t where b >= 0x80 { ascii = false; break } }
        }
        i += len
      }
    }
    return make(String(decoding: out, as: UTF8.self), ascii: ascii)
  }
}

/// `withUTF8` for bodies that throw a Python exception.
func withUTF8Throwing<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws(PyException) -> R) throws(PyException) -> R {
  let bytes = Array(s.utf8)
  return try bytes.withUnsafeBufferPointer { (b) throws(PyException) -> R in try body(b) }
}
