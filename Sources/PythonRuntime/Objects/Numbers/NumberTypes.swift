import BigInt

/// `int`, `bool`, `float`, `complex` and `NoneType`.
enum NumberTypes {
  static func install() {
    installInt()
    installBool()
    installFloat()
    installComplex()
    installSingletons()
  }

  /// Installs `__add__`/`__radd__`... implemented by the native operators.
  static func installArithmetic(_ t: PyType, ops: [BinaryOpKind]) {
    for op in ops {
      let name = Dunder.binaryName(op).value
      let rname = Dunder.reflectedName(op).value
      t.method(name) { ts, args throws(PyException) in
        try args.expect(name, 1)
        guard let a = Num(args[0]), let b = Num(args[1]) else { return .notImplemented }
        return try NumberOps.binary(op, a, b)
      }
      t.method(rname) { ts, args throws(PyException) in
        try args.expect(rname, 1)
        guard let a = Num(args[0]), let b = Num(args[1]) else { return .notImplemented }
        return try NumberOps.binary(op, b, a)
      }
    }
    for (cmp, name) in [(CompareKind.lt, "__lt__"), (.le, "__le__"), (.eq, "__eq__"), (.ne, "__ne__"),
                        (.gt, "__gt__"), (.ge, "__ge__")] {
      t.method(name) { ts, args throws(PyException) in
        try args.expect(name, 1)
        guard let a = Num(args[0]), let b = Num(args[1]) else { return .notImplemented }
        guard let c = NumberOps.compare(a, b) else { return .bool(cmp == .ne) }
        return .bool(NativeOps.result(c, cmp))
      }
    }
  }

  private static func intOf(_ v: Value) -> IntegerValue { v.integerValue ?? .small(0) }

  // MARK: int

  private static func installInt() {
    let t = PyType.int!
    t.doc = "int([x]) -> integer\nint(x, base=10) -> integer"
    installArithmetic(t, ops: [.add, .sub, .mul, .trueDiv, .floorDiv, .mod, .pow, .lshift, .rshift, .and, .or, .xor])
    t.directCall = { ts, _, args throws(PyException) in try makeInt(ts, args) }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("int.__new__(X): X is not a type object") }
      let v = try makeInt(ts, args.droppingFirst)
      if cls === PyType.int { return v }
      return .object(PyLong(v.bigIntValue!, type: cls))
    }
    t.method("__repr__") { ts, args throws(PyException) in Value(try intString(ts, args[0])) }
    t.method("__hash__") { ts, args throws(PyException) in .int(NumericOps.hash(intOf(args[0]))) }
    t.method("__bool__") { _, args throws(PyException) in .bool(!intOf(args[0]).isZero) }
    t.method("__index__") { _, args throws(PyException) in intOf(args[0]).value }
    t.method("__int__") { _, args throws(PyException) in intOf(args[0]).value }
    t.method("__float__") { _, args throws(PyException) in .float(try numeric { try NumericOps.toDouble(intOf(args[0])) }) }
    t.method("__neg__") { ts, args throws(PyException) in try ts.unaryOp(.neg, intOf(args[0]).value) }
    t.method("__pos__") { _, args throws(PyException) in intOf(args[0]).value }
    t.method("__abs__") { _, args throws(PyException) in
      let v = intOf(args[0])
      return v.isNegative ? Value.int(-v.bigValue) : v.value
    }
    t.method("__invert__") { ts, args throws(PyException) in try ts.unaryOp(.invert, intOf(args[0]).value) }
    t.method("__trunc__") { _, args throws(PyException) in intOf(args[0]).value }
    t.method("__floor__") { _, args throws(PyException) in intOf(args[0]).value }
    t.method("__ceil__") { _, args throws(PyException) in intOf(args[0]).value }
    t.method("__round__") { ts, args throws(PyException) in
      try args.expect("__round__", min: 0, max: 1)
      if args.count == 1 || args[1].isNone { return intOf(args[0]).value }
      let nd = try ts.intArg(args[1], "'\(args[1].type.name)' object cannot be interpreted as an integer")
      return NumericOps.round(intOf(args[0]), ndigits: nd).value
    }
    t.method("__divmod__") { ts, args throws(PyException) in
      guard let a = args[0].integerValue, let b = args[1].integerValue else { return .notImplemented }
      let (q, r) = try numeric { try NumericOps.divmod(a, b) }
      return .object(PyTuple([q.value, r.value]))
    }
    t.method("__rdivmod__") { ts, args throws(PyException) in
      guard let a = args[1].integerValue, let b = args[0].integerValue else { return .notImplemented }
      let (q, r) = try numeric { try NumericOps.divmod(a, b) }
      return .object(PyTuple([q.value, r.value]))
    }
    t.method("__format__") { ts, args throws(PyException) in
      try args.expect("__format__", 1)
      let spec = try ts.strArg(args[1], "format spec must be a str")
      return Value(try FormatBridge.formatInt(intOf(args[0]).bigValue, spec.value))
    }
    t.method("__getnewargs__") { _, args throws(PyException) in .object(PyTuple([intOf(args[0]).value])) }
    t.method("bit_length") { _, args throws(PyException) in .int(NumericOps.bitLength(intOf(args[0]))) }
    t.method("bit_count") { _, args throws(PyException) in .int(NumericOps.bitCount(intOf(args[0]))) }
    t.method("conjugate") { _, args throws(PyException) in intOf(args[0]).value }
    t.method("is_integer") { _, _ throws(PyException) in .bool(true) }
    t.method("as_integer_ratio") { _, args throws(PyException) in .object(PyTuple([intOf(args[0]).value, .int(1)])) }
    t.getter("real") { _, v throws(PyException) in intOf(v).value }
    t.getter("imag") { _, _ throws(PyException) in .int(0) }
    t.getter("numerator") { _, v throws(PyException) in intOf(v).value }
    t.getter("denominator") { _, _ throws(PyException) in .int(1) }
    t.method("to_bytes") { ts, args throws(PyException) in
      let a = try ArgList(args, "to_bytes", ["length", "byteorder"], keywordOnly: ["signed"], skipSelf: true)
      let length = try a[0].map { (v) throws(PyException) in try ts.intArg(v, "length must be int") } ?? 1
      let order = a[1]?.asStr?.value ?? "big"
      guard order == "big" || order == "little" else {
        throw PyException.valueError("byteorder must be either 'little' or 'big'")
      }
      let signed = try a[2].map { (v) throws(PyException) in try ts.isTrue(v) } ?? false
      let bytes = try numeric { try NumericOps.toBytes(intOf(args[0]), length: length, bigEndian: order == "big", signed: signed) }
      return .object(PyBytes(bytes))
    }
    t.classMethod("from_bytes") { ts, args throws(PyException) in
      let a = try ArgList(args, "from_bytes", ["bytes", "byteorder"], required: 1, keywordOnly: ["signed"], skipSelf: true)
      let data = try BytesTypes.bytesFrom(ts, a[0]!, encoding: nil, errors: nil)
      let order = a[1]?.asStr?.value ?? "big"
      guard order == "big" || order == "little" else {
        throw PyException.valueError("byteorder must be either 'little' or 'big'")
      }
      let signed = try a[2].map { (v) throws(PyException) in try ts.isTrue(v) } ?? false
      let v = NumericOps.fromBytes(data, bigEndian: order == "big", signed: signed).value
      if let cls = args[0].asType, cls !== PyType.int { return try ts.call(args[0], v) }
      return v
    }
  }

  static func intString(_ ts: ThreadState, _ v: Value) throws(PyException) -> String {
    switch intOf(v) {
    case .small(let i): return String(i)
    case .big(let b): return try ts.bigIntString(b)
    }
  }

  /// `int(x)` / `int(s, base)`.
  static func makeInt(_ ts: ThreadState, _ args: Args) throws(PyException) -> Value {
    let a = try ArgList(args, "int", ["x", "base"], positionalOnly: 1)
    guard let x = a[0] else {
      if a[1] != nil { throw PyException.typeError("int() missing string argument") }
      return .int(0)
    }
    if let baseValue = a[1] {
      let base = try ts.intArg(baseValue, "'\(baseValue.type.name)' object cannot be interpreted as an integer")
      if base != 0 && (base < 2 || base > 36) { throw PyException.valueError("int() base must be >= 2 and <= 36, or 0") }
      let text: String
      if let s = x.asStr {
        text = s.value
      } else if let b = ts.bytesLike(x) {
        text = String(decoding: b, as: UTF8.self)
      } else {
        throw PyException.typeError("int() can't convert non-string with explicit base")
      }
      let limit = ts.interp.runtime.maxStrDigits.load(ordering: .relaxed)
      return try numeric { try NumericParse.parseInt(text, base: base, maxDigits: limit) }.value
    }
    switch x {
    case .int: return x
    case .bool(let b): return .int(b ? 1 : 0)
    case .float(let d): return try numeric { try NumericOps.toInteger(d) }.value
    default: break
    }
    if let s = x.asStr {
      let limit = ts.interp.runtime.maxStrDigits.load(ordering: .relaxed)
      return try numeric { try NumericParse.parseInt(s.value, base: 10, maxDigits: limit) }.value
    }
    if let b = ts.bytesLike(x) {
      return try numeric { try NumericParse.parseInt(String(decoding: b, as: UTF8.self), base: 10) }.value
    }
    if let iv = x.integerValue { return iv.value }
    let t = x.type
    for name in [names.__int__, names.__index__, names.__trunc__] {
      if let m = t.lookup(name) {
        let r = try ts.callMethodValue(m, x)
        guard let iv = r.integerValue else {
          throw PyException.typeError("\(name.value) returned non-int (type \(r.type.name))")
        }
        return iv.value
      }
    }
    throw PyException.typeError(
      "int() argument must be a string, a bytes-like object or a real number, not '\(t.name)'")
  }

  // MARK: bool

  private static func installBool() {
    let t = PyType.bool!
    t.directCall = { ts, _, args throws(PyException) in
      let a = try ArgList(args, "bool", ["x"], positionalOnly: 1)
      guard let x = a[0] else { return .bool(false) }
      return .bool(try ts.isTrue(x))
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      let a = try ArgList(args, "bool", ["x"], positionalOnly: 1, skipSelf: true)
      guard let x = a[0] else { return .bool(false) }
      return .bool(try ts.isTrue(x))
    }
    t.method("__repr__") { _, args throws(PyException) in
      if case .bool(let b) = args[0] { return Value(b ? "True" : "False") }
      return Value("False")
    }
    for (name, op) in [("__and__", BinaryOpKind.and), ("__or__", .or), ("__xor__", .xor),
                       ("__rand__", .and), ("__ror__", .or), ("__rxor__", .xor)] {
      t.method(name) { ts, args throws(PyException) in
        if case .bool(let a) = args[0], case .bool(let b) = args[1] {
          switch op {
          case .and: return .bool(a && b)
          case .or: return .bool(a || b)
          default: return .bool(a != b)
          }
        }
        guard let a = Num(args[0]), let b = Num(args[1]) else { return .notImplemented }
        return try NumberOps.binary(op, a, b)
      }
    }
  }

  // MARK: float

  private static func floatOf(_ v: Value) -> Double { v.floatValue ?? 0 }

  private static func installFloat() {
    let t = PyType.float!
    installArithmetic(t, ops: [.add, .sub, .mul, .trueDiv, .floorDiv, .mod, .pow])
    t.directCall = { ts, _, args throws(PyException) in try makeFloat(ts, args) }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("float.__new__(X): X is not a type object") }
      let v = try makeFloat(ts, args.droppingFirst)
      if cls === PyType.float { return v }
      return .object(PyFloatObject(v.floatValue!, type: cls))
    }
    t.method("__repr__") { _, args throws(PyException) in Value(FloatFormat.repr(floatOf(args[0]))) }
    t.method("__hash__") { _, args throws(PyException) in .int(Hashing.hashDouble(floatOf(args[0]))) }
    t.method("__bool__") { _, args throws(PyException) in .bool(floatOf(args[0]) != 0) }
    t.method("__float__") { _, args throws(PyException) in .float(floatOf(args[0])) }
    t.method("__int__") { _, args throws(PyException) in try numeric { try NumericOps.toInteger(floatOf(args[0])) }.value }
    t.method("__trunc__") { _, args throws(PyException) in try numeric { try NumericOps.toInteger(floatOf(args[0])) }.value }
    t.method("__floor__") { _, args throws(PyException) in
      try numeric { try NumericOps.toInteger(floatOf(args[0]).rounded(.down)) }.value
    }
    t.method("__ceil__") { _, args throws(PyException) in
      try numeric { try NumericOps.toInteger(floatOf(args[0]).rounded(.up)) }.value
    }
    t.method("__neg__") { _, args throws(PyException) in .float(-floatOf(args[0])) }
    t.method("__pos__") { _, args throws(PyException) in .float(floatOf(args[0])) }
    t.method("__abs__") { _, args throws(PyException) in .float(Swift.abs(floatOf(args[0]))) }
    t.method("__round__") { ts, args throws(PyException) in
      try args.expect("__round__", min: 0, max: 1)
      let x = floatOf(args[0])
      if args.count == 1 || args[1].isNone { return try numeric { try NumericOps.round(x) }.value }
      let nd = try ts.intArg(args[1], "'\(args[1].type.name)' object cannot be interpreted as an integer")
      return .float(try numeric { try NumericOps.round(x, ndigits: nd) })
    }
    t.method("__divmod__") { _, args throws(PyException) in
      guard let b = Num(args[1]) else { return .notImplemented }
      let (q, r) = try numeric { try NumericOps.divmod(floatOf(args[0]), try b.toDouble()) }
      return .object(PyTuple([.float(q), .float(r)]))
    }
    t.method("__rdivmod__") { _, args throws(PyException) in
      guard let b = Num(args[1]) else { return .notImplemented }
      let (q, r) = try numeric { try NumericOps.divmod(try b.toDouble(), floatOf(args[0])) }
      return .object(PyTuple([.float(q), .float(r)]))
    }
    t.method("__format__") { ts, args throws(PyException) in
      try args.expect("__format__", 1)
      let spec = try ts.strArg(args[1], "format spec must be a str")
      return Value(try FormatBridge.formatFloat(floatOf(args[0]), spec.value))
    }
    t.method("__getnewargs__") { _, args throws(PyException) in .object(PyTuple([.float(floatOf(args[0]))])) }
    t.method("is_integer") { _, args throws(PyException) in .bool(NumericOps.isInteger(floatOf(args[0]))) }
    t.method("as_integer_ratio") { _, args throws(PyException) in
      let (n, d) = try numeric { try NumericOps.asIntegerRatio(floatOf(args[0])) }
      return .object(PyTuple([n.value, d.value]))
    }
    t.method("hex") { _, args throws(PyException) in Value(NumericOps.floatHex(floatOf(args[0]))) }
    t.classMethod("fromhex") { ts, args throws(PyException) in
      try args.expect("fromhex", 1)
      let s = try ts.strArg(args[1], "fromhex() argument must be str, not \(args[1].type.name)")
      let v = Value.float(try numeric { try NumericOps.floatFromHex(s.value) })
      if let cls = args[0].asType, cls !== PyType.float { return try ts.call(args[0], v) }
      return v
    }
    t.method("conjugate") { _, args throws(PyException) in .float(floatOf(args[0])) }
    t.getter("real") { _, v throws(PyException) in .float(floatOf(v)) }
    t.getter("imag") { _, _ throws(PyException) in .float(0) }
  }

  static func makeFloat(_ ts: ThreadState, _ args: Args) throws(PyException) -> Value {
    let a = try ArgList(args, "float", ["x"], positionalOnly: 1)
    guard let x = a[0] else { return .float(0) }
    switch x {
    case .float: return x
    case .int(let i): return .float(Double(i))
    case .bool(let b): return .float(b ? 1 : 0)
    default: break
    }
    if let s = x.asStr { return .float(try numeric { try NumericParse.parseFloat(s.value) }) }
    if let b = ts.bytesLike(x) { return .float(try numeric { try NumericParse.parseFloat(String(decoding: b, as: UTF8.self)) }) }
    if let d = x.floatValue { return .float(d) }
    if let iv = x.integerValue { return .float(try numeric { try NumericOps.toDouble(iv) }) }
    let t = x.type
    if let m = t.lookup(names.__float__) {
      let r = try ts.callMethodValue(m, x)
      guard let d = r.floatValue else {
        throw PyException.typeError("\(t.name).__float__ returned non-float (type \(r.type.name))")
      }
      return .float(d)
    }
    if let m = t.lookup(names.__index__) {
      let r = try ts.callMethodValue(m, x)
      if let iv = r.integerValue { return .float(try numeric { try NumericOps.toDouble(iv) }) }
    }
    throw PyException.typeError("float() argument must be a string or a real number, not '\(t.name)'")
  }

  // MARK: complex

  private static func installComplex() {
    let t = PyType.complex!
    func c(_ v: Value) -> (Double, Double)? {
      if case .object(let o) = v, let z = o as? PyComplex { return (z.real, z.imag) }
      if let n = Num(v), let d = try? n.toDouble() { return (d, 0) }
      return nil
    }
    t.directCall = { ts, _, args throws(PyException) in
      let a = try ArgList(args, "complex", ["real", "imag"])
      let r = a[0].flatMap { c($0) } ?? (0, 0)
      let i = a[1].flatMap { c($0) } ?? (0, 0)
      return .object(PyComplex(real: r.0 - i.1, imag: r.1 + i.0))
    }
    t.method("__repr__") { _, args throws(PyException) in Value((args[0].asObject as! PyComplex).repr) }
    t.getter("real") { _, v throws(PyException) in .float((v.asObject as! PyComplex).real) }
    t.getter("imag") { _, v throws(PyException) in .float((v.asObject as! PyComplex).imag) }
    t.method("conjugate") { _, args throws(PyException) in
      let z = args[0].asObject as! PyComplex
      return .object(PyComplex(real: z.real, imag: -z.imag))
    }
    t.method("__abs__") { _, args throws(PyException) in
      let z = args[0].asObject as! PyComplex
      return .float((z.real * z.real + z.imag * z.imag).squareRoot())
    }
    let ops: [(String, (Double, Double, Double, Double) -> (Double, Double)?)] = [
      ("__add__", { a, b, x, y in (a + x, b + y) }),
      ("__radd__", { a, b, x, y in (a + x, b + y) }),
      ("__sub__", { a, b, x, y in (a - x, b - y) }),
      ("__rsub__", { a, b, x, y in (x - a, y - b) }),
      ("__mul__", { a, b, x, y in (a * x - b * y, a * y + b * x) }),
      ("__rmul__", { a, b, x, y in (a * x - b * y, a * y + b * x) }),
      ("__truediv__", { a, b, x, y in try? ComplexMath.divide((a, b), (x, y)) }),
      ("__rtruediv__", { a, b, x, y in try? ComplexMath.divide((x, y), (a, b)) }),
    ]
    for (name, f) in ops {
      t.method(name) { _, args throws(PyException) in
        guard let (a, b) = c(args[0]), let (x, y) = c(args[1]) else { return .notImplemented }
        guard let (r, i) = f(a, b, x, y) else { throw PyException.zeroDivision("division by zero") }
        return .object(PyComplex(real: r, imag: i))
      }
    }
    t.method("__pow__") { _, args throws(PyException) in
      if args.count > 2, !args[2].isNone { throw PyException.valueError("complex modulo") }
      guard let a = c(args[0]), let b = c(args[1]) else { return .notImplemented }
      let z = try ComplexMath.power(a, b)
      return .object(PyComplex(real: z.0, imag: z.1))
    }
    t.method("__rpow__") { _, args throws(PyException) in
      guard let a = c(args[0]), let b = c(args[1]) else { return .notImplemented }
      let z = try ComplexMath.power(b, a)
      return .object(PyComplex(real: z.0, imag: z.1))
    }
    t.method("__pos__") { _, args throws(PyException) in
      let z = args[0].asObject as! PyComplex
      return .object(PyComplex(real: z.real, imag: z.imag))
    }
    t.method("__eq__") { _, args throws(PyException) in
      guard let (a, b) = c(args[0]), let (x, y) = c(args[1]) else { return .notImplemented }
      return .bool(a == x && b == y)
    }
    t.method("__ne__") { _, args throws(PyException) in
      guard let (a, b) = c(args[0]), let (x, y) = c(args[1]) else { return .notImplemented }
      return .bool(a != x || b != y)
    }
    t.method("__hash__") { _, args throws(PyException) in
      let z = args[0].asObject as! PyComplex
      var h = Hashing.hashDouble(z.real) &+ 1_000_003 &* Hashing.hashDouble(z.imag)
      if h == -1 { h = -2 }
      return .int(h)
    }
    t.method("__bool__") { _, args throws(PyException) in
      let z = args[0].asObject as! PyComplex
      return .bool(z.real != 0 || z.imag != 0)
    }
    t.method("__neg__") { _, args throws(PyException) in
      let z = args[0].asObject as! PyComplex
      return .object(PyComplex(real: -z.real, imag: -z.imag))
    }
  }

  // MARK: None, NotImplemented, Ellipsis

  private static func installSingletons() {
    let n = PyType.noneType!
    n.directCall = { _, _, args throws(PyException) in
      if args.count > 0 || args.hasKeywords { throw PyException.typeError("NoneType takes no arguments") }
      return .none
    }
    n.method("__repr__") { _, _ throws(PyException) in Value("None") }
    n.method("__bool__") { _, _ throws(PyException) in .bool(false) }
    n.method("__hash__") { _, _ throws(PyException) in .int(Hashing.noneHash) }
    PyType.notImplementedType.method("__repr__") { _, _ throws(PyException) in Value("NotImplemented") }
    PyType.notImplementedType.method("__reduce__") { _, _ throws(PyException) in Value("NotImplemented") }
    PyType.ellipsisType.method("__repr__") { _, _ throws(PyException) in Value("Ellipsis") }
    PyType.ellipsisType.method("__reduce__") { _, _ throws(PyException) in Value("Ellipsis") }
  }
}
