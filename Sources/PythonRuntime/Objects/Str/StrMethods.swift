/// The text-processing methods of `str`, grouped by theme in
/// `StrMethods+*.swift`. This file holds what they share: argument parsing
/// with CPython's messages, UTF-8 access and code point / byte offset
/// conversion, and the character classes Python uses.
///
/// Algorithms work on the UTF-8 bytes of the string wherever Python's
/// semantics allow it (UTF-8 is self-synchronising, so byte search finds
/// exactly the code point matches), and keep ASCII fast paths.
enum StrMethods {
  static func install(_ t: PyType) {
    installCase(t)
    installSearch(t)
    installSplit(t)
    installPredicates(t)
    installPadding(t)
    installTranslate(t)
    // A format string without braces comes back unchanged (self, as in CPython).
    func hasBraces(_ s: PyStr) -> Bool {
      withUTF8(s.value) { b in b.contains(123) || b.contains(125) }
    }
    t.method("format") { ts, args throws(PyException) in
      let s = pystr(args[0])
      if !hasBraces(s) { return args[0] }
      return Value(try StrFormat.format(ts, s.value, args.droppingFirst))
    }
    t.method("format_map") { ts, args throws(PyException) in
      try args.expect("str.format_map", 1)
      if !hasBraces(pystr(args[0])) { return args[0] }
      return Value(try StrFormat.format(ts, pystr(args[0]).value, Args(base: args.base, count: 0, kwnames: nil),
                                        mapping: args[1]))
    }
  }

  // MARK: Self and results

  /// The `str` storage of self (an exact str or a subclass instance).
  @inline(__always) static func pystr(_ v: Value) -> PyStr { unsafeDowncast(v.asObject!, to: PyStr.self) }

  /// A new exact str from UTF-8 bytes known to be valid.
  @inline(__always) static func make(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Value {
    let s = String(decoding: bytes, as: UTF8.self)
    if ascii { return .object(PyStr(ascii: s, count: bytes.count)) }
    return .object(PyStr(s))
  }

  /// A new exact str from a String (ASCII-ness known or not).
  @inline(__always) static func make(_ s: String, ascii: Bool = false) -> Value {
    if ascii { return .object(PyStr(ascii: s, count: s.utf8.count)) }
    return .object(PyStr(s))
  }

  /// Self unchanged as an exact str (CPython returns the same object for an exact str).
  @inline(__always) static func same(_ v: Value) -> Value {
    let s = pystr(v)
    if s.kind == .str { return v }
    return .object(PyStr(s.value))
  }

  // MARK: Arguments

  /// A str argument with CPython's "must be str, not X" message.
  static func strArg(_ v: Value, _ message: @autoclosure () -> String) throws(PyException) -> PyStr {
    if case .object(let o) = v, let s = o as? PyStr { return s }
    throw PyException.typeError(message())
  }

  /// An optional `start`/`end` argument of find-like methods: None or an index.
  static func sliceIndex(_ ts: ThreadState, _ v: Value?) throws(PyException) -> Int? {
    guard let v, !v.isNone else { return nil }
    guard let i = try ts.indexValue(v, clamp: true) else {
      throw PyException.typeError("slice indices must be integers or None or have an __index__ method")
    }
    return i
  }

  /// CPython's ADJUST_INDICES: slice-style start/end clipped to `0...len`
  /// (start may stay above len).
  static func adjust(_ start: Int?, _ end: Int?, _ len: Int) -> (Int, Int) {
    var e = end ?? len
    if e > len { e = len } else if e < 0 { e += len; if e < 0 { e = 0 } }
    var s = start ?? 0
    if s < 0 { s += len; if s < 0 { s = 0 } }
    return (s, e)
  }

  /// Positional-only arguments: CPython names the type in the keyword
  /// error ("str.find() takes no keyword arguments") but not in the count error.
  static func positional(_ args: Args, _ owner: String, _ name: String, min: Int, max: Int,
                         skipSelf: Bool = true) throws(PyException) {
    if args.hasKeywords { throw PyException.typeError("\(owner).\(name)() takes no keyword arguments") }
    if min == max {
      try args.expect(name, min, skipSelf: skipSelf)
    } else {
      try args.expect(name, min: min, max: max, skipSelf: skipSelf)
    }
  }

  /// Parses `(sub[, start[, end]])` positional-only arguments.
  static func subArgs(_ ts: ThreadState, _ args: Args, _ name: String, owner: String = "str") throws(PyException) -> (Value, Int?, Int?) {
    try positional(args, owner, name, min: 1, max: 3)
    let start = args.count > 2 ? try sliceIndex(ts, args[2]) : nil
    let end = args.count > 3 ? try sliceIndex(ts, args[3]) : nil
    return (args[1], start, end)
  }

  /// An integer argument CPython converts to a C `Py_ssize_t` (`width`,
  /// `count`, `maxsplit`), with CPython's messages.
  static func intArg(_ ts: ThreadState, _ v: Value) throws(PyException) -> Int {
    if case .int(let i) = v { return i }
    if v.isFloatValue { throw PyException.typeError("'float' object cannot be interpreted as an integer") }
    guard let i = try ts.indexValue(v, clamp: true) else {
      throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
    }
    if i == Int.max || i == Int.min {
      if case .object(let o) = v, o is PyLong {
        throw PyException.overflow("Python int too large to convert to C ssize_t")
      }
    }
    return i
  }

  /// An integer argument CPython converts to a C `int` (`tabsize`, `keepends`).
  static func cIntArg(_ ts: ThreadState, _ v: Value) throws(PyException) -> Int {
    let i: Int
    if case .int(let x) = v { i = x } else {
      if v.isFloatValue { throw PyException.typeError("'float' object cannot be interpreted as an integer") }
      guard let x = try ts.indexValue(v, clamp: true) else {
        throw PyException.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
      }
      i = x
    }
    if i > Int(Int32.max) || i < Int(Int32.min) {
      throw PyException.overflow("Python int too large to convert to C int")
    }
    return i
  }

  /// The one argument of a binary dunder (`__add__`, `__eq__`, `__contains__`...),
  /// with CPython's message when the count is wrong.
  /// (`leadingSpace`: CPython's wrappers for `__mul__` and `__setitem__`
  /// unpack with an empty function name, which leaves a space first.)
  static func dunderArgs(_ args: Args, _ n: Int = 1, leadingSpace: Bool = false) throws(PyException) {
    if args.count != n + 1 || args.hasKeywords {
      if args.hasKeywords { throw PyException.typeError("wrapper takes no keyword arguments") }
      throw PyException.typeError("\(leadingSpace ? " " : "")expected \(n) argument\(n == 1 ? "" : "s"), got \(args.count - 1)")
    }
  }

  /// A type name as CPython's argument errors spell it ("None" for None).
  static func argTypeName(_ v: Value) -> String { v.isNone ? "None" : v.type.name }

  // MARK: Character classes

  /// Python's `str.isspace` characters (bidirectional WS/B/S or Zs).
  @inline(__always) static func isPythonWhitespace(_ c: Unicode.Scalar) -> Bool {
    isSpace(c.value)
  }

  @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
    if v < 128 { return v == 32 || (v &- 9 < 5) || (v &- 0x1C < 4) }
    switch v {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }


  /// Python's line boundaries for `str.splitlines`.
  @inline(__always) static func isLineBreak(_ v: UInt32) -> Bool {
    switch v {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }
}

// MARK: - UTF-8 access

/// Runs `body` over the UTF-8 bytes of `s` without copying native strings.
@inline(__always)
func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
  if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
  return Array(s.utf8).withUnsafeBufferPointer(body)
}

extension PyStr {
  /// UTF-8 byte offset of code point index `i` (0...count).
  func utf8Offset(_ i: Int) -> Int {
    if isASCII || i <= 0 { return max(i, 0) }
    if i >= count { return value.utf8.count }
    return withUTF8(value) { buf in
      var cp = 0
      var j = 0
      while j < buf.count {
        if buf[j] & 0xC0 != 0x80 {
          if cp == i { return j }
          cp += 1
        }
        j += 1
      }
      return buf.count
    }
  }

  /// Code point index of UTF-8 byte offset `b` (on a code point boundary).
  func codePointIndex(_ b: Int) -> Int {
    if isASCII { return b }
    return withUTF8(value) { buf in
      var n = 0
      for j in 0..<min(b, buf.count) where buf[j] & 0xC0 != 0x80 { n += 1 }
      return n
    }
  }
}

/// Builds a String from UTF-8 bytes appended by `body`.
@inline(__always)
func buildUTF8(capacity: Int, _ body: (inout [UInt8]) -> Void) -> String {
  var out: [UInt8] = []
  out.reserveCapacity(capacity)
  body(&out)
  return String(decoding: out, as: UTF8.self)
}

extension Array where Element == UInt8 {
  /// Appends the UTF-8 encoding of a code point.
  @inline(__always) mutating func appendUTF8(_ c: Unicode.Scalar) {
    let v = c.value
    if v < 0x80 {
      append(UInt8(v))
    } else if v < 0x800 {
      append(UInt8(0xC0 | (v >> 6)))
      append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
      append(UInt8(0xE0 | (v >> 12)))
      append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      append(UInt8(0x80 | (v & 0x3F)))
    } else {
      append(UInt8(0xF0 | (v >> 18)))
      append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      append(UInt8(0x80 | (v & 0x3F)))
    }
  }
}
