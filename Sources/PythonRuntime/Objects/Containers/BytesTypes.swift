/// `bytes`, `bytearray` and `memoryview`: construction and core behaviour.
/// More methods live in `BytesMethods.swift`.
enum BytesTypes {
  static func install() {
    installBytes()
    installByteArray()
    installMemoryView()
  }

  static func bytesFrom(_ ts: ThreadState, _ x: Value, encoding: Value?, errors: Value?, name: String = "bytes") throws(PyException) -> [UInt8] {
    if let s = x.asStr {
      guard let enc = try codecArg(encoding, name, "encoding") else {
        throw PyException.typeError("string argument without an encoding")
      }
      let err = try codecArg(errors, name, "errors") ?? "strict"
      return try TextCodecs.encode(s, encoding: enc, errors: err)
    }
    if encoding != nil { throw PyException.typeError("encoding without a string argument") }
    if errors != nil { throw PyException.typeError("errors without a string argument") }
    if let b = ts.bytesLike(x) { return b }
    if x.type.lookup(names.__bytes__) != nil {
      let r = try ts.callMethod(x, names.__bytes__)
      guard case .object(let o) = r, let b = o as? PyBytes else {
        throw PyException.typeError("\(x.type.name).__bytes__() must return a bytes, not \(r.type.name)")
      }
      return b.bytes
    }
    if x.isInt || (x.asObject.map { $0.type.lookup(names.__index__) != nil } ?? false) {
      guard let n = try ts.indexValue(x, forLen: true) else { return [] }
      if n < 0 { throw PyException.valueError("negative count") }
      try ts.checkRepeatSize(1, n)
      return [UInt8](repeating: 0, count: n)
    }
    return try intsToBytes(ts, x, what: "cannot convert '\(x.type.name)' object to \(name)")
  }

  /// The bytes of an iterable of ints in range(256).
  static func intsToBytes(_ ts: ThreadState, _ x: Value, what: @autoclosure () -> String,
                          range: String = "bytes must be in range(0, 256)") throws(PyException) -> [UInt8] {
    if x.type.lookup(names.__iter__) == nil && x.type.lookup(names.__getitem__) == nil {
      throw PyException.typeError(what())
    }
    var out: [UInt8] = []
    try ts.iterate(x) { (v) throws(PyException) in out.append(try byteValue(ts, v, message: range)) }
    return out
  }

  /// One byte from an int-like value.
  static func byteValue(_ ts: ThreadState, _ v: Value, message: String = "byte must be in range(0, 256)") throws(PyException) -> UInt8 {
    guard let n = try ts.indexValue(v, clamp: true) else {
      throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
    }
    guard n >= 0 && n < 256 else { throw PyException.valueError(message) }
    return UInt8(n)
  }

  /// Dunders shared by bytes and bytearray (used by subclass instances; exact
  /// instances take the VM's native paths).
  private static func installSequenceDunders(_ t: PyType, mutable: Bool) {
    let name = mutable ? "bytearray" : "bytes"
    func d(_ v: Value) -> [UInt8] { BytesMethods.data(v) }
    func wrap(_ b: [UInt8]) -> Value { mutable ? .object(PyByteArray(b)) : .object(PyBytes(b)) }
    t.method("__len__") { _, args throws(PyException) in .int(d(args[0]).count) }
    t.method("__getitem__") { ts, args throws(PyException) in
      try StrMethods.dunderArgs(args)
      let b = d(args[0])
      if case .object(let k) = args[1], let sl = k as? PySlice {
        let (start, _, step, count) = try sl.indices(ts, length: b.count)
        if step == 1 { return wrap(Array(b[start..<start + max(count, 0)])) }
        var out: [UInt8] = []
        var i = start
        for _ in 0..<max(count, 0) { out.append(b[i]); i += step }
        return wrap(out)
      }
      let i = try ts.sequenceIndex(args[1], count: b.count, type: mutable ? "bytearray index" : "index")
      return .int(Int(b[i]))
    }
    t.method("__iter__") { ts, args throws(PyException) in try ts.getIter(wrap(d(args[0]))) }
    t.method("__contains__") { ts, args throws(PyException) in
      try StrMethods.dunderArgs(args)
      return .bool(try ts.contains(wrap(d(args[0])), args[1]))
    }
    t.method("__add__") { ts, args throws(PyException) in
      try StrMethods.dunderArgs(args)
      guard let o = ts.bytesLike(args[1]) else {
        throw PyException.typeError("can't concat \(args[1].type.name) to \(name)")
      }
      return wrap(d(args[0]) + o)
    }
    for n in ["__mul__", "__rmul__"] {
      t.method(n) { ts, args throws(PyException) in
        try StrMethods.dunderArgs(args, leadingSpace: true)
        guard let k = try ts.indexValue(args[1]) else {
          throw PyException.typeError("'\(args[1].type.name)' object cannot be interpreted as an integer")
        }
        return try NativeOps.repeatSequence(ts, mutable ? PyByteArray(d(args[0])) : PyBytes(d(args[0])), k) ?? .notImplemented
      }
    }
    t.method("__mod__") { ts, args throws(PyException) in
      try StrMethods.dunderArgs(args)
      return try PercentFormatting.formatBytes(ts, d(args[0]), args[1], asByteArray: mutable)
    }
    t.method("__rmod__") { _, _ throws(PyException) in .notImplemented }
    for (cmp, n) in [(CompareKind.lt, "__lt__"), (.le, "__le__"), (.eq, "__eq__"), (.ne, "__ne__"),
                     (.gt, "__gt__"), (.ge, "__ge__")] {
      t.method(n) { ts, args throws(PyException) in
        try StrMethods.dunderArgs(args)
        // bytes compares with bytes only; bytearray with any bytes-like object.
        let y: [UInt8]
        if case .object(let o) = args[1], o is PyBytes || (mutable && (o is PyByteArray || o is PyMemoryView)) {
          y = ts.bytesLike(args[1])!
        } else {
          return .notImplemented
        }
        let x = d(args[0])
        let c = x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
        return .bool(NativeOps.result(c, cmp))
      }
    }
    t.method("__str__") { ts, args throws(PyException) in Value(try ts.repr(args[0])) }
  }

  private static func installBytes() {
    let t = PyType.bytes!
    func b(_ v: Value) -> [UInt8] { BytesMethods.data(v) }
    t.directCall = { ts, _, args throws(PyException) in
      let a = try ArgList(args, "bytes", ["source", "encoding", "errors"])
      guard let x = a[0] else {
        if a[1] != nil { throw PyException.typeError("encoding without a string argument") }
        if a[2] != nil { throw PyException.typeError("errors without a string argument") }
        return .object(PyBytes([]))
      }
      if a[1] == nil && a[2] == nil, case .object(let o) = x, o.kind == .bytes { return x }
      return .object(PyBytes(try bytesFrom(ts, x, encoding: a[1], errors: a[2])))
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("bytes.__new__(X): X is not a type object") }
      let a = try ArgList(args, "bytes", ["source", "encoding", "errors"], skipSelf: true)
      let data = try a[0].map { (x) throws(PyException) in try bytesFrom(ts, x, encoding: a[1], errors: a[2]) } ?? []
      let o = PyBytes(data, type: cls)
      if cls.isHeapType && cls.hasInstanceDict { o.dict = PyDict() }
      return .object(o)
    }
    t.method("__repr__") { _, args throws(PyException) in Value(NumericFormat.pythonBytesRepr(b(args[0]))) }
    t.method("__hash__") { _, args throws(PyException) in .int((args[0].asObject as! PyBytes).hash) }
    t.method("__bytes__") { _, args throws(PyException) in BytesMethods.sameBytes(args[0]) }
    t.method("__getnewargs__") { _, args throws(PyException) in .object(PyTuple([.object(PyBytes(b(args[0])))])) }
    installSequenceDunders(t, mutable: false)
    BytesMethods.install(t, mutable: false)
  }

  private static func installByteArray() {
    let t = PyType.bytearray!
    t.unhashable()
    func b(_ v: Value) -> PyByteArray { v.asObject as! PyByteArray }
    t.directCall = { ts, _, args throws(PyException) in
      let a = try ArgList(args, "bytearray", ["source", "encoding", "errors"])
      guard let x = a[0] else {
        if a[1] != nil { throw PyException.typeError("encoding without a string argument") }
        if a[2] != nil { throw PyException.typeError("errors without a string argument") }
        return .object(PyByteArray([]))
      }
      return .object(PyByteArray(try bytesFrom(ts, x, encoding: a[1], errors: a[2], name: "bytearray")))
    }
    t.staticMethod("__new__") { _, args throws(PyException) in
      guard let cls = args[0].asType else { throw PyException.typeError("bytearray.__new__(X): X is not a type") }
      let o = PyByteArray(type: cls)
      if cls.isHeapType && cls.hasInstanceDict { o.dict = PyDict() }
      return .object(o)
    }
    t.method("__init__") { ts, args throws(PyException) in
      let a = try ArgList(args, "bytearray", ["source", "encoding", "errors"], skipSelf: true)
      guard let x = a[0] else {
        if a[1] != nil { throw PyException.typeError("encoding without a string argument") }
        if a[2] != nil { throw PyException.typeError("errors without a string argument") }
        b(args[0]).bytes = []
        return .none
      }
      b(args[0]).bytes = try bytesFrom(ts, x, encoding: a[1], errors: a[2], name: "bytearray")
      return .none
    }
    t.method("__repr__") { _, args throws(PyException) in
      let o = b(args[0])
      let name = o.kind == .bytearray ? "bytearray" : o.type.name
      return Value("\(name)(\(NumericFormat.pythonBytesRepr(o.bytes)))")
    }
    t.method("__alloc__") { _, args throws(PyException) in .int(b(args[0]).bytes.capacity + 1) }
    t.method("append") { ts, args throws(PyException) in
      try args.expect("bytearray.append", 1)
      b(args[0]).bytes.append(try byteValue(ts, args[1]))
      return .none
    }
    t.method("extend") { ts, args throws(PyException) in
      try args.expect("bytearray.extend", 1)
      let o = b(args[0])
      if let other = ts.bytesLike(args[1]) {
        o.bytes.append(contentsOf: other)
      } else {
        if let str = args[1].asStr {
          if str.isEmpty { return .none }
          throw PyException.typeError("expected iterable of integers; got: 'str'")
        }
        o.bytes.append(contentsOf: try intsToBytes(ts, args[1], what: "can't extend bytearray with \(args[1].type.name)",
                                                 range: "byte must be in range(0, 256)"))
      }
      return .none
    }
    t.method("insert") { ts, args throws(PyException) in
      try StrMethods.positional(args, "bytearray", "insert", min: 2, max: 2)
      let o = b(args[0])
      var i = try StrMethods.intArg(ts, args[1])
      let v = try byteValue(ts, args[2])
      let n = o.bytes.count
      if i < 0 { i = max(0, i + n) }
      o.bytes.insert(v, at: min(i, n))
      return .none
    }
    t.method("pop") { ts, args throws(PyException) in
      try StrMethods.positional(args, "bytearray", "pop", min: 0, max: 1)
      let o = b(args[0])
      if o.bytes.isEmpty { throw PyException.indexError("pop from empty bytearray") }
      var i = args.count > 1 ? try StrMethods.intArg(ts, args[1]) : -1
      if i < 0 { i += o.bytes.count }
      guard i >= 0 && i < o.bytes.count else { throw PyException.indexError("pop index out of range") }
      return .int(Int(o.bytes.remove(at: i)))
    }
    t.method("remove") { ts, args throws(PyException) in
      try args.expect("bytearray.remove", 1)
      let o = b(args[0])
      let v = try byteValue(ts, args[1])
      guard let i = o.bytes.firstIndex(of: v) else { throw PyException.valueError("value not found in bytearray") }
      o.bytes.remove(at: i)
      return .none
    }
    t.method("clear") { _, args throws(PyException) in
      try args.expect("bytearray.clear", 0)
      b(args[0]).bytes.removeAll()
      return .none
    }
    t.method("copy") { _, args throws(PyException) in
      try args.expect("bytearray.copy", 0)
      return .object(PyByteArray(b(args[0]).bytes))
    }
    t.method("reverse") { _, args throws(PyException) in
      try args.expect("bytearray.reverse", 0)
      b(args[0]).bytes.reverse()
      return .none
    }
    t.method("resize") { ts, args throws(PyException) in
      try args.expect("bytearray.resize", 1)
      let n = try StrMethods.intArg(ts, args[1])
      if n < 0 { throw PyException.valueError("Can only resize to positive sizes, got \(n)") }
      let o = b(args[0])
      if n < o.bytes.count { o.bytes.removeLast(o.bytes.count - n) } else {
        try ts.checkRepeatSize(1, n)
        o.bytes.append(contentsOf: repeatElement(0, count: n - o.bytes.count))
      }
      return .none
    }
    t.method("__setitem__") { ts, args throws(PyException) in
      try StrMethods.dunderArgs(args, 2, leadingSpace: true)
      try setItem(ts, b(args[0]), args[1], args[2])
      return .none
    }
    t.method("__delitem__") { ts, args throws(PyException) in
      try StrMethods.dunderArgs(args)
      try delItem(ts, b(args[0]), args[1])
      return .none
    }
    t.method("__iadd__") { ts, args throws(PyException) in
      try StrMethods.dunderArgs(args)
      guard let other = ts.bytesLike(args[1]) else {
        throw PyException.typeError("can't concat \(args[1].type.name) to bytearray")
      }
      b(args[0]).bytes.append(contentsOf: other)
      return args[0]
    }
    t.method("__imul__") { ts, args throws(PyException) in
      try StrMethods.dunderArgs(args, leadingSpace: true)
      guard let n = try ts.indexValue(args[1]) else {
        throw PyException.typeError("can't multiply sequence by non-int of type '\(args[1].type.name)'")
      }
      let o = b(args[0])
      let items = o.bytes
      try ts.checkRepeatSize(items.count, max(n, 0))
      o.bytes.removeAll(keepingCapacity: true)
      for _ in 0..<max(n, 0) { o.bytes.append(contentsOf: items) }
      return args[0]
    }
    installSequenceDunders(t, mutable: true)
    BytesMethods.install(t, mutable: true)
  }

  /// `ba[key] = value` for an index or a slice.
  static func setItem(_ ts: ThreadState, _ o: PyByteArray, _ key: Value, _ value: Value) throws(PyException) {
    if case .object(let k) = key, let sl = k as? PySlice {
      let new: [UInt8]
      if let bl = ts.bytesLike(value) {
        new = bl
      } else if value.isInt || value.asStr != nil || value.isNone || value.isFloatValue {
        throw PyException.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
      } else {
        new = try intsToBytes(ts, value, what: "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
      }
      let (start, stop, step, count) = try sl.indices(ts, length: o.bytes.count)
      if step == 1 {
        let hi = max(start, stop)
        o.bytes.replaceSubrange(start..<hi, with: new)
        return
      }
      guard new.count == count else {
        throw PyException.valueError("attempt to assign bytes of size \(new.count) to extended slice of size \(count)")
      }
      var i = start
      for v in new { o.bytes[i] = v; i += step }
      return
    }
    let i = try ts.sequenceIndex(key, count: o.bytes.count, type: "bytearray index")
    o.bytes[i] = try byteValue(ts, value)
  }

  /// `del ba[key]` for an index or a slice.
  static func delItem(_ ts: ThreadState, _ o: PyByteArray, _ key: Value) throws(PyException) {
    if case .object(let k) = key, let sl = k as? PySlice {
      let (start, stop, step, count) = try sl.indices(ts, length: o.bytes.count)
      if count <= 0 { return }
      if step == 1 { o.bytes.removeSubrange(start..<stop); return }
      var drop = Set<Int>()
      var i = start
      for _ in 0..<count { drop.insert(i); i += step }
      o.bytes = o.bytes.enumerated().filter { !drop.contains($0.offset) }.map { $0.element }
      return
    }
    let i = try ts.sequenceIndex(key, count: o.bytes.count, type: "bytearray index")
    o.bytes.remove(at: i)
  }

  private static func live(_ mv: PyMemoryView) throws(PyException) {
    if mv.released { throw PyException.valueError("operation forbidden on released memoryview object") }
  }

  private static func installMemoryView() {
    let t = PyType.memoryview!
    func m(_ v: Value) -> PyMemoryView { v.asObject as! PyMemoryView }
    t.directCall = { ts, _, args throws(PyException) in
      guard args.count == 1, case .object(let o) = args[0], o is PyBytes || o is PyByteArray || o is PyMemoryView else {
        throw PyException.typeError("memoryview: a bytes-like object is required, not '\(args.count > 0 ? args[0].type.name : "NoneType")'")
      }
      if let mv = o as? PyMemoryView {
        try live(mv)
        if let sh = mv.shared { return .object(PyMemoryView(shared: sh, source: mv.source, start: mv.start, length: mv.length)) }
        return .object(PyMemoryView(source: mv.source!))
      }
      return .object(PyMemoryView(source: o))
    }
    /// A view that is still usable (not released).
    func lv(_ v: Value) throws(PyException) -> PyMemoryView {
      let mv = m(v)
      try live(mv)
      return mv
    }
    t.method("tobytes") { _, args throws(PyException) in .object(PyBytes(try lv(args[0]).bytes)) }
    t.method("tolist") { _, args throws(PyException) in .object(PyList(try lv(args[0]).bytes.map { .int(Int($0)) })) }
    t.method("hex") { _, args throws(PyException) in
      Value(try lv(args[0]).bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined())
    }
    t.method("release") { _, args throws(PyException) in
      m(args[0]).released = true
      return .none
    }
    t.method("__len__") { _, args throws(PyException) in .int(try lv(args[0]).length) }
    t.method("__getitem__") { ts, args throws(PyException) in
      let mv = try lv(args[0])
      if case .object(let k) = args[1], let sl = k as? PySlice {
        let (start, _, step, count) = try sl.indices(ts, length: mv.length)
        if step == 1, let sh = mv.shared {
          return .object(PyMemoryView(shared: sh, source: mv.source, start: mv.start + start, length: count))
        }
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
      let mv = try lv(args[0])
      if mv.readonly { throw PyException.typeError("cannot modify read-only memory") }
      let i = try ts.sequenceIndex(args[1], count: mv.length, type: "index")
      guard let n = args[2].smallInt, n >= 0, n < 256 else {
        throw PyException.valueError("memoryview: invalid value for format 'B'")
      }
      mv.setByte(i, UInt8(n))
      return .none
    }
    for (cmp, name) in [(CompareKind.eq, "__eq__"), (.ne, "__ne__")] {
      t.method(name) { ts, args throws(PyException) in
        try StrMethods.dunderArgs(args)
        guard let other = ts.bytesLike(args[1]) else { return .notImplemented }
        let eq = m(args[0]).bytes == other
        return .bool(cmp == .eq ? eq : !eq)
      }
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

