import BigInt

/// Reads a pickle (protocols 0-5) from bytes or from a file-like object
/// with `read(n)` and `readline()`, with CPython's error messages.
final class UnpicklerCore {
  let ts: ThreadState
  private var buffer: [UInt8]
  private var pos = 0
  /// A file-like source (`read`, `readline`), when not unpickling from bytes.
  private let readFn: Value?
  private let readlineFn: Value?
  private var stack: [Value] = []
  private var marks: [Int] = []
  private var memo: [Int: Value] = [:]
  var proto = 0
  let fixImports: Bool
  let encoding: String
  let errors: String
  var findClassHook: Value? = nil
  var persistentLoad: Value? = nil
  var buffers: Value? = nil

  init(_ ts: ThreadState, data: [UInt8], fixImports: Bool = true, encoding: String = "ASCII", errors: String = "strict") {
    self.ts = ts
    self.buffer = data
    self.readFn = nil
    self.readlineFn = nil
    self.fixImports = fixImports
    self.encoding = encoding
    self.errors = errors
  }

  init(_ ts: ThreadState, file: Value, fixImports: Bool = true, encoding: String = "ASCII",
       errors: String = "strict") throws(PyException) {
    self.ts = ts
    self.buffer = []
    let r = try ts.lookupAttrOptional(file, intern("read"))
    let rl = try ts.lookupAttrOptional(file, intern("readline"))
    guard r != nil, rl != nil else {
      throw PyException.typeError("file must have 'read' and 'readline' attributes")
    }
    self.readFn = r
    self.readlineFn = rl
    self.fixImports = fixImports
    self.encoding = encoding
    self.errors = errors
  }

  private func error(_ msg: String) -> PyException {
    PyException.make(PickleModule.unpicklingErrorType, msg)
  }

  private func truncated() -> PyException { error("pickle data was truncated") }

  // MARK: Input

  private func bytesOf(_ v: Value, _ what: String) throws(PyException) -> [UInt8] {
    if case .object(let o) = v {
      if let b = o as? PyBytes { return b.bytes }
      if let b = o as? PyByteArray { return b.bytes }
    }
    throw PyException.valueError("\(what)() returned non-bytes object (\(try ts.repr(.object(v.type))))")
  }

  /// Makes `n` bytes available at `pos`.
  private func need(_ n: Int) throws(PyException) {
    if buffer.count - pos >= n { return }
    guard let rf = readFn else { throw truncated() }
    if pos > 0 {
      buffer.removeFirst(pos)
      pos = 0
    }
    let more = try bytesOf(try ts.call(rf, .int(n - buffer.count)), "read")
    buffer += more
    if buffer.count < n { throw truncated() }
  }

  private func read(_ n: Int) throws(PyException) -> ArraySlice<UInt8> {
    try need(n)
    let s = buffer[pos..<(pos + n)]
    pos += n
    return s
  }

  private func readByte() throws(PyException) -> UInt8 {
    try need(1)
    let b = buffer[pos]
    pos += 1
    return b
  }

  /// A line including its "\n".
  private func readline() throws(PyException) -> ArraySlice<UInt8> {
    var i = pos
    while i < buffer.count {
      if buffer[i] == 0x0a {
        let line = buffer[pos...i]
        pos = i + 1
        return line
      }
      i += 1
    }
    guard let rl = readlineFn else { throw truncated() }
    let more = try bytesOf(try ts.call(rl), "readline")
    if more.isEmpty || more.last != 0x0a { throw truncated() }
    let line = ArraySlice(Array(buffer[pos...]) + more)
    buffer.removeAll()
    pos = 0
    return line
  }

  /// A line without its "\n".
  private func readlineText() throws(PyException) -> ArraySlice<UInt8> {
    let l = try readline()
    if l.count < 1 { throw truncated() }
    return l.dropLast()
  }

  private func le(_ s: ArraySlice<UInt8>) -> Int {
    var v: UInt64 = 0
    for (i, b) in s.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
    return Int(truncatingIfNeeded: v)
  }

  private func size(_ s: ArraySlice<UInt8>, _ what: String) throws(PyException) -> Int {
    var v: UInt64 = 0
    for (i, b) in s.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
    if v > UInt64(Int.max) {
      throw error("\(what) exceeds system's maximum size of \(Int.max) bytes")
    }
    return Int(v)
  }

  // MARK: Stack

  private func push(_ v: Value) { stack.append(v) }

  private func underflow() -> PyException {
    let fence = marks.last ?? 0
    return error(!marks.isEmpty && stack.count <= fence ? "unexpected MARK found" : "unpickling stack underflow")
  }

  private func pop() throws(PyException) -> Value {
    let fence = marks.last ?? 0
    if stack.count <= fence { throw underflow() }
    return stack.removeLast()
  }

  private func top() throws(PyException) -> Value {
    let fence = marks.last ?? 0
    if stack.count <= fence { throw underflow() }
    return stack[stack.count - 1]
  }

  private func popMark() throws(PyException) -> [Value] {
    guard let m = marks.popLast() else { throw error("could not find MARK") }
    let items = Array(stack[m...])
    stack.removeSubrange(m...)
    return items
  }

  // MARK: Helpers

  private func decodeUTF8(_ s: ArraySlice<UInt8>) throws(PyException) -> String {
    guard let str = String(validating: s, as: UTF8.self) else {
      throw PyException.make(PyType.valueError, "'utf-8' codec can't decode bytes")
    }
    return str
  }

  private func decodeASCIIish(_ s: ArraySlice<UInt8>) -> String {
    var u = String.UnicodeScalarView()
    for b in s { u.append(Unicode.Scalar(b)) }
    return String(u)
  }

  /// Python 2 `str` data: bytes or text per `encoding`.
  private func decodeString(_ s: ArraySlice<UInt8>) throws(PyException) -> Value {
    let enc = encoding.lowercased()
    if enc == "bytes" { return .object(PyBytes(Array(s))) }
    if enc == "latin1" || enc == "latin-1" || enc == "iso-8859-1" { return Value(decodeASCIIish(s)) }
    if enc == "utf-8" || enc == "utf8" { return Value(try decodeUTF8(s)) }
    for b in s where b >= 0x80 {
      throw PyException.make(PyType.valueError,
        "'ascii' codec can't decode byte 0x\(String(b, radix: 16)) in position 0: ordinal not in range(128)")
    }
    return Value(decodeASCIIish(s))
  }

  private func rawUnicodeEscapeDecode(_ s: ArraySlice<UInt8>) throws(PyException) -> String {
    var out = String.UnicodeScalarView()
    let a = Array(s)
    var i = 0
    func hex(_ from: Int, _ n: Int) -> UInt32? {
      guard from + n <= a.count else { return nil }
      var v: UInt32 = 0
      for j in from..<(from + n) {
        let c = a[j]
        let d: UInt32
        switch c {
        case 0x30...0x39: d = UInt32(c - 0x30)
        case 0x61...0x66: d = UInt32(c - 0x61 + 10)
        case 0x41...0x46: d = UInt32(c - 0x41 + 10)
        default: return nil
        }
        v = v << 4 | d
      }
      return v
    }
    while i < a.count {
      if a[i] == 0x5c && i + 1 < a.count && (a[i + 1] == 0x75 || a[i + 1] == 0x55) {
        let n = a[i + 1] == 0x75 ? 4 : 8
        guard let v = hex(i + 2, n) else {
          throw PyException.make(PyType.valueError, "'rawunicodeescape' codec can't decode bytes: truncated \\uXXXX escape")
        }
        out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        i += 2 + n
      } else {
        out.append(Unicode.Scalar(a[i]))
        i += 1
      }
    }
    return String(out)
  }

  private func parseInt(_ text: String) throws(PyException) -> Value? {
    var t = text
    var neg = false
    if t.hasPrefix("-") { neg = true; t.removeFirst() } else if t.hasPrefix("+") { t.removeFirst() }
    var radix = 10
    if t.hasPrefix("0x") || t.hasPrefix("0X") { radix = 16; t.removeFirst(2) }
    else if t.hasPrefix("0o") || t.hasPrefix("0O") { radix = 8; t.removeFirst(2) }
    else if t.hasPrefix("0b") || t.hasPrefix("0B") { radix = 2; t.removeFirst(2) }
    guard !t.isEmpty, let b = BigInt(t, radix: radix) else { return nil }
    return Value.int(neg ? -b : b)
  }

  // MARK: Globals

  func findClass(_ module: String, _ name: String) throws(PyException) -> Value {
    if let hook = findClassHook {
      return try ts.call(hook, Value(module), Value(name))
    }
    return try UnpicklerCore.defaultFindClass(ts, module, name, proto: proto, fixImports: fixImports)
  }

  static func defaultFindClass(_ ts: ThreadState, _ moduleIn: String, _ nameIn: String, proto: Int,
                               fixImports: Bool) throws(PyException) -> Value {
    var module = moduleIn, name = nameIn
    if proto < 3 && fixImports { (module, name) = PickleCompat.forward(module, name) }
    if module == "_codecs" && name == "encode" { return PicklerCore.codecsEncodeValue }
    let m = try ts.importModule(module)
    if proto >= 4 {
      let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      var cur = m
      do throws(PyException) {
        for p in path { cur = try ts.getAttr(cur, intern(p)) }
      } catch {
        if path.count > 1 {
          let e = PyException.attributeError("Can't resolve path \(StrOps.repr(name)) on module \(StrOps.repr(module))")
          e.context = .object(error)
          throw e
        }
        throw error
      }
      return cur
    }
    return try ts.getAttr(m, intern(name))
  }

  private func loadExtension(_ code: Int) throws(PyException) {
    let copyreg = try ts.importModule("copyreg")
    if let cache = try ts.getAttr(copyreg, intern("_extension_cache")).asDict,
       let v = try cache.get(ts, .int(code)) {
      push(v)
      return
    }
    guard let inv = try ts.getAttr(copyreg, intern("_inverted_registry")).asDict,
          let key = try inv.get(ts, .int(code)), let kt = key.asTuple, kt.items.count == 2,
          let mod = kt.items[0].asStr, let nm = kt.items[1].asStr else {
      if code <= 0 { throw error("EXT specifies code <= 0") }
      throw PyException.valueError("unregistered extension code \(code)")
    }
    let obj = try findClass(mod.value, nm.value)
    if let cache = try ts.getAttr(copyreg, intern("_extension_cache")).asDict {
      try cache.set(ts, .int(code), obj)
    }
    push(obj)
  }

  // MARK: Building objects

  private func instantiate(_ cls: Value, _ args: [Value]) throws(PyException) -> Value {
    let hasInitArgs = try ts.lookupAttrOptional(cls, intern("__getinitargs__")) != nil
    if !args.isEmpty || cls.asType == nil || hasInitArgs {
      return try ts.call(cls, args: args, kwargs: [])
    }
    let newFn = try ts.getAttr(cls, names.__new__)
    return try ts.call(newFn, cls)
  }

  private func newObj(_ cls: Value, _ args: Value, _ kwargs: Value?, _ opname: String) throws(PyException) -> Value {
    guard cls.asType != nil else {
      throw error("\(opname) class argument must be a type, not \(cls.type.name)")
    }
    guard let a = args.asTuple else {
      throw error("\(opname) args argument must be a tuple, not \(args.type.name)")
    }
    var kw: [(String, Value)] = []
    if let k = kwargs {
      guard let d = k.asDict else { throw error("\(opname) kwargs argument must be a dict, not \(k.type.name)") }
      kw = d.storageItems().map { ($0.0.asStr?.value ?? "", $0.1) }
    }
    let newFn = try ts.getAttr(cls, names.__new__)
    return try ts.call(newFn, args: [cls] + Array(a.items), kwargs: kw)
  }

  private func build() throws(PyException) {
    let state = try pop()
    let inst = try top()
    if let setstate = try ts.lookupAttrOptional(inst, intern("__setstate__")) {
      _ = try ts.call(setstate, state)
      return
    }
    var dictState = state
    var slotState: Value = .none
    if let t = state.exactTuple, t.items.count == 2 {
      dictState = t.items[0]
      slotState = t.items[1]
    }
    if !dictState.isNone {
      guard let d = dictState.asDict else { throw error("state is not a dictionary") }
      if d.count > 0 {
        let instDict = try ts.getAttr(inst, names.__dict__)
        for (k, v) in d.storageItems() {
          if let ks = k.exactStr, let idict = instDict.exactDict {
            idict.setStr(intern(ks.value), v)
          } else {
            try ts.setItem(instDict, k, v)
          }
        }
      }
    }
    if !slotState.isNone {
      guard let d = slotState.asDict else { throw error("slot state is not a dictionary") }
      for (k, v) in d.storageItems() {
        guard let ks = k.asStr else { throw PyException.typeError("attribute name must be string, not '\(k.type.name)'") }
        try ts.setAttr(inst, intern(ks.value), v)
      }
    }
  }

  // MARK: The load loop

  func load() throws(PyException) -> Value {
    while true {
      let op: UInt8
      do throws(PyException) {
        op = try readByte()
      } catch {
        if error.isInstance(of: PickleModule.unpicklingErrorType) {
          throw PyException.make(PyType.eofError, "Ran out of input")
        }
        throw error
      }
      switch op {
      case PickleOp.STOP:
        return try pop()
      case PickleOp.PROTO:
        let p = Int(try readByte())
        if p > PickleOp.highestProtocol { throw PyException.valueError("unsupported pickle protocol: \(p)") }
        proto = p
      case PickleOp.FRAME:
        let n = try size(try read(8), "FRAME length")
        try need(n)
      case PickleOp.NONE: push(.none)
      case PickleOp.NEWTRUE: push(.bool(true))
      case PickleOp.NEWFALSE: push(.bool(false))
      case PickleOp.MARK: marks.append(stack.count)
      case PickleOp.POP:
        if let m = marks.last, m == stack.count {
          marks.removeLast()
        } else {
          _ = try pop()
        }
      case PickleOp.POP_MARK: _ = try popMark()
      case PickleOp.DUP: push(try top())
      case PickleOp.INT:
        let line = try readline()
        if line.count < 2 { throw truncated() }
        let text = decodeASCIIish(line.dropLast())
        if text == "00" || text == "01" {
          push(.bool(text == "01"))
        } else if let v = try parseInt(text) {
          push(v)
        } else {
          throw PyException.valueError("could not convert string to int")
        }
      case PickleOp.BININT:
        let v = le(try read(4))
        push(.int(Int(Int32(truncatingIfNeeded: v))))
      case PickleOp.BININT1: push(.int(Int(try readByte())))
      case PickleOp.BININT2: push(.int(le(try read(2))))
      case PickleOp.LONG:
        var text = decodeASCIIish(try readlineText())
        if text.hasSuffix("L") { text.removeLast() }
        guard let v = try parseInt(text) else {
          throw PyException.valueError("invalid literal for int() with base 10: \(StrOps.repr(text))")
        }
        push(v)
      case PickleOp.LONG1:
        let n = Int(try readByte())
        push(UnpicklerCore.decodeLong(try read(n)))
      case PickleOp.LONG4:
        let n = Int(Int32(truncatingIfNeeded: le(try read(4))))
        if n < 0 { throw error("LONG pickle has negative byte count") }
        push(UnpicklerCore.decodeLong(try read(n)))
      case PickleOp.FLOAT:
        let text = decodeASCIIish(try readlineText())
        guard let d = Double(text.pickleTrimmed(" ")) ?? FloatParsingFallback.parse(text) else {
          throw PyException.valueError("could not convert string to float")
        }
        push(.float(d))
      case PickleOp.BINFLOAT:
        var bits: UInt64 = 0
        for b in try read(8) { bits = bits << 8 | UInt64(b) }
        push(.float(Double(bitPattern: bits)))
      case PickleOp.STRING:
        var data = try readlineText()
        if data.count >= 2, data.first == data.last, data.first == 0x22 || data.first == 0x27 {
          data = data.dropFirst().dropLast()
        } else {
          throw error("the STRING opcode argument must be quoted")
        }
        push(try decodeString(ArraySlice(UnpicklerCore.escapeDecode(data))))
      case PickleOp.BINSTRING:
        let n = Int(Int32(truncatingIfNeeded: le(try read(4))))
        if n < 0 { throw error("BINSTRING pickle has negative byte count") }
        push(try decodeString(try read(n)))
      case PickleOp.SHORT_BINSTRING:
        let n = Int(try readByte())
        push(try decodeString(try read(n)))
      case PickleOp.BINBYTES:
        let n = try size(try read(4), "BINBYTES")
        push(.object(PyBytes(Array(try read(n)))))
      case PickleOp.SHORT_BINBYTES:
        let n = Int(try readByte())
        push(.object(PyBytes(Array(try read(n)))))
      case PickleOp.BINBYTES8:
        let n = try size(try read(8), "BINBYTES8")
        push(.object(PyBytes(Array(try read(n)))))
      case PickleOp.BYTEARRAY8:
        let n = try size(try read(8), "BYTEARRAY8")
        let ba = PyByteArray(type: PyType.bytearray)
        ba.bytes = Array(try read(n))
        push(.object(ba))
      case PickleOp.UNICODE:
        push(Value(try rawUnicodeEscapeDecode(try readlineText())))
      case PickleOp.BINUNICODE:
        let n = try size(try read(4), "BINUNICODE")
        push(Value(try decodeUTF8(try read(n))))
      case PickleOp.SHORT_BINUNICODE:
        let n = Int(try readByte())
        push(Value(try decodeUTF8(try read(n))))
      case PickleOp.BINUNICODE8:
        let n = try size(try read(8), "BINUNICODE8")
        push(Value(try decodeUTF8(try read(n))))
      case PickleOp.EMPTY_TUPLE: push(.object(PyTuple.empty))
      case PickleOp.TUPLE: push(.object(PyTuple.make(try popMark())))
      case PickleOp.TUPLE1:
        let a = try pop()
        push(.object(PyTuple([a])))
      case PickleOp.TUPLE2:
        let b = try pop(), a = try pop()
        push(.object(PyTuple([a, b])))
      case PickleOp.TUPLE3:
        let c = try pop(), b = try pop(), a = try pop()
        push(.object(PyTuple([a, b, c])))
      case PickleOp.EMPTY_LIST: push(.object(PyList()))
      case PickleOp.LIST: push(.object(PyList(try popMark())))
      case PickleOp.EMPTY_DICT: push(.object(PyDict()))
      case PickleOp.DICT:
        let items = try popMark()
        let d = PyDict()
        var i = 0
        while i + 1 < items.count {
          try d.set(ts, items[i], items[i + 1])
          i += 2
        }
        push(.object(d))
      case PickleOp.EMPTY_SET: push(.object(PySet()))
      case PickleOp.FROZENSET:
        let items = try popMark()
        let s = PySet(frozen: true)
        for x in items { try s.add(ts, x) }
        push(.object(s))
      case PickleOp.APPEND:
        let v = try pop()
        try appendItems(try top(), [v])
      case PickleOp.APPENDS:
        let items = try popMark()
        if stack.isEmpty { throw underflow() }
        try appendItems(stack[stack.count - 1], items)
      case PickleOp.SETITEM:
        let v = try pop(), k = try pop()
        try ts.setItem(try top(), k, v)
      case PickleOp.SETITEMS:
        let items = try popMark()
        if stack.isEmpty { throw underflow() }
        let target = stack[stack.count - 1]
        var i = 0
        while i + 1 < items.count {
          try ts.setItem(target, items[i], items[i + 1])
          i += 2
        }
      case PickleOp.ADDITEMS:
        let items = try popMark()
        if stack.isEmpty { throw underflow() }
        let target = stack[stack.count - 1]
        if case .object(let o) = target, o.kind == .set, let s = o as? PySet {
          for x in items { try s.add(ts, x) }
        } else {
          let add = try ts.getAttr(target, intern("add"))
          for x in items { _ = try ts.call(add, x) }
        }
      case PickleOp.GLOBAL:
        let module = try decodeUTF8(try readlineText())
        let name = try decodeUTF8(try readlineText())
        push(try findClass(module, name))
      case PickleOp.STACK_GLOBAL:
        let name = try pop(), module = try pop()
        guard let ms = module.exactStr, let ns = name.exactStr else { throw error("STACK_GLOBAL requires str") }
        push(try findClass(ms.value, ns.value))
      case PickleOp.EXT1: try loadExtension(Int(try readByte()))
      case PickleOp.EXT2: try loadExtension(le(try read(2)))
      case PickleOp.EXT4: try loadExtension(Int(Int32(truncatingIfNeeded: le(try read(4)))))
      case PickleOp.REDUCE:
        let args = try pop()
        let callable = try pop()
        guard let a = args.asTuple else { throw error("REDUCE args argument must be a tuple") }
        push(try ts.call(callable, args: Array(a.items), kwargs: []))
      case PickleOp.NEWOBJ:
        let args = try pop(), cls = try pop()
        push(try newObj(cls, args, nil, "NEWOBJ"))
      case PickleOp.NEWOBJ_EX:
        let kwargs = try pop(), args = try pop(), cls = try pop()
        push(try newObj(cls, args, kwargs, "NEWOBJ_EX"))
      case PickleOp.BUILD: try build()
      case PickleOp.INST:
        let module = decodeASCIIish(try readlineText())
        let name = decodeASCIIish(try readlineText())
        let args = try popMark()
        let cls = try findClass(module, name)
        push(try instantiate(cls, args))
      case PickleOp.OBJ:
        var args = try popMark()
        if args.isEmpty { throw underflow() }
        let cls = args.removeFirst()
        push(try instantiate(cls, args))
      case PickleOp.PUT:
        let text = decodeASCIIish(try readlineText())
        guard let idx = Int(text) else { throw PyException.valueError("invalid literal for int() with base 10: \(StrOps.repr(text))") }
        if idx < 0 { throw PyException.valueError("negative PUT argument") }
        memo[idx] = try top()
      case PickleOp.BINPUT: memo[Int(try readByte())] = try top()
      case PickleOp.LONG_BINPUT:
        let idx = Int(UInt32(truncatingIfNeeded: le(try read(4))))
        memo[idx] = try top()
      case PickleOp.MEMOIZE: memo[memo.count] = try top()
      case PickleOp.GET:
        let text = decodeASCIIish(try readlineText())
        guard let idx = Int(text) else { throw PyException.valueError("invalid literal for int() with base 10: \(StrOps.repr(text))") }
        try memoGet(idx)
      case PickleOp.BINGET: try memoGet(Int(try readByte()))
      case PickleOp.LONG_BINGET: try memoGet(Int(UInt32(truncatingIfNeeded: le(try read(4)))))
      case PickleOp.PERSID:
        let pidText = try readlineText()
        guard pidText.allSatisfy({ $0 < 0x80 }) else {
          throw error("persistent IDs in protocol 0 must be ASCII strings")
        }
        push(try persistent(Value(decodeASCIIish(pidText))))
      case PickleOp.BINPERSID:
        push(try persistent(try pop()))
      case PickleOp.NEXT_BUFFER:
        guard let b = buffers else {
          throw error("pickle stream refers to out-of-band data but no *buffers* argument was given")
        }
        guard let buf = try ts.next(b) else { throw error("not enough out-of-band buffers") }
        push(buf)
      case PickleOp.READONLY_BUFFER:
        _ = try top()
      default:
        let c = op
        let shown = c >= 0x20 && c < 0x7f ? String(UnicodeScalar(c)) : "\\x" + (c < 16 ? "0" : "") + String(c, radix: 16)
        throw error("invalid load key, '\(shown)'.")
      }
    }
  }

  private func memoGet(_ idx: Int) throws(PyException) {
    guard let v = memo[idx] else { throw error("Memo value not found at index \(idx)") }
    push(v)
  }

  private func persistent(_ pid: Value) throws(PyException) -> Value {
    guard let pl = persistentLoad else {
      throw error("A load persistent id instruction was encountered, but no persistent_load function was specified.")
    }
    return try ts.call(pl, pid)
  }

  private func appendItems(_ target: Value, _ items: [Value]) throws(PyException) {
    if case .object(let o) = target, o.kind == .list {
      unsafeDowncast(o, to: PyList.self).items.append(contentsOf: items)
      return
    }
    if let ext = try ts.lookupAttrOptional(target, intern("extend")) {
      _ = try ts.call(ext, .object(PyList(items)))
      return
    }
    let app = try ts.getAttr(target, intern("append"))
    for x in items { _ = try ts.call(app, x) }
  }

  static func decodeLong(_ s: ArraySlice<UInt8>) -> Value {
    if s.isEmpty { return .int(0) }
    var mag = BigUInt(0)
    for b in s.reversed() { mag = mag << 8 | BigUInt(b) }
    if let last = s.last, last & 0x80 != 0 {
      let full = BigUInt(1) << (8 * s.count)
      return Value.int(-BigInt(full - mag))
    }
    return Value.int(BigInt(mag))
  }

  /// `codecs.escape_decode` for the STRING opcode's quoted text.
  static func escapeDecode(_ s: ArraySlice<UInt8>) -> [UInt8] {
    let a = Array(s)
    var out: [UInt8] = []
    var i = 0
    while i < a.count {
      let c = a[i]
      if c != 0x5c || i + 1 >= a.count {
        out.append(c)
        i += 1
        continue
      }
      let e = a[i + 1]
      i += 2
      switch e {
      case 0x6e: out.append(0x0a)
      case 0x72: out.append(0x0d)
      case 0x74: out.append(0x09)
      case 0x5c: out.append(0x5c)
      case 0x27: out.append(0x27)
      case 0x22: out.append(0x22)
      case 0x61: out.append(0x07)
      case 0x62: out.append(0x08)
      case 0x66: out.append(0x0c)
      case 0x76: out.append(0x0b)
      case 0x0a: break
      case 0x78:
        if i + 2 <= a.count, let v = UInt8(String(decoding: a[i..<(i + 2)], as: UTF8.self), radix: 16) {
          out.append(v)
          i += 2
        } else {
          out += [0x5c, 0x78]
        }
      case 0x30...0x37:
        var v = Int(e - 0x30)
        var n = 1
        while n < 3 && i < a.count && a[i] >= 0x30 && a[i] <= 0x37 {
          v = v * 8 + Int(a[i] - 0x30)
          i += 1
          n += 1
        }
        out.append(UInt8(truncatingIfNeeded: v))
      default:
        out += [0x5c, e]
      }
    }
    return out
  }
}

/// Float text that Swift's parser does not take but Python's does.
enum FloatParsingFallback {
  static func parse(_ text: String) -> Double? {
    switch text.pickleTrimmed(" ").lowercased() {
    case "inf", "+inf", "infinity", "+infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    case "nan", "+nan", "-nan": return .nan
    default: return nil
    }
  }
}

extension String {
  func pickleTrimmed(_ set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s.removeFirst() }
    while s.last == set { s.removeLast() }
    return String(s)
  }
}
