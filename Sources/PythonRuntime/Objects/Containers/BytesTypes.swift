/// `bytes`, `bytearray` and `memoryview`: construction and core behaviour.
/// More methods live in `BytesMethods.swift`.
enum BytesTypes {
  static func install() {
    installBytes()
    installByteArray()
    installMemoryView()
  }

  static func bytesFrom(_ ts: ThreadState, _ x: Value, encoding: Value?, errors: Value?) throws(PyException) -> [UInt8] {
    if let s = x.asStr {
      guard let enc = encoding else { throw PyException.typeError("string argument without an encoding") }
      let r = try ts.callMethod(.object(s), intern("encode"), enc, errors ?? Value("strict"))
      return ts.bytesLike(r) ?? []
    }
    if encoding != nil { throw PyException.typeError("encoding without a string argument") }
    if let b = ts.bytesLike(x) { return b }
    if let n = x.smallInt, x.isInt {
      if n < 0 { throw PyException.valueError("negative count") }
      try ts.checkRepeatSize(1, n)
      return [UInt8](repeating: 0, count: n)
    }
    if x.type.lookup(names.__bytes__) != nil, let b = ts.bytesLike(try ts.callMethod(x, names.__bytes__)) { return b }
    var out: [UInt8] = []
    do throws(PyException) {
      try ts.iterate(x) { (v) throws(PyException) in
        guard let n = try ts.indexValue(v) else {
          throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
        }
        guard n >= 0 && n < 256 else { throw PyException.valueError("bytes must be in range(0, 256)") }
        out.append(UInt8(n))
      }
    } catch {
      if error.isInstance(of: PyType.typeError) && x.type.lookup(names.__iter__) == nil {
        throw PyException.typeError("cannot convert '\(x.type.name)' object to bytes")
      }
      throw error
    }
    return out
  }

  private static func installBytes() {
    let t = PyType.bytes!
    func b(_ v: Value) -> [UInt8] { (v.asObject as! PyBytes).bytes }
    t.directCall = { ts, _, args throws(PyException) in
      let a = try ArgList(args, "bytes", ["source", "encoding", "errors"])
      guard let x = a[0] else { return .object(PyBytes([])) }
      return .object(PyBytes(try bytesFrom(ts, x, encoding: a[1], errors: a[2])))
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("bytes.__new__(X): X is not a type object") }
      let a = try ArgList(args, "bytes", ["source", "encoding", "errors"], skipSelf: true)
      let data = try a[0].map { (x) throws(PyException) in try bytesFrom(ts, x, encoding: a[1], errors: a[2]) } ?? []
      return .object(PyBytes(data, type: cls))
    }
    t.method("__repr__") { _, args throws(PyException) in Value(NumericFormat.pythonBytesRepr(b(args[0]))) }
    t.method("__hash__") { _, args throws(PyException) in .int((args[0].asObject as! PyBytes).hash) }
    t.method("__len__") { _, args throws(PyException) in .int(b(args[0]).count) }
    t.method("__getitem__") { ts, args throws(PyException) in try ts.getItem(.object(PyBytes(b(args[0]))), args[1]) }
    t.method("__iter__") { ts, args throws(PyException) in try ts.getIter(.object(PyBytes(b(args[0])))) }
    t.method("__bytes__") { _, args throws(PyException) in .object(PyBytes(b(args[0]))) }
    t.method("__getnewargs__") { _, args throws(PyException) in .object(PyTuple([.object(PyBytes(b(args[0])))])) }
    t.method("decode") { ts, args throws(PyException) in
      let a = try ArgList(args, "decode", ["encoding", "errors"], skipSelf: true)
      return Value(try BytesDecoding.decode(b(args[0]), encoding: a[0]?.asStr?.value ?? "utf-8",
                                            errors: a[1]?.asStr?.value ?? "strict"))
    }
    t.method("hex") { _, args throws(PyException) in
      Value(b(args[0]).map { String($0, radix: 16).leftPadded(to: 2) }.joined())
    }
    BytesMethods.install(t, mutable: false)
  }

  private static func installByteArray() {
    let t = PyType.bytearray!
    t.unhashable()
    func b(_ v: Value) -> PyByteArray { v.asObject as! PyByteArray }
    t.directCall = { ts, _, args throws(PyException) in
      let a = try ArgList(args, "bytearray", ["source", "encoding", "errors"])
      guard let x = a[0] else { return .object(PyByteArray([])) }
      return .object(PyByteArray(try bytesFrom(ts, x, encoding: a[1], errors: a[2])))
    }
    t.staticMethod("__new__") { _, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("bytearray.__new__(X): X is not a type") }
      return .object(PyByteArray(type: cls))
    }
    t.method("__init__") { ts, args throws(PyException) in
      let a = try ArgList(args, "bytearray", ["source", "encoding", "errors"], skipSelf: true)
      b(args[0]).bytes = try a[0].map { (x) throws(PyException) in try bytesFrom(ts, x, encoding: a[1], errors: a[2]) } ?? []
      return .none
    }
    t.method("__repr__") { _, args throws(PyException) in
      Value("bytearray(\(NumericFormat.pythonBytesRepr(b(args[0]).bytes)))")
    }
    t.method("__len__") { _, args throws(PyException) in .int(b(args[0]).bytes.count) }
    t.method("append") { ts, args throws(PyException) in
      try args.expect("append", 1)
      guard let n = args[1].smallInt, n >= 0, n < 256 else { throw PyException.valueError("byte must be in range(0, 256)") }
      b(args[0]).bytes.append(UInt8(n))
      return .none
    }
    t.method("extend") { ts, args throws(PyException) in
      try args.expect("extend", 1)
      b(args[0]).bytes.append(contentsOf: try bytesFrom(ts, args[1], encoding: nil, errors: nil))
      return .none
    }
    t.method("decode") { ts, args throws(PyException) in
      let a = try ArgList(args, "decode", ["encoding", "errors"], skipSelf: true)
      return Value(try BytesDecoding.decode(b(args[0]).bytes, encoding: a[0]?.asStr?.value ?? "utf-8",
                                            errors: a[1]?.asStr?.value ?? "strict"))
    }
    BytesMethods.install(t, mutable: true)
  }

  private static func installMemoryView() {
    let t = PyType.memoryview!
    func m(_ v: Value) -> PyMemoryView { v.asObject as! PyMemoryView }
    t.directCall = { ts, _, args throws(PyException) in
      guard args.count == 1, case .object(let o) = args[0], o is PyBytes || o is PyByteArray || o is PyMemoryView else {
        throw PyException.typeError("memoryview: a bytes-like object is required, not '\(args.count > 0 ? args[0].type.name : "NoneType")'")
      }
      if let mv = o as? PyMemoryView {
        if let sh = mv.shared { return .object(PyMemoryView(shared: sh, start: mv.start, length: mv.length)) }
        return .object(PyMemoryView(source: mv.source!))
      }
      return .object(PyMemoryView(source: o))
    }
    t.method("tobytes") { _, args throws(PyException) in .object(PyBytes(m(args[0]).bytes)) }
    t.method("tolist") { _, args throws(PyException) in .object(PyList(m(args[0]).bytes.map { .int(Int($0)) })) }
    t.method("hex") { _, args throws(PyException) in
      Value(m(args[0]).bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined())
    }
    t.method("release") { _, args throws(PyException) in
      m(args[0]).released = true
      return .none
    }
    t.method("__len__") { _, args throws(PyException) in .int(m(args[0]).length) }
    t.method("__getitem__") { ts, args throws(PyException) in
      let mv = m(args[0])
      if case .object(let k) = args[1], let sl = k as? PySlice {
        let (start, _, step, count) = try sl.indices(ts, length: mv.length)
        if step == 1, let sh = mv.shared { return .object(PyMemoryView(shared: sh, start: mv.start + start, length: count)) }
        var out: [UInt8] = []
        var i = start
        let all = mv.bytes
        for _ in 0..<count { out.append(all[i]); i += step }
        return .object(PyMemoryView(shared: SharedBuffer(out, readonly: mv.readonly)))
      }
      let i = try ts.sequenceIndex(args[1], count: mv.length, type: "index")
      return .int(Int(mv.bytes[i]))
    }
    t.method("__setitem__") { ts, args throws(PyException) in
      let mv = m(args[0])
      if mv.readonly { throw PyException.typeError("cannot modify read-only memory") }
      let i = try ts.sequenceIndex(args[1], count: mv.length, type: "index")
      guard let n = args[2].smallInt, n >= 0, n < 256 else {
        throw PyException.valueError("memoryview: invalid value for format 'B'")
      }
      mv.setByte(i, UInt8(n))
      return .none
    }
    t.method("__enter__") { _, args throws(PyException) in args[0] }
    t.method("__exit__") { _, args throws(PyException) in
      m(args[0]).released = true
      return .bool(false)
    }
    t.method("__repr__") { ts, args throws(PyException) in Value("<memory at \(ts.hexAddress(m(args[0])))>") }
    t.getter("readonly") { _, v throws(PyException) in .bool(m(v).readonly) }
    t.getter("nbytes") { _, v throws(PyException) in .int(m(v).length) }
    t.getter("format") { _, _ throws(PyException) in Value("B") }
    t.getter("itemsize") { _, _ throws(PyException) in .int(1) }
    t.getter("obj") { _, v throws(PyException) in m(v).source.map { .object($0) } ?? .none }
  }
}

/// The methods shared by bytes and bytearray.
enum BytesMethods {
  static func install(_ t: PyType, mutable: Bool) {
    func data(_ v: Value) -> [UInt8] { NativeOps.bytesOf(v.asObject!)! }
    func wrap(_ b: [UInt8]) -> Value { mutable ? .object(PyByteArray(b)) : .object(PyBytes(b)) }
    t.method("upper") { _, args throws(PyException) in
      wrap(data(args[0]).map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 })
    }
    t.method("lower") { _, args throws(PyException) in
      wrap(data(args[0]).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 })
    }
    t.method("startswith") { ts, args throws(PyException) in
      guard let p = ts.bytesLike(args[1]) else { throw PyException.typeError("startswith first arg must be bytes or a tuple of bytes, not \(args[1].type.name)") }
      return .bool(data(args[0]).starts(with: p))
    }
    t.method("endswith") { ts, args throws(PyException) in
      guard let p = ts.bytesLike(args[1]) else { throw PyException.typeError("endswith first arg must be bytes or a tuple of bytes, not \(args[1].type.name)") }
      let d = data(args[0])
      return .bool(d.count >= p.count && Array(d[(d.count - p.count)...]) == p)
    }
    t.method("find") { ts, args throws(PyException) in
      guard let p = ts.bytesLike(args[1]) ?? args[1].smallInt.map({ [UInt8(truncatingIfNeeded: $0)] }) else {
        throw PyException.typeError("argument should be integer or bytes-like object, not '\(args[1].type.name)'")
      }
      return .int(BytesOps.find(data(args[0]), p) ?? -1)
    }
    t.method("count") { ts, args throws(PyException) in
      guard let p = ts.bytesLike(args[1]) ?? args[1].smallInt.map({ [UInt8(truncatingIfNeeded: $0)] }) else {
        throw PyException.typeError("argument should be integer or bytes-like object, not '\(args[1].type.name)'")
      }
      return .int(BytesOps.count(data(args[0]), p))
    }
    t.method("join") { ts, args throws(PyException) in
      let sep = data(args[0])
      var out: [UInt8] = []
      var first = true
      var index = 0
      try ts.iterate(args[1]) { (v) throws(PyException) in
        guard let b = ts.bytesLike(v) else {
          throw PyException.typeError("sequence item \(index): expected a bytes-like object, \(v.type.name) found")
        }
        if !first { out.append(contentsOf: sep) }
        out.append(contentsOf: b)
        first = false
        index += 1
      }
      return wrap(out)
    }
    t.classMethod("fromhex") { ts, args throws(PyException) in
      let s = try ts.strArg(args[1], "fromhex() argument must be str, not \(args[1].type.name)").value
      var out: [UInt8] = []
      var digits: [UInt8] = []
      for (i, c) in s.unicodeScalars.enumerated() {
        if c == " " { continue }
        guard let d = Int(String(c), radix: 16) else {
          throw PyException.valueError("non-hexadecimal number found in fromhex() arg at position \(i)")
        }
        digits.append(UInt8(d))
        if digits.count == 2 {
          out.append(digits[0] * 16 + digits[1])
          digits = []
        }
      }
      return wrap(out)
    }
  }
}
