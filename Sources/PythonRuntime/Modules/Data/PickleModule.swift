/// Pickling from Swift: what `pickle.dumps` / `pickle.loads` do, for runtime
/// components (cross-interpreter copies) that need it without Python code.
enum Pickle {
  /// `pickle.dumps(value, protocol)`.
  static func dumps(_ ts: ThreadState, _ value: Value, protocol proto: Int = PickleOp.defaultProtocol,
                    fixImports: Bool = true) throws(PyException) -> [UInt8] {
    let p = PicklerCore(ts, proto: proto < 0 ? PickleOp.highestProtocol : min(proto, PickleOp.highestProtocol),
                        fixImports: fixImports)
    try p.dump(value)
    return p.out
  }

  /// `pickle.loads(bytes)`.
  static func loads(_ ts: ThreadState, _ bytes: [UInt8], fixImports: Bool = true) throws(PyException) -> Value {
    let u = UnpicklerCore(ts, data: bytes, fixImports: fixImports)
    return try u.load()
  }
}

/// `_pickle`: the pickler and unpickler, the exception types, and the helpers
/// the Python layer (`pickle`, `copyreg`) uses.
enum PickleModule {
  static let pickleErrorType: PyType = makeException("PickleError", base: PyType.exception)
  static let picklingErrorType: PyType = makeException("PicklingError", base: pickleErrorType)
  static let unpicklingErrorType: PyType = makeException("UnpicklingError", base: pickleErrorType)

  private static func makeException(_ name: String, base: PyType) -> PyType {
    let t = PyType(builtin: name, base: base, module: "_pickle", storage: .exception, metatype: PyType.type)
    t.isExceptionType = true
    t.isBaseType = true
    t.finishBuiltin()
    return t
  }

  /// A memo that outlives one `dump` call (`Pickler` objects keep theirs).
  final class MemoBox: PyObject {
    let memo = PickleMemo()
    init() { super.init(type: PyType.object, kind: .other) }
  }

  static func protocolArg(_ ts: ThreadState, _ v: Value?) throws(PyException) -> Int {
    guard let v, !v.isNone else { return PickleOp.defaultProtocol }
    guard let p = try ts.indexValue(v) else {
      throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
    }
    if p < 0 { return PickleOp.highestProtocol }
    if p > PickleOp.highestProtocol {
      throw PyException.valueError("pickle protocol must be <= \(PickleOp.highestProtocol)")
    }
    return p
  }

  static func bytesArg(_ ts: ThreadState, _ v: Value) throws(PyException) -> [UInt8] {
    if case .object(let o) = v {
      if let b = o as? PyBytes { return b.bytes }
      if let b = o as? PyByteArray { return b.bytes }
      if o.type === PyType.memoryview, let r = try? ts.callMethod(v, intern("tobytes")), let b = r.asObject as? PyBytes {
        return b.bytes
      }
    }
    throw PyException.typeError("a bytes-like object is required, not '\(v.type.name)'")
  }

  private static func optionalHook(_ v: Value?) -> Value? {
    guard let v, !v.isNone else { return nil }
    return v
  }

  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "_pickle")
    m.add("PickleError", .object(pickleErrorType))
    m.add("PicklingError", .object(picklingErrorType))
    m.add("UnpicklingError", .object(unpicklingErrorType))

    m.addFunction("dumps") { ts, args throws(PyException) in
      let a = try ArgList(args, "dumps", ["obj", "protocol"], required: 1,
                          keywordOnly: ["fix_imports", "buffer_callback"])
      let proto = try protocolArg(ts, a[1])
      if let cb = optionalHook(a[3]), proto < 5 { _ = cb; throw PyException.valueError("buffer_callback needs protocol >= 5") }
      let fix = try a[2].map { (v) throws(PyException) in try ts.isTrue(v) } ?? true
      return .object(PyBytes(try Pickle.dumps(ts, a[0]!, protocol: proto, fixImports: fix)))
    }
    m.addFunction("dump") { ts, args throws(PyException) in
      let a = try ArgList(args, "dump", ["obj", "file", "protocol"], required: 2,
                          keywordOnly: ["fix_imports", "buffer_callback"])
      let proto = try protocolArg(ts, a[2])
      let fix = try a[3].map { (v) throws(PyException) in try ts.isTrue(v) } ?? true
      guard let write = try ts.lookupAttrOptional(a[1]!, intern("write")) else {
        throw PyException.typeError("file must have a 'write' attribute")
      }
      let p = PicklerCore(ts, proto: proto, fixImports: fix)
      try p.dump(a[0]!)
      _ = try ts.call(write, .object(PyBytes(p.out)))
      return .none
    }
    m.addFunction("loads") { ts, args throws(PyException) in
      let a = try ArgList(args, "loads", ["data"], required: 1, positionalOnly: 1,
                          keywordOnly: ["fix_imports", "encoding", "errors", "buffers"])
      let data = try bytesArg(ts, a[0]!)
      let fix = try a[1].map { (v) throws(PyException) in try ts.isTrue(v) } ?? true
      if a[2] == nil && a[3] == nil && a[4] == nil { return try Pickle.loads(ts, data, fixImports: fix) }
      let u = UnpicklerCore(ts, data: data, fixImports: fix, encoding: a[2]?.asStr?.value ?? "ASCII",
                            errors: a[3]?.asStr?.value ?? "strict")
      if let b = optionalHook(a[4]) { u.buffers = try ts.getIter(b) }
      return try u.load()
    }
    m.addFunction("load") { ts, args throws(PyException) in
      let a = try ArgList(args, "load", ["file"], required: 1,
                          keywordOnly: ["fix_imports", "encoding", "errors", "buffers"])
      let fix = try a[1].map { (v) throws(PyException) in try ts.isTrue(v) } ?? true
      let u = try UnpicklerCore(ts, file: a[0]!, fixImports: fix, encoding: a[2]?.asStr?.value ?? "ASCII",
                                errors: a[3]?.asStr?.value ?? "strict")
      if let b = optionalHook(a[4]) { u.buffers = try ts.getIter(b) }
      return try u.load()
    }
    // _pickle_dump(obj, protocol, fix_imports, memo, persistent_id, reducer_override, dispatch_table) -> bytes
    m.addFunction("_pickler_dump") { ts, args throws(PyException) in
      try args.expect("_pickler_dump", 7, skipSelf: false)
      guard case .object(let mo) = args[3], let box = mo as? MemoBox else {
        throw PyException.typeError("bad memo")
      }
      let proto = try protocolArg(ts, args[1])
      let p = PicklerCore(ts, proto: proto, fixImports: try ts.isTrue(args[2]), memo: box.memo)
      p.persistentId = optionalHook(args[4])
      p.reducerOverride = optionalHook(args[5])
      p.dispatchTable = optionalHook(args[6])
      try p.dump(args[0])
      return .object(PyBytes(p.out))
    }
    m.addFunction("_new_memo") { _, _ throws(PyException) in .object(MemoBox()) }
    m.addFunction("_clear_memo") { _, args throws(PyException) in
      if case .object(let o) = args[0], let box = o as? MemoBox { box.memo.clear() }
      return .none
    }
    // _unpickler_load(file, fix_imports, encoding, errors, buffers, find_class, persistent_load)
    m.addFunction("_unpickler_load") { ts, args throws(PyException) in
      try args.expect("_unpickler_load", 7, skipSelf: false)
      let u = try UnpicklerCore(ts, file: args[0], fixImports: try ts.isTrue(args[1]),
                                encoding: args[2].asStr?.value ?? "ASCII", errors: args[3].asStr?.value ?? "strict")
      if let b = optionalHook(args[4]) { u.buffers = try ts.getIter(b) }
      u.findClassHook = optionalHook(args[5])
      u.persistentLoad = optionalHook(args[6])
      return try u.load()
    }
    m.addFunction("_find_class") { ts, args throws(PyException) in
      try args.expect("_find_class", 4, skipSelf: false)
      guard let mod = args[0].asStr, let name = args[1].asStr else {
        throw PyException.typeError("module and name must be str")
      }
      return try UnpicklerCore.defaultFindClass(ts, mod.value, name.value, proto: args[2].smallInt ?? 5,
                                                fixImports: try ts.isTrue(args[3]))
    }
    m.addFunction("_is_heap_type") { _, args throws(PyException) in
      try args.expect("_is_heap_type", 1, skipSelf: false)
      return .bool(args[0].asType?.isHeapType ?? false)
    }
    return m
  }
}
