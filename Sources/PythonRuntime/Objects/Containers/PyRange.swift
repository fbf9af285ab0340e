import BigInt

/// `range(start, stop, step)`. Ranges whose bounds and step lie within
/// ±2^61 (all that real programs use) keep machine words, so every
/// intermediate result (`v - start`, `start - step`, the length) fits in an
/// `Int`; those have kind `.range` and the interpreter's fast paths. Any
/// other range keeps `BigInt`s in `big` and has kind `.other`, so it goes
/// through the `range` type's methods, which handle both forms.
final class PyRange: PyObject {
  /// The machine-word form (meaningless when `big` is set).
  let start: Int
  let stop: Int
  let step: Int
  let length: Int
  let big: BigRange?

  static let smallLimit = 1 << 61

  /// A range known to be within the small limits.
  init(start: Int, stop: Int, step: Int) {
    self.start = start
    self.stop = stop
    self.step = step
    if step > 0 {
      length = start < stop ? (stop - start - 1) / step + 1 : 0
    } else {
      length = start > stop ? (start - stop - 1) / -step + 1 : 0
    }
    big = nil
    super.init(type: PyType.range, kind: .range)
  }

  private init(big: BigRange) {
    start = 0
    stop = 0
    step = 1
    length = 0
    self.big = big
    super.init(type: PyType.range, kind: .other)
  }

  /// The range of these (arbitrary) bounds; `step` is not zero.
  static func make(start: BigInt, stop: BigInt, step: BigInt) -> PyRange {
    if let a = small(start), let b = small(stop), let c = small(step) {
      return PyRange(start: a, stop: b, step: c)
    }
    return PyRange(big: BigRange(start: start, stop: stop, step: step))
  }

  static func make(start: Int, stop: Int, step: Int) -> PyRange {
    let limit = smallLimit
    if start.magnitude <= limit && stop.magnitude <= limit && step.magnitude <= limit {
      return PyRange(start: start, stop: stop, step: step)
    }
    return PyRange(big: BigRange(start: BigInt(start), stop: BigInt(stop), step: BigInt(step)))
  }

  private static func small(_ v: BigInt) -> Int? {
    guard let i = Int(exactly: v), i.magnitude <= smallLimit else { return nil }
    return i
  }

  /// Both forms as `BigInt`s (for the slow paths).
  var bounds: BigRange {
    big ?? BigRange(start: BigInt(start), stop: BigInt(stop), step: BigInt(step))
  }

  func item(_ i: Int) -> Int { start &+ i &* step }

  func sameSequence(as other: PyRange) -> Bool {
    if big != nil || other.big != nil { return bounds.sameSequence(as: other.bounds) }
    if length != other.length { return false }
    if length == 0 { return true }
    if start != other.start { return false }
    return length == 1 || step == other.step
  }

  func contains(_ v: Int) -> Bool {
    if let b = big { return b.contains(BigInt(v)) }
    if step > 0 {
      if v < start || v >= stop { return false }
    } else {
      if v > start || v <= stop { return false }
    }
    return (v - start) % step == 0
  }

  var repr: String {
    if let b = big { return b.repr }
    return step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
  }
}

/// `slice(start, stop, step)`.
final class PySlice: PyObject {
  let start: Value
  let stop: Value
  let step: Value

  init(start: Value, stop: Value, step: Value) {
    self.start = start
    self.stop = stop
    self.step = step
    super.init(type: PyType.slice, kind: .slice)
  }

  /// Resolves the slice against a sequence of `length` items (`slice.indices`).
  func indices(_ ts: ThreadState, length: Int) throws(PyException) -> (start: Int, stop: Int, step: Int, count: Int) {
    var st = 1
    if !step.isNone {
      guard let s = try ts.indexValue(step, clamp: true) else {
        throw PyException.typeError("slice indices must be integers or None or have an __index__ method")
      }
      if s == 0 { throw PyException.valueError("slice step cannot be zero") }
      // Like CPython, -maxsize at the lowest, so that the step can be negated.
      st = max(s, -Int.max)
    }
    func clamp(_ v: Value, _ dflt: Int, _ lower: Int, _ upper: Int) throws(PyException) -> Int {
      if v.isNone { return dflt }
      guard var i = try ts.indexValue(v, clamp: true) else {
        throw PyException.typeError("slice indices must be integers or None or have an __index__ method")
      }
      if i < 0 {
        i += length
        if i < lower { i = lower }
      } else if i > upper {
        i = upper
      }
      return i
    }
    let lo: Int, hi: Int
    if st > 0 {
      lo = try clamp(start, 0, 0, length)
      hi = try clamp(stop, length, 0, length)
    } else {
      lo = try clamp(start, length - 1, -1, length - 1)
      hi = try clamp(stop, -1, -1, length - 1)
    }
    var count = 0
    if st > 0 {
      if lo < hi { count = (hi - lo - 1) / st + 1 }
    } else {
      if hi < lo { count = (lo - hi - 1) / (-st) + 1 }
    }
    return (lo, hi, st, count)
  }
}

/// Base class of the iterators implemented in Swift.
class PyNativeIterator: PyObject {
  override init(type: PyType, kind: ObjKind = .other) { super.init(type: type, kind: kind) }
  /// The next item, or nil when exhausted.
  func next(_ ts: ThreadState) throws(PyException) -> Value? { nil }
  /// `__length_hint__`, when known.
  var lengthHint: Int? { nil }
}

final class PyRangeIterator: PyNativeIterator {
  private var current: Int
  private var remaining: Int
  private let step: Int

  init(_ r: PyRange) {
    current = r.start
    remaining = r.length
    step = r.step
    super.init(type: PyType.rangeIterator, kind: .rangeIterator)
  }

  @inline(__always) func nextInt() -> Value? {
    if remaining <= 0 { return nil }
    let v = current
    current &+= step
    remaining -= 1
    return .int(v)
  }

  override func next(_ ts: ThreadState) throws(PyException) -> Value? { nextInt() }
  override var lengthHint: Int? { max(remaining, 0) }
}

final class PyListIterator: PyNativeIterator {
  private var list: PyList?
  private var index = 0

  init(_ l: PyList) {
    list = l
    super.init(type: PyType.listIterator, kind: .listIterator)
  }

  @inline(__always) func nextItem() -> Value? {
    guard let l = list else { return nil }
    if index < l.items.count {
      let v = l.items[index]
      index += 1
      return v
    }
    list = nil
    return nil
  }

  override func next(_ ts: ThreadState) throws(PyException) -> Value? { nextItem() }
  override var lengthHint: Int? { list.map { max($0.items.count - index, 0) } ?? 0 }
}

/// Iterates a fixed array of values (tuples, snapshots of keys, ...).
final class PyArrayIterator: PyNativeIterator {
  private let items: ContiguousArray<Value>
  private var index = 0

  init(_ items: ContiguousArray<Value>, type: PyType) {
    self.items = items
    super.init(type: type)
  }

  override func next(_ ts: ThreadState) throws(PyException) -> Value? {
    if index < items.count {
      let v = items[index]
      index += 1
      return v
    }
    return nil
  }
  override var lengthHint: Int? { items.count - index }
}

/// Iterates a str by code point.
final class PyStrIterator: PyNativeIterator {
  private let str: PyStr
  private var index = 0
  private let count: Int

  init(_ s: PyStr) {
    str = s
    count = s.count
    super.init(type: PyType.strIterator)
  }

  override func next(_ ts: ThreadState) throws(PyException) -> Value? {
    if index < count {
      let c = str.character(at: index)
      index += 1
      return .object(c)
    }
    return nil
  }
  override var lengthHint: Int? { count - index }
}

/// Iterates a dict's keys, values or items, detecting size changes.
final class PyDictIterator: PyNativeIterator {
  enum Mode { case keys, values, items }
  private let dictionary: PyDict
  private let mode: Mode
  private var position = 0
  private let startCount: Int
  private var seen = 0

  init(_ d: PyDict, mode: Mode) {
    dictionary = d
    self.mode = mode
    startCount = d.count
    let t: PyType
    switch mode {
    case .keys: t = PyType.dictKeyIterator
    case .values: t = PyType.dictValueIterator
    case .items: t = PyType.dictItemIterator
    }
    super.init(type: t)
  }

  override func next(_ ts: ThreadState) throws(PyException) -> Value? {
    if dictionary.count != startCount {
      position = Int.max / 2
      throw PyException.runtimeError("dictionary changed size during iteration")
    }
    while position < dictionary.entryCapacity {
      let p = position
      position += 1
      if let e = dictionary.entry(at: p) {
        seen += 1
        switch mode {
        case .keys: return e.key
        case .values: return e.value
        case .items: return .object(PyTuple([e.key, e.value]))
        }
      }
    }
    return nil
  }
  override var lengthHint: Int? { max(startCount - seen, 0) }
}

/// Iterates a set, detecting size changes.
final class PySetIterator: PyNativeIterator {
  private let source: PySet
  private let items: [Value]
  private var index = 0
  private let startCount: Int

  init(_ s: PySet) {
    source = s
    items = s.keys
    startCount = s.count
    super.init(type: PyType.setIterator)
  }

  override func next(_ ts: ThreadState) throws(PyException) -> Value? {
    if source.count != startCount {
      throw PyException.runtimeError("Set changed size during iteration")
    }
    if index < items.count {
      let v = items[index]
      index += 1
      return v
    }
    return nil
  }
  override var lengthHint: Int? { items.count - index }
}

/// The iterator of an object that only has `__getitem__` (the old sequence protocol).
final class PySeqIterator: PyNativeIterator {
  private var seq: Value?
  private var index = 0

  init(_ seq: Value) {
    self.seq = seq
    super.init(type: PyType.seqIterator)
  }

  override func next(_ ts: ThreadState) throws(PyException) -> Value? {
    guard let s = seq else { return nil }
    do throws(PyException) {
      let v = try ts.getItem(s, .int(index))
      index += 1
      return v
    } catch {
      if error.isInstance(of: PyType.indexError) || error.isInstance(of: PyType.stopIteration) {
        seq = nil
        return nil
      }
      throw error
    }
  }
}

/// `iter(callable, sentinel)`.
final class PyCallableIterator: PyNativeIterator {
  private var callable: Value?
  private let sentinel: Value

  init(_ callable: Value, sentinel: Value) {
    self.callable = callable
    self.sentinel = sentinel
    super.init(type: PyType.callableIterator)
  }

  override func next(_ ts: ThreadState) throws(PyException) -> Value? {
    guard let c = callable else { return nil }
    let v = try ts.call(c)
    if try ts.richEqual(v, sentinel) {
      callable = nil
      return nil
    }
    return v
  }
}

/// An iterator defined by a Swift closure (map, filter, zip, enumerate, itertools ...).
final class PyClosureIterator: PyNativeIterator {
  private var body: ((ThreadState) throws(PyException) -> Value?)?

  init(type: PyType, _ body: @escaping (ThreadState) throws(PyException) -> Value?) {
    self.body = body
    super.init(type: type)
  }

  override func next(_ ts: ThreadState) throws(PyException) -> Value? {
    guard let b = body else { return nil }
    if let v = try b(ts) { return v }
    body = nil
    return nil
  }
}
