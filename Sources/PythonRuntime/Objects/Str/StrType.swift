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
      try StrMethods.dunderArgs(args)
      return try ts.getItem(.object(PyStr(str(args[0]).value)), args[1])
    }
    t.method("__contains__") { ts, args throws(PyException) in
      try StrMethods.dunderArgs(args)
      return .bool(try ts.contains(.object(PyStr(str(args[0]).value)), args[1]))
    }
    t.method("__add__") { _, args throws(PyException) in
      try StrMethods.dunderArgs(args)
      guard let o = args[1].asStr else {
        throw PyException.typeError("can only concatenate str (not \"\(args[1].type.name)\") to str")
      }
      return Value(str(args[0]).value + o.value)
    }
    for name in ["__mul__", "__rmul__"] {
      t.method(name) { ts, args throws(PyException) in
        try StrMethods.dunderArgs(args, leadingSpace: true)
        guard let n = try ts.indexValue(args[1]) else { return .notImplemented }
        return try NativeOps.repeatSequence(ts, PyStr(str(args[0]).value), n) ?? .notImplemented
      }
    }
    t.method("__mod__") { ts, args throws(PyException) in
      try StrMethods.dunderArgs(args)
      return try PercentFormatting.format(ts, str(args[0]).value, args[1])
    }
    t.method("__rmod__") { _, _ throws(PyException) in .notImplemented }
    for (cmp, name) in [(CompareKind.lt, "__lt__"), (.le, "__le__"), (.eq, "__eq__"), (.ne, "__ne__"),
                        (.gt, "__gt__"), (.ge, "__ge__")] {
      t.method(name) { _, args throws(PyException) in
        try StrMethods.dunderArgs(args)
        guard let o = args[1].asStr else { return .notImplemented }
        return .bool(NativeOps.result(PyStr.compare(str(args[0]).value, o.value), cmp))
      }
    }
    t.method("__format__") { ts, args throws(PyException) in
      try args.expect("str.__format__", 1)
      let spec = try ts.strArg(args[1], "__format__() argument must be str, not \(StrMethods.argTypeName(args[1]))")
      // An empty spec formats as str(self) (a subclass's __str__ counts).
      if spec.isEmpty { return str(args[0]).kind == .str ? args[0] : Value(try ts.str(args[0])) }
      return Value(try FormatBridge.formatStr(str(args[0]).value, spec.value))
    }
    t.method("__getnewargs__") { _, args throws(PyException) in .object(PyTuple([Value(str(args[0]).value)])) }
    t.method("encode") { ts, args throws(PyException) in
      let a = try ArgList(args, "encode", ["encoding", "errors"], skipSelf: true)
      let enc = try codecArg(a[0], "encode", "encoding") ?? "utf-8"
      let errors = try codecArg(a[1], "encode", "errors") ?? "strict"
      return .object(PyBytes(try TextCodecs.encode(str(args[0]), encoding: enc, errors: errors)))
    }
    TextCodecs.installErrorTypes()
    StrMethods.install(t)
  }

  /// `str(x)`, `str(bytes, encoding)`.
  static func makeStr(_ ts: ThreadState, _ args: Args) throws(PyException) -> Value {
    let a = try ArgList(args, "str", ["object", "encoding", "errors"])
    guard let x = a[0] else { return Value("") }
    if a[1] != nil || a[2] != nil {
      if x.asStr != nil { throw PyException.typeError("decoding str is not supported") }
      guard let bytes = ts.bytesLike(x) else {
        throw PyException.typeError("decoding to str: need a bytes-like object, \(x.type.name) found")
      }
      let enc = try codecArg(a[1], "str", "encoding") ?? "utf-8"
      let errors = try codecArg(a[2], "str", "errors") ?? "strict"
      return Value(try TextCodecs.decode(bytes, encoding: enc, errors: errors))
    }
    if let s = x.exactStr { return .object(s) }
    return Value(try ts.str(x))
  }
}

/// Decoding bytes to text (kept for callers elsewhere in the runtime).
enum BytesDecoding {
  static func decode(_ bytes: [UInt8], encoding: String, errors: String) throws(PyException) -> String {
    try TextCodecs.decode(bytes, encoding: encoding, errors: errors)
  }
}

/// An `encoding` / `errors` argument: a str, with CPython's message otherwise.
func codecArg(_ v: Value?, _ fname: String, _ pname: String) throws(PyException) -> String? {
  guard let v else { return nil }
  guard let s = v.asStr else {
    throw PyException.typeError("\(fname)() argument '\(pname)' must be str, not \(v.isNone ? "None" : v.type.name)")
  }
  return s.value
}
