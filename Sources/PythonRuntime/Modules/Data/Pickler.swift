import BigInt

/// The pickle memo: object identity -> memo index. It keeps the objects alive
/// so identities stay unique while pickling (CPython's memo does the same).
final class PickleMemo {
  var indices: [ObjectIdentifier: Int] = [:]
  var objects: [PyObject] = []

  func get(_ o: PyObject) -> Int? { indices[ObjectIdentifier(o)] }

  func put(_ o: PyObject) -> Int {
    let idx = objects.count
    indices[ObjectIdentifier(o)] = idx
    objects.append(o)
    return idx
  }

  func clear() {
    indices.removeAll()
    objects.removeAll()
  }
}

/// Writes the pickle of a value, byte for byte what CPython's `_pickle` writes.
final class PicklerCore {
  let ts: ThreadState
  let proto: Int
  let bin: Bool
  let fixImports: Bool
  var memo: PickleMemo
  var out: [UInt8] = []
  private var framing = false
  private var frameStart = -1
  var persistentId: Value? = nil
  var reducerOverride: Value? = nil
  var dispatchTable: Value? = nil
  var bufferCallback: Value? = nil
  private var copyregModule: Value?? = nil
  /// Stand-in for `_codecs.encode`, which protocols < 3 use for bytes.
  private static let codecsEncode = PyBuiltinFunction(name: "encode") { ts, args throws(PyException) in
    try PicklerCore.latin1Encode(ts, args)
  }

  init(_ ts: ThreadState, proto: Int, fixImports: Bool, memo: PickleMemo = PickleMemo()) {
    self.ts = ts
    self.proto = proto
    self.bin = proto >= 1
    self.fixImports = fixImports && proto < 3
    self.memo = memo
  }

  static func latin1Encode(_ ts: ThreadState, _ args: Args) throws(PyException) -> Value {
    guard args.count >= 1, let s = args[0].asStr else {
      throw PyException.typeError("encode() argument 'obj' must be str")
    }
    var bytes: [UInt8] = []
    for u in s.value.unicodeScalars {
      guard u.value < 256 else {
        throw PyException.make(PyType.valueError, "'latin-1' codec can't encode character")
      }
      bytes.append(UInt8(u.value))
    }
    return .object(PyBytes(bytes))
  }

  static var codecsEncodeValue: Value { .object(codecsEncode) }

  // MARK: Output and framing

  @inline(__always) private func write(_ b: UInt8) {
    if framing && frameStart == -1 { startFrame() }
    out.append(b)
  }

  private func write(_ bytes: [UInt8]) {
    if framing && frameStart == -1 { startFrame() }
    out += bytes
  }

  private func write(_ s: String) { write(Array(s.utf8)) }

  private func startFrame() {
    frameStart = out.count
    out += [UInt8](repeating: 0, count: PickleOp.frameHeaderSize)
  }

  private func commitFrame() {
    guard framing, frameStart != -1 else { return }
    let len = out.count - frameStart - PickleOp.frameHeaderSize
    if len >= PickleOp.frameSizeMin {
      out[frameStart] = PickleOp.FRAME
      var n = UInt64(len)
      for i in 1...8 {
        out[frameStart + i] = UInt8(truncatingIfNeeded: n)
        n >>= 8
      }
    } else {
      out.removeSubrange(frameStart..<(frameStart + PickleOp.frameHeaderSize))
    }
    frameStart = -1
  }

  private func opcodeBoundary() {
    guard framing, frameStart != -1 else { return }
    if out.count - frameStart - PickleOp.frameHeaderSize >= PickleOp.frameSizeTarget { commitFrame() }
  }

  /// Header plus payload; large payloads go outside any frame (as CPython does).
  private func writeBytes(_ header: [UInt8], _ data: [UInt8]) {
    let bypass = data.count >= PickleOp.frameSizeTarget
    let wasFraming = framing
    if bypass {
      commitFrame()
      framing = false
    }
    write(header)
    write(data)
    if bypass { framing = wasFraming }
  }

  static func le(_ v: Int, _ n: Int) -> [UInt8] {
    var x = UInt64(truncatingIfNeeded: v)
    var r: [UInt8] = []
    for _ in 0..<n {
      r.append(UInt8(truncatingIfNeeded: x))
      x >>= 8
    }
    return r
  }

  // MARK: Entry point

  func dump(_ obj: Value) throws(PyException) {
    if proto >= 2 {
      write([PickleOp.PROTO, UInt8(proto)])
      if proto >= 4 { framing = true }
    }
    defer { framing = false }
    try save(obj)
    write(PickleOp.STOP)
    commitFrame()
  }

  // MARK: Errors

  func picklingError(_ msg: String) -> PyException {
    PyException.make(PickleModule.picklingErrorType, msg)
  }

  private func note(_ e: PyException, _ text: String) -> PyException {
    e.addNote(text)
    return e
  }

  private func typeName(_ v: Value) -> String { v.type.fullyQualifiedName }

  private var copyreg: Value? {
    if let c = copyregModule { return c }
    let m = try? ts.importModule("copyreg")
    copyregModule = .some(m)
    return m
  }

  // MARK: Memo

  private func memoPut(_ o: PyObject) {
    let idx = memo.put(o)
    if proto >= 4 {
      write(PickleOp.MEMOIZE)
    } else if !bin {
      write([PickleOp.PUT] + Array("\(idx)\n".utf8))
    } else if idx < 256 {
      write([PickleOp.BINPUT, UInt8(idx)])
    } else {
      write([PickleOp.LONG_BINPUT] + PicklerCore.le(idx, 4))
    }
  }

  private func memoGet(_ idx: Int) {
    if !bin {
      write([PickleOp.GET] + Array("\(idx)\n".utf8))
    } else if idx < 256 {
      write([PickleOp.BINGET, UInt8(idx)])
    } else {
      write([PickleOp.LONG_BINGET] + PicklerCore.le(idx, 4))
    }
  }

  // MARK: save

  func save(_ v: Value, persSave: Bool = false) throws(PyException) {
    opcodeBoundary()
    if !persSave, let pidFn = persistentId {
      let pid = try ts.call(pidFn, v)
      if !pid.isNone {
        try savePers(pid)
        return
      }
    }
    switch v {
    case .none: write(PickleOp.NONE); return
    case .bool(let b): saveBool(b); return
    case .int: try saveLong(v); return
    case .float(let d): saveFloat(d); return
    case .null: write(PickleOp.NONE); return
    case .object: break
    }
    guard case .object(let o) = v else { return }
    if o.kind == .long { try saveLong(v); return }
    if let idx = memo.get(o) { memoGet(idx); return }
    if o.kind == .bytes { try saveBytes(unsafeDowncast(o, to: PyBytes.self)); return }
    if o.kind == .str { try saveStr(unsafeDowncast(o, to: PyStr.self)); return }

    try ts.enterNativeRecursion(" while pickling an object")
    defer { ts.leaveNativeRecursion() }
    switch o.kind {
    case .dict: try saveDict(unsafeDowncast(o, to: PyDict.self)); return
    case .set: try saveSet(o as! PySet); return
    case .frozenset: try saveFrozenset(o as! PySet); return
    case .list: try saveList(unsafeDowncast(o, to: PyList.self)); return
    case .tuple: try saveTuple(unsafeDowncast(o, to: PyTuple.self)); return
    case .bytearray: try saveByteArray(o as! PyByteArray); return
    default: break
    }

    var rv: Value? = nil
    if let ro = reducerOverride {
      let r = try ts.call(ro, v)
      if !r.isNotImplemented { rv = r }
    }
    if rv == nil {
      let t = o.type!
      if t === PyType.type {
        try saveType(o as! PyType)
        return
      }
      if o.kind == .function {
        try saveGlobal(v, name: nil)
        return
      }
      if let bf = o as? PyBuiltinFunction {
        // builtin_function_or_method.__reduce__: a module function is saved
        // by name, a bound builtin method as getattr(self, name).
        if case .object(let so) = bf.selfObject, !(so is PyModule) {
          rv = .object(PyTuple([ts.interp.builtins.getStr(intern("getattr")) ?? .none,
                                .object(PyTuple([bf.selfObject, Value(bf.name)]))]))
        } else {
          try saveGlobal(v, name: Value(bf.qualname))
          return
        }
      }
      if rv == nil {
        var reduceFunc: Value? = nil
        if let table = dispatchTable {
          if let d = table.asDict {
            reduceFunc = try d.get(ts, .object(t))
          } else {
            do throws(PyException) {
              reduceFunc = try ts.getItem(table, .object(t))
            } catch {
              if !error.isInstance(of: PyType.keyError) { throw error }
            }
          }
        } else if let cr = copyreg, let dt = try ts.lookupAttrOptional(cr, intern("dispatch_table")),
                  let d = dt.asDict {
          reduceFunc = try d.get(ts, .object(t))
        }
        if let rf = reduceFunc {
          rv = try ts.call(rf, v)
        } else if t.isSubtype(of: PyType.type) {
          try saveGlobal(v, name: nil)
          return
        } else if let rex = try ts.lookupAttrOptional(v, names.__reduce_ex__) {
          rv = try ts.call(rex, .int(proto))
        } else if let r = try ts.lookupAttrOptional(v, names.__reduce__) {
          rv = try ts.call(r)
        } else {
          throw picklingError("Can't pickle \(typeName(v)) object")
        }
      }
    }
    let reduceValue = rv!
    if reduceValue.asStr != nil {
      try saveGlobal(v, name: reduceValue)
      return
    }
    guard let tup = reduceValue.asTuple else {
      throw note(picklingError("__reduce__ must return a string or tuple, not \(typeName(reduceValue))"),
                 "when serializing \(typeName(v)) object")
    }
    do throws(PyException) {
      try saveReduce(Array(tup.items), obj: v)
    } catch {
      throw note(error, "when serializing \(typeName(v)) object")
    }
  }

  // MARK: Atoms

  private func saveBool(_ b: Bool) {
    if proto >= 2 {
      write(b ? PickleOp.NEWTRUE : PickleOp.NEWFALSE)
    } else {
      write(b ? "I01\n" : "I00\n")
    }
  }

  private func saveLong(_ v: Value) throws(PyException) {
    if let i = v.smallInt, i >= -0x8000_0000 && i <= 0x7fff_ffff {
      if bin {
        let b = PicklerCore.le(i, 4)
        if b[3] != 0 || b[2] != 0 {
          write([PickleOp.BININT] + b)
        } else if b[1] != 0 {
          write([PickleOp.BININT2, b[0], b[1]])
        } else {
          write([PickleOp.BININT1, b[0]])
        }
      } else {
        write("I\(i)\n")
      }
      return
    }
    let big = v.bigIntValue!
    if proto >= 2 {
      let data = PicklerCore.encodeLong(big)
      if data.count < 256 {
        write([PickleOp.LONG1, UInt8(data.count)] + data)
      } else {
        write([PickleOp.LONG4] + PicklerCore.le(data.count, 4) + data)
      }
    } else {
      write("L" + (try ts.bigIntString(big)) + "L\n")
    }
  }

  /// Two's complement, little-endian, minimal length (CPython's encode_long).
  static func encodeLong(_ x: BigInt) -> [UInt8] {
    if x.isZero { return [] }
    let mag = x.magnitude
    let nbits = mag.bitWidth
    var nbytes = (nbits >> 3) + 1
    let value: BigUInt = x.sign == .minus ? (BigUInt(1) << (8 * nbytes)) - mag : mag
    var bytes: [UInt8] = []
    bytes.reserveCapacity(nbytes)
    for w in value.words {
      var ww = UInt64(w)
      for _ in 0..<8 {
        bytes.append(UInt8(truncatingIfNeeded: ww))
        ww >>= 8
      }
    }
    if bytes.count < nbytes { bytes += [UInt8](repeating: 0, count: nbytes - bytes.count) }
    bytes = Array(bytes[0..<nbytes])
    if x.sign == .minus && nbytes > 1 && bytes[nbytes - 1] == 0xff && (bytes[nbytes - 2] & 0x80) != 0 {
      nbytes -= 1
      bytes.removeLast()
    }
    return bytes
  }

  private func saveFloat(_ d: Double) {
    if bin {
      var bits = d.bitPattern
      var b: [UInt8] = []
      for _ in 0..<8 {
        b.append(UInt8(truncatingIfNeeded: bits))
        bits >>= 8
      }
      write([PickleOp.BINFLOAT] + b.reversed())
    } else {
      write("F" + FloatFormat.repr(d) + "\n")
    }
  }

  private func saveBytes(_ b: PyBytes) throws(PyException) {
    if proto < 3 {
      if b.bytes.isEmpty {
        try saveReduce([.object(PyType.bytes), .object(PyTuple.empty)], obj: .object(b))
      } else {
        var s = String.UnicodeScalarView()
        for byte in b.bytes { s.append(Unicode.Scalar(byte)) }
        try saveReduce([PicklerCore.codecsEncodeValue, .object(PyTuple([Value(String(s)), Value("latin1")]))],
                       obj: .object(b))
      }
      return
    }
    let n = b.bytes.count
    if n <= 0xff {
      writeBytes([PickleOp.SHORT_BINBYTES, UInt8(n)], b.bytes)
    } else if n > 0xffff_ffff && proto >= 4 {
      writeBytes([PickleOp.BINBYTES8] + PicklerCore.le(n, 8), b.bytes)
    } else {
      writeBytes([PickleOp.BINBYTES] + PicklerCore.le(n, 4), b.bytes)
    }
    memoPut(b)
  }

  private func saveByteArray(_ b: PyByteArray) throws(PyException) {
    if proto < 5 {
      if b.bytes.isEmpty {
        try saveReduce([.object(PyType.bytearray), .object(PyTuple.empty)], obj: .object(b))
      } else {
        try saveReduce([.object(PyType.bytearray), .object(PyTuple([.object(PyBytes(b.bytes))]))], obj: .object(b))
      }
      return
    }
    writeBytes([PickleOp.BYTEARRAY8] + PicklerCore.le(b.bytes.count, 8), b.bytes)
    memoPut(b)
  }

  static func rawUnicodeEscape(_ s: String) -> [UInt8] {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for u in s.unicodeScalars {
      let ch = u.value
      if ch >= 0x10000 {
        out += [0x5c, 0x55]
        for shift in stride(from: 28, through: 0, by: -4) { out.append(hex[Int((ch >> UInt32(shift)) & 0xf)]) }
      } else if ch >= 256 || ch == 0x5c || ch == 0 || ch == 0x0a || ch == 0x0d || ch == 0x1a {
        out += [0x5c, 0x75]
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((ch >> UInt32(shift)) & 0xf)]) }
      } else {
        out.append(UInt8(ch))
      }
    }
    return out
  }

  private func saveStr(_ s: PyStr) throws(PyException) {
    if bin {
      let data = Array(s.value.utf8)
      let n = data.count
      if n <= 0xff && proto >= 4 {
        writeBytes([PickleOp.SHORT_BINUNICODE, UInt8(n)], data)
      } else if n <= 0xffff_ffff {
        writeBytes([PickleOp.BINUNICODE] + PicklerCore.le(n, 4), data)
      } else if proto >= 4 {
        writeBytes([PickleOp.BINUNICODE8] + PicklerCore.le(n, 8), data)
      } else {
        throw PyException.overflow("serializing a string larger than 4 GiB requires pickle protocol 4 or higher")
      }
    } else {
      write([PickleOp.UNICODE] + PicklerCore.rawUnicodeEscape(s.value) + [0x0a])
    }
    memoPut(s)
  }

  // MARK: Containers

  private func saveTuple(_ t: PyTuple) throws(PyException) {
    let n = t.items.count
    if n == 0 {
      if proto > 0 { write(PickleOp.EMPTY_TUPLE) } else { write([PickleOp.MARK, PickleOp.TUPLE]) }
      return
    }
    func storeElements() throws(PyException) {
      for (i, e) in t.items.enumerated() {
        do throws(PyException) {
          try save(e)
        } catch {
          throw note(error, "when serializing \(t.type.fullyQualifiedName) item \(i)")
        }
      }
    }
    if n <= 3 && proto >= 2 {
      try storeElements()
      if let idx = memo.get(t) {
        for _ in 0..<n { write(PickleOp.POP) }
        memoGet(idx)
        return
      }
      write([PickleOp.EMPTY_TUPLE, PickleOp.TUPLE1, PickleOp.TUPLE2, PickleOp.TUPLE3][n])
      memoPut(t)
      return
    }
    write(PickleOp.MARK)
    try storeElements()
    if let idx = memo.get(t) {
      if bin {
        write(PickleOp.POP_MARK)
      } else {
        for _ in 0...n { write(PickleOp.POP) }
      }
      memoGet(idx)
      return
    }
    write(PickleOp.TUPLE)
    memoPut(t)
  }

  private func saveList(_ l: PyList) throws(PyException) {
    if bin { write(PickleOp.EMPTY_LIST) } else { write([PickleOp.MARK, PickleOp.LIST]) }
    memoPut(l)
    if l.items.isEmpty { return }
    if proto > 0 {
      if l.items.count == 1 {
        do throws(PyException) { try save(l.items[0]) } catch {
          throw note(error, "when serializing \(l.type.fullyQualifiedName) item 0")
        }
        write(PickleOp.APPEND)
        return
      }
      var total = 0
      repeat {
        var thisBatch = 0
        write(PickleOp.MARK)
        while total < l.items.count {
          do throws(PyException) { try save(l.items[total]) } catch {
            throw note(error, "when serializing \(l.type.fullyQualifiedName) item \(total)")
          }
          total += 1
          thisBatch += 1
          if thisBatch == PickleOp.batchSize { break }
        }
        write(PickleOp.APPENDS)
      } while total < l.items.count
    } else {
      try batchList(try ts.getIter(.object(l)), origin: .object(l))
    }
  }

  /// `batch_list`: items from an iterator, in MARK ... APPENDS batches.
  private func batchList(_ it: Value, origin: Value) throws(PyException) {
    let originName = origin.type.fullyQualifiedName
    var total = 0
    if proto == 0 {
      while let x = try ts.next(it) {
        do throws(PyException) { try save(x) } catch {
          throw note(error, "when serializing \(originName) item \(total)")
        }
        write(PickleOp.APPEND)
        total += 1
      }
      return
    }
    var n = 0
    repeat {
      guard let first = try ts.next(it) else { break }
      guard var obj = try ts.next(it) else {
        do throws(PyException) { try save(first) } catch {
          throw note(error, "when serializing \(originName) item \(total)")
        }
        write(PickleOp.APPEND)
        break
      }
      write(PickleOp.MARK)
      do throws(PyException) { try save(first) } catch {
        throw note(error, "when serializing \(originName) item \(total)")
      }
      total += 1
      n = 1
      while true {
        do throws(PyException) { try save(obj) } catch {
          throw note(error, "when serializing \(originName) item \(total)")
        }
        total += 1
        n += 1
        if n == PickleOp.batchSize { break }
        guard let nx = try ts.next(it) else { break }
        obj = nx
      }
      write(PickleOp.APPENDS)
    } while n == PickleOp.batchSize
  }

  private func saveDict(_ d: PyDict) throws(PyException) {
    if bin { write(PickleOp.EMPTY_DICT) } else { write([PickleOp.MARK, PickleOp.DICT]) }
    memoPut(d)
    if d.count == 0 { return }
    if proto > 0 {
      let items = d.storageItems()
      let name = d.type.fullyQualifiedName
      func saveItem(_ k: Value, _ v: Value) throws(PyException) {
        try save(k)
        do throws(PyException) { try save(v) } catch {
          let keyRepr = (try? ts.repr(k)) ?? "?"
          throw note(error, "when serializing \(name) item \(keyRepr)")
        }
      }
      if items.count == 1 {
        try saveItem(items[0].0, items[0].1)
        write(PickleOp.SETITEM)
        return
      }
      var i = 0
      repeat {
        var n = 0
        write(PickleOp.MARK)
        while i < items.count {
          try saveItem(items[i].0, items[i].1)
          i += 1
          n += 1
          if n == PickleOp.batchSize { break }
        }
        write(PickleOp.SETITEMS)
        if d.count != items.count { throw PyException.runtimeError("dictionary changed size during iteration") }
      } while i < items.count
    } else {
      let itemsView = try ts.callMethod(.object(d), intern("items"))
      try batchDict(try ts.getIter(itemsView), origin: .object(d))
    }
  }

  /// `batch_dict`: (key, value) pairs from an iterator, in MARK ... SETITEMS batches.
  private func batchDict(_ it: Value, origin: Value) throws(PyException) {
    let originName = origin.type.fullyQualifiedName
    func pair(_ x: Value) throws(PyException) -> (Value, Value) {
      guard let t = x.asTuple, t.items.count == 2 else {
        throw PyException.typeError("dict items iterator must return 2-tuples")
      }
      return (t.items[0], t.items[1])
    }
    func saveItem(_ k: Value, _ v: Value) throws(PyException) {
      try save(k)
      do throws(PyException) { try save(v) } catch {
        let keyRepr = (try? ts.repr(k)) ?? "?"
        throw note(error, "when serializing \(originName) item \(keyRepr)")
      }
    }
    if proto == 0 {
      while let x = try ts.next(it) {
        let (k, v) = try pair(x)
        try saveItem(k, v)
        write(PickleOp.SETITEM)
      }
      return
    }
    var n = 0
    repeat {
      guard let firstValue = try ts.next(it) else { break }
      let first = try pair(firstValue)
      guard var obj = try ts.next(it) else {
        try saveItem(first.0, first.1)
        write(PickleOp.SETITEM)
        break
      }
      write(PickleOp.MARK)
      try saveItem(first.0, first.1)
      n = 1
      while true {
        let (k, v) = try pair(obj)
        try saveItem(k, v)
        n += 1
        if n == PickleOp.batchSize { break }
        guard let nx = try ts.next(it) else { break }
        obj = nx
      }
      write(PickleOp.SETITEMS)
    } while n == PickleOp.batchSize
  }

  private func saveSet(_ s: PySet) throws(PyException) {
    if proto < 4 {
      try saveReduce([.object(PyType.set), .object(PyTuple([.object(PyList(s.keys))]))], obj: .object(s))
      return
    }
    write(PickleOp.EMPTY_SET)
    memoPut(s)
    let keys = s.keys
    if keys.isEmpty { return }
    var i = 0
    repeat {
      var n = 0
      write(PickleOp.MARK)
      while i < keys.count {
        do throws(PyException) { try save(keys[i]) } catch {
          throw note(error, "when serializing \(s.type.fullyQualifiedName) element")
        }
        i += 1
        n += 1
        if n == PickleOp.batchSize { break }
      }
      write(PickleOp.ADDITEMS)
      if s.count != keys.count { throw PyException.runtimeError("set changed size during iteration") }
    } while i < keys.count
  }

  private func saveFrozenset(_ s: PySet) throws(PyException) {
    if proto < 4 {
      try saveReduce([.object(PyType.frozenset), .object(PyTuple([.object(PyList(s.keys))]))], obj: .object(s))
      return
    }
    write(PickleOp.MARK)
    for k in s.keys {
      do throws(PyException) { try save(k) } catch {
        throw note(error, "when serializing \(s.type.fullyQualifiedName) element")
      }
    }
    if let idx = memo.get(s) {
      write(PickleOp.POP_MARK)
      memoGet(idx)
      return
    }
    write(PickleOp.FROZENSET)
    memoPut(s)
  }

  // MARK: Globals

  private func saveType(_ t: PyType) throws(PyException) {
    if t === PyType.noneType {
      try saveReduce([.object(PyType.type), .object(PyTuple([.none]))], obj: .object(t))
    } else if t === PyType.ellipsisType {
      try saveReduce([.object(PyType.type), .object(PyTuple([.ellipsis]))], obj: .object(t))
    } else if t === PyType.notImplementedType {
      try saveReduce([.object(PyType.type), .object(PyTuple([.notImplemented]))], obj: .object(t))
    } else {
      try saveGlobal(.object(t), name: nil)
    }
  }

  private func getattribute(_ obj: Value, _ path: [String], raises: Bool) throws(PyException) -> Value? {
    var cur = obj
    for p in path {
      if raises {
        cur = try ts.getAttr(cur, intern(p))
      } else {
        guard let next = try ts.lookupAttrOptional(cur, intern(p)) else { return nil }
        cur = next
      }
    }
    return cur
  }

  /// The module that `obj` (named `name`) can be imported from.
  private func whichModule(_ obj: Value, _ name: String, _ path: [String]) throws(PyException) -> String {
    if obj.asObject === PicklerCore.codecsEncode { return "_codecs" }
    if path.contains("<locals>") {
      throw picklingError("Can't pickle local object \(try ts.repr(obj))")
    }
    var moduleName: String? = nil
    if case .object(let o) = obj, let bf = o as? PyBuiltinFunction {
      if case .object(let mo) = bf.selfObject, let m = mo as? PyModule { moduleName = m.name } else { moduleName = "builtins" }
    } else if let m = try ts.lookupAttrOptional(obj, names.__module__), !m.isNone {
      if let ms = m.asStr { moduleName = ms.value } else { moduleName = try ts.str(m) }
    }
    if moduleName == nil {
      for (k, m) in ts.interp.modules.storageItems() {
        guard let kn = k.asStr?.value, kn != "__main__", !m.isNone else { continue }
        if let cand = try getattribute(m, path, raises: false), cand.isIdentical(to: obj) { return kn }
      }
      moduleName = "__main__"
    }
    let mn = moduleName!
    let module: Value
    do throws(PyException) {
      module = try ts.importModule(mn)
    } catch {
      if error.isInstance(of: PyType.importError) || error.isInstance(of: PyType.valueError) {
        let e = picklingError("Can't pickle \(try ts.repr(obj)): \(try ts.str(.object(error)))")
        e.context = .object(error)
        throw e
      }
      throw error
    }
    let actual: Value
    do throws(PyException) {
      actual = try getattribute(module, path, raises: true)!
    } catch {
      if error.isInstance(of: PyType.attributeError) {
        let e = picklingError("Can't pickle \(try ts.repr(obj)): it's not found as \(mn).\(name)")
        e.context = .object(error)
        throw e
      }
      throw error
    }
    if !actual.isIdentical(to: obj) {
      throw picklingError("Can't pickle \(try ts.repr(obj)): it's not the same object as \(mn).\(name)")
    }
    return mn
  }

  private func saveGlobal(_ obj: Value, name: Value?) throws(PyException) {
    var globalName: String
    if let n = name {
      if let ns = n.asStr { globalName = ns.value } else { globalName = try ts.str(n) }
    } else if let q = try ts.lookupAttrOptional(obj, names.__qualname__) {
      if let qs = q.asStr { globalName = qs.value } else { globalName = try ts.str(q) }
    } else {
      globalName = try ts.str(try ts.getAttr(obj, names.__name__))
    }
    let path = globalName.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var moduleName = try whichModule(obj, globalName, path)
    if proto >= 2, let cr = copyreg, let reg = try ts.lookupAttrOptional(cr, intern("_extension_registry")),
       let regDict = reg.asDict, regDict.count > 0,
       let codeValue = try regDict.get(ts, .object(PyTuple([Value(moduleName), Value(globalName)]))) {
      guard let code = codeValue.smallInt, code > 0, code <= 0x7fff_ffff else {
        throw PyException.runtimeError("extension code \(try ts.repr(codeValue)) is out of range")
      }
      if code <= 0xff {
        write([PickleOp.EXT1, UInt8(code)])
      } else if code <= 0xffff {
        write([PickleOp.EXT2] + PicklerCore.le(code, 2))
      } else {
        write([PickleOp.EXT4] + PicklerCore.le(code, 4))
      }
      return
    }
    if proto >= 4 {
      try save(.object(intern(moduleName)))
      try save(Value(globalName))
      write(PickleOp.STACK_GLOBAL)
    } else {
      if path.count > 1 {
        globalName = path[0]
        let getattrFn = ts.interp.builtins.getStr(intern("getattr")) ?? .none
        for _ in 1..<path.count {
          try save(getattrFn)
          if proto < 2 { write(PickleOp.MARK) }
        }
      }
      write(PickleOp.GLOBAL)
      if proto < 3 && fixImports {
        (moduleName, globalName) = PickleCompat.reverse(moduleName, globalName)
      }
      let isASCII: (String) -> Bool = { $0.utf8.allSatisfy { $0 < 0x80 } }
      if proto != 3 && !isASCII(moduleName) {
        throw picklingError("can't pickle module identifier \(StrOps.repr(moduleName)) using pickle protocol \(proto)")
      }
      write(moduleName + "\n")
      if proto != 3 && !isASCII(globalName) {
        throw picklingError("can't pickle global identifier \(StrOps.repr(globalName)) using pickle protocol \(proto)")
      }
      write(globalName + "\n")
      if path.count > 1 {
        for attr in path[1...] {
          try save(Value(attr))
          write(proto < 2 ? PickleOp.TUPLE : PickleOp.TUPLE2)
          write(PickleOp.REDUCE)
        }
      }
    }
    if case .object(let o) = obj { memoPut(o) }
  }

  private func savePers(_ pid: Value) throws(PyException) {
    if bin {
      try save(pid, persSave: true)
      write(PickleOp.BINPERSID)
    } else {
      let s = try ts.str(pid)
      guard s.utf8.allSatisfy({ $0 < 0x80 }) else {
        throw picklingError("persistent IDs in protocol 0 must be ASCII strings")
      }
      write("P" + s + "\n")
    }
  }

  // MARK: Reduce

  private func isIterator(_ v: Value) -> Bool { v.type.lookup(names.__next__) != nil }

  func saveReduce(_ parts: [Value], obj: Value?) throws(PyException) {
    if parts.count < 2 || parts.count > 6 {
      throw picklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
    }
    var callable = parts[0]
    let argtup = parts[1]
    let state = parts.count > 2 && !parts[2].isNone ? parts[2] : nil
    let listItems = parts.count > 3 && !parts[3].isNone ? parts[3] : nil
    let dictItems = parts.count > 4 && !parts[4].isNone ? parts[4] : nil
    let stateSetter = parts.count > 5 && !parts[5].isNone ? parts[5] : nil
    if !ts.isCallable(callable) {
      throw picklingError("first item of the tuple returned by __reduce__ must be callable, not \(typeName(callable))")
    }
    guard let args = argtup.asTuple else {
      throw picklingError("second item of the tuple returned by __reduce__ must be a tuple, not \(typeName(argtup))")
    }
    if let li = listItems, !isIterator(li) {
      throw picklingError("fourth item of the tuple returned by __reduce__ must be an iterator, not \(typeName(li))")
    }
    if let di = dictItems, !isIterator(di) {
      throw picklingError("fifth item of the tuple returned by __reduce__ must be an iterator, not \(typeName(di))")
    }
    if let ss = stateSetter, !ts.isCallable(ss) {
      throw picklingError("sixth item of the tuple returned by __reduce__ must be callable, not \(typeName(ss))")
    }
    let objName = obj.map { typeName($0) } ?? "NoneType"
    var useNewObj = false, useNewObjEx = false
    if proto >= 2, let n = try ts.lookupAttrOptional(callable, names.__name__), let ns = n.asStr {
      useNewObjEx = ns.value == "__newobj_ex__"
      useNewObj = !useNewObjEx && ns.value == "__newobj__"
    }
    if useNewObjEx {
      guard args.items.count == 3 else {
        throw picklingError("__newobj_ex__ expected 3 arguments, got \(args.items.count)")
      }
      let cls = args.items[0]
      guard cls.asType != nil else {
        throw picklingError("first argument to __newobj_ex__() must be a class, not \(typeName(cls))")
      }
      guard let newArgs = args.items[1].asTuple else {
        throw picklingError("second argument to __newobj_ex__() must be a tuple, not \(typeName(args.items[1]))")
      }
      guard let kwargs = args.items[2].asDict else {
        throw picklingError("third argument to __newobj_ex__() must be a dict, not \(typeName(args.items[2]))")
      }
      if proto >= 4 {
        do throws(PyException) { try save(cls) } catch { throw note(error, "when serializing \(objName) class") }
        do throws(PyException) {
          try save(args.items[1])
          try save(args.items[2])
        } catch { throw note(error, "when serializing \(objName) __new__ arguments") }
        write(PickleOp.NEWOBJ_EX)
      } else {
        let functools = try ts.importModule("functools")
        let partial = try ts.getAttr(functools, intern("partial"))
        let clsNew = try ts.getAttr(cls, names.__new__)
        callable = try ts.call(partial, args: [clsNew, cls] + Array(newArgs.items),
                               kwargs: kwargs.storageItems().map { ($0.0.asStr?.value ?? "", $0.1) })
        do throws(PyException) {
          try save(callable)
          try save(.object(PyTuple.empty))
        } catch { throw note(error, "when serializing \(objName) reconstructor") }
        write(PickleOp.REDUCE)
      }
    } else if useNewObj {
      guard args.items.count >= 1 else {
        throw picklingError("__newobj__ expected at least 1 argument, got \(args.items.count)")
      }
      let cls = args.items[0]
      guard cls.asType != nil else {
        throw picklingError("first argument to __newobj__() must be a class, not \(typeName(cls))")
      }
      if let o = obj {
        let objClass = (try ts.lookupAttrOptional(o, names.__class__)) ?? .object(o.type)
        if !objClass.isIdentical(to: cls) {
          throw picklingError("first argument to __newobj__() must be \(try ts.repr(objClass)), not \(try ts.repr(cls))")
        }
      }
      do throws(PyException) { try save(cls) } catch { throw note(error, "when serializing \(objName) class") }
      do throws(PyException) {
        try save(.object(PyTuple(ContiguousArray(args.items.dropFirst()))))
      } catch { throw note(error, "when serializing \(objName) __new__ arguments") }
      write(PickleOp.NEWOBJ)
    } else {
      do throws(PyException) { try save(callable) } catch { throw note(error, "when serializing \(objName) reconstructor") }
      do throws(PyException) { try save(argtup) } catch {
        throw note(error, "when serializing \(objName) reconstructor arguments")
      }
      write(PickleOp.REDUCE)
    }
    if let o = obj, case .object(let oo) = o {
      if let idx = memo.get(oo) {
        write(PickleOp.POP)
        memoGet(idx)
        return
      }
      memoPut(oo)
    }
    if let li = listItems { try batchList(li, origin: obj ?? .none) }
    if let di = dictItems { try batchDict(di, origin: obj ?? .none) }
    if let st = state {
      if let setter = stateSetter {
        do throws(PyException) { try save(setter) } catch { throw note(error, "when serializing \(objName) state setter") }
        try save(obj ?? .none)
        do throws(PyException) { try save(st) } catch { throw note(error, "when serializing \(objName) state") }
        write([PickleOp.TUPLE2, PickleOp.REDUCE, PickleOp.POP])
      } else {
        do throws(PyException) { try save(st) } catch { throw note(error, "when serializing \(objName) state") }
        write(PickleOp.BUILD)
      }
    }
  }
}
