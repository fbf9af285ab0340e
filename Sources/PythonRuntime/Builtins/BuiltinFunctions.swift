import BigInt

/// The functions of the `builtins` module.
enum BuiltinFunctions {
  static func install(_ m: PyModule) {
    installIO(m)
    installIntrospection(m)
    installNumeric(m)
    installIteration(m)
    installExecution(m)
  }

  // MARK: print, input, open

  private static func installIO(_ m: PyModule) {
    m.addFunction("print") { ts, args throws(PyException) in
      var sep = " ", end = "\n"
      var file: Value = .none
      var flush = false
      for (k, v) in args.keywords {
        switch k.value {
        case "sep":
          if !v.isNone {
            guard let s = v.asStr else { throw PyException.typeError("sep must be None or a string, not \(v.type.name)") }
            sep = s.value
          }
        case "end":
          if !v.isNone {
            guard let s = v.asStr else { throw PyException.typeError("end must be None or a string, not \(v.type.name)") }
            end = s.value
          }
        case "file": file = v
        case "flush": flush = try ts.isTrue(v)
        default: throw PyException.typeError("print() got an unexpected keyword argument '\(k.value)'")
        }
      }
      var text = ""
      for i in 0..<args.count {
        if i > 0 { text += sep }
        let v = args[i]
        if let s = v.exactStr { text += s.value } else { text += try ts.str(v) }
      }
      text += end
      if file.isNone {
        try ts.writeStdout(text)
        if flush { ts.interp.runtime.output.flush() }
      } else {
        _ = try ts.callMethod(file, names.write, Value(text))
        if flush, let f = try ts.lookupAttrOptional(file, names.flush) { _ = try ts.call(f) }
      }
      return .none
    }
    m.addFunction("input") { ts, args throws(PyException) in
      if args.count > 0 { try ts.writeStdout(try ts.str(args[0])) }
      throw PyException.make(PyType.eofError, "EOF when reading a line")
    }
    m.addFunction("open") { _, _ throws(PyException) in
      throw PyException.make(PyType.permissionError,
        "open() is not available: example code runs sandboxed, without file system access")
    }
  }

  // MARK: Introspection

  private static func installIntrospection(_ m: PyModule) {
    m.addFunction("len") { ts, args throws(PyException) in
      if args.count != 1 || args.hasKeywords {
        throw PyException.typeError("len() takes exactly one argument (\(args.count) given)")
      }
      return .int(try ts.len(args[0]))
    }
    m.addFunction("repr") { ts, args throws(PyException) in
      try args.expect("repr", 1, skipSelf: false)
      return Value(try ts.repr(args[0]))
    }
    m.addFunction("ascii") { ts, args throws(PyException) in
      try args.expect("ascii", 1, skipSelf: false)
      return Value(try ts.ascii(args[0]))
    }
    m.addFunction("format") { ts, args throws(PyException) in
      try args.expect("format", min: 1, max: 2, skipSelf: false)
      let spec = args.count > 1 ? try ts.strArg(args[1], "format() argument 2 must be str, not \(args[1].type.name)").value : ""
      return Value(try ts.format(args[0], spec))
    }
    m.addFunction("hash") { ts, args throws(PyException) in
      try args.expect("hash", 1, skipSelf: false)
      return .int(try ts.hash(args[0]))
    }
    m.addFunction("id") { _, args throws(PyException) in
      try args.expect("id", 1, skipSelf: false)
      return .int(Hashing.id(args[0]))
    }
    m.addFunction("callable") { ts, args throws(PyException) in
      try args.expect("callable", 1, skipSelf: false)
      return .bool(ts.isCallable(args[0]))
    }
    m.addFunction("isinstance") { ts, args throws(PyException) in
      if args.count != 2 { throw PyException.typeError("isinstance expected 2 arguments, got \(args.count)") }
      return .bool(try ts.isInstance(args[0], args[1]))
    }
    m.addFunction("issubclass") { ts, args throws(PyException) in
      if args.count != 2 { throw PyException.typeError("issubclass expected 2 arguments, got \(args.count)") }
      return .bool(try ts.isSubclass(args[0], args[1]))
    }
    m.addFunction("getattr") { ts, args throws(PyException) in
      if args.count < 2 { throw PyException.typeError("getattr expected at least 2 arguments, got \(args.count)") }
      if args.count > 3 { throw PyException.typeError("getattr expected at most 3 arguments, got \(args.count)") }
      guard let name = args[1].asStr else {
        throw PyException.typeError("attribute name must be string, not '\(args[1].type.name)'")
      }
      if args.count == 3 {
        return try ts.lookupAttrOptional(args[0], intern(name.value)) ?? args[2]
      }
      return try ts.getAttr(args[0], intern(name.value))
    }
    m.addFunction("setattr") { ts, args throws(PyException) in
      if args.count != 3 { throw PyException.typeError("setattr expected 3 arguments, got \(args.count)") }
      guard let name = args[1].asStr else {
        throw PyException.typeError("attribute name must be string, not '\(args[1].type.name)'")
      }
      try ts.setAttr(args[0], intern(name.value), args[2])
      return .none
    }
    m.addFunction("delattr") { ts, args throws(PyException) in
      if args.count != 2 { throw PyException.typeError("delattr expected 2 arguments, got \(args.count)") }
      guard let name = args[1].asStr else {
        throw PyException.typeError("attribute name must be string, not '\(args[1].type.name)'")
      }
      try ts.delAttr(args[0], intern(name.value))
      return .none
    }
    m.addFunction("hasattr") { ts, args throws(PyException) in
      if args.count != 2 { throw PyException.typeError("hasattr expected 2 arguments, got \(args.count)") }
      guard let name = args[1].asStr else {
        throw PyException.typeError("attribute name must be string, not '\(args[1].type.name)'")
      }
      return .bool(try ts.lookupAttrOptional(args[0], intern(name.value)) != nil)
    }
    m.addFunction("vars") { ts, args throws(PyException) in
      if args.count == 0 { return .object(ts.frame.map { $0.localsSnapshot() } ?? ts.interp.mainModule.attributes) }
      try args.expect("vars", 1, skipSelf: false)
      guard let d = try ts.lookupAttrOptional(args[0], names.__dict__) else {
        throw PyException.typeError("vars() argument must have __dict__ attribute")
      }
      return d
    }
    m.addFunction("dir") { ts, args throws(PyException) in
      if args.count == 0 {
        let d = ts.frame.map { $0.localsSnapshot() } ?? PyDict()
        return .object(PyList(d.keys.compactMap { $0.asStr?.value }.sorted().map { Value($0) }))
      }
      try args.expect("dir", 1, skipSelf: false)
      let v = args[0]
      if case .object(let o) = v, let mod = o as? PyModule {
        return .object(PyList(mod.attributes.keys.compactMap { $0.asStr?.value }.sorted().map { Value($0) }))
      }
      // A special method: looked up on the type (the metaclass for a class).
      guard let dirMethod = v.type.lookup(names.__dir__) else {
        throw PyException.typeError("object does not provide __dir__")
      }
      let r = try ts.callMethodValue(dirMethod, v)
      let items = try ts.collect(r)
      var strs: [String] = []
      for i in items { strs.append(try ts.str(i)) }
      return .object(PyList(strs.sorted { PyStr.compare($0, $1) < 0 }.map { Value($0) }))
    }
    m.addFunction("globals") { ts, _ throws(PyException) in
      .object(ts.frame?.globals ?? ts.interp.mainModule.attributes)
    }
    m.addFunction("locals") { ts, _ throws(PyException) in
      .object(ts.frame.map { $0.localsSnapshot() } ?? ts.interp.mainModule.attributes)
    }
    m.addFunction("__build_class__") { ts, args throws(PyException) in try ts.buildClass(args) }
    m.addFunction("__import__") { ts, args throws(PyException) in
      let a = try ArgList(args, "__import__", ["name", "globals", "locals", "fromlist", "level"], required: 1)
      let name = try ts.strArg(a[0]!, "__import__() argument 1 must be str, not \(a[0]!.type.name)")
      return try ts.importName(intern(name.value), fromlist: a[3] ?? .none, level: a[4] ?? .int(0), frame: ts.frame)
    }
  }

  // MARK: Numbers

  private static func installNumeric(_ m: PyModule) {
    m.addFunction("abs") { ts, args throws(PyException) in
      try args.expect("abs", 1, skipSelf: false)
      switch args[0] {
      case .int(let i): return i == Int.min ? Value.int(-BigInt(i)) : .int(Swift.abs(i))
      case .float(let d): return .float(Swift.abs(d))
      case .bool(let b): return .int(b ? 1 : 0)
      default:
        guard let f = args[0].type.lookup(names.__abs__) else {
          throw PyException.typeError("bad operand type for abs(): '\(args[0].type.name)'")
        }
        return try ts.callMethodValue(f, args[0])
      }
    }
    m.addFunction("round") { ts, args throws(PyException) in
      let a = try ArgList(args, "round", ["number", "ndigits"], required: 1)
      let x = a[0]!
      guard let f = x.type.lookup(names.__round__) else {
        throw PyException.typeError("type \(x.type.name) doesn't define __round__ method")
      }
      if let nd = a[1] { return try ts.callMethodValue(f, x, nd) }
      return try ts.callMethodValue(f, x)
    }
    m.addFunction("divmod") { ts, args throws(PyException) in
      try args.expect("divmod", 2, skipSelf: false)
      let a = args[0], b = args[1]
      if let x = a.integerValue, let y = b.integerValue, case .int = a, case .int = b {
        let (q, r) = try numeric { try NumericOps.divmod(x, y) }
        return .object(PyTuple([q.value, r.value]))
      }
      if let m = a.type.lookup(names.__divmod__) {
        let r = try ts.callMethodValue(m, a, b)
        if !r.isNotImplemented { return r }
      }
      if let m = b.type.lookup(names.__rdivmod__) {
        let r = try ts.callMethodValue(m, b, a)
        if !r.isNotImplemented { return r }
      }
      throw PyException.typeError("unsupported operand type(s) for divmod(): '\(a.type.name)' and '\(b.type.name)'")
    }
    m.addFunction("pow") { ts, args throws(PyException) in
      let a = try ArgList(args, "pow", ["base", "exp", "mod"], required: 2)
      if let mod = a[2], !mod.isNone {
        guard let b = a[0]!.integerValue, let e = a[1]!.integerValue, let md = mod.integerValue else {
          throw PyException.typeError("pow() 3rd argument not allowed unless all arguments are integers")
        }
        return try modPow(b.bigValue, e.bigValue, md.bigValue)
      }
      return try ts.binaryOp(.pow, a[0]!, a[1]!)
    }
    m.addFunction("hex") { ts, args throws(PyException) in
      try args.expect("hex", 1, skipSelf: false)
      guard let i = try indexInteger(ts, args[0]) else {
        throw PyException.typeError("'\(args[0].type.name)' object cannot be interpreted as an integer")
      }
      return Value(NumericFormat.intToString(i, radix: 16))
    }
    m.addFunction("oct") { ts, args throws(PyException) in
      try args.expect("oct", 1, skipSelf: false)
      guard let i = try indexInteger(ts, args[0]) else {
        throw PyException.typeError("'\(args[0].type.name)' object cannot be interpreted as an integer")
      }
      return Value(NumericFormat.intToString(i, radix: 8))
    }
    m.addFunction("bin") { ts, args throws(PyException) in
      try args.expect("bin", 1, skipSelf: false)
      guard let i = try indexInteger(ts, args[0]) else {
        throw PyException.typeError("'\(args[0].type.name)' object cannot be interpreted as an integer")
      }
      return Value(NumericFormat.intToString(i, radix: 2))
    }
    m.addFunction("chr") { ts, args throws(PyException) in
      try args.expect("chr", 1, skipSelf: false)
      guard let i = try ts.indexValue(args[0]) else {
        throw PyException.typeError("'\(args[0].type.name)' object cannot be interpreted as an integer")
      }
      guard i >= 0 && i <= 0x10FFFF else { throw PyException.valueError("chr() arg not in range(0x110000)") }
      guard let u = Unicode.Scalar(UInt32(i)) else { return Value("\u{FFFD}") }
      if i < 128 { return .object(PyStr.asciiChar(UInt8(i))) }
      return Value(String(Character(u)))
    }
    m.addFunction("ord") { ts, args throws(PyException) in
      try args.expect("ord", 1, skipSelf: false)
      if let s = args[0].asStr {
        guard s.count == 1 else {
          throw PyException.typeError("ord() expected a character, but string of length \(s.count) found")
        }
        return .int(Int(s.scalar(at: 0).value))
      }
      if let b = ts.bytesLike(args[0]) {
        guard b.count == 1 else {
          throw PyException.typeError("ord() expected a character, but string of length \(b.count) found")
        }
        return .int(Int(b[0]))
      }
      throw PyException.typeError("ord() expected string of length 1, but \(args[0].type.name) found")
    }
  }

  static func indexInteger(_ ts: ThreadState, _ v: Value) throws(PyException) -> IntegerValue? {
    if let i = v.integerValue { return i }
    if v.type.lookup(names.__index__) != nil { return try ts.callMethod(v, names.__index__).integerValue }
    return nil
  }

  static func modPow(_ base: BigInt, _ exp: BigInt, _ mod: BigInt) throws(PyException) -> Value {
    if mod.isZero { throw PyException.valueError("pow() 3rd argument cannot be 0") }
    var b = base
    var e = exp
    if e.sign == .minus {
      // Modular inverse.
      guard let inv = modInverse(((base % mod) + mod) % mod, mod.magnitude) else {
        throw PyException.valueError("base is not invertible for the given modulus")
      }
      b = inv
      e = -e
    }
    let m = BigInt(mod.magnitude)
    var r = b.power(BigInt(e.magnitude), modulus: m)
    if r.sign == .minus { r += m }
    if mod.sign == .minus && !r.isZero { r += mod }
    return Value.int(r)
  }

  private static func modInverse(_ a: BigInt, _ m: BigUInt) -> BigInt? {
    let mm = BigInt(m)
    var (oldR, r) = (a, mm)
    var (oldS, s) = (BigInt(1), BigInt(0))
    while !r.isZero {
      let q = oldR / r
      (oldR, r) = (r, oldR - q * r)
      (oldS, s) = (s, oldS - q * s)
    }
    if oldR != 1 { return nil }
    return ((oldS % mm) + mm) % mm
  }

  // MARK: Iteration

  private static func installIteration(_ m: PyModule) {
    m.addFunction("iter") { ts, args throws(PyException) in
      try args.expect("iter", min: 1, max: 2, skipSelf: false)
      if args.count == 2 {
        if !ts.isCallable(args[0]) { throw PyException.typeError("iter(v, w): v must be callable") }
        return .object(PyCallableIterator(args[0], sentinel: args[1]))
      }
      return try ts.getIter(args[0])
    }
    m.addFunction("next") { ts, args throws(PyException) in
      try args.expect("next", min: 1, max: 2, skipSelf: false)
      if !ts.isIterator(args[0]) {
        throw PyException.typeError("'\(args[0].type.name)' object is not an iterator")
      }
      if args.count == 2 {
        return try ts.next(args[0]) ?? args[1]
      }
      if let v = try ts.next(args[0], keepStopIteration: true) { return v }
      throw PyException.stopIteration()
    }
    m.addFunction("sorted") { ts, args throws(PyException) in
      if args.count != 1 {
        throw PyException.typeError("sorted expected 1 argument, got \(args.count)")
      }
      var key: Value? = nil
      var reverse = false
      for (k, v) in args.keywords {
        switch k.value {
        case "key": key = v
        case "reverse": reverse = try ts.isTrue(v)
        default: throw PyException.typeError("sort() got an unexpected keyword argument '\(k.value)'")
        }
      }
      let l = PyList(ContiguousArray(try ts.collect(args[0])))
      try Sorting.sortList(ts, l, key: key, reverse: reverse)
      return .object(l)
    }
    m.addFunction("sum") { ts, args throws(PyException) in
      let a = try ArgList(args, "sum", ["iterable", "start"], required: 1, positionalOnly: 1)
      var total = a[1] ?? .int(0)
      if let s = total.asStr {
        _ = s
        throw PyException.typeError("sum() can't sum strings [use ''.join(seq) instead]")
      }
      if case .object(let o) = total, o is PyBytes {
        throw PyException.typeError("sum() can't sum bytes [use b''.join(seq) instead]")
      }
      try ts.iterate(a[0]!) { (v) throws(PyException) in
        if case .int(let x) = total, case .int(let y) = v {
          let (r, o) = x.addingReportingOverflow(y)
          if !o {
            total = .int(r)
            return
          }
        }
        if case .float(let x) = total, case .float(let y) = v {
          total = .float(x + y)
          return
        }
        total = try ts.binaryOp(.add, total, v)
      }
      return total
    }
    for (name, isMax) in [("min", false), ("max", true)] {
      m.addFunction(name) { ts, args throws(PyException) in try minMax(ts, args, name: name, isMax: isMax) }
    }
    m.addFunction("all") { ts, args throws(PyException) in
      try args.expect("all", 1, skipSelf: false)
      let it = try ts.getIter(args[0])
      while let v = try ts.next(it) { if try !ts.isTrue(v) { return .bool(false) } }
      return .bool(true)
    }
    m.addFunction("any") { ts, args throws(PyException) in
      try args.expect("any", 1, skipSelf: false)
      let it = try ts.getIter(args[0])
      while let v = try ts.next(it) { if try ts.isTrue(v) { return .bool(true) } }
      return .bool(false)
    }
  }

  private static func minMax(_ ts: ThreadState, _ args: Args, name: String, isMax: Bool) throws(PyException) -> Value {
    var key: Value? = nil
    var dflt: Value? = nil
    for (k, v) in args.keywords {
      switch k.value {
      case "key": key = v.isNone ? nil : v
      case "default": dflt = v
      default: throw PyException.typeError("\(name)() got an unexpected keyword argument '\(k.value)'")
      }
    }
    let items: [Value]
    if args.count == 0 {
      throw PyException.typeError("\(name) expected at least 1 argument, got 0")
    } else if args.count == 1 {
      items = try ts.collect(args[0])
    } else {
      if dflt != nil {
        throw PyException.typeError("Cannot specify a default for \(name)() with multiple positional arguments")
      }
      items = Array(args.positional)
    }
    guard var best = items.first else {
      if let d = dflt { return d }
      throw PyException.valueError("\(name)() iterable argument is empty")
    }
    var bestKey = try key.map { (k) throws(PyException) in try ts.call(k, best) } ?? best
    for v in items.dropFirst() {
      let k = try key.map { (kf) throws(PyException) in try ts.call(kf, v) } ?? v
      let better = isMax ? try ts.richLess(bestKey, k) : try ts.richLess(k, bestKey)
      if better {
        best = v
        bestKey = k
      }
    }
    return best
  }

  // MARK: exec, eval, compile

  private static func installExecution(_ m: PyModule) {
    m.addFunction("compile") { ts, args throws(PyException) in
      let a = try ArgList(args, "compile", ["source", "filename", "mode", "flags", "dont_inherit", "optimize"], required: 3)
      let source = try sourceText(ts, a[0]!, "compile")
      let filename = try ts.str(a[1]!)
      let modeName = try ts.strArg(a[2]!, "compile() mode must be str").value
      let mode: CompileMode
      switch modeName {
      case "exec": mode = .exec
      case "eval": mode = .eval
      case "single": mode = .single
      default: throw PyException.valueError("compile() mode must be 'exec', 'eval' or 'single'")
      }
      if case .object(let o) = a[0]!, o is CodeObject { return a[0]! }
      return .object(try CompileAPI.compile(source, filename: filename, mode: mode))
    }
    m.addFunction("exec") { ts, args throws(PyException) in
      let a = try ArgList(args, "exec", ["source", "globals", "locals"], required: 1, keywordOnly: ["closure"])
      let (g, l) = try namespaces(ts, a[1], a[2], "exec")
      let code: CodeObject
      if case .object(let o) = a[0]!, let c = o as? CodeObject {
        code = c
      } else {
        code = try CompileAPI.compile(try sourceText(ts, a[0]!, "exec"), filename: "<string>", mode: .exec)
      }
      _ = try ts.runCode(code, globals: g, locals: code.flags.contains(.optimized) ? nil : l)
      return .none
    }
    m.addFunction("eval") { ts, args throws(PyException) in
      let a = try ArgList(args, "eval", ["source", "globals", "locals"], required: 1)
      let (g, l) = try namespaces(ts, a[1], a[2], "eval")
      let code: CodeObject
      if case .object(let o) = a[0]!, let c = o as? CodeObject {
        code = c
      } else {
        var text = try sourceText(ts, a[0]!, "eval")
        while let f = text.first, f == " " || f == "\t" { text.removeFirst() }
        code = try CompileAPI.compile(text, filename: "<string>", mode: .eval)
      }
      return try ts.runCode(code, globals: g, locals: l)
    }
  }

  private static func sourceText(_ ts: ThreadState, _ v: Value, _ fn: String) throws(PyException) -> String {
    if let s = v.asStr { return s.value }
    if let b = ts.bytesLike(v) { return String(decoding: b, as: UTF8.self) }
    if case .object(let o) = v, o is CodeObject { return "" }
    throw PyException.typeError("\(fn)() arg 1 must be a string, bytes or code object")
  }

  private static func namespaces(_ ts: ThreadState, _ g: Value?, _ l: Value?, _ fn: String) throws(PyException) -> (PyDict, PyDict) {
    if let gv = g, !gv.isNone {
      guard let gd = gv.asDict else {
        throw PyException.typeError("\(fn)() globals must be a dict, not \(gv.type.name)")
      }
      var ld = gd
      if let lv = l, !lv.isNone {
        guard let d = lv.asDict else { throw PyException.typeError("locals must be a mapping") }
        ld = d
      }
      return (gd, ld)
    }
    let f = ts.frame
    let gd = f?.globals ?? ts.interp.mainModule.attributes
    var ld = f?.locals ?? f?.localsSnapshot() ?? gd
    if let lv = l, !lv.isNone, let d = lv.asDict { ld = d }
    return (gd, ld)
  }
}

extension ThreadState {
  func isCallable(_ v: Value) -> Bool {
    guard case .object(let o) = v else { return false }
    switch o.kind {
    case .function, .builtinFunction, .methodDescriptor, .boundMethod, .type: return true
    default:
      if o is PyType || o is PyClassMethodDescriptor { return true }
      return o.type.lookup(names.__call__) != nil
    }
  }

  /// `isinstance(v, classinfo)` with tuples, unions and `__instancecheck__`.
  func isInstance(_ v: Value, _ classinfo: Value) throws(PyException) -> Bool {
    if let t = classinfo.asType {
      if v.type === t { return true }
      let meta = t.type!
      if meta.isHeapType, let check = meta.lookup(names.__instancecheck__) {
        return try isTrue(try callMethodValue(check, classinfo, v))
      }
      return try defaultIsInstance(v, t)
    }
    if let tup = classinfo.asTuple {
      for item in tup.items where try isInstance(v, item) { return true }
      return false
    }
    if case .object(let o) = classinfo, let u = o as? PyUnion {
      for item in u.members {
        if item.isNone { if v.isNone { return true } else { continue } }
        if try isInstance(v, item) { return true }
      }
      return false
    }
    if case .object(let o) = classinfo, o is GenericAlias {
      throw PyException.typeError("isinstance() argument 2 cannot be a parameterized generic")
    }
    if let check = classinfo.type.lookup(names.__instancecheck__), !(classinfo.asType != nil) {
      return try isTrue(try callMethodValue(check, classinfo, v))
    }
    throw PyException.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
  }

  func isSubclass(_ c: Value, _ classinfo: Value) throws(PyException) -> Bool {
    if let t = classinfo.asType {
      let meta = t.type!
      if meta.isHeapType, let check = meta.lookup(names.__subclasscheck__) {
        return try isTrue(try callMethodValue(check, classinfo, c))
      }
      guard let ct = c.asType else { throw PyException.typeError("issubclass() arg 1 must be a class") }
      return ct.isSubtype(of: t)
    }
    if let tup = classinfo.asTuple {
      for item in tup.items where try isSubclass(c, item) { return true }
      return false
    }
    if case .object(let o) = classinfo, let u = o as? PyUnion {
      for item in u.members where !item.isNone { if try isSubclass(c, item) { return true } }
      return false
    }
    if let check = classinfo.type.lookup(names.__subclasscheck__) {
      return try isTrue(try callMethodValue(check, classinfo, c))
    }
    throw PyException.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
  }
}
