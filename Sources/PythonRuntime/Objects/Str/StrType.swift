/// `str`: construction, dunders and the core methods. More methods live in
/// `StrMethods*.swift`.
enum StrType {
  static func str(_ v: Value) -> PyStr { v.asObject as! PyStr }

  static func install() {
    let t = PyType.str!
    t.doc = "str(object='') -> str"
    t.directCall = { ts, _, args throws(PyException) in try makeStr(ts, args) }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("str.__new__(X): X is not a type object") }
      let v = try makeStr(ts, args.droppingFirst)
      if cls === PyType.str { return v }
      let s = PyStr(v.asStr!.value, type: cls)
      if cls.hasInstanceDict { s.dict = PyDict() }
      return .object(s)
    }
    t.method("__repr__") { _, args throws(PyException) in Value(StrOps.repr(str(args[0]).value)) }
    t.method("__str__") { _, args throws(PyException) in
      let s = str(args[0])
      return s.kind == .str ? args[0] : Value(s.value)
    }
    t.method("__hash__") { _, args throws(PyException) in .int(str(args[0]).hash) }
    t.method("__len__") { _, args throws(PyException) in .int(str(args[0]).count) }
    t.method("__iter__") { _, args throws(PyException) in .object(PyStrIterator(str(args[0]))) }
    t.method("__getitem__") { ts, args throws(PyException) in
      try ts.getItem(.object(PyStr(str(args[0]).value)), args[1])
    }
    t.method("__contains__") { ts, args throws(PyException) in
      .bool(try ts.contains(.object(PyStr(str(args[0]).value)), args[1]))
    }
    t.method("__add__") { _, args throws(PyException) in
      guard let o = args[1].asStr else {
        throw PyException.typeError("can only concatenate str (not \"\(args[1].type.name)\") to str")
      }
      return Value(str(args[0]).value + o.value)
    }
    for name in ["__mul__", "__rmul__"] {
      t.method(name) { ts, args throws(PyException) in
        guard let n = try ts.indexValue(args[1]) else { return .notImplemented }
        return try NativeOps.repeatSequence(ts, PyStr(str(args[0]).value), n) ?? .notImplemented
      }
    }
    t.method("__mod__") { ts, args throws(PyException) in try PercentFormatting.format(ts, str(args[0]).value, args[1]) }
    t.method("__rmod__") { _, _ throws(PyException) in .notImplemented }
    for (cmp, name) in [(CompareKind.lt, "__lt__"), (.le, "__le__"), (.eq, "__eq__"), (.ne, "__ne__"),
                        (.gt, "__gt__"), (.ge, "__ge__")] {
      t.method(name) { _, args throws(PyException) in
        guard let o = args[1].asStr else { return .notImplemented }
        return .bool(NativeOps.result(PyStr.compare(str(args[0]).value, o.value), cmp))
      }
    }
    t.method("__format__") { ts, args throws(PyException) in
      try args.expect("__format__", 1)
      let spec = try ts.strArg(args[1], "format spec must be a str")
      return Value(try FormatBridge.formatStr(str(args[0]).value, spec.value))
    }
    t.method("__getnewargs__") { _, args throws(PyException) in .object(PyTuple([Value(str(args[0]).value)])) }
    t.method("join") { ts, args throws(PyException) in
      try args.expect("join", 1)
      let sep = str(args[0]).value
      var parts: [String] = []
      var index = 0
      try ts.iterate(args[1]) { (v) throws(PyException) in
        guard let s = v.asStr else {
          throw PyException.typeError("sequence item \(index): expected str instance, \(v.type.name) found")
        }
        parts.append(s.value)
        index += 1
      }
      return Value(parts.joined(separator: sep))
    }
    t.method("encode") { ts, args throws(PyException) in
      let a = try ArgList(args, "encode", ["encoding", "errors"], skipSelf: true)
      let enc = a[0]?.asStr?.value.lowercased().replacing("-", with: "").replacing("_", with: "") ?? "utf8"
      let s = str(args[0]).value
      switch enc {
      case "utf8": return .object(PyBytes(Array(s.utf8)))
      case "ascii", "latin1", "iso88591":
        let limit: UInt32 = enc == "ascii" ? 128 : 256
        var out: [UInt8] = []
        for (i, c) in s.unicodeScalars.enumerated() {
          guard c.value < limit else {
            let errors = a[1]?.asStr?.value ?? "strict"
            if errors == "ignore" { continue }
            if errors == "replace" { out.append(63); continue }
            throw PyException.make(PyType.unicodeEncodeError,
              "'\(enc == "ascii" ? "ascii" : "latin-1")' codec can't encode character '\\u\(String(c.value, radix: 16).leftPadded(to: 4))' in position \(i): ordinal not in range(\(limit))")
          }
          out.append(UInt8(c.value))
        }
        return .object(PyBytes(out))
      default:
        throw PyException.make(PyType.lookupError, "unknown encoding: \(a[0]?.asStr?.value ?? "")")
      }
    }
    StrMethods.install(t)
  }

  /// `str(x)`, `str(bytes, encoding)`.
  static func makeStr(_ ts: ThreadState, _ args: Args) throws(PyException) -> Value {
    let a = try ArgList(args, "str", ["object", "encoding", "errors"])
    guard let x = a[0] else { return Value("") }
    if a[1] != nil || a[2] != nil {
      guard let bytes = ts.bytesLike(x) else {
        throw PyException.typeError("decoding to str: need a bytes-like object, \(x.type.name) found")
      }
      return Value(try BytesDecoding.decode(bytes, encoding: a[1]?.asStr?.value ?? "utf-8", errors: a[2]?.asStr?.value ?? "strict"))
    }
    if let s = x.exactStr { return .object(s) }
    return Value(try ts.str(x))
  }
}

/// Decoding bytes to text.
enum BytesDecoding {
  static func decode(_ bytes: [UInt8], encoding: String, errors: String) throws(PyException) -> String {
    let enc = encoding.lowercased().replacing("-", with: "").replacing("_", with: "")
    switch enc {
    case "utf8", "utf8sig":
      var b = bytes[...]
      if enc == "utf8sig" && b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
      if let s = String(validating: b, as: UTF8.self) { return s }
      if errors == "replace" { return String(decoding: b, as: UTF8.self) }
      if errors == "ignore" {
        return String(decoding: b, as: UTF8.self).replacing("\u{FFFD}", with: "")
      }
      var pos = 0
      var it = Array(b)
      while pos < it.count {
        let len: Int
        let c = it[pos]
        if c < 0x80 { len = 1 } else if c >> 5 == 6 { len = 2 } else if c >> 4 == 14 { len = 3 } else if c >> 3 == 30 { len = 4 } else { len = 0 }
        if len == 0 || pos + len > it.count || String(validating: it[pos..<pos + len], as: UTF8.self) == nil { break }
        pos += len
      }
      it = []
      let byte = String(bytes[bytes.startIndex + pos + (enc == "utf8sig" ? 0 : 0)], radix: 16).leftPadded(to: 2)
      throw PyException.make(PyType.unicodeDecodeError,
        "'utf-8' codec can't decode byte 0x\(byte) in position \(pos): invalid start byte")
    case "ascii":
      var out = String.UnicodeScalarView()
      for (i, b) in bytes.enumerated() {
        if b >= 128 {
          if errors == "ignore" { continue }
          if errors == "replace" { out.append("\u{FFFD}"); continue }
          throw PyException.make(PyType.unicodeDecodeError,
            "'ascii' codec can't decode byte 0x\(String(b, radix: 16)) in position \(i): ordinal not in range(128)")
        }
        out.append(Unicode.Scalar(b))
      }
      return String(out)
    case "latin1", "iso88591":
      return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    default:
      throw PyException.make(PyType.lookupError, "unknown encoding: \(encoding)")
    }
  }
}
