import BigInt

/// Connects the numeric text library (`NumericFormat`, `NumericOps`,
/// `NumericParse`, which report errors as `NumericError`) to Python
/// exceptions.
extension NumericError {
  var pyException: PyException {
    switch kind {
    case .valueError: return PyException.valueError(message)
    case .typeError: return PyException.typeError(message)
    case .overflowError: return PyException.overflow(message)
    case .zeroDivisionError: return PyException.zeroDivision(message)
    case .memoryError: return PyException.memoryError(message)
    }
  }
}

/// Runs a numeric-library call, turning its errors into Python exceptions.
@inline(__always)
func numeric<T>(_ body: () throws -> T) throws(PyException) -> T {
  do {
    return try body()
  } catch let e as NumericError {
    throw e.pyException
  } catch let e as PyException {
    throw e
  } catch {
    throw PyException.systemError("\(error)")
  }
}

extension IntegerValue {
  var value: Value {
    switch self {
    case .small(let i): return .int(i)
    case .big(let b): return Value.int(b)
    }
  }
}

extension Value {
  /// The integer as the numeric library sees it (int, bool, int subclasses).
  var integerValue: IntegerValue? {
    switch self {
    case .int(let i): return .small(i)
    case .bool(let b): return .small(b ? 1 : 0)
    case .object(let o):
      if let l = o as? PyLong { return IntegerValue(l.value) }
      return nil
    default: return nil
    }
  }
}

enum FloatFormat {
  @inline(__always) static func repr(_ d: Double) -> String { NumericFormat.floatRepr(d) }
}

/// `format(x, spec)` for the builtin scalar types.
enum FormatBridge {
  static func formatInt(_ v: BigInt, _ spec: String) throws(PyException) -> String {
    if let i = Int(exactly: v) { return try numeric { try NumericFormat.format(i, spec: spec) } }
    return try numeric { try NumericFormat.format(v, spec: spec) }
  }

  static func formatFloat(_ d: Double, _ spec: String) throws(PyException) -> String {
    if spec.isEmpty { return NumericFormat.floatRepr(d) }
    return try numeric { try NumericFormat.format(d, spec: spec) }
  }

  static func formatStr(_ s: String, _ spec: String) throws(PyException) -> String {
    if spec.isEmpty { return s }
    return try numeric { try NumericFormat.format(s, spec: spec) }
  }
}

/// `str % args` and `bytes % args`.
enum PercentFormatting {
  static func format(_ ts: ThreadState, _ fmt: String, _ right: Value) throws(PyException) -> Value {
    let args = try arguments(ts, right)
    let hooks = makeHooks(ts)
    return Value(try numeric { try NumericFormat.percentFormat(fmt, args, hooks: hooks) })
  }

  static func formatBytes(_ ts: ThreadState, _ fmt: [UInt8], _ right: Value, asByteArray: Bool) throws(PyException) -> Value {
    // bytes % works on latin-1 text; %s takes bytes-like objects.
    let text = String(String.UnicodeScalarView(bytesPercentSpec(fmt).map { Unicode.Scalar($0) }))
    let args = try arguments(ts, right, forBytes: true)
    var hooks = makeHooks(ts)
    // A str is not a bytes-like argument: route it through `hooks.str` (which refuses it).
    let baseClassify = hooks.classify
    hooks.classify = { v in
      if case .object(let o) = v, o is PyStr { return .other }
      // A single byte serves `%c`.
      if let b = ts.bytesLike(v), b.count == 1 { return .string(String(Unicode.Scalar(b[0]))) }
      return baseClassify(v)
    }
    hooks.str = { (v: Value) throws -> String in
      if let b = ts.bytesLike(v) { return String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) })) }
      throw PyException.typeError(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '\(v.type.name)'")
    }
    let out: String
    do throws(PyException) {
      out = try numeric { try NumericFormat.percentFormat(text, args, hooks: hooks) }
    } catch {
      if error.firstArgString == "not all arguments converted during string formatting" {
        throw PyException.typeError("not all arguments converted during bytes formatting")
      }
      throw error
    }
    let bytes = out.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    return asByteArray ? .object(PyByteArray(bytes)) : .object(PyBytes(bytes))
  }

  /// The bytes format with `%b` conversions spelled `%s` (the same thing for bytes).
  private static func bytesPercentSpec(_ fmt: [UInt8]) -> [UInt8] {
    var out = fmt
    var i = 0
    while i < out.count {
      guard out[i] == 37 else { i += 1; continue }
      var j = i + 1
      if j < out.count && out[j] == 40 {  // (key)
        var depth = 1
        j += 1
        while j < out.count && depth > 0 {
          if out[j] == 40 { depth += 1 } else if out[j] == 41 { depth -= 1 }
          j += 1
        }
      }
      while j < out.count && [45, 43, 32, 35, 48].contains(out[j]) { j += 1 }
      while j < out.count && (out[j] == 42 || (out[j] >= 48 && out[j] <= 57)) { j += 1 }
      if j < out.count && out[j] == 46 {
        j += 1
        while j < out.count && (out[j] == 42 || (out[j] >= 48 && out[j] <= 57)) { j += 1 }
      }
      while j < out.count && [104, 108, 76].contains(out[j]) { j += 1 }
      if j < out.count && out[j] == 98 { out[j] = 115 }
      i = j + 1
    }
    return out
  }

  /// A tuple, a mapping (any object with `__getitem__` other than a str —
  /// and, for bytes formatting, other than a bytes-like object) or a single value.
  private static func arguments(_ ts: ThreadState, _ right: Value, forBytes: Bool = false) throws(PyException) -> PercentArguments<Value> {
    if let t = right.exactTuple ?? right.asTuple { return .tuple(Array(t.items)) }
    let isMapping: Bool = {
      guard case .object(let o) = right else { return false }
      if o.kind == .str || o is PyStr { return false }
      if forBytes && (o is PyBytes || o is PyByteArray || o is PyMemoryView) { return false }
      return o.type.lookup(names.__getitem__) != nil
    }()
    if isMapping {
      return .mapping(right, lookup: { (key: String) throws -> Value in
        try ts.getItem(right, Value(key))
      })
    }
    return .single(right)
  }

  private static func makeHooks(_ ts: ThreadState) -> PercentHooks<Value> {
    PercentHooks<Value>(
      classify: { v in
        switch v {
        case .int(let i): return .int(.small(i))
        case .bool(let b): return .int(.small(b ? 1 : 0))
        case .float(let d): return .float(d)
        case .object(let o):
          if o.kind == .str { return .string(unsafeDowncast(o, to: PyStr.self).value) }
          if o.kind == .long { return .int(IntegerValue(unsafeDowncast(o, to: PyLong.self).value)) }
          return .other
        default: return .other
        }
      },
      str: { v in try ts.str(v) },
      repr: { v in try ts.repr(v) },
      typeName: { v in v.type.name },
      toInteger: { v in
        if let i = v.integerValue { return i }
        if let d = v.floatValue { return try numeric { try NumericOps.toInteger(d) } }
        if v.type.lookup(names.__int__) != nil || v.type.lookup(names.__index__) != nil {
          let r = try ts.callMethod(v, v.type.lookup(names.__int__) != nil ? names.__int__ : names.__index__)
          return r.integerValue
        }
        return nil
      },
      toIndex: { v in
        if let i = v.integerValue { return i }
        if v.type.lookup(names.__index__) != nil { return try ts.callMethod(v, names.__index__).integerValue }
        return nil
      },
      toDouble: { v in
        if let d = v.floatValue { return d }
        if let i = v.integerValue { return try numeric { try NumericOps.toDouble(i) } }
        if v.type.lookup(names.__float__) != nil { return try ts.callMethod(v, names.__float__).floatValue }
        return nil
      })
  }
}
