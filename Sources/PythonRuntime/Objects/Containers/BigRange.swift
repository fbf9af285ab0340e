import BigInt

/// A range with bounds beyond machine words (`range(10**20)`), computed in
/// `BigInt`. Slower than the small form, but with CPython's results: items,
/// slices, membership, `index`/`count` and iteration all work; only `len()`
/// fails, with OverflowError, once the length exceeds an index-sized int.
struct BigRange {
  let start: BigInt
  let stop: BigInt
  let step: BigInt
  let length: BigInt

  init(start: BigInt, stop: BigInt, step: BigInt) {
    self.start = start
    self.stop = stop
    self.step = step
    if step > 0 {
      length = start < stop ? (stop - start - 1) / step + 1 : 0
    } else {
      length = start > stop ? (start - stop - 1) / -step + 1 : 0
    }
  }

  func item(_ i: BigInt) -> BigInt { start + i * step }

  func contains(_ v: BigInt) -> Bool {
    if step > 0 {
      if v < start || v >= stop { return false }
    } else {
      if v > start || v <= stop { return false }
    }
    return (v - start) % step == 0
  }

  func sameSequence(as other: BigRange) -> Bool {
    if length != other.length { return false }
    if length == 0 { return true }
    if start != other.start { return false }
    return length == 1 || step == other.step
  }

  var repr: String {
    let a = NumericFormat.bigIntToDecimal(start), b = NumericFormat.bigIntToDecimal(stop)
    return step == 1 ? "range(\(a), \(b))" : "range(\(a), \(b), \(NumericFormat.bigIntToDecimal(step)))"
  }

  /// `self[slice]`: resolves the slice against the length as
  /// `slice.indices` would, without limits on the numbers.
  func sliced(_ ts: ThreadState, _ s: PySlice) throws(PyException) -> PyRange {
    var sliceStep = BigInt(1)
    if !s.step.isNone {
      sliceStep = try ts.sliceBound(s.step)
      if sliceStep == 0 { throw PyException.valueError("slice step cannot be zero") }
    }
    let lower: BigInt = sliceStep < 0 ? -1 : 0
    let upper: BigInt = sliceStep < 0 ? length - 1 : length
    func clamp(_ v: Value, default d: BigInt) throws(PyException) -> BigInt {
      if v.isNone { return d }
      var i = try ts.sliceBound(v)
      if i < 0 {
        i += length
        if i < lower { i = lower }
      } else if i > upper {
        i = upper
      }
      return i
    }
    let from = try clamp(s.start, default: sliceStep < 0 ? upper : lower)
    let to = try clamp(s.stop, default: sliceStep < 0 ? lower : upper)
    return PyRange.make(start: item(from), stop: item(to), step: step * sliceStep)
  }

  /// Iterating in reverse: the same items from the last one down.
  var reversed: BigRange {
    let last = start + (length - 1) * step
    return BigRange(start: last, stop: start - step, step: -step)
  }
}

/// Iterates a `BigRange` (`longrange_iterator` in CPython).
final class PyBigRangeIterator: PyNativeIterator {
  private var current: BigInt
  private var remaining: BigInt
  private let step: BigInt

  init(_ r: BigRange) {
    current = r.start
    remaining = r.length
    step = r.step
    super.init(type: PyType.longRangeIterator)
  }

  override func next(_ ts: ThreadState) throws(PyException) -> Value? {
    if remaining <= 0 { return nil }
    let v = current
    current += step
    remaining -= 1
    return .int(v)
  }

  override var lengthHint: Int? { Int(exactly: remaining) }
}

extension ThreadState {
  /// The value of an int-like (`__index__`) object without size limits; nil
  /// when it has no `__index__`.
  func bigIndexValue(_ v: Value) throws(PyException) -> BigInt? {
    if let b = v.bigIntValue, v.isInt { return b }
    guard case .object(let o) = v, let m = o.type.lookup(names.__index__) else { return nil }
    let r = try callMethodValue(m, v)
    guard r.isInt, let b = r.bigIntValue else {
      throw PyException.typeError("__index__ returned non-int (type \(r.type.name))")
    }
    return b
  }

  fileprivate func sliceBound(_ v: Value) throws(PyException) -> BigInt {
    guard let b = try bigIndexValue(v) else {
      throw PyException.typeError("slice indices must be integers or None or have an __index__ method")
    }
    return b
  }
}

extension Value {
  /// The value of an exact `int` or a `bool` (not an int subclass, whose
  /// `__eq__` may differ): what range membership can compute instead of
  /// searching.
  var rangeMemberValue: BigInt? {
    switch self {
    case .int(let i): return BigInt(i)
    case .bool(let b): return b ? 1 : 0
    case .object(let o):
      guard o.type === PyType.int, let l = o as? PyLong else { return nil }
      return l.value
    default: return nil
    }
  }
}

extension ThreadState {
  /// `item in container` by iterating and comparing (for values whose
  /// membership cannot be computed, like `1.0 in range(3)`).
  func iterationContains(_ container: Value, _ item: Value) throws(PyException) -> Bool {
    let it = try getIter(container)
    while let v = try next(it) {
      if try richEqual(v, item) { return true }
    }
    return false
  }

  /// The position of the first item equal to `item`, by iterating.
  func iterationIndex(_ container: Value, _ item: Value) throws(PyException) -> Int? {
    let it = try getIter(container)
    var i = 0
    while let v = try next(it) {
      if try richEqual(v, item) { return i }
      i += 1
    }
    return nil
  }

  /// How many items equal `item`, by iterating.
  func iterationCount(_ container: Value, _ item: Value) throws(PyException) -> Int {
    let it = try getIter(container)
    var n = 0
    while let v = try next(it) {
      if try richEqual(v, item) { n += 1 }
    }
    return n
  }
}
