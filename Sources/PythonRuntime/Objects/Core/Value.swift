/// A Python value as the VM handles it.
///
/// Small immutable values — `None`, `bool`, machine-word `int` and `float` —
/// live inline and never touch the heap or reference counting, so arithmetic
/// loops run without ARC traffic. Everything else is a heap object (`PyObject`),
/// including `int` values that do not fit in 64 bits (`PyLong`).
///
/// Invariant: an integer that fits in `Int` is always `.int`, never a `PyLong`;
/// this keeps equality and hashing of ints a tag check plus a compare.
enum Value {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case object(PyObject)
  /// "No value": an unbound local variable slot, or the empty half of a
  /// call's `[callable, self]` stack pair. Never visible to Python code.
  case null
}

extension Value {
  /// The Python type of this value.
  var type: PyType {
    switch self {
    case .none: return PyType.noneType
    case .bool: return PyType.bool
    case .int: return PyType.int
    case .float: return PyType.float
    case .object(let o): return o.type
    case .null: return PyType.noneType
    }
  }

  @inline(__always) var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  @inline(__always) var isNone: Bool {
    if case .none = self { return true }
    return false
  }

  @inline(__always) var asObject: PyObject? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// The `str` storage when this value is exactly a `str` (not a subclass instance).
  @inline(__always) var exactStr: PyStr? {
    if case .object(let o) = self, o.kind == .str { return unsafeDowncast(o, to: PyStr.self) }
    return nil
  }

  /// The `str` storage of a `str` or of an instance of a `str` subclass.
  var asStr: PyStr? {
    if case .object(let o) = self { return o as? PyStr }
    return nil
  }

  @inline(__always) var exactList: PyList? {
    if case .object(let o) = self, o.kind == .list { return unsafeDowncast(o, to: PyList.self) }
    return nil
  }

  var asList: PyList? {
    if case .object(let o) = self { return o as? PyList }
    return nil
  }

  @inline(__always) var exactTuple: PyTuple? {
    if case .object(let o) = self, o.kind == .tuple { return unsafeDowncast(o, to: PyTuple.self) }
    return nil
  }

  var asTuple: PyTuple? {
    if case .object(let o) = self { return o as? PyTuple }
    return nil
  }

  @inline(__always) var exactDict: PyDict? {
    if case .object(let o) = self, o.kind == .dict { return unsafeDowncast(o, to: PyDict.self) }
    return nil
  }

  var asDict: PyDict? {
    if case .object(let o) = self { return o as? PyDict }
    return nil
  }

  var asType: PyType? {
    if case .object(let o) = self { return o as? PyType }
    return nil
  }

  var asException: PyException? {
    if case .object(let o) = self { return o as? PyException }
    return nil
  }

  /// Identity as Python's `is` sees it. Inline values compare by value, which
  /// matches CPython for None/bools and for the small cached ints; for floats
  /// and large ints CPython's answer depends on allocation, ours is "equal".
  @inline(__always) func isIdentical(to other: Value) -> Bool {
    switch (self, other) {
    case (.none, .none): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
    case (.object(let a), .object(let b)): return a === b
    case (.null, .null): return true
    default: return false
    }
  }
}

extension Value {
  init(_ s: String) { self = .object(PyStr(s)) }
  init(_ o: PyObject) { self = .object(o) }
  init(_ b: Bool) { self = .bool(b) }
  init(_ i: Int) { self = .int(i) }
  init(_ d: Double) { self = .float(d) }
}
