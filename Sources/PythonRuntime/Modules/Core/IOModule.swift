/// `_io`: in-memory text and binary streams (`StringIO`, `BytesIO`).
/// The `io` module (IOSource) adds the base classes and re-exports them.
enum IOModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "_io")
    m.add("StringIO", .object(stringIOType))
    m.add("BytesIO", .object(bytesIOType))
    m.add("DEFAULT_BUFFER_SIZE", .int(131072))
    return m
  }

  static func unsupported(_ ts: ThreadState, _ message: String) -> PyException {
    if let io = try? ts.importModule("io"), let cls = try? ts.getAttr(io, intern("UnsupportedOperation")),
       let t = cls.asType {
      return PyException.make(t, message)
    }
    return PyException.make(PyType.osError, message)
  }

  /// State shared by both stream kinds: an element buffer and a position.
  final class MemoryStream<Element>: PyObject {
    var buffer: [Element] = []
    var position = 0
    var closed = false
    /// StringIO: translate "\n" on write to this ("\r\n", "\r"), or nil.
    var writeNewline: String? = nil
    /// StringIO with newline=None: "\r\n" and "\r" become "\n" on write.
    var universal = false

    func check() throws(PyException) {
      if closed {
        // StringIO's message has no final period, BytesIO's has one.
        throw PyException.valueError(Element.self == UInt8.self ? "I/O operation on closed file." : "I/O operation on closed file")
      }
    }

    func write(_ items: [Element], filler: Element) -> Int {
      if position > buffer.count {
        buffer.append(contentsOf: repeatElement(filler, count: position - buffer.count))
      }
      let end = min(position + items.count, buffer.count)
      if position == buffer.count {
        buffer.append(contentsOf: items)
      } else {
        buffer.replaceSubrange(position..<end, with: items)
      }
      position += items.count
      return items.count
    }

    func read(_ n: Int) -> ArraySlice<Element> {
      if position >= buffer.count { return [] }
      let end = n < 0 ? buffer.count : min(buffer.count, position + n)
      let r = buffer[position..<end]
      position = end
      return r
    }

    func readLine(_ limit: Int, isNewline: (Element) -> Bool) -> ArraySlice<Element> {
      if position >= buffer.count { return [] }
      var end = position
      while end < buffer.count {
        if limit >= 0 && end - position >= limit { break }
        let e = buffer[end]
        end += 1
        if isNewline(e) { break }
      }
      let r = buffer[position..<end]
      position = end
      return r
    }
  }

  typealias TextStream = MemoryStream<Unicode.Scalar>
  typealias BinaryStream = MemoryStream<UInt8>

  static func text(_ v: Value) -> TextStream { v.asObject as! TextStream }
  static func binary(_ v: Value) -> BinaryStream { v.asObject as! BinaryStream }

  static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: s)
    return String(out)
  }

  static func sizeArgument(_ ts: ThreadState, _ args: Args, _ name: String) throws(PyException) -> Int {
    try args.expect(name, min: 0, max: 1)
    guard args.count > 1, !args[1].isNone else { return -1 }
    return try ts.intArg(args[1], "argument should be integer or None, not '\(args[1].type.name)'")
  }

  /// Methods shared by StringIO and BytesIO.
  static func installCommon<E>(_ t: PyType, _ get: @escaping (Value) -> MemoryStream<E>,
                               _ make: @escaping (ArraySlice<E>) -> Value) {
    t.method("tell") { _, args throws(PyException) in
      let s = get(args[0])
      try s.check()
      return .int(s.position)
    }
    t.method("seek") { ts, args throws(PyException) in
      try args.expect("seek", min: 1, max: 2)
      let s = get(args[0])
      try s.check()
      let pos = try ts.intArg(args[1], "'\(args[1].type.name)' object cannot be interpreted as an integer")
      let whence = args.count > 2 ? try ts.intArg(args[2], "an integer is required") : 0
      switch whence {
      case 0:
        if pos < 0 { throw PyException.valueError("Negative seek position \(pos)") }
        s.position = pos
      case 1:
        if pos != 0 && E.self == Unicode.Scalar.self {
          throw unsupported(ts, "Can't do nonzero cur-relative seeks")
        }
        s.position = max(0, s.position + pos)
      case 2:
        if pos != 0 && E.self == Unicode.Scalar.self {
          throw unsupported(ts, "Can't do nonzero end-relative seeks")
        }
        s.position = max(0, s.buffer.count + pos)
      default:
        throw PyException.valueError("Invalid whence (\(whence), should be 0, 1 or 2)")
      }
      return .int(s.position)
    }
    t.method("truncate") { ts, args throws(PyException) in
      try args.expect("truncate", min: 0, max: 1)
      let s = get(args[0])
      try s.check()
      var size = s.position
      if args.count > 1 && !args[1].isNone {
        size = try ts.intArg(args[1], "'\(args[1].type.name)' object cannot be interpreted as an integer")
        if size < 0 { throw PyException.valueError("Negative size value \(size)") }
      }
      if size < s.buffer.count { s.buffer.removeSubrange(size...) }
      return .int(size)
    }
    t.method("read") { ts, args throws(PyException) in
      let n = try sizeArgument(ts, args, "read")
      let s = get(args[0])
      try s.check()
      return make(s.read(n))
    }
    t.method("close") { _, args throws(PyException) in
      get(args[0]).closed = true
      return .none
    }
    t.getter("closed") { _, v throws(PyException) in .bool(get(v).closed) }
    for (name, answer) in [("readable", true), ("writable", true), ("seekable", true), ("isatty", false)] {
      t.method(name) { _, args throws(PyException) in
        try get(args[0]).check()
        return .bool(answer)
      }
    }
    t.method("flush") { _, args throws(PyException) in
      try get(args[0]).check()
      return .none
    }
    t.method("fileno") { ts, _ throws(PyException) in throw unsupported(ts, "fileno") }
    t.method("__enter__") { _, args throws(PyException) in
      try get(args[0]).check()
      return args[0]
    }
    t.method("__exit__") { _, args throws(PyException) in
      get(args[0]).closed = true
      return .none
    }
    t.method("__iter__") { _, args throws(PyException) in
      try get(args[0]).check()
      return args[0]
    }
    t.method("writelines") { ts, args throws(PyException) in
      try args.expect("writelines", 1)
      let write = try ts.getAttr(args[0], names.write)
      try ts.iterate(args[1]) { (line) throws(PyException) in _ = try ts.call(write, line) }
      return .none
    }
    t.method("readlines") { ts, args throws(PyException) in
      try args.expect("readlines", min: 0, max: 1)
      var hint = -1
      if args.count > 1 && !args[1].isNone { hint = try ts.intArg(args[1], "integer argument expected") }
      var out: [Value] = []
      var total = 0
      let readline = try ts.getAttr(args[0], intern("readline"))
      while true {
        let line = try ts.call(readline)
        let n = try ts.len(line)
        if n == 0 { break }
        out.append(line)
        total += n
        if hint > 0 && total >= hint { break }
      }
      return .object(PyList(out))
    }
  }

  static let stringIOType: PyType = CoreSupport.makeType("StringIO", module: "_io", subclassable: true) { t in
    func setUp(_ ts: ThreadState, _ s: TextStream, _ args: Args, skipSelf: Bool) throws(PyException) {
      let a = try ArgList(args, "StringIO", ["initial_value", "newline"], skipSelf: skipSelf)
      var newline: String? = "\n"
      if let nl = a[1] {
        if nl.isNone {
          newline = nil
        } else {
          guard let str = nl.asStr else {
            throw PyException.typeError("newline must be str or None, not \(nl.type.name)")
          }
          guard ["", "\n", "\r", "\r\n"].contains(str.value) else {
            throw PyException.valueError("illegal newline value: \(try ts.repr(nl))")
          }
          newline = str.value
        }
      }
      s.universal = newline == nil
      s.writeNewline = (newline == "\r" || newline == "\r\n") ? newline : nil
      s.buffer = []
      s.position = 0
      if let iv = a[0], !iv.isNone {
        guard let str = iv.asStr else {
          throw PyException.typeError("initial_value must be str or None, not \(iv.type.name)")
        }
        _ = s.write(translate(s, str.value), filler: "\0")
        s.position = 0
      }
    }
    t.directCall = { ts, cls, args throws(PyException) in
      let s = TextStream(type: cls, kind: .other)
      try setUp(ts, s, args, skipSelf: false)
      return .object(s)
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      let cls = try CoreSupport.newClass(args, "StringIO")
      let s = TextStream(type: cls, kind: .other)
      CoreSupport.prepareInstance(s, cls)
      return .object(s)
    }
    t.method("__init__") { ts, args throws(PyException) in
      try setUp(ts, text(args[0]), args, skipSelf: true)
      return .none
    }
    installCommon(t, text, { .object(PyStr(string($0))) })
    t.method("write") { ts, args throws(PyException) in
      try args.expect("write", 1)
      let s = text(args[0])
      try s.check()
      guard let str = args[1].asStr else {
        throw PyException.typeError("string argument expected, got '\(args[1].type.name)'")
      }
      _ = s.write(translate(s, str.value), filler: "\0")
      return .int(str.count)
    }
    t.method("getvalue") { _, args throws(PyException) in
      let s = text(args[0])
      try s.check()
      return Value(string(s.buffer[...]))
    }
    t.method("readline") { ts, args throws(PyException) in
      let n = try sizeArgument(ts, args, "readline")
      let s = text(args[0])
      try s.check()
      return Value(string(s.readLine(n) { $0 == "\n" }))
    }
    t.method("__next__") { _, args throws(PyException) in
      let s = text(args[0])
      try s.check()
      let line = s.readLine(-1) { $0 == "\n" }
      if line.isEmpty { throw PyException.stopIteration() }
      return Value(string(line))
    }
    t.getter("line_buffering") { _, _ throws(PyException) in .bool(false) }
    t.getter("newlines") { _, _ throws(PyException) in .none }
    t.getter("encoding") { _, _ throws(PyException) in .none }
    t.getter("errors") { _, _ throws(PyException) in .none }
    t.method("detach") { ts, _ throws(PyException) in throw unsupported(ts, "detach") }
    t.method("__getstate__") { _, args throws(PyException) in
      let s = text(args[0])
      return .object(PyTuple([Value(string(s.buffer[...])), Value("\n"), .int(s.position),
                              s.dict.map { .object($0) } ?? .none]))
    }
  }

  static func translate(_ s: TextStream, _ value: String) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(value.unicodeScalars.count)
    var previousCR = false
    for c in value.unicodeScalars {
      if s.universal {
        if c == "\r" {
          out.append("\n")
          previousCR = true
          continue
        }
        if c == "\n" && previousCR {
          previousCR = false
          continue
        }
        previousCR = false
        out.append(c)
      } else if let nl = s.writeNewline, c == "\n" {
        out.append(contentsOf: nl.unicodeScalars)
      } else {
        out.append(c)
      }
    }
    return out
  }

  static func bytesArgument(_ v: Value) -> [UInt8]? {
    guard case .object(let o) = v else { return nil }
    if let b = NativeOps.bytesOf(o) { return b }
    if let mv = o as? PyMemoryView { return mv.bytes }
    return nil
  }

  static let bytesIOType: PyType = CoreSupport.makeType("BytesIO", module: "_io", subclassable: true) { t in
    func setUp(_ ts: ThreadState, _ s: BinaryStream, _ args: Args, skipSelf: Bool) throws(PyException) {
      let a = try ArgList(args, "BytesIO", ["initial_bytes"], skipSelf: skipSelf)
      s.buffer = []
      s.position = 0
      if let iv = a[0], !iv.isNone {
        guard let b = bytesArgument(iv) else {
          throw PyException.typeError("a bytes-like object is required, not '\(iv.type.name)'")
        }
        s.buffer = b
      }
    }
    t.directCall = { ts, cls, args throws(PyException) in
      let s = BinaryStream(type: cls, kind: .other)
      try setUp(ts, s, args, skipSelf: false)
      return .object(s)
    }
    t.staticMethod("__new__") { ts, args throws(PyException) in
      let cls = try CoreSupport.newClass(args, "BytesIO")
      let s = BinaryStream(type: cls, kind: .other)
      CoreSupport.prepareInstance(s, cls)
      return .object(s)
    }
    t.method("__init__") { ts, args throws(PyException) in
      try setUp(ts, binary(args[0]), args, skipSelf: true)
      return .none
    }
    installCommon(t, binary, { .object(PyBytes(Array($0))) })
    t.method("write") { ts, args throws(PyException) in
      try args.expect("write", 1)
      let s = binary(args[0])
      try s.check()
      guard let b = bytesArgument(args[1]) else {
        throw PyException.typeError("a bytes-like object is required, not '\(args[1].type.name)'")
      }
      return .int(s.write(b, filler: 0))
    }
    t.method("getvalue") { _, args throws(PyException) in
      let s = binary(args[0])
      try s.check()
      return .object(PyBytes(s.buffer))
    }
    t.method("read1") { ts, args throws(PyException) in
      let n = try sizeArgument(ts, args, "read1")
      let s = binary(args[0])
      try s.check()
      return .object(PyBytes(Array(s.read(n))))
    }
    t.method("readline") { ts, args throws(PyException) in
      let n = try sizeArgument(ts, args, "readline")
      let s = binary(args[0])
      try s.check()
      return .object(PyBytes(Array(s.readLine(n) { $0 == 10 })))
    }
    t.method("__next__") { _, args throws(PyException) in
      let s = binary(args[0])
      try s.check()
      let line = s.readLine(-1) { $0 == 10 }
      if line.isEmpty { throw PyException.stopIteration() }
      return .object(PyBytes(Array(line)))
    }
    t.method("getbuffer") { _, args throws(PyException) in
      let s = binary(args[0])
      try s.check()
      return .object(PyByteArray(s.buffer))
    }
  }
}
