import BigInt

/// An `int` that does not fit in a machine word, or an instance of an `int`
/// subclass (whose value may be small). Exact small ints are `Value.int`.
final class PyLong: PyObject {
  let value: BigInt

  init(_ value: BigInt) {
    self.value = value
    super.init(type: PyType.int, kind: .long)
  }

  init(_ value: BigInt, type: PyType) {
    self.value = value
    super.init(type: type, kind: .long)
  }
}

/// An instance of a `float` subclass (exact floats are `Value.float`).
final class PyFloatObject: PyObject {
  let value: Double
  init(_ value: Double, type: PyType) {
    self.value = value
    super.init(type: type, kind: .other)
  }
}

extension Value {
  /// Normalises a big integer: machine-word values become `.int`.
  static func int(_ b: BigInt) -> Value {
    if let i = Int(exactly: b) { return .int(i) }
    return .object(PyLong(b))
  }

  /// The integer value of an `int` (or `bool`, or int subclass instance).
  var bigIntValue: BigInt? {
    switch self {
    case .int(let i): return BigInt(i)
    case .bool(let b): return b ? 1 : 0
    case .object(let o):
      if let l = o as? PyLong { return l.value }
      return nil
    default: return nil
    }
  }

  /// True for `int`, `bool` and int subclass instances.
  var isInt: Bool {
    switch self {
    case .int, .bool: return true
    case .object(let o): return o is PyLong
    default: return false
    }
  }

  /// The machine-word value of an int-like value when it fits.
  var smallInt: Int? {
    switch self {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .object(let o):
      if let l = o as? PyLong { return Int(exactly: l.value) }
      return nil
    default: return nil
    }
  }

  /// The float value of a float or float subclass instance.
  var floatValue: Double? {
    switch self {
    case .float(let d): return d
    case .object(let o): return (o as? PyFloatObject)?.value
    default: return nil
    }
  }
}
